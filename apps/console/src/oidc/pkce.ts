/**
 * PKCE (RFC 7636) and the other one-time values of the authorization code flow: random from
 * crypto.getRandomValues, the S256 challenge from crypto.subtle, both available in every supported
 * browser and in Node (the unit tests).
 */

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as 43 base64url characters: a code_verifier (RFC 7636, 4.1), a state, a nonce. */
export function randomToken(bytes = 32): string {
  return base64url(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** code_challenge = BASE64URL(SHA-256(ASCII(code_verifier))) (RFC 7636, 4.2, method S256). */
export async function codeChallengeS256(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}
