import { requestContextOf } from './command-context';

const principal = { userId: 'u1', username: 'ana', role: 'case_manager' as const };

describe('requestContextOf', () => {
  it('takes the request id, which the HTTP log line of the request records, as the causation id', () => {
    const context = requestContextOf({ principal, headers: {}, id: '5f0c8a1e-6d2b-4c3e-9f7a-1b2c3d4e5f60' });
    expect(context.causationId).toBe('5f0c8a1e-6d2b-4c3e-9f7a-1b2c3d4e5f60');
  });

  it('makes one up where the request has no id, and keeps a well-formed X-Correlation-Id', () => {
    const context = requestContextOf({ principal, headers: { 'x-correlation-id': 'trace-42' } });
    expect(context.causationId).toMatch(/^[0-9a-f-]{36}$/);
    expect(context.correlationId).toBe('trace-42');
  });
});
