import { ConfigError, readNodeConfig, trustProxyFrom } from '@nrm/config';
import { request } from 'node:http';
import { AddressInfo } from 'node:net';
import { NodeHarness } from '../support/node-harness';

/** One login attempt over a real socket from 127.0.0.1 (the reverse proxy's address, as the node sees it). */
function login(port: number, forwardedFor?: string): Promise<number> {
  const body = JSON.stringify({ username: 'nobody-in-particular', password: 'not the password 1' });
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/auth/login',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode as number));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const LIMIT = 3;

async function listening(env: Record<string, string>): Promise<{ node: NodeHarness; port: number }> {
  const node = await NodeHarness.start({
    NRM_AUTH_RATE_LIMIT_PER_MINUTE: String(LIMIT),
    // Only the per-address limit may answer 429 here, not the lockout of the one username tried.
    NRM_LOGIN_MAX_FAILURES: '1000',
    ...env,
  });
  await node.app.listen(0, '127.0.0.1');
  return { node, port: (node.app.getHttpServer().address() as AddressInfo).port };
}

/** Statuses of `count` logins, each with the X-Forwarded-For that `header(i)` gives. */
async function logins(port: number, count: number, header: (i: number) => string | undefined) {
  const statuses: number[] = [];
  for (let i = 0; i < count; i++) statuses.push(await login(port, header(i)));
  return statuses;
}

describe('NRM_TRUST_PROXY: whose address the per-address rate limits count', () => {
  describe('off (the default): X-Forwarded-For is ignored', () => {
    let node: NodeHarness;
    let port: number;
    beforeAll(async () => ({ node, port } = await listening({})));
    afterAll(() => node.stop());

    it('a client naming a new address in every request still spends one budget, its socket address', async () => {
      const forged = (i: number) => `198.51.100.${i + 1}`;
      expect(await logins(port, LIMIT + 2, forged)).toEqual([401, 401, 401, 429, 429]);
      expect(await login(port)).toBe(429);
    });
  });

  describe('trusting the proxy at 127.0.0.1', () => {
    let node: NodeHarness;
    let port: number;
    beforeAll(async () => ({ node, port } = await listening({ NRM_TRUST_PROXY: '127.0.0.1' })));
    afterAll(() => node.stop());

    it('gives each client address named by the proxy its own budget', async () => {
      expect(await logins(port, LIMIT + 1, () => '203.0.113.7')).toEqual([401, 401, 401, 429]);
      // Another client behind the same proxy is not throttled by the first one's attempts.
      expect(await logins(port, LIMIT + 1, () => '203.0.113.8')).toEqual([401, 401, 401, 429]);
      // The proxy itself (no header) has its own, untouched budget.
      expect(await login(port)).toBe(401);
    });

    it('counts the address the proxy appended, not what the client wrote before it', async () => {
      // nginx's $proxy_add_x_forwarded_for appends the peer's address to what the client sent; a
      // client prepending made-up hops does not get a fresh budget (198.18.0.1 is not trusted).
      const chain = (i: number) => `10.9.8.${i}, 198.18.0.1, 203.0.113.9`;
      expect(await logins(port, LIMIT + 1, chain)).toEqual([401, 401, 401, 429]);
    });
  });

  describe('validated at start', () => {
    it.each([
      ['unset', undefined, false],
      ['empty', '', false],
      ['a hop count', '2', 2],
      [
        'addresses and ranges',
        '127.0.0.1, 10.0.0.0/8,::1,fd00::/8',
        ['127.0.0.1', '10.0.0.0/8', '::1', 'fd00::/8'],
      ],
      ['proxy-addr names', 'loopback,uniquelocal', ['loopback', 'uniquelocal']],
    ])('accepts %s', (_what, raw, expected) => {
      expect(trustProxyFrom(raw)).toEqual(expected);
      expect(readNodeConfig({ NRM_TRUST_PROXY: raw }).trustProxy).toEqual(expected);
    });

    it.each([
      ['true (every client would choose its own address)', 'true'],
      ['zero hops', '0'],
      ['too many hops', '11'],
      ['a host name', 'nginx'],
      ['an address out of range', '300.1.1.1'],
      ['a prefix too long', '10.0.0.0/33'],
      ['an empty entry', '127.0.0.1,'],
      ['a negative count', '-1'],
    ])('refuses %s with a message naming the variable', (_what, raw) => {
      expect(() => readNodeConfig({ NRM_TRUST_PROXY: raw })).toThrow(ConfigError);
      expect(() => readNodeConfig({ NRM_TRUST_PROXY: raw })).toThrow(/^NRM_TRUST_PROXY must be/);
    });
  });
});
