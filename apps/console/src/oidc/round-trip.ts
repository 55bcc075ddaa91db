import { OidcError } from './oidc-error';

/**
 * The values that must survive the trip to the provider and back (the page is left and loaded anew):
 * random one-time values and the console path to return to; no token, nothing personal. They are the
 * only thing the sign-in keeps in sessionStorage (this tab only), and are removed as soon as they are
 * read, whether the sign-in then succeeds or not.
 */
export interface RoundTrip {
  state: string;
  nonce: string;
  codeVerifier: string;
  /** The console path the user was on (`/cases/42`), opened again after signing in. */
  returnTo: string;
  /** Epoch ms after which an unfinished sign-in is not accepted any more. */
  expiresAt: number;
}

const KEY = 'nrm.oidc.roundTrip';
/** Long enough to type a password and a second factor at the provider. */
export const ROUND_TRIP_MS = 10 * 60_000;

/** sessionStorage in the browser; what the flow needs of it. */
export interface RoundTripStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function saveRoundTrip(values: RoundTrip, storage: RoundTripStorage): void {
  storage.setItem(KEY, JSON.stringify(values));
}

/** The saved values, removed from storage in the same step: a callback can be completed only once. */
export function takeRoundTrip(storage: RoundTripStorage, now = Date.now()): RoundTrip {
  const raw = storage.getItem(KEY);
  storage.removeItem(KEY);
  if (raw === null) throw new OidcError('roundTrip');
  let saved: Partial<RoundTrip>;
  try {
    saved = JSON.parse(raw) as Partial<RoundTrip>;
  } catch {
    throw new OidcError('roundTrip');
  }
  const { state, nonce, codeVerifier, returnTo, expiresAt } = saved;
  if (
    typeof state !== 'string' ||
    typeof nonce !== 'string' ||
    typeof codeVerifier !== 'string' ||
    typeof expiresAt !== 'number' ||
    expiresAt < now
  )
    throw new OidcError('roundTrip');
  return { state, nonce, codeVerifier, returnTo: safeReturnPath(returnTo), expiresAt };
}

/** A path of this console only: never another site (`//evil.example`), never the callback again. */
export function safeReturnPath(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.includes('\\'))
    return '/';
  return path.startsWith('/auth/') ? '/' : path;
}
