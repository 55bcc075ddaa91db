import { NrmClient, ok } from '@nrm/api-client';

/** The district test agencies sit in unless a test names another. */
export const TEST_DISTRICT = 'test-district';

/**
 * Registers, as an admin, each agency the node's organisation registry does not hold yet (kind
 * `other`), and the district first when it is missing. Idempotent: tests share nodes and codes.
 */
export async function registerAgencies(
  admin: NrmClient,
  codes: readonly string[],
  district = TEST_DISTRICT,
): Promise<void> {
  const districts = (await ok(admin.GET('/api/organisation/districts'), 200)).items;
  if (!districts.some((d) => d.code === district))
    await ok(admin.POST('/api/organisation/districts', { body: { code: district, name: district } }), 201);
  const known = new Set((await ok(admin.GET('/api/organisation/agencies'), 200)).items.map((a) => a.code));
  for (const code of new Set(codes)) {
    if (known.has(code)) continue;
    await ok(
      admin.POST('/api/organisation/agencies', { body: { code, name: code, kind: 'other', district } }),
      201,
    );
  }
}

/** Forms the team, as an admin, with its member agencies (registered first when missing), unless it exists. */
export async function registerTeam(
  admin: NrmClient,
  code: string,
  members: readonly string[],
  district = TEST_DISTRICT,
): Promise<void> {
  await registerAgencies(admin, members, district);
  const teams = (await ok(admin.GET('/api/organisation/teams'), 200)).items;
  if (teams.some((team) => team.code === code)) return;
  await ok(
    admin.POST('/api/organisation/teams', { body: { code, district, name: code, members: [...members] } }),
    201,
  );
}
