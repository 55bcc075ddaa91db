import { COMMON_PASSWORDS } from './common-passwords';
import { passwordProblems, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password-policy';

/** The reasons, as written: the API returns them to whoever sets a password. */
const LENGTH = 'password must be 12 to 256 characters';
const USERNAME = 'password must not contain the username';
const COMMON = 'password is too common; choose another one';

/** `length` characters (code points), no two neighbours alike, no word, no username 'ana'. */
const varied = (length: number) =>
  Array.from({ length }, (_, i) => 'bcdfghjkmnpqrstvwxz2345679'[i % 26]).join('');

describe('password policy', () => {
  it('states the limits it enforces', () => {
    expect([PASSWORD_MIN_LENGTH, PASSWORD_MAX_LENGTH]).toEqual([12, 256]);
  });

  it.each([
    ['a long passphrase', 'riverboat lantern quietly 1987', 'ana'],
    ['exactly the minimum length', varied(12), 'ana'],
    ['exactly the maximum length', varied(256), 'ana'],
    ['256 characters, six of which take two UTF-16 units', varied(250) + '🚣🌊🚣🌊🚣🌊', 'ana'],
    ['one that shares only part of the username', 'anatomy lesson 1987', 'ana.popescu'],
    ['anything long enough when no username is given', 'riverboat lantern quietly 1987', ''],
    ['a common password with something added', 'qwerty123456 riverboat', 'ana'],
    ['a common password changed by one character', 'qwerty123457', 'ana'],
    ['two characters repeated', 'abababababab', 'ana'],
    ['one character repeated but once', '###########!', 'ana'],
  ])('accepts %s', (_why, password, username) => {
    expect(passwordProblems(password, username)).toEqual([]);
  });

  it.each([
    ['a password one character too short', varied(11), 'ana', [LENGTH]],
    ['the empty password', '', 'ana', [LENGTH]],
    ['a password one character too long', varied(257), 'ana', [LENGTH]],
    ['11 characters that are 22 UTF-16 units', '🚣🌊🚣🌊🚣🌊🚣🌊🚣🌊🚣', 'ana', [LENGTH]],
    ['a password holding the username', 'xx-ana.popescu-2024', 'ana.popescu', [USERNAME]],
    ['a password holding the username in another case', 'xx-Ana.Popescu-2024', 'ana.POPESCU', [USERNAME]],
    ['the username itself', 'ana.popescu.1996', 'ana.popescu.1996', [USERNAME]],
    ['a common password', 'qwerty123456', 'ana', [COMMON]],
    ['a common password in another case', 'QWERTY123456', 'ana', [COMMON]],
    ['one character repeated', '############', 'ana', [COMMON]],
    ['one character repeated, a line break', '\n'.repeat(12), 'ana', [COMMON]],
    ['one character repeated, outside the BMP', '🚣'.repeat(12), 'ana', [COMMON]],
    ['a password too short and holding the username', 'ana-1', 'ana', [LENGTH, USERNAME]],
    ['a password too short and one character repeated', 'xxxxx', 'ana', [LENGTH, COMMON]],
    [
      'a password too short, holding the username and one character repeated',
      'aaaa',
      'aa',
      [LENGTH, USERNAME, COMMON],
    ],
    ['a common password holding the username', 'password1234', 'word', [USERNAME, COMMON]],
  ])('refuses %s, for exactly the rules it breaks', (_why, password, username, problems) => {
    expect(passwordProblems(password, username)).toEqual(problems);
  });

  it('refuses every listed common password, in any case, as too common', () => {
    // (A few entries are shorter than 12 characters and so break the length rule as well.)
    for (const entry of COMMON_PASSWORDS) {
      for (const variant of [entry, entry.toUpperCase()]) {
        expect({ variant, problems: passwordProblems(variant, '') }).toEqual({
          variant,
          problems: expect.arrayContaining([COMMON]),
        });
      }
    }
  });

  it('lists a few hundred common passwords, all lower-case', () => {
    expect(COMMON_PASSWORDS.size).toBeGreaterThan(200);
    for (const entry of COMMON_PASSWORDS) expect(entry).toBe(entry.toLowerCase());
  });
});
