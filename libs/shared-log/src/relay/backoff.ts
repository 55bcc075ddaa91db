export interface BackoffOptions {
  /** First wait after a failure. Default 200 ms. */
  initialMs?: number;
  /** Cap. Default 10 s (a broker restart takes 8–15 s; waiting longer only delays recovery). */
  maxMs?: number;
}

/** Capped exponential backoff with full jitter, so relays of many nodes do not retry in step. */
export function backoffDelay(attempt: number, options: BackoffOptions = {}, random = Math.random): number {
  const initial = options.initialMs ?? 200;
  const max = options.maxMs ?? 10_000;
  const ceiling = Math.min(max, initial * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
