import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblems } from './password-policy';

describe('password policy', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblems('riverboat lantern quietly 1987', 'ana')).toEqual([]);
  });
  it.each([
    ['too short', 'short pass1', 'ana'],
    ['too long', 'a1'.repeat(129), 'ana'],
    ['holds the username in any case', 'xx-Ana.Popescu-2024', 'ana.popescu'],
    ['common', 'QWERTY123456', 'ana'],
    ['one character repeated', '############', 'ana'],
  ])('refuses a password that is %s', (_why, password, username) => {
    expect(passwordProblems(password, username)).not.toEqual([]);
  });
  it('lists a few hundred common passwords, all lower-case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(200);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
  });
});
