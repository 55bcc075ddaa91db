import { base64url, codeChallengeS256, randomToken } from './pkce';

describe('PKCE (RFC 7636)', () => {
  // RFC 7636, Appendix B: the 32 octets, their base64url code_verifier and its S256 challenge.
  const OCTETS = [
    116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214,
    191, 240, 91, 88, 5, 88, 83, 132, 141, 121,
  ];
  const VERIFIER = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const CHALLENGE = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  it('encodes the octets of Appendix B as its code_verifier (base64url, no padding)', () => {
    expect(base64url(new Uint8Array(OCTETS))).toBe(VERIFIER);
  });

  it('derives the S256 code_challenge of Appendix B', async () => {
    expect(await codeChallengeS256(VERIFIER)).toBe(CHALLENGE);
  });

  it('makes 43-character verifiers from the allowed alphabet, never twice the same', () => {
    const tokens = Array.from({ length: 50 }, () => randomToken());
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(new Set(tokens).size).toBe(tokens.length);
  });
});
