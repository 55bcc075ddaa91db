import { RequestBody, Schema } from '@nrm/api-client';
import { NodeClient } from './node-client';

/** The roles the walk needs on each node. */
export const OPERATOR_ROLES = [
  'identification_officer',
  'case_manager',
  'return_officer',
  'auditor',
] as const;

/**
 * The operators' agency. Cases a partner node hands over land in NRM_PARTNER_RECEIVING_AGENCY
 * (default national-nrm-office), so the country of origin's operators must belong to it to see them.
 */
export const AGENCY = 'national-nrm-office';

/** The data-sharing agreement both nodes register for each other: which fields may travel, for what. */
export const AGREEMENT = {
  reference: 'MoU DE-MD 2026/1 (demo)',
  fields: {
    return: [
      'person.givenName',
      'person.familyName',
      'person.sex',
      'person.citizenship',
      'case.formsOfExploitation',
      'case.guardianAppointed',
      'case.bestInterestsDetermined',
      'return.riskLevel',
      'return.departedAt',
      'return.arrivedAt',
      'return.receivingAgency',
      'answer.reasons',
    ],
    reintegration: ['reintegration.notes'],
  },
} satisfies Schema<'AgreementDto'>;

export interface Credentials {
  admin: { username: string; password: string };
  /** Every operator's password (each has its own username). */
  operatorPassword: string;
}

export const usernameOf = (role: string): string => `${role.replace(/_/g, '-')}-demo`;

/** The admin creates one operator per role; each logs in (tokens kept under the role's name). */
export async function createOperators(
  node: NodeClient,
  country: string,
  credentials: Credentials,
): Promise<void> {
  await node.login('admin', credentials.admin.username, credentials.admin.password);
  // Users belong to a registered agency, which sits in a registered district.
  const district = { code: `${country}-capital`, name: 'Capital' };
  await node.call('admin', (api) => api.POST('/api/organisation/districts', { body: district }), 201);
  const agency = { code: AGENCY, name: AGENCY, kind: 'other' as const, district: district.code };
  await node.call('admin', (api) => api.POST('/api/organisation/agencies', { body: agency }), 201);
  for (const role of OPERATOR_ROLES) {
    const user: RequestBody<'/api/users', 'post'> = {
      username: usernameOf(role),
      password: credentials.operatorPassword,
      role,
      agency: AGENCY,
      country,
    };
    await node.call('admin', (api) => api.POST('/api/users', { body: user }), 201);
    await node.login(role, user.username, credentials.operatorPassword);
  }
}

/** `node`'s admin registers `partner` (its identity as the partner's admin reads it) under the agreement. */
export async function registerPartner(node: NodeClient, partner: NodeClient): Promise<string> {
  const identity = await partner.call('admin', (api) => api.GET('/api/node/identity'), 200);
  const registration: RequestBody<'/api/partners', 'post'> = {
    nodeId: identity.nodeId,
    // The identity states a node's country as a plain string; registering it takes an ISO code.
    country: identity.country as RequestBody<'/api/partners', 'post'>['country'],
    publicKeyPem: identity.publicKeyPem,
    encryptionKeyPem: identity.encryptionKeyPem,
    endpoint: partner.baseUrl,
    agreement: AGREEMENT,
  };
  await node.call('admin', (api) => api.POST('/api/partners', { body: registration }), 201);
  return identity.nodeId;
}
