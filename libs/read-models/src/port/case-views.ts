import type { CaseStage } from '@nrm/domain/case-stage';
import type { Actor, EncryptedPersonalData } from '@nrm/event-store/port';

/** The catalogue's "Case stage" sequence; the domain owns the reducer. */
export { CASE_STAGES, type CaseStage } from '@nrm/domain/case-stage';

export type IdentificationStatus = 'pending' | 'identified' | 'not_identified';

/** What a case is about (CASE_KINDS of @nrm/contracts); a case converted from a person at risk is a presumed victim's. */
export const CASE_KINDS = ['presumed_victim', 'person_at_risk'] as const;
export type CaseKind = (typeof CASE_KINDS)[number];

export const DEADLINE_KINDS = [
  /** Identification still pending after the reflection period ended. */
  'identification_decision',
  /** A proposed handover not answered by its responseDueAt. */
  'handover_response',
  /** A service referral neither accepted nor declined in the country's time (14 days by default). */
  'service_referral_response',
  /** The next monitoring visit, due at its date's midnight UTC, until a later visit is recorded. */
  'monitoring_visit',
  /** A granted residence permit's expiry, due the country's days before it (30 by default: time to renew). */
  'residence_permit_expiry',
  /**
   * An alert: a removal order notified while the identification is pending, due (overdue) at once
   * until the order is lifted or the identification concluded (CoE Convention art. 10(2)).
   */
  'removal_before_identification',
  /** A law-enforcement request for the victim's cooperation not answered in the country's time. */
  'law_enforcement_request_answer',
  /** A presumed child still without a guardian the country's time after the presumption of minority. */
  'guardian_appointment',
  /** An accepted handover whose journey has not started in the country's time. */
  'return_departure',
  /** A journey under way whose arrival is not recorded in the country's time. */
  'return_arrival',
  /** An arrival whose reception by the receiving agency is not confirmed in the country's time. */
  'reception_confirmation',
  /** The next review date a team meeting or case conference set for the case. */
  'team_review',
  /** A review or appeal of the identification decision not yet decided in the country's time. */
  'identification_review',
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

/** An open obligation with a due date; whether it is overdue depends on when one asks. */
export interface Deadline {
  kind: DeadlineKind;
  /**
   * handoverId, serviceId, permitId, orderId, requestId (a law-enforcement request) or meetingId (a team
   * review); absent where a case has one of its kind (identification, guardian, monitoring, review).
   */
  ref?: string;
  dueAt: string;
}
export interface DeadlineStatus extends Deadline {
  overdue: boolean;
}

export interface CaseListItem {
  caseId: string;
  stage: CaseStage;
  kind: CaseKind;
  countryOfExploitation?: string;
  citizenship?: string;
  /** The district of the node's organisation registry the case was registered in. */
  district?: string;
  identificationStatus: IdentificationStatus;
  presumedMinor: boolean;
  registeredAt?: string;
  reflectionPeriodEndsAt?: string;
  revision: number;
  updatedAt: string;
  deadlines: DeadlineStatus[];
  /** Some deadline has passed at the query's `now`. */
  overdue: boolean;
}

/** What a case list can be ordered by. */
export const CASE_LIST_SORTS = ['registeredAt', 'updatedAt', 'reflectionPeriodEndsAt', 'stage'] as const;
export type CaseListSort = (typeof CASE_LIST_SORTS)[number];
export const SORT_ORDERS = ['asc', 'desc'] as const;
export type SortOrder = (typeof SORT_ORDERS)[number];
/** The order of a list query that names none: newest registration first. */
export const DEFAULT_CASE_LIST_SORT: CaseListSort = 'registeredAt';
export const DEFAULT_SORT_ORDER: SortOrder = 'desc';

/** Which cases a list or a caseload summary covers. */
export interface CaseScope {
  /** Only cases that involve this agency (record-level access of an operator). */
  agency?: string;
  /** Only cases that (also) involve this agency: the agency filter a caller asks for. */
  involving?: string;
  /**
   * Only cases this user acted on (recorded at least one of their events, by `actor.userId`): a
   * user's own caseload ("my cases"), since no case worker is assigned to a case.
   */
  actedOnBy?: string;
}

export interface CaseListQuery extends CaseScope {
  stage?: CaseStage;
  /** Country of exploitation. */
  country?: string;
  citizenship?: string;
  /** The district the case was registered in. */
  district?: string;
  /** Only cases with (true) or without (false) an overdue deadline at `now`. */
  overdue?: boolean;
  /** Only cases whose person is (true) or is not (false) presumed a minor. */
  presumedMinor?: boolean;
  /** Only presumed victims' cases (converted ones included) or only people at risk's. */
  kind?: CaseKind;
  /**
   * registeredAt (default), updatedAt, reflectionPeriodEndsAt, or stage (the catalogue's forward order
   * of CASE_STAGES). Cases without the value (no registration, no reflection period) come last in
   * either order; ties are broken by case id, ascending.
   */
  sort?: CaseListSort;
  /** desc by default. */
  order?: SortOrder;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** The moment deadlines are judged against. */
  now: Date | string;
}

export interface CaseListPage {
  items: CaseListItem[];
  total: number;
}

/** At most this many deadlines in a caseload summary's dueSoon. */
export const DUE_SOON_LIMIT = 50;
export const MAX_DUE_WITHIN_DAYS = 90;

export interface CaseloadQuery extends CaseScope {
  /** Deadlines due up to this many days after `now` (integer, 1..MAX_DUE_WITHIN_DAYS), or overdue. */
  dueWithinDays: number;
  /** The moment deadlines are judged against. */
  now: Date | string;
}

/** An open deadline of a case, as a caseload summary lists it. */
export interface DueDeadline extends DeadlineStatus {
  caseId: string;
}

/** Counts over the cases in scope, for dashboards. */
export interface CaseloadSummary {
  /** Every stage, in the catalogue's order, with 0 where no case is at it. */
  byStage: { stage: CaseStage; count: number }[];
  total: number;
  /** Cases with a deadline past at `now`. */
  overdue: number;
  /** Cases whose person is presumed a minor. */
  presumedMinors: number;
  /** Cases of people at risk not converted to presumed victims (counted apart from victims; in `total`). */
  peopleAtRisk: number;
  /**
   * Open deadlines already overdue or due within the window, soonest first (then by case id, kind
   * and ref), at most 50 (DUE_SOON_LIMIT).
   */
  dueSoon: DueDeadline[];
}

export type ServiceStatus = 'planned' | 'referred' | 'accepted' | 'declined' | 'delivered';
export interface ServiceView {
  serviceId: string;
  kind: string;
  provider?: string;
  status: ServiceStatus;
  referredAt?: string;
  answeredAt?: string;
  declineReason?: string;
  deliveredAt?: string;
}

export type HandoverStatus = 'proposed' | 'accepted' | 'declined' | 'in_transit' | 'arrived' | 'received';
export interface HandoverView {
  handoverId: string;
  /** outgoing: this node proposed it (country of destination); incoming: a partner node did. */
  direction: 'outgoing' | 'incoming';
  /** Where the person goes (outgoing handovers). */
  toCountry?: string;
  /** Who proposed it (incoming handovers). */
  fromCountry?: string;
  /** The reference shared with the partner node, when the handover runs between nodes. */
  sharedCaseRef?: string;
  proposedAt: string;
  responseDueAt: string;
  status: HandoverStatus;
  recordedBy?: string;
  answeredAt?: string;
  receivingAgency?: string;
  declineReason?: string;
  departedAt?: string;
  arrivedAt?: string;
  receivedAt?: string;
}

export interface ResidencePermitView {
  permitId: string;
  basis: string;
  appliedAt: string;
  status: 'applied' | 'granted' | 'refused';
  decidedAt?: string;
  /** YYYY-MM-DD, the last day of validity (the latest renewal's). */
  validUntil?: string;
  renewedAt?: string;
}
export interface RemovalOrderView {
  orderId: string;
  notifiedAt: string;
  status: 'notified' | 'suspended' | 'withdrawn' | 'enforced';
  /** When it was lifted or carried out. */
  at?: string;
  removedAt?: string;
}
export interface IdentityDocumentView {
  documentId: string;
  kind: string;
  status: 'held' | 'withheld' | 'lost' | 'recovered' | 'replacement_requested' | 'issued';
  /** YYYY-MM-DD, where known. */
  validUntil?: string;
  /** The channel of the latest replacement request. */
  channel?: string;
  recordedAt: string;
  at: string;
}
/** Legal status in the country of destination and the person's documents (absent until one is recorded). */
export interface LegalStatusView {
  residencePermits: ResidencePermitView[];
  removalOrders: RemovalOrderView[];
  documents: IdentityDocumentView[];
}

export interface TeamMemberView {
  agency: string;
  /** A TEAM_LEGAL_BASES code; absent: joined under consent. */
  legalBasis?: string;
  joinedAt: string;
}

export interface ConsentView {
  purpose: string;
  recipient?: string;
  status: 'given' | 'withdrawn' | 'refused';
  at: string;
}

export interface PlanView {
  planId: string;
  adoptedAt: string;
  /** memberIds: the family members the service serves (when it names any). */
  services: { serviceId: string; kind: string; provider?: string; memberIds?: string[] }[];
}

/** A family member linked to the case: a data subject of their own (names under their own key). */
export interface FamilyMemberView {
  memberId: string;
  relation: string;
  bornInDestination: boolean;
  sex: string;
  ageBand: string;
  presumedMinor: boolean;
  linkedAt: string;
  /** Ciphertext of { givenName, familyName, dateOfBirth? }, under the member's key. */
  person?: EncryptedPersonalData;
  guardian?: { authority: string; appointedAt: string; name?: EncryptedPersonalData };
  bestInterests?: { outcome: string; reunificationInBestInterests?: boolean; determinedAt: string };
  /** When the member's personal data was erased (alone, or with the victim's). */
  erasedAt?: string;
}

/** The family level of the case: members, the family assessment, tracing and reunification, parentage. */
export interface FamilyView {
  members: FamilyMemberView[];
  assessment?: { memberIds: string[]; needs: string[]; at: string };
  tracings: {
    tracingId: string;
    memberId: string;
    country: string;
    requestedAt: string;
    outcome?: string;
    concludedAt?: string;
    reunification?: { status: 'reunified' | 'refused'; reason?: string; at: string };
  }[];
  parentage: {
    proceedingId: string;
    memberId: string;
    authority: string;
    startedAt: string;
    steps: { step: string; at: string }[];
    outcome?: string;
    concludedAt?: string;
  }[];
}

/** What was done about one wish; `note` is the ciphertext of { note }. */
export interface WishActionView {
  wish: string;
  action: string;
  actedAt: string;
  at: string;
  note?: EncryptedPersonalData;
}

/** One statement of the victim's wishes; `inTheirWords` is the ciphertext of { inTheirWords }. */
export interface WishStatementView {
  statementId: string;
  wishes: string[];
  statedAt: string;
  at: string;
  inTheirWords?: EncryptedPersonalData;
}

/**
 * The victim's wishes: `current` are those of the last statement, each with every action recorded
 * about that wish (also under an earlier statement that named it); `statements` are all of them,
 * oldest first, so a reader sees how the wishes changed; `actions` every action, oldest first.
 */
export interface WishesView {
  statedAt: string;
  current: { wish: string; actions: WishActionView[] }[];
  statements: WishStatementView[];
  actions: WishActionView[];
}

/**
 * A meeting of the case's multidisciplinary team or a case conference (TeamMeetingRecorded); `at` is when
 * it was recorded, `decisions` the ciphertext of { decisions }.
 */
export interface MeetingView {
  meetingId: string;
  kind: string;
  heldAt: string;
  teamId?: string;
  agencies: string[];
  participantRoles: string[];
  topics: string[];
  /** The next review (YYYY-MM-DD) this meeting set. */
  nextReviewOn?: string;
  at: string;
  decisions?: EncryptedPersonalData;
}

/**
 * Everything non-personal about a case, plus the ciphertext of what a screen needs to name the
 * person. No personal field is ever stored in clear: the query layer decrypts (and logs the access).
 */
/**
 * `victimNotified` on a step with an outcome (a verdict, an award, a refusal, a payment, a hearing's
 * outcome): false until a VictimNotified of that step names the proceeding, claim or hearing after it.
 */
export interface ProceedingView {
  proceedingId: string;
  /** The prosecution's or court's file number. */
  reference: string;
  stage: string;
  authority: string;
  openedAt: string;
  at: string;
  /** Each later stage, oldest first. */
  stages: { stage: string; authority: string; advancedAt: string; at: string }[];
  /** Each verdict, oldest first (an appealable one may be followed by the appeal's). */
  verdicts: {
    outcome: string;
    charges: string[];
    decidedAt: string;
    final: boolean;
    at: string;
    victimNotified: boolean;
  }[];
  closed?: { reason: string; closedAt: string; at: string };
}

export interface CompensationClaimView {
  claimId: string;
  against: string;
  currency?: string;
  amount?: number;
  at: string;
  award?: {
    amount: number;
    currency: string;
    awardedBy: string;
    awardedAt: string;
    at: string;
    victimNotified: boolean;
  };
  refusal?: { refusedBy: string; refusedAt: string; at: string; victimNotified: boolean };
  /** Payments of the award, oldest first. */
  payments: { amount: number; paidAt: string; at: string; victimNotified: boolean }[];
  /** Sum of the payments, in the award's currency. */
  paidTotal: number;
}

export interface VictimNotificationView {
  step: string;
  relatesTo?: string;
  channel: string;
  notifiedAt: string;
  at: string;
}

export interface CaseDetail {
  caseId: string;
  stage: CaseStage;
  revision: number;
  updatedAt: string;
  /** Absent only in rows built before people at risk existed: read as presumed_victim. */
  kind?: CaseKind;
  /** The district of the node's organisation registry the case was registered in, when recorded. */
  district?: string;
  /** The case was opened for a person at risk (kept after conversion, with its time). */
  personAtRisk?: {
    vulnerabilities: string[];
    referralSource: string;
    linkedCaseId?: string;
    sex: string;
    citizenship: string;
    ageBand: string;
    ageUncertain: boolean;
    registeredAt: string;
    convertedAt?: string;
  };
  /** As registered, or (for a converted person at risk) as the conversion completed it. */
  registration?: {
    referralSource: string;
    countryOfExploitation: string;
    formsOfExploitation: string[];
    indicators: string[];
    meansOfControl: string[];
    recruiterRelation?: string;
    sex: string;
    citizenship: string;
    ageBand: string;
    ageUncertain: boolean;
    registeredAt: string;
  };
  /**
   * Ciphertext of { givenName, familyName, dateOfBirth? } copied from the registration (either kind), or
   * of { pseudonym } for a person registered under a pseudonym until IdentityRecorded replaces it.
   */
  person?: EncryptedPersonalData;
  /** Registered under a pseudonym: when the identity was recorded (absent while it is not). */
  pseudonym?: { identityRecordedAt?: string };
  reflectionPeriod?: { startsAt: string; endsAt: string; days: number };
  presumedMinor: boolean;
  /** Since when the person has been presumed a child (without a break): the guardian's deadline runs from it. */
  presumedMinorSince?: string;
  ageAssessments: { presumedMinor: boolean; method: string; at: string }[];
  guardian?: { authority: string; appointedAt: string; name?: EncryptedPersonalData };
  bestInterests?: { outcome: string; returnInBestInterests?: boolean; determinedAt: string };
  /** Current consent per purpose and recipient. */
  consents: ConsentView[];
  identification: {
    status: IdentificationStatus;
    decidingBody?: string;
    formsOfExploitation?: string[];
    concludedAt?: string;
    /** The latest review or appeal of the decision (an overturned one changed `status`). */
    review?: {
      kind: 'review' | 'appeal';
      status: 'requested' | 'upheld' | 'overturned';
      requestedAt: string;
      decidedAt?: string;
    };
  };
  assessments: {
    needs?: { needs: string[]; at: string };
    risks: { kind: string; level: string; at: string }[];
  };
  assistancePlan?: PlanView;
  services: ServiceView[];
  /** The latest monitoring visit; nextVisitDue (YYYY-MM-DD) when it planned the next one. */
  monitoring?: { status: string; at: string; nextVisitDue?: string };
  /** The victim's own wishes, once first stated. */
  wishes?: WishesView;
  /** Team meetings and case conferences, in the order they were held (newest last), once one is recorded. */
  meetings?: MeetingView[];
  return: {
    /** The case came from a partner node's handover proposal (this node serves the country of origin). */
    receivedFromPartner?: {
      fromCountry: string;
      fromNode: string;
      receivedAt: string;
      formsOfExploitation: string[];
      sex?: string;
      citizenship?: string;
      ageBand?: string;
      returnRiskLevel?: string;
    };
    /** The partner asked this node to restrict what it holds; nothing more is shared back. */
    restriction?: { byCountry: string; requestedAt: string };
    asylum?: { status: 'pending' | 'granted' | 'refused' | 'withdrawn'; appliedAt?: string; at: string };
    requested?: { statedBy: string; earlyReturnRequested: boolean; at: string };
    riskAssessment?: { level: string; familyAssessed: boolean; at: string };
    handovers: HandoverView[];
    reintegrationPlan?: PlanView;
    reintegrationProgress?: { status: string; at: string };
  };
  legalStatus?: LegalStatusView;
  prosecution: {
    cooperation?: { willing: boolean; at: string };
    lawEnforcementRequests: {
      requestId: string;
      agency: string;
      kind: string;
      requestedByVictim: boolean;
      receivedAt: string;
      outcome?: string;
      answeredAt?: string;
    }[];
    hearings: {
      hearingId: string;
      scheduledFor: string;
      protectiveMeasures: string[];
      /**
       * The last outcome recorded (a postponed hearing may later be held or cancelled); victimNotified
       * turns true with a VictimNotified of step hearing_outcome for the hearing.
       */
      outcome?: { outcome: string; at: string; rescheduledFor?: string; victimNotified: boolean };
      /** The criminal proceeding the hearing belongs to. */
      proceedingId?: string;
    }[];
    protectiveMeasures: { hearingId?: string; measures: string[]; at: string }[];
    compensationClaims: CompensationClaimView[];
    nonPunishment?: { basis: string; at: string };
    /** The criminal proceedings the victim takes part in, in the order they were opened. */
    proceedings: ProceedingView[];
    /** Every time the victim was told of a step (Directive 2012/29/EU art. 6), oldest first. */
    victimNotifications: VictimNotificationView[];
  };
  closure?: { reason: string; closedAt: string };
  /** Each reopening of the closed case, oldest first, with the closure it ended. */
  reopenings?: { reason: string; reopenedAt: string; closure?: { reason: string; closedAt: string } }[];
  /** Present once a family member is linked to the case. */
  family?: FamilyView;
  /**
   * The agencies added to the multidisciplinary team, in the order they joined (again after leaving:
   * once more), each with the legal basis it joined under; without one it joined under the victim's
   * assistance consent and leaves `agencies` when that consent is withdrawn.
   */
  team?: TeamMemberView[];
  deadlines: Deadline[];
  /**
   * The agencies involved in the case, in the order they became involved (`caseAgencies` of
   * @nrm/domain): the registering user's, providers, receiving agencies, team members; those that came
   * in under a consent leave when it is withdrawn or refused.
   */
  agencies: string[];
  /**
   * Those of `agencies` in scope only under the victim's assistance consent (`CaseScope.byConsent`):
   * kept so that a withdrawal folds incrementally as on replay. Internal: not part of the case's answer.
   */
  agenciesByConsent?: string[];
  /**
   * The users who recorded the case's events (`actor.userId`), in the order they first acted: whose
   * caseload the case is part of. User ids only, never personal data of the person.
   */
  actors: string[];
}

/** One line of a case's history: the non-personal envelope and data, never the personal part. */
export interface CaseHistoryEntry {
  position: number;
  revision: number;
  eventId: string;
  type: string;
  occurredAt: string;
  actor: Actor;
  data: Record<string, unknown>;
}
