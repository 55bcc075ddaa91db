/**
 * A partner node as this node's registry knows it. The registry is event-sourced (stream
 * `partners`); this is the folded state of one partner.
 */
export const TRM_PURPOSES = ['return', 'reintegration', 'restriction', 'protection'] as const;
/**
 * Why a message crosses the border; the agreement lists the fields each purpose may carry.
 * `protection`: urgent alerts (Convention CETS 197, art. 33), codes only, always covered like `restriction`.
 */
export type TrmPurpose = (typeof TRM_PURPOSES)[number];

/**
 * Every field that may ever travel to a partner. Anything else never leaves the node, whatever an
 * agreement says: the list is the ceiling, the agreement picks from it.
 */
export const SHAREABLE_FIELDS = [
  'person.givenName',
  'person.familyName',
  'person.dateOfBirth',
  'person.sex',
  'person.citizenship',
  'person.ageBand',
  'case.formsOfExploitation',
  'case.presumedMinor',
  'case.guardianAppointed',
  'case.bestInterestsDetermined',
  'return.riskLevel',
  'return.responseDueAt',
  'return.departedAt',
  'return.arrivedAt',
  'return.receivingAgency',
  'answer.reason',
  'answer.reasons',
  'reintegration.services',
  'reintegration.status',
  'reintegration.notes',
] as const;
export type ShareableField = (typeof SHAREABLE_FIELDS)[number];

/** The data-sharing agreement with one partner: which fields may travel for which purpose. */
export interface DataSharingAgreement {
  /** The agreement's reference (treaty, MoU or SOP number). */
  reference: string;
  fields: Partial<Record<TrmPurpose, readonly ShareableField[]>>;
  /** ISO date-time after which nothing is shared under it. */
  validUntil?: string;
}

export type PartnerStatus =
  /** Messages flow both ways. */
  | 'active'
  /** Its history failed witnessing: its messages are held, admins and auditors are told. */
  | 'held'
  /** Removed from the registry: nothing is sent to it or accepted from it. */
  | 'removed';

export interface Partner {
  nodeId: string;
  /** ISO 3166-1 alpha-2 code of the country the partner node serves. */
  country: string;
  /** Its Ed25519 public key (SPKI PEM): verifies its envelopes and its checkpoints. */
  publicKeyPem: string;
  /** Its X25519 public key (SPKI PEM): payloads are sealed to it, so queues and topics hold ciphertext only. */
  encryptionKeyPem: string;
  /** Base URL of its node for the HTTP transport (the inbox is `<endpoint>/api/partners/inbox`). */
  endpoint?: string;
  agreement: DataSharingAgreement;
  status: PartnerStatus;
}
