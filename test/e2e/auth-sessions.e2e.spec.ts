import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { ADMIN, NodeHarness, PASSWORD, Response } from '../support/node-harness';

function expectProblem(res: Response, status: number) {
  expect({ status: res.status, type: String(res.headers['content-type']) }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

/** Access tokens, refresh rotation with reuse detection, logout, the password policy and the login lockout. */
describe('authentication: sessions, password policy, lockout', () => {
  let node: NodeHarness;
  let admin: string;

  const createUser = (username: string, password: string) =>
    node.request('POST', '/api/users', {
      token: admin,
      body: { username, password, role: 'case_manager', agency: 'shelter-1', country: 'MD' },
    });
  const login = (username: string, password: string) =>
    node.request('POST', '/api/auth/login', { body: { username, password } });
  const refresh = (refreshToken: string) =>
    node.request('POST', '/api/auth/refresh', { body: { refreshToken } });

  beforeAll(async () => {
    // The per-address limit is tested on its own node below; this one logs in often.
    node = await NodeHarness.start({ NRM_AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    admin = await node.login(ADMIN.username, ADMIN.password);
    await node.registerAgencies(['shelter-1']);
    expect((await createUser('ana.popescu', PASSWORD)).status).toBe(201);
  });
  afterAll(() => node.stop());

  describe('access and refresh tokens', () => {
    it('login answers a 15-minute access token and an opaque refresh token for an 8-hour session', async () => {
      const res = await login('ana.popescu', PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900 });
      expect(res.body.refreshExpiresIn).toBeGreaterThan(8 * 3600 - 60);
      expect(res.body.refreshExpiresIn).toBeLessThanOrEqual(8 * 3600);
      const claims = JSON.parse(Buffer.from(res.body.accessToken.split('.')[1], 'base64url').toString());
      expect(claims.exp - claims.iat).toBe(900);
      expect(res.body.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/); // 32 random bytes, not a JWT
    });

    it('keeps only the SHA-256 of a refresh token in the accounts database', async () => {
      const { refreshToken } = (await login('ana.popescu', PASSWORD)).body;
      const db = new Database(join(node.config.dataDir, 'accounts.sqlite'), { readonly: true });
      try {
        const rows = db.prepare('SELECT * FROM refresh_tokens').all() as Record<string, unknown>[];
        const hash = createHash('sha256').update(refreshToken).digest('hex');
        expect(rows.filter((row) => row.token_hash === hash)).toHaveLength(1);
        expect(JSON.stringify(rows)).not.toContain(refreshToken);
        expect(rows.find((row) => row.token_hash === hash)).toMatchObject({
          user_id: expect.any(String),
          family_id: expect.any(String),
          expires_at: expect.any(Number),
        });
      } finally {
        db.close();
      }
    });

    it('rotates: a refresh answers new tokens that work, and the old refresh token no longer does', async () => {
      const first = (await login('ana.popescu', PASSWORD)).body;
      const second = await refresh(first.refreshToken);
      expect(second.status).toBe(200);
      expect(second.body.refreshToken).not.toBe(first.refreshToken);
      expect((await node.request('GET', '/api/cases', { token: second.body.accessToken })).status).toBe(200);
      expectProblem(await refresh(first.refreshToken), 401);
    });

    it('revokes the whole session when a used refresh token comes back (theft detected)', async () => {
      const first = (await login('ana.popescu', PASSWORD)).body;
      const second = (await refresh(first.refreshToken)).body; // the legitimate client
      expectProblem(await refresh(first.refreshToken), 401); // a stolen copy replayed
      expectProblem(await refresh(second.refreshToken), 401); // ...ends the session for both
      // Another session of the same user is not affected.
      const other = (await login('ana.popescu', PASSWORD)).body;
      expect((await refresh(other.refreshToken)).status).toBe(200);
    });

    it('refuses an unknown refresh token (401) and a malformed body (400)', async () => {
      expectProblem(await refresh('x'.repeat(43)), 401);
      expectProblem(await node.request('POST', '/api/auth/refresh', { body: { refreshToken: 42 } }), 400);
      expectProblem(
        await node.request('POST', '/api/auth/refresh', { body: { refreshToken: 'y'.repeat(43), extra: 1 } }),
        400,
      );
    });

    it('logout ends the session: its refresh token is refused afterwards; only its own user may end it', async () => {
      const session = (await login('ana.popescu', PASSWORD)).body;
      expectProblem(
        await node.request('POST', '/api/auth/logout', { body: { refreshToken: session.refreshToken } }),
        401,
      );
      // The admin holding Ana's refresh token cannot end her session.
      const byOther = await node.request('POST', '/api/auth/logout', {
        token: admin,
        body: { refreshToken: session.refreshToken },
      });
      expect(byOther.status).toBe(204);
      const rotated = (await refresh(session.refreshToken)).body;
      expect(rotated.refreshToken).toEqual(expect.any(String));

      const out = await node.request('POST', '/api/auth/logout', {
        token: rotated.accessToken,
        body: { refreshToken: rotated.refreshToken },
      });
      expect(out.status).toBe(204);
      expectProblem(await refresh(rotated.refreshToken), 401);
    });

    it('documents refresh and logout in OpenAPI', async () => {
      const doc = (await node.request('GET', '/api/docs-json')).body;
      expect(Object.keys(doc.paths)).toEqual(
        expect.arrayContaining(['/api/auth/login', '/api/auth/refresh', '/api/auth/logout']),
      );
      expect(doc.components.schemas.LoginResponse.required).toEqual(
        expect.arrayContaining(['accessToken', 'refreshToken', 'expiresIn']),
      );
    });
  });

  describe('password policy on POST /api/users', () => {
    // A length the document states is a 400 (the request does not match it); what only the policy
    // knows is a 422 naming its rule: a request that matches the document never gets a 400.
    it.each([
      ['shorter than 12 characters', 'rosa.lungu', 'Tr0ub4dor&3', 400],
      ['longer than 256 characters', 'rosa.lungu', 'x1y2'.repeat(65), 400],
      ['containing the username', 'rosa.lungu', 'my-ROSA.LUNGU-account-2024', 422],
      ['one of the most common passwords', 'rosa.lungu', 'Password1234', 422],
      ['one character repeated', 'rosa.lungu', 'zzzzzzzzzzzzzzzz', 422],
    ])(
      'refuses a password %s (%d naming the field, no account created)',
      async (_case, username, password, status) => {
        const res = await createUser(username, password);
        expectProblem(res, status);
        if (status === 422) expect(res.body.rule).toBe('password-policy');
        expect(res.body.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: 'password' })]),
        );
        expect((await login(username, password)).status).not.toBe(200); // 401, or 400 past the login's own limit
      },
    );

    it('accepts a long passphrase that is none of those', async () => {
      expect((await createUser('rosa.lungu', 'riverboat lantern quietly 1987')).status).toBe(201);
    });
  });

  describe('lockout after failed logins', () => {
    it('locks a username for 15 minutes after 5 failures: 429 with Retry-After, even for the right password', async () => {
      expect((await createUser('victor.rusu', 'granite orchard mellow 42')).status).toBe(201);
      for (let i = 0; i < 5; i++) expectProblem(await login('victor.rusu', `wrong password ${i}`), 401);
      const locked = await login('victor.rusu', 'granite orchard mellow 42');
      expectProblem(locked, 429);
      const retryAfter = Number(locked.headers['retry-after']);
      expect(retryAfter).toBeGreaterThan(15 * 60 - 60);
      expect(retryAfter).toBeLessThanOrEqual(15 * 60);
      // Other users are not affected.
      expect((await login('ana.popescu', PASSWORD)).status).toBe(200);
    });

    it('throttles an unknown username exactly like a known one (no account enumeration)', async () => {
      expect((await createUser('elena.ciobanu', 'seagull harbour window 77')).status).toBe(201);
      const answers = async (username: string) => {
        const seen: unknown[] = [];
        for (let i = 0; i < 6; i++) {
          const res = await login(username, `not the password ${i}`);
          seen.push({ status: res.status, body: res.body, retry: res.headers['retry-after'] !== undefined });
        }
        return seen;
      };
      expect(await answers('nobody.at.all')).toEqual(await answers('elena.ciobanu'));
    });

    it('a successful login clears the failures counted so far', async () => {
      expect((await createUser('ion.moraru', 'pebble thunder violet 555')).status).toBe(201);
      for (let i = 0; i < 4; i++) expectProblem(await login('ion.moraru', 'wrong wrong wrong'), 401);
      expect((await login('ion.moraru', 'pebble thunder violet 555')).status).toBe(200);
      for (let i = 0; i < 4; i++) expectProblem(await login('ion.moraru', 'wrong wrong wrong'), 401);
      expect((await login('ion.moraru', 'pebble thunder violet 555')).status).toBe(200);
    });
  });
});

describe('per-address rate limits', () => {
  let node: NodeHarness;
  beforeAll(async () => {
    node = await NodeHarness.start({
      NRM_AUTH_RATE_LIMIT_PER_MINUTE: '3',
      NRM_API_RATE_LIMIT_PER_MINUTE: '5',
    });
  });
  afterAll(() => node.stop());

  it('answers 429 problem+json with Retry-After past the limit on /api/auth/* and on /api', async () => {
    for (let i = 0; i < 3; i++) {
      expect(
        (await node.request('POST', '/api/auth/login', { body: { username: 'a', password: 'b' } })).status,
      ).toBe(401);
    }
    const limited = await node.request('POST', '/api/auth/login', {
      body: { username: ADMIN.username, password: ADMIN.password },
    });
    expectProblem(limited, 429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    // The general /api budget is counted apart from the login budget.
    for (let i = 0; i < 5; i++) expect((await node.request('GET', '/api/cases')).status).toBe(401);
    expectProblem(await node.request('GET', '/api/cases'), 429);
    // /health is not an API route and is never limited.
    expect((await node.request('GET', '/health')).status).toBe(200);
  });
});
