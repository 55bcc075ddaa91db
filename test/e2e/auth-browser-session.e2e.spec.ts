import { ADMIN, NodeHarness, PASSWORD, Response } from '../support/node-harness';

function expectProblem(res: Response, status: number) {
  expect({ status: res.status, type: String(res.headers['content-type']) }).toEqual({
    status,
    type: expect.stringContaining('application/problem+json'),
  });
  expect(res.body).toMatchObject({ status, title: expect.any(String), detail: expect.any(String) });
}

/** A Set-Cookie header as a browser reads it: name, value and attributes (names lower-cased). */
interface SetCookie {
  name: string;
  value: string;
  attributes: Record<string, string | true>;
}

/** The Set-Cookie headers of an answer for the session cookie. */
function sessionCookiesOf(res: Response): SetCookie[] {
  const raw = res.headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? (raw as string[]) : [String(raw)];
  return lines
    .map((line) => {
      const [pair, ...attributes] = line.split(';').map((part) => part.trim());
      const eq = pair.indexOf('=');
      return {
        name: pair.slice(0, eq),
        value: pair.slice(eq + 1),
        attributes: Object.fromEntries(
          attributes.map((attribute): [string, string | true] => {
            const at = attribute.indexOf('=');
            return at < 0
              ? [attribute.toLowerCase(), true]
              : [attribute.slice(0, at).toLowerCase(), attribute.slice(at + 1)];
          }),
        ),
      };
    })
    .filter((cookie) => cookie.name === 'nrm_session');
}

/** The one session cookie an answer sets. */
function sessionCookieOf(res: Response): SetCookie {
  const cookies = sessionCookiesOf(res);
  expect(cookies).toHaveLength(1);
  return cookies[0];
}

function expectCleared(res: Response) {
  const cookie = sessionCookieOf(res);
  expect(cookie.value).toBe('');
  expect(cookie.attributes['max-age']).toBe('0');
  expect(cookie.attributes.path).toBe('/api/auth');
}

/**
 * The web console's session: the access token in the answer (kept in memory), the refresh token in an
 * HttpOnly cookie scoped to /api/auth, rotated on every refresh, with the reuse detection, lockout and
 * logout of the JSON routes.
 */
describe('browser session: refresh token in an HttpOnly cookie', () => {
  let node: NodeHarness;
  let admin: string;

  const createUser = (username: string, password: string, agency = 'shelter-1') =>
    node.request('POST', '/api/users', {
      token: admin,
      body: { username, password, role: 'case_manager', agency, country: 'MD' },
    });
  const startSession = (username: string, password: string, headers: Record<string, string> = {}) =>
    node.request('POST', '/api/auth/session', { body: { username, password }, headers });
  const withCookie = (value: string | undefined): Record<string, string> =>
    value === undefined ? {} : { cookie: `nrm_session=${value}` };
  /** As a browser sends it: no body, no content type, only the cookie. */
  const refresh = (cookie: string | undefined) =>
    node.request('POST', '/api/auth/session/refresh', { headers: withCookie(cookie) });
  const end = (cookie: string | undefined) =>
    node.request('DELETE', '/api/auth/session', { headers: withCookie(cookie) });

  beforeAll(async () => {
    node = await NodeHarness.start({ NRM_AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    admin = await node.login(ADMIN.username, ADMIN.password);
    await node.registerAgencies(['shelter-1', 'shelter-2']);
    expect((await createUser('mira.lungu', PASSWORD)).status).toBe(201);
    expect((await createUser('dan.cojocaru', PASSWORD, 'shelter-2')).status).toBe(201);
  });
  afterAll(() => node.stop());

  describe('POST /api/auth/session', () => {
    it('answers an access token and who is logged in, with the refresh token only in the cookie', async () => {
      const res = await startSession('mira.lungu', PASSWORD);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        accessToken: expect.any(String),
        tokenType: 'Bearer',
        expiresIn: 900,
        sessionExpiresIn: expect.any(Number),
        user: {
          userId: expect.any(String),
          username: 'mira.lungu',
          role: 'case_manager',
          agency: 'shelter-1',
          country: 'MD',
        },
      });
      expect(res.body.sessionExpiresIn).toBeGreaterThan(8 * 3600 - 60);
      expect(res.body.sessionExpiresIn).toBeLessThanOrEqual(8 * 3600);
      const cookie = sessionCookieOf(res);
      expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // the opaque refresh token
      expect(JSON.stringify(res.body)).not.toContain(cookie.value);
      expect(res.body).not.toHaveProperty('refreshToken');
      // The access token works on the API.
      expect((await node.request('GET', '/api/cases', { token: res.body.accessToken })).status).toBe(200);
    });

    it('sets the cookie HttpOnly, SameSite=Strict, for /api/auth only, until the session ends; not Secure over http', async () => {
      const res = await startSession('mira.lungu', PASSWORD);
      const { attributes } = sessionCookieOf(res);
      expect(attributes.httponly).toBe(true);
      expect(attributes.samesite).toBe('Strict');
      expect(attributes.path).toBe('/api/auth');
      expect(attributes['max-age']).toBe(String(res.body.sessionExpiresIn));
      expect(attributes).not.toHaveProperty('secure');
      expect(attributes).not.toHaveProperty('domain');
    });

    it('names the admin as admin', async () => {
      const res = await startSession(ADMIN.username, ADMIN.password);
      expect(res.status).toBe(200);
      expect(res.body.user).toMatchObject({ username: ADMIN.username, role: 'admin' });
    });

    it('refuses a wrong password and an unknown user alike (401), and sets no cookie', async () => {
      const wrong = await startSession('mira.lungu', 'not the password at all');
      const unknown = await startSession('nobody.here', 'not the password at all');
      expectProblem(wrong, 401);
      expect(unknown.body).toEqual(wrong.body);
      expect(sessionCookiesOf(wrong)).toEqual([]);
      expect(sessionCookiesOf(unknown)).toEqual([]);
    });

    it('shares the lockout of POST /api/auth/login: failures on either lock the username on both', async () => {
      expect((await createUser('lidia.rotaru', 'marble kettle sunrise 31')).status).toBe(201);
      for (let i = 0; i < 3; i++) expectProblem(await startSession('lidia.rotaru', `wrong ${i}`), 401);
      for (let i = 0; i < 2; i++) {
        const res = await node.request('POST', '/api/auth/login', {
          body: { username: 'lidia.rotaru', password: `wrong again ${i}` },
        });
        expectProblem(res, 401);
      }
      const locked = await startSession('lidia.rotaru', 'marble kettle sunrise 31');
      expectProblem(locked, 429);
      expect(Number(locked.headers['retry-after'])).toBeGreaterThan(15 * 60 - 60);
      expect(sessionCookiesOf(locked)).toEqual([]);
      const viaLogin = await node.request('POST', '/api/auth/login', {
        body: { username: 'lidia.rotaru', password: 'marble kettle sunrise 31' },
      });
      expectProblem(viaLogin, 429);
    });

    it('refuses a malformed body (400) like the login', async () => {
      expectProblem(await node.request('POST', '/api/auth/session', { body: { username: 'x' } }), 400);
      expectProblem(
        await node.request('POST', '/api/auth/session', {
          body: { username: 'mira.lungu', password: PASSWORD, remember: true },
        }),
        400,
      );
    });
  });

  describe('Secure behind a TLS-terminating proxy', () => {
    let proxied: NodeHarness;
    beforeAll(async () => {
      // Fastify's inject comes from 127.0.0.1: the trusted proxy here.
      proxied = await NodeHarness.start({ NRM_TRUST_PROXY: '127.0.0.1' });
    });
    afterAll(() => proxied.stop());

    it('marks the cookie Secure when the proxy says the request came over https', async () => {
      const login = { username: ADMIN.username, password: ADMIN.password };
      const https = await proxied.request('POST', '/api/auth/session', {
        body: login,
        headers: { 'x-forwarded-proto': 'https' },
      });
      expect(https.status).toBe(200);
      expect(sessionCookieOf(https).attributes.secure).toBe(true);
      const refreshed = await proxied.request('POST', '/api/auth/session/refresh', {
        headers: { 'x-forwarded-proto': 'https', cookie: `nrm_session=${sessionCookieOf(https).value}` },
      });
      expect(refreshed.status).toBe(200);
      expect(sessionCookieOf(refreshed).attributes.secure).toBe(true);
      const http = await proxied.request('POST', '/api/auth/session', { body: login });
      expect(sessionCookieOf(http).attributes).not.toHaveProperty('secure');
    });

    it('ignores X-Forwarded-Proto from a client it does not trust', async () => {
      const res = await startSession('mira.lungu', PASSWORD, { 'x-forwarded-proto': 'https' });
      expect(res.status).toBe(200);
      expect(sessionCookieOf(res).attributes).not.toHaveProperty('secure');
    });
  });

  describe('POST /api/auth/session/refresh', () => {
    it('rotates the cookie: a new access token and refresh token, the session’s end unchanged', async () => {
      const started = await startSession('mira.lungu', PASSWORD);
      const first = sessionCookieOf(started).value;
      const res = await refresh(first);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ tokenType: 'Bearer', expiresIn: 900, user: started.body.user });
      expect(res.body).not.toHaveProperty('refreshToken');
      const next = sessionCookieOf(res);
      expect(next.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(next.value).not.toBe(first);
      expect(next.attributes).toMatchObject({ httponly: true, samesite: 'Strict', path: '/api/auth' });
      expect(Number(next.attributes['max-age'])).toBe(res.body.sessionExpiresIn);
      expect(res.body.sessionExpiresIn).toBeLessThanOrEqual(started.body.sessionExpiresIn);
      expect(res.body.sessionExpiresIn).toBeGreaterThan(started.body.sessionExpiresIn - 60);
      expect((await node.request('GET', '/api/cases', { token: res.body.accessToken })).status).toBe(200);
      expect((await refresh(next.value)).status).toBe(200);
    });

    it('takes an empty JSON object as well as no body', async () => {
      const cookie = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;
      const res = await node.request('POST', '/api/auth/session/refresh', {
        headers: withCookie(cookie),
        body: {},
      });
      expect(res.status).toBe(200);
    });

    it('treats the old cookie value presented again as theft: 401, and the whole session is ended', async () => {
      const first = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;
      const second = sessionCookieOf(await refresh(first)).value; // the legitimate browser
      const replayed = await refresh(first); // a stolen copy of the cookie
      expectProblem(replayed, 401);
      expectCleared(replayed);
      const legitimate = await refresh(second); // ...ends the session for both
      expectProblem(legitimate, 401);
      expectCleared(legitimate);
      // Another session of the same user is not affected.
      const other = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;
      expect((await refresh(other)).status).toBe(200);
    });

    it('answers a missing or unknown cookie with 401 problem+json and a Set-Cookie that clears it', async () => {
      for (const cookie of [undefined, 'x'.repeat(43), '']) {
        const res = await refresh(cookie);
        expectProblem(res, 401);
        expectCleared(res);
      }
    });

    it('is one session with the JSON routes: the cookie’s token is a refresh token like any other', async () => {
      const cookie = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;
      // Rotated through the JSON route, the cookie's value is spent: reuse ends the session.
      const viaJson = await node.request('POST', '/api/auth/refresh', { body: { refreshToken: cookie } });
      expect(viaJson.status).toBe(200);
      expectProblem(await refresh(cookie), 401);
      expectProblem(
        await node.request('POST', '/api/auth/refresh', {
          body: { refreshToken: viaJson.body.refreshToken },
        }),
        401,
      );
    });
  });

  describe('DELETE /api/auth/session', () => {
    it('ends the cookie’s session (every token of it) and clears the cookie: 204', async () => {
      const first = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;
      const current = sessionCookieOf(await refresh(first)).value;
      const res = await end(current);
      expect(res.status).toBe(204);
      expect(res.body).toBeUndefined();
      expectCleared(res);
      expectProblem(await refresh(current), 401);
    });

    it('answers 204 and clears the cookie without a cookie or with an unknown one', async () => {
      for (const cookie of [undefined, 'y'.repeat(43)]) {
        const res = await end(cookie);
        expect(res.status).toBe(204);
        expectCleared(res);
      }
    });

    it('ends only that session: another session of the same user goes on', async () => {
      const ended = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;
      const other = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;
      expect((await end(ended)).status).toBe(204);
      expect((await refresh(other)).status).toBe(200);
    });
  });

  describe('DELETE /api/auth/sessions (sign out everywhere)', () => {
    it('ends every session of the caller, browser and API client alike, and no other user’s', async () => {
      const laptop = await startSession('dan.cojocaru', PASSWORD);
      const phone = sessionCookieOf(await startSession('dan.cojocaru', PASSWORD)).value;
      const script = (
        await node.request('POST', '/api/auth/login', {
          body: { username: 'dan.cojocaru', password: PASSWORD },
        })
      ).body.refreshToken as string;
      const colleague = sessionCookieOf(await startSession('mira.lungu', PASSWORD)).value;

      const res = await node.request('DELETE', '/api/auth/sessions', {
        token: laptop.body.accessToken,
        headers: withCookie(sessionCookieOf(laptop).value),
      });
      expect(res.status).toBe(204);
      expectCleared(res);

      expectProblem(await refresh(sessionCookieOf(laptop).value), 401);
      expectProblem(await refresh(phone), 401);
      expectProblem(await node.request('POST', '/api/auth/refresh', { body: { refreshToken: script } }), 401);
      expect((await refresh(colleague)).status).toBe(200);
      // A new login afterwards starts a session that works.
      const again = sessionCookieOf(await startSession('dan.cojocaru', PASSWORD)).value;
      expect((await refresh(again)).status).toBe(200);
    });

    it('needs a bearer token (the cookie alone is no credential for it)', async () => {
      const cookie = sessionCookieOf(await startSession('dan.cojocaru', PASSWORD)).value;
      expectProblem(await node.request('DELETE', '/api/auth/sessions', { headers: withCookie(cookie) }), 401);
      expect((await refresh(cookie)).status).toBe(200);
    });
  });

  describe('the OpenAPI document', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    let doc: any;
    beforeAll(async () => {
      doc = (await node.request('GET', '/api/docs-json')).body;
    });

    it('states the session routes, their access and the cookie', () => {
      const start = doc.paths['/api/auth/session'].post;
      const renew = doc.paths['/api/auth/session/refresh'].post;
      const end = doc.paths['/api/auth/session'].delete;
      const all = doc.paths['/api/auth/sessions'].delete;
      expect([start, renew, end].map((op) => op['x-nrm-public'])).toEqual([true, true, true]);
      expect(all['x-nrm-roles']).toEqual(
        expect.arrayContaining(['admin', 'case_manager', 'auditor', 'identification_officer']),
      );
      expect(start.responses['200'].content['application/json'].schema.$ref).toMatch(
        /BrowserSessionResponse$/,
      );
      expect(renew.responses['200'].content['application/json'].schema.$ref).toMatch(
        /BrowserSessionResponse$/,
      );
      for (const op of [start, renew]) expect(op.responses['200'].headers).toHaveProperty('set-cookie');
      expect(renew.responses['401'].headers).toHaveProperty('set-cookie');
      expect(end.responses['204'].headers).toHaveProperty('set-cookie');
      for (const op of [renew, end])
        expect(op.parameters).toEqual(
          expect.arrayContaining([expect.objectContaining({ name: 'nrm_session', in: 'cookie' })]),
        );
      expect(start.responses).toHaveProperty('429');
      expect(renew.requestBody).toBeUndefined();
    });

    it('declares the answer without a refresh token, with the user', () => {
      const answer = doc.components.schemas.BrowserSessionResponse;
      expect(answer.required).toEqual(
        expect.arrayContaining(['accessToken', 'tokenType', 'expiresIn', 'sessionExpiresIn', 'user']),
      );
      expect(Object.keys(answer.properties)).not.toContain('refreshToken');
      const user = doc.components.schemas.SessionUser;
      expect(user.required).toEqual(expect.arrayContaining(['userId', 'username', 'role']));
      expect(user.required).not.toContain('agency');
    });
  });
});
