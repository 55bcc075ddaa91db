import {
  AGE_BANDS_OR_UNKNOWN,
  FORMS_OF_EXPLOITATION,
  HANDOVER_DECLINE_REASONS,
  isCitizenship,
  LIMITS,
  REINTEGRATION_STATUSES,
  RISK_LEVELS,
  SEXES,
  SERVICE_KINDS,
  URGENT_ALERT_SUBJECTS,
  URGENT_DANGERS,
} from '@nrm/contracts';
import type { TrmMessageKind } from '../envelope/cross-border-envelope';
import type { ShareableField, TrmPurpose } from '../registry/partner';

/** Checks one payload value; returns a problem or undefined. */
type Check = (value: unknown) => string | undefined;

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const CODE = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v) ? undefined : `must be one of ${values.join(', ')}`;
const uuid: Check = (v) => (typeof v === 'string' && UUID.test(v) ? undefined : 'must be a lowercase UUID');
const code: Check = (v) => (typeof v === 'string' && CODE.test(v) ? undefined : 'must be a code');
const dateTime: Check = (v) =>
  typeof v === 'string' && ISO.test(v) && !Number.isNaN(Date.parse(v))
    ? undefined
    : 'must be an ISO date-time';
const date: Check = (v) =>
  typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'must be an ISO date';
const flag: Check = (v) => (typeof v === 'boolean' ? undefined : 'must be true or false');
const text =
  (max: number): Check =>
  (v) =>
    typeof v === 'string' && v.trim().length > 0 && v.length <= max ? undefined : `must be text up to ${max}`;
const listOf =
  (values: readonly string[]): Check =>
  (v) =>
    Array.isArray(v) && v.length <= LIMITS.smallList && v.every((x) => values.includes(x as string))
      ? undefined
      : `must be a list of ${values.join(', ')}`;
const citizenship: Check = (v) =>
  isCitizenship(v) ? undefined : 'must be a country code, stateless or unknown';
const services: Check = (v) =>
  Array.isArray(v) &&
  v.length >= 1 &&
  v.length <= LIMITS.smallList &&
  v.every(
    (s) =>
      typeof s === 'object' &&
      s !== null &&
      Object.keys(s).every((k) => ['serviceId', 'kind', 'provider'].includes(k)) &&
      code((s as Record<string, unknown>).serviceId) === undefined &&
      oneOf(SERVICE_KINDS)((s as Record<string, unknown>).kind) === undefined &&
      ((s as Record<string, unknown>).provider === undefined ||
        code((s as Record<string, unknown>).provider) === undefined),
  )
    ? undefined
    : 'must be 1 or more services { serviceId, kind, provider? }';

/** How each optional (agreement-governed) field is checked when it arrives. */
export const FIELD_CHECKS: Readonly<Record<ShareableField, Check>> = {
  'person.givenName': text(LIMITS.name),
  'person.familyName': text(LIMITS.name),
  'person.dateOfBirth': date,
  'person.sex': oneOf(SEXES),
  'person.citizenship': citizenship,
  'person.ageBand': oneOf(AGE_BANDS_OR_UNKNOWN),
  'case.formsOfExploitation': listOf(FORMS_OF_EXPLOITATION),
  'case.presumedMinor': flag,
  'case.guardianAppointed': flag,
  'case.bestInterestsDetermined': flag,
  'return.riskLevel': oneOf(RISK_LEVELS),
  'return.responseDueAt': dateTime,
  'return.departedAt': dateTime,
  'return.arrivedAt': dateTime,
  'return.receivingAgency': code,
  'answer.reason': oneOf(HANDOVER_DECLINE_REASONS),
  'answer.reasons': text(LIMITS.longText),
  'reintegration.services': services,
  'reintegration.status': oneOf(REINTEGRATION_STATUSES),
  'reintegration.notes': text(LIMITS.longText),
};

export interface MessageSpec {
  purpose: TrmPurpose;
  /** Fields the protocol needs whatever the agreement says (ids, deadlines, the child flag): never personal. */
  protocol: Readonly<Record<string, Check>>;
  /** Fields that travel only when the agreement lists them for the purpose (and consent allows the message). */
  optional: readonly ShareableField[];
  /**
   * Protocol fields the sender adds only when the victim's consent lets it (urgent alert: the shared
   * case reference); checked when present.
   */
  consented?: Readonly<Record<string, Check>>;
}

/** Each message, what it must carry and what it may carry (docs/transnational.md explains them). */
export const MESSAGE_CATALOGUE: Readonly<Record<TrmMessageKind, MessageSpec>> = {
  'handover.proposed': {
    purpose: 'return',
    // A child is protected on both sides whatever the agreement: the flag always travels.
    protocol: { handoverId: uuid, responseDueAt: dateTime, presumedMinor: flag },
    optional: [
      'person.givenName',
      'person.familyName',
      'person.dateOfBirth',
      'person.sex',
      'person.citizenship',
      'person.ageBand',
      'case.formsOfExploitation',
      'case.guardianAppointed',
      'case.bestInterestsDetermined',
      'return.riskLevel',
    ],
  },
  'handover.accepted': {
    purpose: 'return',
    protocol: { handoverId: uuid },
    optional: ['return.receivingAgency', 'answer.reasons'],
  },
  'handover.declined': {
    purpose: 'return',
    protocol: { handoverId: uuid, reason: oneOf(HANDOVER_DECLINE_REASONS) },
    optional: ['answer.reasons'],
  },
  'return.travel-started': {
    purpose: 'return',
    protocol: { handoverId: uuid },
    optional: ['return.departedAt'],
  },
  'return.arrival-confirmed': {
    purpose: 'return',
    protocol: { handoverId: uuid },
    optional: ['return.arrivedAt'],
  },
  'return.reception-confirmed': {
    purpose: 'return',
    protocol: { handoverId: uuid, receivingAgency: code },
    optional: [],
  },
  'reintegration.plan-adopted': {
    purpose: 'reintegration',
    protocol: { planId: code, services },
    optional: [],
  },
  'reintegration.progress-recorded': {
    purpose: 'reintegration',
    protocol: { status: oneOf(REINTEGRATION_STATUSES) },
    optional: ['reintegration.notes'],
  },
  // A data subject's right: the request to restrict always travels and carries nothing about the person.
  'consent.restriction-requested': { purpose: 'restriction', protocol: {}, optional: [] },
  // Convention CETS 197, art. 33: someone is in immediate danger in the recipient's country. Codes
  // only; the shared case reference only under the victim's data-sharing consent naming that country.
  'alert.urgent': {
    purpose: 'protection',
    protocol: {
      alertId: uuid,
      subject: oneOf(URGENT_ALERT_SUBJECTS),
      danger: oneOf(URGENT_DANGERS),
      raisedAt: dateTime,
    },
    optional: [],
    consented: { sharedCaseRef: uuid },
  },
};
