import { OidcError } from './oidc-error';
import { safeReturnPath, saveRoundTrip, takeRoundTrip, type RoundTrip } from './round-trip';

/** sessionStorage's three methods over a Map, to see exactly what is kept. */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const TRIP: RoundTrip = {
  state: 's'.repeat(43),
  nonce: 'n'.repeat(43),
  codeVerifier: 'v'.repeat(43),
  returnTo: '/cases/42',
  expiresAt: 2_000,
};

const reasonOf = (run: () => unknown): string | undefined => {
  try {
    run();
  } catch (error) {
    return error instanceof OidcError ? error.reason : 'other';
  }
  return undefined;
};

describe('the values kept for the trip to the provider and back', () => {
  it('are read once: taking them removes them, so a callback cannot be replayed', () => {
    const storage = memoryStorage();
    saveRoundTrip(TRIP, storage);
    expect(storage.items.size).toBe(1);
    expect(takeRoundTrip(storage, 1_000)).toEqual(TRIP);
    expect(storage.items.size).toBe(0);
    expect(reasonOf(() => takeRoundTrip(storage, 1_000))).toBe('roundTrip');
  });

  it('are refused, and removed, once expired or malformed', () => {
    const storage = memoryStorage();
    saveRoundTrip(TRIP, storage);
    expect(reasonOf(() => takeRoundTrip(storage, 2_001))).toBe('roundTrip');
    expect(storage.items.size).toBe(0);
    storage.setItem('nrm.oidc.roundTrip', '{not json');
    expect(reasonOf(() => takeRoundTrip(storage, 0))).toBe('roundTrip');
    expect(storage.items.size).toBe(0);
    saveRoundTrip({ ...TRIP, nonce: undefined as unknown as string }, storage);
    expect(reasonOf(() => takeRoundTrip(storage, 0))).toBe('roundTrip');
  });

  it('return only to a path of the console, never to another site', () => {
    expect(safeReturnPath('/cases?stage=identified')).toBe('/cases?stage=identified');
    for (const path of [
      '//evil.example/x',
      'https://evil.example',
      '/\\evil.example',
      '/auth/callback',
      42,
    ]) {
      expect(safeReturnPath(path)).toBe('/');
    }
  });
});
