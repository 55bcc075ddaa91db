import { createHmac } from 'node:crypto';
import { ALL_OPERATOR_ROLES, NodeHarness, REGISTRATION, Response } from '../support/node-harness';

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(String(res.headers['content-type'])).toContain('application/problem+json');
  expect(res.body).toMatchObject({
    status,
    type: expect.any(String),
    title: expect.any(String),
    detail: expect.any(String),
  });
  expect(JSON.stringify(res.body)).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

describe('HTTP contract (the OpenAPI document, problem+json, rule ids)', () => {
  let node: NodeHarness;
  let caseId: string;

  const events = async () =>
    (await node.request('GET', `/api/cases/${caseId}/events`, { as: 'auditor' })).body.items.length;
  const register = async (body: unknown = REGISTRATION) =>
    (await node.request('POST', '/api/cases', { as: 'identification_officer', body })).body.caseId as string;

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
    caseId = await register();
  });
  afterAll(() => node.stop());

  it('answers /health without a token', async () => {
    const res = await node.request('GET', '/health');
    expect(res).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('serves the OpenAPI document with the core routes', async () => {
    const res = await node.request('GET', '/api/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/cases',
        '/api/cases/{id}',
        '/api/cases/{id}/handovers',
        '/api/audit/verify',
        '/api/auth/login',
      ]),
    );
  });

  describe('authentication and roles', () => {
    it('refuses a request without a token (401)', async () => {
      expectProblem(await node.request('GET', '/api/cases'), 401);
    });

    it('checks a token on every route of the OpenAPI document but health, login, refresh, the browser session, the sign-in providers and the partner inbox', async () => {
      const doc = (await node.request('GET', '/api/docs-json')).body as {
        paths: Record<string, Record<string, unknown>>;
      };
      // The refresh token is the credential of /refresh (in the nrm_session cookie for the browser
      // session's routes), a partner node's signature that of its inbox; everything else needs a bearer token.
      const open = [
        'GET /health',
        'POST /api/auth/login',
        'POST /api/auth/refresh',
        'POST /api/auth/session',
        'POST /api/auth/session/refresh',
        'DELETE /api/auth/session',
        'GET /api/auth/providers',
        'POST /api/partners/inbox',
      ];
      let checked = 0;
      for (const [path, operations] of Object.entries(doc.paths)) {
        for (const method of Object.keys(operations)) {
          const route = `${method.toUpperCase()} ${path}`;
          if (open.includes(route)) continue;
          const url = path.replace(/\{[^}]+\}/g, '0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11');
          const res = await node.request(method.toUpperCase() as 'GET' | 'POST' | 'DELETE', url, {
            body: {},
          });
          expect({ route, status: res.status }).toEqual({ route, status: 401 });
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(30);
    });

    it('refuses a token signed with another key, an unsigned token and garbage (401)', async () => {
      const header = b64url({ alg: 'HS256', typ: 'JWT' });
      const claims = b64url({
        sub: 'x',
        username: 'x',
        role: 'case_manager',
        exp: Math.floor(Date.now() / 1000) + 600,
        aud: 'nrm-api',
        iss: node.config.nodeId,
      });
      const forged = `${header}.${claims}.${createHmac('sha256', 'not-the-key').update(`${header}.${claims}`).digest('base64url')}`;
      const none = `${b64url({ alg: 'none', typ: 'JWT' })}.${claims}.`;
      for (const token of [forged, none, 'garbage']) {
        expectProblem(await node.request('GET', '/api/cases', { token }), 401);
      }
    });

    it('refuses a wrong password without telling whether the user exists (401)', async () => {
      const wrong = await node.request('POST', '/api/auth/login', {
        body: { username: 'admin', password: 'nope-nope-nope' },
      });
      const unknown = await node.request('POST', '/api/auth/login', {
        body: { username: 'nobody', password: 'nope-nope-nope' },
      });
      expectProblem(wrong, 401);
      expect(unknown.body.detail).toBe(wrong.body.detail);
    });

    it('refuses the wrong role (403)', async () => {
      expectProblem(
        await node.request('POST', '/api/cases', { as: 'case_manager', body: REGISTRATION }),
        403,
      );
      expectProblem(await node.request('GET', '/api/cases', { as: 'admin' }), 403); // admins manage users, not cases
      expectProblem(await node.request('POST', '/api/users', { as: 'case_manager', body: {} }), 403);
      expectProblem(await node.request('GET', '/api/audit/verify', { as: 'case_manager' }), 403);
      expectProblem(
        await node.request('POST', `/api/cases/${caseId}/handovers`, {
          as: 'case_manager',
          body: { toCountry: 'MD' },
        }),
        403,
      );
    });
  });

  describe('bad input records nothing (400)', () => {
    it('names the offending fields, unknown ones included', async () => {
      const before = await events();
      const res = await node.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        body: { purpose: 'telepathy', granted: 'yes', smuggled: 1 },
      });
      expectProblem(res, 400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(expect.arrayContaining(['purpose', 'granted', 'smuggled']));
      expect(await events()).toBe(before);
    });

    it('validates nested fields, dates and country codes on registration', async () => {
      const list = async () => (await node.request('GET', '/api/cases', { as: 'case_manager' })).body.total;
      const before = await list();
      const res = await node.request('POST', '/api/cases', {
        as: 'identification_officer',
        body: {
          ...REGISTRATION,
          countryOfExploitation: 'XX',
          person: { ...REGISTRATION.person, dateOfBirth: '31/12/1999', givenName: 'x'.repeat(5000) },
        },
      });
      expectProblem(res, 400);
      const fields = res.body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(
        expect.arrayContaining(['countryOfExploitation', 'person.dateOfBirth', 'person.givenName']),
      );
      expect(await list()).toBe(before);
    });

    it('answers malformed JSON with 400 problem+json', async () => {
      expectProblem(
        await node.request('POST', '/api/cases', {
          as: 'identification_officer',
          rawBody: '{"referralSource":',
        }),
        400,
      );
    });

    it('answers an oversize body with 413', async () => {
      const res = await node.request('POST', '/api/cases', {
        as: 'identification_officer',
        rawBody: JSON.stringify({ pad: 'x'.repeat(300_000) }),
      });
      expectProblem(res, 413);
    });
  });

  describe('optimistic concurrency (409)', () => {
    it('accepts the current revision and refuses a stale one, recording nothing', async () => {
      const current = (await node.request('GET', `/api/cases/${caseId}`, { as: 'case_manager' })).body
        .revision;
      const ok = await node.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        headers: { 'if-match': `"${current}"` },
        body: { purpose: 'assistance', granted: true },
      });
      expect(ok.status).toBe(201);
      expect(ok.body.revision).toBe(current + 1);
      const before = await events();
      const stale = await node.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        headers: { 'if-match': `"${current}"` },
        body: { purpose: 'return', granted: true },
      });
      expectProblem(stale, 409);
      expect(await events()).toBe(before);
    });
  });

  describe('domain rules (422 with the rule id, nothing recorded)', () => {
    const refused = async (as: string, id: string, path: string, body: unknown, rule: string) => {
      const before = (await node.request('GET', `/api/cases/${id}/events`, { as: 'auditor' })).body.items
        .length;
      const res = await node.request('POST', `/api/cases/${id}${path}`, { as, body });
      expectProblem(res, 422);
      expect(res.body.rule).toBe(rule);
      expect(
        (await node.request('GET', `/api/cases/${id}/events`, { as: 'auditor' })).body.items.length,
      ).toBe(before);
    };

    it('reflection-period: a law-enforcement request inside the period, unless the victim asked', async () => {
      const id = await register();
      await refused(
        'prosecution_liaison',
        id,
        '/law-enforcement-requests',
        { agency: 'police-cid', kind: 'interview' },
        'reflection-period',
      );
      const asked = await node.request('POST', `/api/cases/${id}/law-enforcement-requests`, {
        as: 'prosecution_liaison',
        body: { agency: 'police-cid', kind: 'interview', requestedByVictim: true },
      });
      expect(asked.status).toBe(201);
    });

    it('return-prerequisites and consent-required on a handover proposal', async () => {
      const id = await register();
      await refused('return_officer', id, '/handovers', { toCountry: 'MD' }, 'return-prerequisites');
      await node.request('POST', `/api/cases/${id}/return-request`, {
        as: 'return_officer',
        body: { statedBy: 'victim' },
      });
      await node.request('POST', `/api/cases/${id}/risk-assessments`, {
        as: 'return_officer',
        body: { kind: 'return', level: 'low', notes: 'ok' },
      });
      await refused('return_officer', id, '/handovers', { toCountry: 'MD' }, 'consent-required');
    });

    it('guardian-required for a presumed child', async () => {
      const id = await register({
        ...REGISTRATION,
        person: { ...REGISTRATION.person, dateOfBirth: undefined, ageUncertain: true },
      });
      await refused('return_officer', id, '/return-request', { statedBy: 'victim' }, 'guardian-required');
    });

    it('unconditional-assistance: closing a case for non-cooperation', async () => {
      const id = await register();
      await refused(
        'case_manager',
        id,
        '/closure',
        { reason: 'non_cooperation' },
        'unconditional-assistance',
      );
    });

    it('invalid-transition: accepting a handover that was never proposed', async () => {
      const id = await register();
      await refused(
        'return_officer',
        id,
        '/handovers/0b7c5a70-4a8e-4b8e-9a64-3c1f2f6f9d11/acceptance',
        {},
        'invalid-transition',
      );
    });
  });

  it('verifies the log against a tree head the auditor kept, and refuses one the log does not contain', async () => {
    const kept = (await node.request('GET', '/api/audit/verify', { as: 'auditor' })).body;
    await register();
    const extended = await node.request(
      'GET',
      `/api/audit/verify?knownSize=${kept.size}&knownRoot=${kept.root}`,
      { as: 'auditor' },
    );
    expect(extended.body).toMatchObject({ valid: true });
    expect(extended.body.size).toBeGreaterThan(kept.size);
    const forged = await node.request(
      'GET',
      `/api/audit/verify?knownSize=${kept.size}&knownRoot=${'0'.repeat(64)}`,
      { as: 'auditor' },
    );
    expect(forged.body).toMatchObject({ valid: false });
    expectProblem(await node.request('GET', '/api/audit/verify?knownSize=3', { as: 'auditor' }), 400);
  });

  /** What Schemathesis (npm run test:api) found where the node and its document disagreed. */
  describe('requests that match the document are never a 400, and those that do not always are', () => {
    it('refuses null for an optional field (the document declares none nullable), naming it', async () => {
      const before = await events();
      const res = await node.request('POST', `/api/cases/${caseId}/consents`, {
        as: 'identification_officer',
        body: { purpose: 'assistance', granted: true, recipient: null },
      });
      expectProblem(res, 400);
      expect(res.body.errors).toEqual([{ field: 'recipient', message: expect.stringContaining('null') }]);
      const registration = await node.request('POST', '/api/cases', {
        as: 'identification_officer',
        body: {
          ...REGISTRATION,
          recruiterRelation: null,
          person: { ...REGISTRATION.person, dateOfBirth: null },
        },
      });
      expectProblem(registration, 400);
      expect(registration.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'person.dateOfBirth',
        'recruiterRelation',
      ]);
      expect(await events()).toBe(before);
    });

    it('takes exactly the calendar dates that exist: 29 February in leap years only', async () => {
      const at = (dateOfBirth: string) =>
        node.request('POST', '/api/cases', {
          as: 'identification_officer',
          body: { ...REGISTRATION, person: { ...REGISTRATION.person, dateOfBirth } },
        });
      expect((await at('2000-02-29')).status).toBe(201);
      for (const impossible of ['2023-02-29', '1900-02-29', '2024-04-31', '2024-00-10', '0999-01-01'])
        expectProblem(await at(impossible), 400);
      const extend = (endsAt: string) =>
        node.request('POST', `/api/cases/${caseId}/reflection-period/extension`, {
          as: 'identification_officer',
          body: { endsAt },
        });
      // The pattern the document publishes admitted months 00 and 13: the node refused them as 400.
      expectProblem(await extend('2099-13-01T00:00Z'), 400);
      expectProblem(await extend('2099-01-01T24:30Z'), 400);
      expect((await extend('2099-01-01T24:00Z')).status).not.toBe(400);
    });

    it('answers an amount written with an exponent with 400, not 500', async () => {
      const claim = (amount: unknown) =>
        node.request('POST', `/api/cases/${caseId}/compensation-claims`, {
          as: 'prosecution_liaison',
          rawBody: `{"against":"offender","amount":${String(amount)}}`,
        });
      // class-validator's maxDecimalPlaces read "1e-7".split('.')[1].length: a TypeError, answered 500.
      const tiny = await claim('1e-7');
      expectProblem(tiny, 400);
      expect(tiny.body.errors).toEqual([{ field: 'amount', message: expect.stringContaining('2 decimals') }]);
      expectProblem(await claim('12.345'), 400);
      // Well formed: taken, or refused by a rule of the case (422), never a 400.
      expect([201, 422]).toContain((await claim('1e3')).status);
      expect([201, 422]).toContain((await claim('1250.5')).status);
    });

    it('states the return-only familyAssessed as a rule of the schema, and enforces it before the role', async () => {
      const assess = (as: string, body: object) =>
        node.request('POST', `/api/cases/${caseId}/risk-assessments`, { as, body });
      const general = { kind: 'general', level: 'low', notes: 'n', familyAssessed: true };
      expectProblem(await assess('case_manager', general), 400);
      expectProblem(await assess('return_officer', general), 400);
      const { familyAssessed: _, ...withoutFlag } = general;
      expectProblem(await assess('return_officer', withoutFlag), 403);
    });

    it('takes a kept tree head as both of its parameters or neither', async () => {
      expectProblem(
        await node.request('GET', '/api/audit/verify?knownRoot=' + 'a'.repeat(64), { as: 'auditor' }),
        400,
      );
      expect((await node.request('GET', '/api/audit/verify', { as: 'auditor' })).status).toBe(200);
    });

    it('answers a refusal of a well-formed request with 422 and the rule, never 400', async () => {
      const partner = {
        nodeId: 'nrm-md',
        country: 'RO',
        publicKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAAAAAAAAAAAAAA\n-----END PUBLIC KEY-----\n',
        encryptionKeyPem: '-----BEGIN PUBLIC KEY-----\nAAAAAAAAAAAAAAAA\n-----END PUBLIC KEY-----\n',
        agreement: { reference: 'MoU', fields: {} },
      };
      const own = await node.request('POST', '/api/partners', { as: 'admin', body: partner });
      expectProblem(own, 422);
      expect(own.body.rule).toBe('invalid-request');
      const notAKey = await node.request('POST', '/api/partners', {
        as: 'admin',
        body: { ...partner, nodeId: 'nrm-ro' },
      });
      expectProblem(notAKey, 422);
      expect(notAKey.body).toMatchObject({
        rule: 'invalid-request',
        detail: expect.stringContaining('ed25519'),
      });
      const doc = (await node.request('GET', '/api/docs-json')).body;
      expect(doc.paths['/api/partners'].post.responses).toHaveProperty('422');
    });

    it('serves the partner inbox alone at its path: other methods are 405, not a partner named "inbox"', async () => {
      const res = await node.request('GET', '/api/partners/inbox', { as: 'auditor' });
      expectProblem(res, 405);
      expect(res.headers.allow).toBe('POST');
      expect((await node.request('GET', '/api/partners/nrm-xx', { as: 'auditor' })).status).toBe(404);
    });
  });

  it('answers 404 for an unknown or malformed case id', async () => {
    expectProblem(
      await node.request('GET', '/api/cases/6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b', { as: 'case_manager' }),
      404,
    );
    expectProblem(await node.request('GET', '/api/cases/not-a-case', { as: 'case_manager' }), 404);
    expectProblem(
      await node.request('POST', '/api/cases/6f1c2b9e-3a4d-4e5f-8a7b-9c0d1e2f3a4b/consents', {
        as: 'identification_officer',
        body: { purpose: 'assistance', granted: true },
      }),
      404,
    );
  });
});
