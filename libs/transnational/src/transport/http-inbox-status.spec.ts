import { attemptResultOf, inboxResponse } from './http-inbox-status';

describe('HTTP inbox status mapping', () => {
  it('answers each verdict with its status', () => {
    expect(inboxResponse({ outcome: 'accepted' }).status).toBe(202);
    expect(inboxResponse({ outcome: 'duplicate' }).status).toBe(200);
    expect(inboxResponse({ outcome: 'rejected', reason: 'bad signature' })).toMatchObject({
      status: 422,
      body: { reason: 'bad signature', rule: 'partner-message-rejected' },
    });
    expect(inboxResponse({ outcome: 'unavailable', reason: 'store busy' }, 7)).toMatchObject({
      status: 503,
      headers: { 'retry-after': '7' },
    });
  });

  it('reads each answer back as the same verdict on the sending side', () => {
    for (const verdict of [
      { outcome: 'accepted' },
      { outcome: 'duplicate' },
      { outcome: 'rejected', reason: 'bad signature' },
    ] as const) {
      const answer = inboxResponse(verdict);
      expect(attemptResultOf(answer.status, JSON.stringify(answer.body), null, 300_000)).toEqual({
        final: verdict,
      });
    }
    const busy = inboxResponse({ outcome: 'unavailable', reason: 'store busy' }, 7);
    expect(attemptResultOf(busy.status, JSON.stringify(busy.body), '7', 300_000, 1000)).toEqual({
      retry: 'HTTP 503: store busy',
      notBefore: 8000,
    });
  });

  it('retries 408, 429, 5xx and unexpected answers; any other 4xx is a final rejection', () => {
    for (const status of [408, 429, 500, 502, 503, 504, 301, 101])
      expect(attemptResultOf(status, '', null, 1000)).toEqual({ retry: `HTTP ${status}: HTTP ${status}` });
    for (const status of [400, 401, 403, 404, 413, 415])
      expect(attemptResultOf(status, 'not json', null, 1000)).toEqual({
        final: { outcome: 'rejected', reason: `HTTP ${status}` },
      });
    expect(attemptResultOf(403, JSON.stringify({ detail: 'unknown partner' }), null, 1000)).toEqual({
      final: { outcome: 'rejected', reason: 'unknown partner' },
    });
  });

  it('takes any 2xx as delivered, and caps a Retry-After at the backoff cap', () => {
    expect(attemptResultOf(204, '', null, 1000)).toEqual({ final: { outcome: 'accepted' } });
    expect(attemptResultOf(200, '', null, 1000)).toEqual({ final: { outcome: 'duplicate' } });
    expect(attemptResultOf(429, '', '86400', 60_000, 0)).toEqual({
      retry: 'HTTP 429: HTTP 429',
      notBefore: 60_000,
    });
  });
});
