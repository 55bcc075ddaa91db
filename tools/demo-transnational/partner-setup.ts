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
};

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
  for (const role of OPERATOR_ROLES) {
    const username = usernameOf(role);
    await node.call('POST', '/api/users', {
      as: 'admin',
      body: { username, password: credentials.operatorPassword, role, agency: AGENCY, country },
    });
    await node.login(role, username, credentials.operatorPassword);
  }
}

/** `node`'s admin registers `partner` (its identity as the partner's admin reads it) under the agreement. */
export async function registerPartner(node: NodeClient, partner: NodeClient): Promise<string> {
  const identity = await partner.call<{
    nodeId: string;
    country: string;
    publicKeyPem: string;
    encryptionKeyPem: string;
  }>('GET', '/api/node/identity', { as: 'admin' });
  await node.call('POST', '/api/partners', {
    as: 'admin',
    body: {
      nodeId: identity.nodeId,
      country: identity.country,
      publicKeyPem: identity.publicKeyPem,
      encryptionKeyPem: identity.encryptionKeyPem,
      endpoint: partner.baseUrl,
      agreement: AGREEMENT,
    },
  });
  return identity.nodeId;
}
