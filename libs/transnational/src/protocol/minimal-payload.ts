import type { TrmMessageKind } from '../envelope/cross-border-envelope';
import type { DataSharingAgreement, ShareableField } from '../registry/partner';
import { FIELD_CHECKS, MESSAGE_CATALOGUE } from './message-catalogue';

export type Payload = Record<string, unknown>;

/** Does the agreement let this kind of message travel at `now`? Restriction requests always may. */
export function agreementAllows(kind: TrmMessageKind, agreement: DataSharingAgreement, now: string): boolean {
  const { purpose } = MESSAGE_CATALOGUE[kind];
  // A restriction asks the partner to process less; an urgent alert discharges a treaty duty (CETS
  // 197 art. 33) and carries codes only: neither waits for an agreement's purpose or its end date.
  if (purpose === 'restriction' || purpose === 'protection') return true;
  if (agreement.validUntil !== undefined && Date.parse(agreement.validUntil) < Date.parse(now)) return false;
  return agreement.fields[purpose] !== undefined;
}

/**
 * What actually leaves the node: the protocol fields, plus the optional fields this kind may carry
 * AND the agreement lists for its purpose. Everything else in `candidate` is dropped here.
 */
export function minimalPayload(
  kind: TrmMessageKind,
  candidate: Payload,
  agreement: DataSharingAgreement,
): Payload {
  const spec = MESSAGE_CATALOGUE[kind];
  const allowed = new Set<ShareableField>(agreement.fields[spec.purpose] ?? []);
  const payload: Payload = {};
  for (const field of Object.keys(spec.protocol)) {
    if (candidate[field] === undefined) throw new Error(`${kind}: protocol field ${field} is missing`);
    payload[field] = candidate[field];
  }
  for (const field of spec.optional) {
    if (allowed.has(field) && candidate[field] !== undefined) payload[field] = candidate[field];
  }
  // The candidate holds these only when the victim's consent let them in (outgoing policy).
  for (const field of Object.keys(spec.consented ?? {})) {
    if (candidate[field] !== undefined) payload[field] = candidate[field];
  }
  return payload;
}

/**
 * The receiver's check of a decrypted payload: every protocol field present and well formed, and
 * nothing beyond what this kind may carry under the agreement (a partner that over-shares is refused
 * rather than silently trimmed, so the breach is recorded and both sides see it).
 */
export function checkPayload(
  kind: TrmMessageKind,
  payload: Payload,
  agreement: DataSharingAgreement,
): { ok: true } | { ok: false; reason: 'malformed' | 'out-of-agreement'; detail: string } {
  const spec = MESSAGE_CATALOGUE[kind];
  for (const [field, check] of Object.entries(spec.protocol)) {
    const problem = check(payload[field]);
    if (problem) return { ok: false, reason: 'malformed', detail: `${field} ${problem}` };
  }
  const allowed = new Set<string>(agreement.fields[spec.purpose] ?? []);
  for (const [field, value] of Object.entries(payload)) {
    if (field in spec.protocol) continue;
    const consented = spec.consented?.[field];
    if (consented) {
      const problem = consented(value);
      if (problem) return { ok: false, reason: 'malformed', detail: `${field} ${problem}` };
      continue;
    }
    if (!(spec.optional as readonly string[]).includes(field) || !allowed.has(field))
      return { ok: false, reason: 'out-of-agreement', detail: `${field} may not travel in ${kind}` };
    const problem = FIELD_CHECKS[field as ShareableField](value);
    if (problem) return { ok: false, reason: 'malformed', detail: `${field} ${problem}` };
  }
  return { ok: true };
}

/**
 * What the return itself needs, when the victim asked to keep the case secret: who returns (to be
 * readmitted and given travel documents), the child's protection, the risk of the return and the
 * journey. Left out: the forms of exploitation (the stigma the wish is about), sex and age band (the
 * identity already says who returns), free-text reasons and reintegration notes.
 */
export const RETURN_ESSENTIAL_FIELDS: ReadonlySet<ShareableField> = new Set<ShareableField>([
  'person.givenName',
  'person.familyName',
  'person.dateOfBirth',
  'person.citizenship',
  'case.presumedMinor',
  'case.guardianAppointed',
  'case.bestInterestsDetermined',
  'return.riskLevel',
  'return.responseDueAt',
  'return.departedAt',
  'return.arrivedAt',
  'return.receivingAgency',
]);

/**
 * The minimal payload of a case the victim asked to keep secret: the protocol fields, and of the
 * optional fields the agreement let through, only those the return itself needs.
 */
export function secretCasePayload(kind: TrmMessageKind, payload: Payload): Payload {
  const { protocol } = MESSAGE_CATALOGUE[kind];
  return Object.fromEntries(
    Object.entries(payload).filter(
      ([field]) => field in protocol || RETURN_ESSENTIAL_FIELDS.has(field as ShareableField),
    ),
  );
}
