// Source: CoE Convention on Action against Trafficking in Human Beings (CETS 197) art. 10(2), 14, 16;
// Council Directive 2004/81/EC (residence permit for victims who cooperate with the authorities).

/**
 * Why a residence permit for a victim is sought: art. 14(1)(a) (the competent authority considers the
 * stay necessary owing to the victim's personal situation) or art. 14(1)(b) and Directive 2004/81/EC
 * (the stay is necessary for their cooperation with the competent authorities in investigation or
 * criminal proceedings).
 */
export const RESIDENCE_PERMIT_BASES = ['personal_situation', 'cooperation_with_authorities'] as const;
export type ResidencePermitBasis = (typeof RESIDENCE_PERMIT_BASES)[number];

/** The immigration authority's decision on an application for a residence permit. */
export const RESIDENCE_PERMIT_DECISIONS = ['granted', 'refused'] as const;
export type ResidencePermitDecision = (typeof RESIDENCE_PERMIT_DECISIONS)[number];

/** How a removal order stopped being enforceable before it was carried out. */
export const REMOVAL_ORDER_OUTCOMES = ['suspended', 'withdrawn'] as const;
export type RemovalOrderOutcome = (typeof REMOVAL_ORDER_OUTCOMES)[number];

/**
 * Identity and travel documents (CoE Convention art. 16(3)-(4): verification of nationality, issue of
 * travel documents). travel_document covers a laissez-passer or an emergency travel document.
 */
export const IDENTITY_DOCUMENT_KINDS = [
  'passport',
  'national_id',
  'travel_document',
  'birth_certificate',
  'other',
] as const;
export type IdentityDocumentKind = (typeof IDENTITY_DOCUMENT_KINDS)[number];

/** The kinds a person can cross a border with (a return journey needs one, valid on the travel date). */
export const TRAVEL_DOCUMENT_KINDS = [
  'passport',
  'national_id',
  'travel_document',
] as const satisfies readonly IdentityDocumentKind[];

/**
 * Where a document is when first recorded: with the person, withheld by the exploiter (a means of
 * control: UNODC indicators; CTDC "meansOfControl" withholding documents), or lost.
 */
export const IDENTITY_DOCUMENT_FOUND_STATUSES = ['held', 'withheld', 'lost'] as const;
export type IdentityDocumentFoundStatus = (typeof IDENTITY_DOCUMENT_FOUND_STATUSES)[number];

/** Every status a recorded document can be in. */
export const IDENTITY_DOCUMENT_STATUSES = [
  ...IDENTITY_DOCUMENT_FOUND_STATUSES,
  'recovered',
  'replacement_requested',
  'issued',
] as const;
export type IdentityDocumentStatus = (typeof IDENTITY_DOCUMENT_STATUSES)[number];

/**
 * Who is asked for a replacement: the consulate of the country of origin (never while an asylum
 * application is pending or granted), or another authority (e.g. the immigration authority of the
 * country of destination issuing a travel document to a refugee).
 */
export const DOCUMENT_REPLACEMENT_CHANNELS = ['consulate', 'other_authority'] as const;
export type DocumentReplacementChannel = (typeof DOCUMENT_REPLACEMENT_CHANNELS)[number];
