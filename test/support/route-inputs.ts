import { Role } from '@nrm/iam/roles';
import { PUBLIC_EXTENSION, ROLES_EXTENSION } from '@nrm/application/bootstrap/openapi';
import { Ed25519Signer } from '@nrm/event-store/integrity';
import { generateNodeEncryptionKey } from '@nrm/transnational';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REGISTRATION } from './node-harness';

/**
 * The routes of a running node, read from its OpenAPI document, and a valid input for each: the attack
 * matrix sends them with the wrong credentials, the fuzzer breaks them with the right ones. Either
 * way, what the node answers is about the credential or the mutation, never about a body that was
 * invalid from the start.
 */

/** A body that passes validation, per route: a refusal must come from access control, not from the body. */
export const BODIES: Record<string, object> = {
  'POST /api/auth/logout': { refreshToken: 'r'.repeat(43) },
  // Takes no body (the caller's token says whose sessions): an empty one passes.
  'DELETE /api/auth/sessions': {},
  'POST /api/users': {
    username: 'attack-matrix-user',
    password: 'quiet harbour lantern 9047',
    role: 'auditor',
    agency: 'national-nrm-office',
  },
  'PATCH /api/users/:userId': { role: 'auditor' },
  // Take no body (the path names the account): an empty one passes.
  'POST /api/users/:userId/disable': {},
  'POST /api/users/:userId/enable': {},
  'POST /api/users/:userId/password': { password: 'quiet harbour lantern 9047' },
  'POST /api/cases': REGISTRATION,
  'POST /api/cases/:id/erasure': { legalBasis: 'GDPR art. 17' },
  'POST /api/cases/at-risk': {
    referralSource: 'social_services',
    person: REGISTRATION.person,
    vulnerabilities: ['child_left_behind'],
  },
  'POST /api/cases/:id/conversion': {
    indicators: ['recruited-online'],
    countryOfExploitation: 'DE',
    formsOfExploitation: ['forced_labour'],
  },
  'POST /api/cases/:id/consents': { purpose: 'assistance', granted: true },
  'POST /api/cases/:id/identification': { decision: 'identified', reasons: 'indicators' },
  'POST /api/cases/:id/identification/review': { kind: 'appeal', grounds: 'new evidence' },
  'POST /api/cases/:id/identification/review/decision': { outcome: 'upheld' },
  'POST /api/cases/:id/identity': { givenName: 'Ana', familyName: 'Popescu' },
  'POST /api/cases/:id/guardian': { name: 'Maria Rusu', authority: 'Child Protection Authority' },
  'POST /api/cases/:id/best-interests-determination': { outcome: 'stay', notes: 'n' },
  'POST /api/cases/:id/age-assessment': { presumedMinor: true, method: 'interview' },
  'POST /api/cases/:id/reflection-period/extension': { endsAt: '2099-01-01T00:00:00Z' },
  'POST /api/cases/:id/risk-assessments': { kind: 'general', level: 'low', notes: 'n' },
  'POST /api/cases/:id/needs-assessments': { needs: ['medical'] },
  'POST /api/cases/:id/assistance-plan': { services: [{ kind: 'medical' }] },
  'POST /api/cases/:id/service-referrals': { kind: 'legal', provider: 'legal-aid-ngo' },
  'POST /api/cases/:id/service-referrals/:serviceId/acceptance': {},
  'POST /api/cases/:id/service-referrals/:serviceId/decline': { reason: 'no_capacity' },
  'POST /api/cases/:id/service-referrals/:serviceId/delivery': {},
  'POST /api/cases/:id/monitoring': { status: 'on_track' },
  // The command that would let an outsider widen its own scope.
  'POST /api/cases/:id/team-members': { agency: 'outside-agency' },
  'POST /api/cases/:id/closure': { reason: 'victim_request' },
  'POST /api/cases/:id/reopening': { reason: 're_trafficking' },
  'POST /api/cases/:id/return-request': { statedBy: 'victim' },
  'POST /api/cases/:id/handovers': { toCountry: 'MD' },
  'POST /api/cases/:id/handovers/:handoverId/acceptance': {},
  'POST /api/cases/:id/handovers/:handoverId/decline': { reason: 'other' },
  'POST /api/cases/:id/handovers/:handoverId/departure': {},
  'POST /api/cases/:id/handovers/:handoverId/arrival': {},
  'POST /api/cases/:id/handovers/:handoverId/reception': { receivingAgency: 'MD-NRM' },
  'POST /api/cases/:id/reintegration-plan': { services: [{ kind: 'employment' }] },
  'POST /api/cases/:id/reintegration-progress': { status: 'on_track' },
  'POST /api/partners': {
    nodeId: 'nrm-zz',
    country: 'RO',
    publicKeyPem: Ed25519Signer.generate().publicKeyPem,
    encryptionKeyPem: generateNodeEncryptionKey().publicKeyPem,
    agreement: { reference: 'MoU', fields: { return: [] } },
  },
  'PATCH /api/partners/:nodeId': { endpoint: 'https://nrm.example.org' },
  'POST /api/partners/:nodeId/removal': { reason: 'agreement ended' },
  'POST /api/partners/:nodeId/release': { reason: 'investigated' },
  'POST /api/cases/:id/asylum-application': {},
  'POST /api/cases/:id/asylum-application/closure': { outcome: 'withdrawn' },
  'POST /api/cases/:id/cooperation-decision': { willing: true },
  'POST /api/cases/:id/law-enforcement-requests': {
    agency: 'police-cid',
    kind: 'interview',
    requestedByVictim: true,
  },
  'POST /api/cases/:id/law-enforcement-requests/:requestId/answer': { outcome: 'agreed' },
  'POST /api/cases/:id/hearings': { scheduledFor: '2099-01-01T09:00:00Z', protectiveMeasures: [] },
  'POST /api/cases/:id/protective-measures': { measures: ['anonymity'] },
  'POST /api/cases/:id/compensation-claims': { against: 'offender' },
  'POST /api/cases/:id/non-punishment': { basis: 'other' },
  'POST /api/cases/:id/hearings/:hearingId/outcome': { outcome: 'postponed' },
  'POST /api/cases/:id/proceedings': {
    reference: '1-123/2025',
    stage: 'investigation',
    authority: 'police',
    openedAt: '2025-01-01',
  },
  'POST /api/cases/:id/proceedings/:proceedingId/stage': {
    stage: 'trial',
    authority: 'court',
    advancedAt: '2025-01-01',
  },
  'POST /api/cases/:id/proceedings/:proceedingId/verdict': {
    outcome: 'conviction',
    charges: ['trafficking'],
    decidedAt: '2025-01-01',
    final: false,
  },
  'POST /api/cases/:id/proceedings/:proceedingId/closure': { reason: 'other', closedAt: '2025-01-01' },
  'POST /api/cases/:id/compensation-claims/:claimId/award': {
    amount: 100,
    currency: 'EUR',
    awardedBy: 'court',
    awardedAt: '2025-01-01',
  },
  'POST /api/cases/:id/compensation-claims/:claimId/payments': { amount: 10, paidAt: '2025-01-01' },
  'POST /api/cases/:id/compensation-claims/:claimId/refusal': {
    refusedBy: 'state_fund',
    refusedAt: '2025-01-01',
  },
  'POST /api/cases/:id/victim-notifications': {
    step: 'offender_released',
    channel: 'phone',
    notifiedAt: '2025-01-01',
  },
  'POST /api/cases/:id/family-members': {
    relation: 'child',
    bornInDestination: true,
    sex: 'female',
    presumedMinor: true,
    givenName: 'Ana',
    familyName: 'Rusu',
  },
  'POST /api/cases/:id/family-members/assessments': { memberIds: ['m-1'], needs: ['education'] },
  'POST /api/cases/:id/family-members/:memberId/guardian': { authority: 'Child Protection Authority' },
  'POST /api/cases/:id/family-members/:memberId/best-interests-determination': {
    outcome: 'stay with mother',
  },
  'POST /api/cases/:id/family-members/:memberId/parentage-recognitions': { authority: 'Civil Registry' },
  'POST /api/cases/:id/family-members/parentage-recognitions/:proceedingId/steps': {
    step: 'application_filed',
  },
  'POST /api/cases/:id/family-members/parentage-recognitions/:proceedingId/conclusion': {
    outcome: 'recognised',
  },
  'POST /api/cases/:id/family-members/:memberId/tracings': { country: 'MD' },
  'POST /api/cases/:id/family-members/tracings/:tracingId/outcome': { outcome: 'found' },
  'POST /api/cases/:id/family-members/tracings/:tracingId/reunification': {},
  'POST /api/cases/:id/family-members/tracings/:tracingId/reunification-refusal': { reason: 'not_safe' },
  'POST /api/cases/:id/family-members/:memberId/erasure': { legalBasis: 'GDPR art. 17' },
  'POST /api/cases/:id/urgent-alerts': { toCountry: 'MD', subject: 'victim', danger: 'retaliation' },
  'POST /api/alerts/:alertId/acknowledgement': {},
  'POST /api/cases/:id/wishes': { wishes: ['placed_in_safety'] },
  'POST /api/cases/:id/wishes/actions': { wish: 'placed_in_safety', action: 'in_progress' },
  'POST /api/cases/:id/meetings': {
    kind: 'team_meeting',
    agencies: ['national-nrm-office'],
    topics: ['plan_review'],
  },
  'POST /api/cases/:id/residence-permits': { basis: 'personal_situation' },
  'POST /api/cases/:id/residence-permits/:permitId/decision': { decision: 'refused' },
  'POST /api/cases/:id/residence-permits/:permitId/renewal': { validUntil: '2099-01-01' },
  'POST /api/cases/:id/removal-orders': {},
  'POST /api/cases/:id/removal-orders/:orderId/lifting': { outcome: 'suspended' },
  'POST /api/cases/:id/removal-orders/:orderId/enforcement': {},
  'POST /api/cases/:id/documents': { kind: 'passport', status: 'lost' },
  'POST /api/cases/:id/documents/:documentId/recovery': {},
  'POST /api/cases/:id/documents/:documentId/replacement-request': { channel: 'other_authority' },
  'POST /api/cases/:id/documents/:documentId/issue': { validUntil: '2099-01-01' },
  'POST /api/organisation/districts': { code: 'attack-district', name: 'Attack district' },
  'POST /api/organisation/agencies': {
    code: 'attack-agency',
    name: 'Attack agency',
    kind: 'other',
    district: 'attack-district',
  },
  'PATCH /api/organisation/agencies/:code': { name: 'Renamed agency' },
  // Takes no body (the path names the agency): an empty one passes.
  'POST /api/organisation/agencies/:code/deactivation': {},
  'POST /api/organisation/teams': { code: 'attack-team', district: 'attack-district', name: 'Team' },
  'POST /api/organisation/teams/:code/members': { agency: 'attack-agency' },
  'DELETE /api/organisation/teams/:code/members/:agency': {},
};

/** Where a role may send only some bodies (a return officer assesses the risks of a return). */
export const ROLE_BODIES: Record<string, Partial<Record<Role, object>>> = {
  'POST /api/cases/:id/risk-assessments': { return_officer: { kind: 'return', level: 'low', notes: 'n' } },
};

/** Query strings that reads need to be valid (and that make an allowed read leave a trace). */
export const QUERIES: Record<string, string> = {
  'GET /api/cases/:id/export': '?purpose=attack_matrix_check',
};

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

export interface Operation {
  method: Method;
  /** As the OpenAPI document writes it: /api/cases/{id}/guardian. */
  docPath: string;
  /** As the docs write a route (Nest's `:param` syntax): POST /api/cases/:id/guardian. */
  label: string;
  roles: Role[];
  markedPublic: boolean;
  acceptsIfMatch: boolean;
  /** The query parameters the document declares for it. */
  queryParams: string[];
  /** Whether the document declares a request body (a route without one reads none). */
  takesBody: boolean;
  /** The fields of its JSON body, and those of them it requires (as the document's schema lists them). */
  bodyFields: string[];
  requiredBodyFields: string[];
}

interface OpenApiOperation {
  [ROLES_EXTENSION]?: Role[];
  [PUBLIC_EXTENSION]?: boolean;
  parameters?: { name: string; in: string }[];
  requestBody?: { content?: Record<string, { schema?: { $ref?: string } }> };
}
interface OpenApiSchema {
  properties?: Record<string, unknown>;
  required?: string[];
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OpenApiOperation>>;
  components?: { schemas?: Record<string, OpenApiSchema> };
}

function bodySchemaOf(doc: OpenApiDocument, operation: OpenApiOperation): OpenApiSchema {
  const ref = operation.requestBody?.content?.['application/json']?.schema?.$ref;
  return (ref && doc.components?.schemas?.[ref.split('/').pop() as string]) || {};
}

export function operationsOf(doc: OpenApiDocument): Operation[] {
  return Object.entries(doc.paths).flatMap(([docPath, item]) =>
    Object.entries(item).map(([method, operation]) => {
      const upper = method.toUpperCase() as Method;
      const parameters = operation.parameters ?? [];
      return {
        method: upper,
        docPath,
        label: `${upper} ${docPath.replace(/\{(\w+)\}/g, ':$1')}`,
        roles: operation[ROLES_EXTENSION] ?? [],
        markedPublic: operation[PUBLIC_EXTENSION] === true,
        acceptsIfMatch: parameters.some((p) => p.in === 'header' && p.name.toLowerCase() === 'if-match'),
        queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        takesBody: operation.requestBody !== undefined,
        bodyFields: Object.keys(bodySchemaOf(doc, operation).properties ?? {}),
        requiredBodyFields: bodySchemaOf(doc, operation).required ?? [],
      };
    }),
  );
}

/** The OpenAPI document of a node started (and stopped) in a child process, read synchronously. */
export function openApiOfARunningNode(): OpenApiDocument {
  const root = join(__dirname, '../..');
  const dir = mkdtempSync(join(tmpdir(), 'nrm-openapi-'));
  const out = join(dir, 'openapi.json');
  const script = `
    const { writeFileSync } = require('node:fs');
    const { NodeHarness } = require('./test/support/node-harness.ts');
    NodeHarness.start().then(async (node) => {
      writeFileSync(process.env.NRM_OPENAPI_OUT, JSON.stringify((await node.request('GET', '/api/docs-json')).body));
      await node.stop();
    });`;
  try {
    execFileSync(process.execPath, ['--require', './tools/swc-register.js', '-e', script], {
      cwd: root,
      env: { ...process.env, NRM_OPENAPI_OUT: out },
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
    });
    return JSON.parse(readFileSync(out, 'utf8')) as OpenApiDocument;
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? '';
    throw new Error(`could not read the OpenAPI document of a node: ${(error as Error).message}\n${stderr}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The names of a route's path parameters, in order: ['id', 'serviceId']. */
export const pathParamsOf = (op: Operation): string[] =>
  [...op.docPath.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);

/**
 * The route's path with its parameters filled in: from `values` (already URL-encoded), else a fresh
 * id that names nothing on the node.
 */
export const pathOf = (
  op: Operation,
  values: Record<string, string>,
  otherId: () => string = randomUUID,
): string => op.docPath.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? otherId());

/** The route's path and the query string it needs to be valid. */
export const urlOf = (op: Operation, values: Record<string, string>): string =>
  pathOf(op, values) + (QUERIES[op.label] ?? '');

/** The valid body of a route for a role (`{}` for the routes that take none). */
export const bodyFor = (op: Operation, role?: Role): object =>
  ROLE_BODIES[op.label]?.[role as Role] ?? BODIES[op.label] ?? {};
