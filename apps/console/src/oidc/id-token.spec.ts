import { checkIdToken } from './id-token';
import { OidcError } from './oidc-error';

const ISSUER = 'https://idp.example.org/realms/nrm';
const NOW = 1_800_000_000;
const expected = { issuer: ISSUER, clientId: 'nrm-console', nonce: 'nonce-of-this-sign-in', now: NOW };

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const idToken = (claims: Record<string, unknown>) =>
  `${encode({ alg: 'RS256', kid: 'k' })}.${encode({
    iss: ISSUER,
    aud: 'nrm-console',
    sub: 'idp-user-7',
    nonce: 'nonce-of-this-sign-in',
    exp: NOW + 300,
    iat: NOW,
    ...claims,
  })}.c2lnbmF0dXJl`;

const reasonOf = (token: string) => {
  try {
    checkIdToken(token, expected);
    return 'accepted';
  } catch (error) {
    return error instanceof OidcError ? error.reason : 'other';
  }
};

describe('the ID token of the token answer', () => {
  it('is accepted for this issuer, this client and this sign-in’s nonce (names in UTF-8 too)', () => {
    expect(reasonOf(idToken({}))).toBe('accepted');
    expect(
      reasonOf(idToken({ name: 'Ana Popescu-Țurcanu', aud: ['nrm-console', 'x'], azp: 'nrm-console' })),
    ).toBe('accepted');
  });

  it.each([
    ['another nonce (a replayed or injected answer)', { nonce: 'someone-elses' }],
    ['no nonce', { nonce: undefined }],
    ['another issuer', { iss: 'https://evil.example.org' }],
    ['another audience', { aud: 'another-client' }],
    ['several audiences, azp another client', { aud: ['nrm-console', 'x'], azp: 'x' }],
    ['expired', { exp: NOW - 600 }],
    ['no expiry', { exp: undefined }],
  ])('is refused: %s', (_why, claims) => {
    expect(reasonOf(idToken(claims))).toBe('idToken');
  });

  it('is refused when it is no JWT', () => {
    for (const token of [
      '',
      'a.b',
      'a.!!!.c',
      `${encode({})}.${Buffer.from('[1]').toString('base64url')}.x`,
    ]) {
      expect(reasonOf(token)).toBe('idToken');
    }
  });
});
