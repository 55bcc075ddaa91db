/** The node's first admin (from the environment the load test starts it with). */
export const LOAD_ADMIN = { username: 'load-admin', password: 'load-admin-password-1234' };
const PASSWORD = 'load test operator passphrase';
const AGENCY = 'national-nrm-office';

async function call(baseUrl: string, path: string, body: unknown, token?: string): Promise<unknown> {
  const response = await fetch(`${baseUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function login(baseUrl: string, username: string, password: string): Promise<string> {
  const answer = (await call(baseUrl, '/api/auth/login', { username, password })) as { accessToken: string };
  return answer.accessToken;
}

export interface OperatorTokens {
  identification: string;
  caseManager: string;
}

/** Creates (first run) and signs in the two operators the command mix acts as, in one agency. */
export async function signInOperators(
  baseUrl: string,
  country: string,
  create: boolean,
): Promise<OperatorTokens> {
  const roles = { identification: 'identification_officer', caseManager: 'case_manager' } as const;
  if (create) {
    const admin = await login(baseUrl, LOAD_ADMIN.username, LOAD_ADMIN.password);
    // Users belong to a registered agency, in a registered district.
    await call(
      baseUrl,
      '/api/organisation/districts',
      { code: 'load-district', name: 'Load district' },
      admin,
    );
    const agency = { code: AGENCY, name: AGENCY, kind: 'other', district: 'load-district' };
    await call(baseUrl, '/api/organisation/agencies', agency, admin);
    for (const role of Object.values(roles)) {
      const user = {
        username: `load-${role.replace(/_/g, '-')}`,
        password: PASSWORD,
        role,
        agency: AGENCY,
        country,
      };
      await call(baseUrl, '/api/users', user, admin);
    }
  }
  return {
    identification: await login(baseUrl, `load-identification-officer`, PASSWORD),
    caseManager: await login(baseUrl, `load-case-manager`, PASSWORD),
  };
}
