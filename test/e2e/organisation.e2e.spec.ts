import { ok } from '@nrm/api-client';
import { ALL_OPERATOR_ROLES, NodeHarness, PASSWORD, REGISTRATION } from '../support/node-harness';
import { TEST_DISTRICT } from '../support/organisation';

/**
 * The organisation registries through HTTP: districts, agencies and multidisciplinary teams, changed
 * by admins and read by every operator; users, case commands and registrations that name an agency
 * or a district the registries do not hold are refused.
 */
describe('organisation registries (HTTP)', () => {
  let node: NodeHarness;
  const admin = () => node.api('admin');

  beforeAll(async () => {
    node = await NodeHarness.start();
    await node.withUsers(ALL_OPERATOR_ROLES);
  });
  afterAll(() => node.stop());

  it('registers a district, agencies and a team; admins change them and operators read them', async () => {
    const district = await ok(
      admin().POST('/api/organisation/districts', { body: { code: 'MD-CU', name: 'Chișinău' } }),
      201,
    );
    expect(district).toEqual({ code: 'MD-CU', name: 'Chișinău', country: node.config.country });
    const police = { code: 'police-cu', name: 'Police Centru', kind: 'police' as const, district: 'MD-CU' };
    await ok(admin().POST('/api/organisation/agencies', { body: police }), 201);
    await ok(
      admin().POST('/api/organisation/agencies', {
        body: { code: 'ngo-cu', name: 'La Strada', kind: 'ngo', district: 'MD-CU' },
      }),
      201,
    );
    const renamed = await ok(
      admin().PATCH('/api/organisation/agencies/{code}', {
        params: { path: { code: 'police-cu' } },
        body: { name: 'Police Inspectorate Centru' },
      }),
      200,
    );
    expect(renamed).toMatchObject({ name: 'Police Inspectorate Centru', kind: 'police', active: true });

    const team = await ok(
      admin().POST('/api/organisation/teams', {
        body: { code: 'mdt-cu', district: 'MD-CU', name: 'MDT Centru', members: ['police-cu'] },
      }),
      201,
    );
    expect(team.members).toEqual(['police-cu']);
    const joined = await ok(
      admin().POST('/api/organisation/teams/{code}/members', {
        params: { path: { code: 'mdt-cu' } },
        body: { agency: 'ngo-cu' },
      }),
      201,
    );
    expect(joined.members).toEqual(['police-cu', 'ngo-cu']);
    const left = await ok(
      admin().DELETE('/api/organisation/teams/{code}/members/{agency}', {
        params: { path: { code: 'mdt-cu', agency: 'police-cu' } },
      }),
      200,
    );
    expect(left.members).toEqual(['ngo-cu']);

    for (const role of ['case_manager', 'auditor'] as const) {
      const agencies = await ok(node.api(role).GET('/api/organisation/agencies'), 200);
      expect(agencies.items.map((a) => a.code)).toEqual(
        expect.arrayContaining(['national-nrm-office', 'police-cu', 'ngo-cu']),
      );
      expect((await ok(node.api(role).GET('/api/organisation/teams'), 200)).items).toHaveLength(1);
    }
    const refused = await node.api('case_manager').POST('/api/organisation/districts', {
      body: { code: 'MD-BA', name: 'Bălți' },
    });
    expect(refused.response.status).toBe(403);
  });

  it('refuses duplicates, unknown districts and unknown or deactivated members', async () => {
    const rule = async (pending: Promise<{ response: Response; error?: unknown }>) => {
      const { response, error } = await pending;
      expect(response.status).toBe(422);
      return (error as { rule: string }).rule;
    };
    expect(
      await rule(admin().POST('/api/organisation/districts', { body: { code: TEST_DISTRICT, name: 'x' } })),
    ).toBe('invalid-transition');
    expect(
      await rule(
        admin().POST('/api/organisation/agencies', {
          body: { code: 'new-agency', name: 'x', kind: 'other', district: 'nowhere' },
        }),
      ),
    ).toBe('unknown-district');
    expect(
      await rule(
        admin().POST('/api/organisation/teams', {
          body: { code: 'mdt-x', district: 'nowhere', name: 'x' },
        }),
      ),
    ).toBe('unknown-district');
    expect(
      await rule(
        admin().POST('/api/organisation/teams', {
          body: { code: 'mdt-x', district: TEST_DISTRICT, name: 'x', members: ['no-such-agency'] },
        }),
      ),
    ).toBe('unknown-agency');

    await node.registerAgencies(['to-close']);
    const closed = await ok(
      admin().POST('/api/organisation/agencies/{code}/deactivation', {
        params: { path: { code: 'to-close' } },
      }),
      201,
    );
    expect(closed.active).toBe(false);
    expect(
      await rule(
        admin().POST('/api/organisation/agencies/{code}/deactivation', {
          params: { path: { code: 'to-close' } },
        }),
      ),
    ).toBe('invalid-transition');
    // A deactivated agency is no agency for users, teams and cases.
    expect(
      await rule(
        admin().POST('/api/users', {
          body: { username: 'closed-user', password: PASSWORD, role: 'auditor', agency: 'to-close' },
        }),
      ),
    ).toBe('unknown-agency');
  });

  it('refuses a user whose agency is not registered, on creation and on change (422 unknown-agency)', async () => {
    const body = {
      username: 'nobody-agency',
      password: PASSWORD,
      role: 'auditor' as const,
      agency: 'no-such',
    };
    const created = await node.request('POST', '/api/users', { as: 'admin', body });
    expect(created.status).toBe(422);
    expect(created.body.rule).toBe('unknown-agency');
    const noAgency = await ok(admin().POST('/api/users', { body: { ...body, agency: undefined } }), 201);
    const changed = await node.request('PATCH', `/api/users/${noAgency.userId}`, {
      as: 'admin',
      body: { agency: 'no-such' },
    });
    expect(changed.status).toBe(422);
    expect(changed.body.rule).toBe('unknown-agency');
    expect(
      (
        await node.request('PATCH', `/api/users/${noAgency.userId}`, {
          as: 'admin',
          body: { agency: 'police-cu' },
        })
      ).status,
    ).toBe(200);
  });

  it('disables the accounts of an agency it deactivates: its users’ next request is refused', async () => {
    await node.registerAgencies(['closing-ngo']);
    const user = {
      username: 'closing-worker',
      password: PASSWORD,
      role: 'case_manager' as const,
      agency: 'closing-ngo',
    };
    const { userId } = await ok(admin().POST('/api/users', { body: user }), 201);
    const token = await node.login(user.username, PASSWORD);
    expect((await node.request('GET', '/api/cases', { token })).status).toBe(200);

    await ok(
      admin().POST('/api/organisation/agencies/{code}/deactivation', {
        params: { path: { code: 'closing-ngo' } },
      }),
      201,
    );

    expect((await node.request('GET', '/api/cases', { token })).status).toBe(401);
    const users = await ok(admin().GET('/api/users'), 200);
    expect(users.items.find((u) => u.userId === userId)?.disabled).toBe(true);
    const history = await node.request('GET', `/api/users/${userId}/history`, { as: 'admin' });
    expect(history.body.items.map((item: { type: string }) => item.type)).toEqual([
      'AccountCreated',
      'AccountDisabled',
    ]);
    // the other agencies' users keep their access
    expect((await node.request('GET', '/api/cases', { as: 'case_manager' })).status).toBe(200);
  });

  it('records the district of a case (asked for, or the registering agency’s) and lists by it', async () => {
    const officer = node.api('identification_officer');
    const own = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
    const asked = await ok(officer.POST('/api/cases', { body: { ...REGISTRATION, district: 'MD-CU' } }), 201);
    const unknown = await node.request('POST', '/api/cases', {
      as: 'identification_officer',
      body: { ...REGISTRATION, district: 'nowhere' },
    });
    expect(unknown.status).toBe(422);
    expect(unknown.body.rule).toBe('unknown-district');
    const atRisk = await node.request('POST', '/api/cases/at-risk', {
      as: 'case_manager',
      body: {
        referralSource: 'ngo',
        person: REGISTRATION.person,
        vulnerabilities: ['child_left_behind'],
        district: 'nowhere',
      },
    });
    expect(atRisk.status).toBe(422);
    expect(atRisk.body.rule).toBe('unknown-district');

    const detail = await ok(
      node.api('auditor').GET('/api/cases/{id}', { params: { path: { id: own.caseId } } }),
      200,
    );
    expect(detail.district).toBe(TEST_DISTRICT);
    const listed = await ok(
      node.api('auditor').GET('/api/cases', { params: { query: { district: 'MD-CU' } } }),
      200,
    );
    expect(listed.items.map((item) => item.caseId)).toEqual([asked.caseId]);
    expect(listed.items[0].district).toBe('MD-CU');
  });

  it('refuses case commands that name an agency the registry does not hold (422 unknown-agency)', async () => {
    const officer = node.api('identification_officer');
    const { caseId } = await ok(officer.POST('/api/cases', { body: REGISTRATION }), 201);
    const manager = node.api('case_manager');
    await ok(
      manager.POST('/api/cases/{id}/consents', {
        params: { path: { id: caseId } },
        body: { purpose: 'assistance', granted: true },
      }),
      201,
    );
    const refusals = [
      ['team-members', { agency: 'no-such' }],
      ['assistance-plan', { services: [{ kind: 'medical', provider: 'no-such' }] }],
      ['service-referrals', { kind: 'legal', provider: 'no-such' }],
      ['reintegration-plan', { services: [{ kind: 'employment', provider: 'no-such' }] }],
    ] as const;
    for (const [path, body] of refusals) {
      const res = await node.request('POST', `/api/cases/${caseId}/${path}`, { as: 'case_manager', body });
      expect({ path, status: res.status, rule: res.body.rule }).toEqual({
        path,
        status: 422,
        rule: 'unknown-agency',
      });
    }
    await ok(
      manager.POST('/api/cases/{id}/team-members', {
        params: { path: { id: caseId } },
        body: { agency: 'ngo-cu' },
      }),
      201,
    );
  });
});
