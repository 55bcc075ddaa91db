/**
 * Why a sign-in through the identity provider failed; each reason has its text (oidc.errors.<reason>).
 * No token or code is ever part of one: these reach the screen, and could reach a bug report.
 */
export type OidcFailure =
  | 'discovery'
  | 'roundTrip'
  | 'state'
  | 'issuer'
  | 'provider'
  | 'token'
  | 'idToken'
  | 'notAccepted'
  | 'network';

export class OidcError extends Error {
  constructor(
    readonly reason: OidcFailure,
    /** The provider's `error` code (access_denied...), when it sent one. */
    readonly code?: string,
  ) {
    super(`OpenID Connect sign-in failed: ${reason}${code ? ` (${code})` : ''}`);
    this.name = 'OidcError';
  }
}
