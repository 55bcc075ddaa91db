import { COMMON_PASSWORDS } from './common-passwords';

/**
 * The rule a well-formed password breaks when the policy refuses it (422: the request matches the
 * document, its lengths included, but the node will not take that password).
 */
export const PASSWORD_POLICY_RULE = 'password-policy';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/**
 * NIST SP 800-63B style: length matters, composition rules do not; refuse what an attacker tries
 * first (the username, the most common passwords, one repeated character). Returns the reasons.
 */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    problems.push(`password must be ${PASSWORD_MIN_LENGTH} to ${PASSWORD_MAX_LENGTH} characters`);
  }
  const lower = password.toLowerCase();
  if (username && lower.includes(username.toLowerCase()))
    problems.push('password must not contain the username');
  if (COMMON_PASSWORDS.has(lower) || /^(.)\1*$/su.test(password)) {
    problems.push('password is too common; choose another one');
  }
  return problems;
}
