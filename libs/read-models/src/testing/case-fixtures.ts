import { randomUUID } from 'node:crypto';
import type { AppendResult, EventStore, NewEvent } from '@nrm/event-store/port';
import { subjectOfEvent } from '@nrm/domain/family/decider';
import type { PersonalDataCipher } from '@nrm/privacy';
import { familyCatalogue } from './family-fixtures';

/** One step of a case as the deciders would emit it, at a given time. */
export interface Step {
  type: string;
  data: Record<string, unknown>;
  personal?: object;
  at: string;
  schemaVersion?: number;
  /** Who recorded it; `actor` below unless given. */
  actor?: { userId: string; role: string; agency?: string };
}

const DAY_MS = 24 * 60 * 60 * 1000;
export const day = (start: string, days: number): string =>
  new Date(Date.parse(start) + days * DAY_MS).toISOString();

export const actor = { userId: 'u-1', role: 'case_manager', agency: 'NGO-1' };

/** The schema version a step is written with: its own, or the one today's deciders write for its type. */
export const schemaVersionOf = (step: Step): number =>
  step.schemaVersion ?? (step.type === 'PresumedVictimRegistered' ? 2 : 1);

/** Appends the steps to the case's stream, encrypting personal parts for each event's subject (victim or member). */
export async function record(
  store: EventStore,
  cipher: PersonalDataCipher,
  caseId: string,
  steps: Step[],
): Promise<AppendResult> {
  const events: NewEvent[] = [];
  for (const step of steps) {
    events.push({
      id: randomUUID(),
      type: step.type,
      schemaVersion: schemaVersionOf(step),
      occurredAt: step.at,
      nodeId: 'node-md',
      actor: step.actor ?? actor,
      correlationId: randomUUID(),
      data: step.data,
      personal: step.personal ? await cipher.encrypt(subjectOfEvent(caseId, step), step.personal) : undefined,
    });
  }
  return store.append(`case-${caseId}`, events, 'any');
}

export interface Registration {
  caseId: string;
  at: string;
  country?: string;
  citizenship?: string;
  presumedMinor?: boolean;
  givenName?: string;
  familyName?: string;
  reflectionDays?: number;
  district?: string;
}

/** Registration and the reflection period that starts with it. */
export function registration(r: Registration): Step[] {
  const days = r.reflectionDays ?? 30;
  return [
    {
      type: 'PresumedVictimRegistered',
      at: r.at,
      data: {
        caseId: r.caseId,
        referralSource: 'ngo',
        countryOfExploitation: r.country ?? 'DE',
        formsOfExploitation: ['forced_labour'],
        indicators: ['ILO-04'],
        meansOfControl: ['debt_bondage'],
        sex: 'female',
        citizenship: r.citizenship ?? 'MD',
        ageBand: '18--20',
        ageUncertain: false,
        presumedMinor: r.presumedMinor ?? false,
        registeredAt: r.at,
        ...(r.district === undefined ? {} : { district: r.district }),
      },
      personal: {
        givenName: r.givenName ?? 'Ana',
        familyName: r.familyName ?? 'Ciobanu',
        dateOfBirth: '2004-03-09',
      },
    },
    { type: 'ReflectionPeriodStarted', at: r.at, data: { startsAt: r.at, endsAt: day(r.at, days), days } },
  ];
}

/** From registration to a proposed handover: touches every context. */
export function walkToHandover(caseId: string, t0: string): Step[] {
  return [
    ...registration({ caseId, at: t0 }),
    { type: 'ConsentGiven', at: day(t0, 1), data: { purpose: 'assistance' } },
    { type: 'ConsentGiven', at: day(t0, 1), data: { purpose: 'data_sharing', recipient: 'RO' } },
    { type: 'ConsentWithdrawn', at: day(t0, 2), data: { purpose: 'data_sharing', recipient: 'RO' } },
    {
      type: 'NeedsAssessed',
      at: day(t0, 2),
      data: { needs: ['accommodation', 'medical'] },
      personal: { notes: 'x' },
    },
    {
      type: 'RiskAssessed',
      at: day(t0, 2),
      data: { kind: 'general', level: 'medium' },
      personal: { notes: 'y' },
    },
    {
      type: 'IdentificationConcluded',
      at: day(t0, 10),
      data: {
        status: 'identified',
        decidingBody: 'competent_authority',
        formsOfExploitation: ['forced_labour'],
      },
      personal: { reasons: 'credible account' },
    },
    {
      type: 'AssistancePlanAdopted',
      at: day(t0, 11),
      data: {
        planId: 'plan-1',
        services: [
          { serviceId: 'svc-1', kind: 'accommodation', provider: 'SHELTER-1' },
          { serviceId: 'svc-2', kind: 'medical' },
        ],
      },
    },
    {
      type: 'ServiceReferred',
      at: day(t0, 11),
      data: { serviceId: 'svc-1', kind: 'accommodation', provider: 'SHELTER-1' },
    },
    { type: 'ServiceReferralAccepted', at: day(t0, 12), data: { serviceId: 'svc-1' } },
    {
      type: 'ServiceReferred',
      at: day(t0, 12),
      data: { serviceId: 'svc-2', kind: 'medical', provider: 'CLINIC-1' },
    },
    { type: 'CooperationDecisionRecorded', at: day(t0, 13), data: { willing: true } },
    {
      type: 'LawEnforcementRequestReceived',
      at: day(t0, 31),
      data: { requestId: 'le-1', agency: 'POLICE-DE', kind: 'interview', requestedByVictim: false },
    },
    { type: 'ReturnRequested', at: day(t0, 32), data: { statedBy: 'victim', earlyReturnRequested: false } },
    {
      type: 'ReturnRiskAssessed',
      at: day(t0, 33),
      data: { level: 'low', familyAssessed: true },
      personal: { notes: 'z' },
    },
    {
      type: 'HandoverProposed',
      at: day(t0, 34),
      data: { handoverId: 'ho-1', toCountry: 'MD', responseDueAt: day(t0, 44) },
    },
  ];
}

/** From an accepted handover to closure. */
export function walkFromHandoverToClosure(t0: string): Step[] {
  return [
    {
      type: 'HandoverAccepted',
      at: day(t0, 40),
      data: { handoverId: 'ho-1', recordedBy: 'partner_node', receivingAgency: 'MD-NRM' },
    },
    { type: 'ReturnTravelStarted', at: day(t0, 50), data: { handoverId: 'ho-1', departedAt: day(t0, 50) } },
    { type: 'ArrivalConfirmed', at: day(t0, 51), data: { handoverId: 'ho-1', arrivedAt: day(t0, 51) } },
    { type: 'ReceptionConfirmed', at: day(t0, 51), data: { handoverId: 'ho-1', receivingAgency: 'MD-NRM' } },
    {
      type: 'ReintegrationPlanAdopted',
      at: day(t0, 60),
      data: { planId: 'rp-1', services: [{ serviceId: 'r-1', kind: 'employment' }] },
    },
    { type: 'ReintegrationProgressRecorded', at: day(t0, 90), data: { status: 'completed' } },
    { type: 'CaseClosed', at: day(t0, 91), data: { reason: 'reintegrated' } },
  ];
}

/**
 * Twelve cases at different points of their walk (some only registered, some closed), their events
 * interleaved in the log as concurrent case work interleaves them. Returns the case ids.
 */
export async function appendInterleavedWalks(
  t0: string,
  append: (caseId: string, steps: Step[]) => Promise<unknown>,
): Promise<string[]> {
  const walks: [string, Step[]][] = [];
  for (let i = 0; i < 12; i++) {
    const caseId = randomUUID();
    const start = day(t0, i);
    const full = [...walkToHandover(caseId, start), ...walkFromHandoverToClosure(start)];
    walks.push([caseId, i % 3 === 0 ? registration({ caseId, at: start }) : full.slice(0, 5 + i * 2)]);
  }
  for (let step = 0; walks.some(([, steps]) => step < steps.length); step++) {
    for (const [caseId, steps] of walks) {
      if (step < steps.length) await append(caseId, [steps[step]]);
    }
  }
  return walks.map(([caseId]) => caseId);
}

/**
 * Every event type the walks above leave out, with ids of its own (not one realistic case: the
 * incoming handover belongs to a country of origin). With the walks, a fold sees the whole catalogue.
 */
export function restOfCatalogue(caseId: string, t0: string): Step[] {
  return [
    { type: 'ReflectionPeriodExtended', at: day(t0, 3), data: { endsAt: day(t0, 60), days: 60 } },
    { type: 'AgeAssessed', at: day(t0, 3), data: { presumedMinor: true, method: 'interview' } },
    {
      type: 'GuardianAppointed',
      at: day(t0, 4),
      data: { authority: 'Child Protection Authority' },
      personal: { name: 'Ion Rusu' },
    },
    {
      type: 'BestInterestsDetermined',
      at: day(t0, 5),
      data: { outcome: 'stay', returnInBestInterests: false },
      personal: { notes: 'n' },
    },
    { type: 'ConsentRefused', at: day(t0, 5), data: { purpose: 'law_enforcement_cooperation' } },
    { type: 'AgencyJoinedTeam', at: day(t0, 6), data: { agency: 'LAWYER-1' } },
    {
      type: 'ServiceReferred',
      at: day(t0, 14),
      data: { serviceId: 'svc-3', kind: 'legal', provider: 'LAWYER-1' },
    },
    { type: 'ServiceReferralDeclined', at: day(t0, 15), data: { serviceId: 'svc-3', reason: 'no_capacity' } },
    { type: 'ServiceDelivered', at: day(t0, 16), data: { serviceId: 'svc-9', deliveredAt: day(t0, 16) } },
    { type: 'MonitoringRecorded', at: day(t0, 20), data: { status: 'on_track' }, personal: { notes: 'm' } },
    {
      type: 'LawEnforcementRequestAnswered',
      at: day(t0, 35),
      data: { requestId: 'le-1', outcome: 'agreed' },
    },
    {
      type: 'HearingScheduled',
      at: day(t0, 36),
      data: { hearingId: 'h-1', scheduledFor: day(t0, 70), protectiveMeasures: ['video_testimony'] },
    },
    {
      type: 'ProtectiveMeasuresOrdered',
      at: day(t0, 37),
      data: { hearingId: 'h-1', measures: ['anonymity'] },
    },
    {
      type: 'CompensationClaimed',
      at: day(t0, 38),
      data: { claimId: 'cl-1', against: 'offender', currency: 'EUR', amount: 5000 },
    },
    { type: 'NonPunishmentFlagged', at: day(t0, 38), data: { basis: 'immigration_or_status_offence' } },
    {
      type: 'VictimWishesStated',
      at: day(t0, 38),
      data: {
        statementId: 'ws-1',
        wishes: ['not_face_trafficker', 'compensation_and_wages'],
        statedAt: day(t0, 38),
      },
      personal: { inTheirWords: 'w' },
    },
    {
      type: 'WishActedUpon',
      at: day(t0, 38),
      data: { wish: 'compensation_and_wages', action: 'in_progress', actedAt: day(t0, 38) },
      personal: { note: 'n' },
    },
    { type: 'HearingOutcomeRecorded', at: day(t0, 38), data: { hearingId: 'h-1', outcome: 'held' } },
    {
      type: 'TeamMeetingRecorded',
      at: day(t0, 38),
      data: {
        meetingId: 'mt-1',
        kind: 'case_conference',
        heldAt: day(t0, 38),
        teamId: 'DMT-1',
        agencies: ['NGO-1', 'POLICE-1'],
        participantRoles: ['social_worker', 'police_officer'],
        topics: ['plan_review', 'legal_proceedings'],
        nextReviewOn: day(t0, 68).slice(0, 10),
      },
      personal: { decisions: 'd' },
    },
    {
      type: 'CriminalProceedingOpened',
      at: day(t0, 38),
      data: {
        proceedingId: 'pr-1',
        reference: '1-123/2025',
        stage: 'investigation',
        authority: 'prosecutor',
        openedAt: day(t0, 30).slice(0, 10),
      },
    },
    {
      type: 'ProceedingStageAdvanced',
      at: day(t0, 38),
      data: {
        proceedingId: 'pr-1',
        stage: 'trial',
        authority: 'court',
        advancedAt: day(t0, 38).slice(0, 10),
      },
    },
    {
      type: 'VerdictRecorded',
      at: day(t0, 38),
      data: {
        proceedingId: 'pr-1',
        outcome: 'conviction',
        charges: ['trafficking'],
        decidedAt: day(t0, 38).slice(0, 10),
        final: true,
      },
    },
    {
      type: 'ProceedingClosed',
      at: day(t0, 38),
      data: { proceedingId: 'pr-1', reason: 'final_verdict', closedAt: day(t0, 38).slice(0, 10) },
    },
    {
      type: 'CompensationAwarded',
      at: day(t0, 38),
      data: {
        claimId: 'cl-1',
        amount: 3000,
        currency: 'EUR',
        awardedBy: 'court',
        awardedAt: day(t0, 38).slice(0, 10),
      },
    },
    {
      type: 'CompensationPaid',
      at: day(t0, 38),
      data: { claimId: 'cl-1', amount: 1000, paidAt: day(t0, 38).slice(0, 10) },
    },
    {
      type: 'CompensationClaimed',
      at: day(t0, 38),
      data: { claimId: 'cl-2', against: 'state_fund' },
    },
    {
      type: 'CompensationRefused',
      at: day(t0, 38),
      data: { claimId: 'cl-2', refusedBy: 'state_fund', refusedAt: day(t0, 38).slice(0, 10) },
    },
    {
      type: 'VictimNotified',
      at: day(t0, 38),
      data: { step: 'verdict', relatesTo: 'pr-1', channel: 'lawyer', notifiedAt: day(t0, 38).slice(0, 10) },
    },
    { type: 'AsylumApplicationRecorded', at: day(t0, 39), data: { appliedAt: day(t0, 39) } },
    { type: 'AsylumApplicationClosed', at: day(t0, 45), data: { outcome: 'withdrawn' } },
    ...legalStatusSteps(t0),
    {
      type: 'UrgentAlertRaised',
      at: day(t0, 45),
      data: {
        alertId: '5f0e3a9b-8c1d-4e2f-9a3b-4c5d6e7f8a9b',
        toCountry: 'MD',
        subject: 'family_member',
        danger: 'retaliation',
        raisedAt: day(t0, 45),
      },
    },
    {
      type: 'HandoverRequestReceived',
      at: day(t0, 46),
      data: {
        caseId,
        handoverId: 'ho-9',
        sharedCaseRef: 'ref-9',
        fromCountry: 'RO',
        fromNode: 'node-ro',
        responseDueAt: day(t0, 56),
        receivedAt: day(t0, 46),
        formsOfExploitation: ['forced_labour'],
        presumedMinor: true,
      },
      personal: { givenName: 'Ana' },
    },
    {
      type: 'HandoverDeclined',
      at: day(t0, 47),
      data: { handoverId: 'ho-9', recordedBy: 'return_officer', reason: 'safety_risk' },
    },
    {
      type: 'ProcessingRestrictionRequested',
      at: day(t0, 48),
      data: { byCountry: 'RO', byNode: 'node-ro', requestedAt: day(t0, 48) },
    },
    ...familyCatalogue(t0),
    ...lifecycleSteps(t0),
  ];
}

/** A review of the identification upheld, an identity recorded, a reopening (on a case still open here). */
export function lifecycleSteps(t0: string): Step[] {
  return [
    {
      type: 'IdentificationReviewRequested',
      at: day(t0, 49),
      data: { kind: 'review', requestedAt: day(t0, 49) },
      personal: { grounds: 'g' },
    },
    {
      type: 'IdentificationReviewDecided',
      at: day(t0, 50),
      data: { outcome: 'upheld', status: 'identified', decidedAt: day(t0, 50) },
    },
    {
      type: 'IdentityRecorded',
      at: day(t0, 50),
      data: { recordedAt: day(t0, 50) },
      personal: { givenName: 'Ana', familyName: 'Popescu' },
    },
    { type: 'CaseReopened', at: day(t0, 50), data: { reason: 'new_information' } },
  ];
}

/** Legal status and documents: a permit granted and renewed, a removal order lifted, a document replaced. */
export function legalStatusSteps(t0: string): Step[] {
  return [
    {
      type: 'ResidencePermitApplied',
      at: day(t0, 40),
      data: { permitId: 'rp-1', basis: 'cooperation_with_authorities', appliedAt: day(t0, 40) },
    },
    { type: 'ResidencePermitGranted', at: day(t0, 41), data: { permitId: 'rp-1', validUntil: '2025-06-30' } },
    { type: 'ResidencePermitRenewed', at: day(t0, 42), data: { permitId: 'rp-1', validUntil: '2025-12-31' } },
    {
      type: 'ResidencePermitApplied',
      at: day(t0, 40),
      data: { permitId: 'rp-2', basis: 'personal_situation', appliedAt: day(t0, 40) },
    },
    { type: 'ResidencePermitRefused', at: day(t0, 41), data: { permitId: 'rp-2' } },
    { type: 'RemovalOrderNotified', at: day(t0, 40), data: { orderId: 'ro-1', notifiedAt: day(t0, 40) } },
    { type: 'RemovalOrderLifted', at: day(t0, 41), data: { orderId: 'ro-1', outcome: 'suspended' } },
    { type: 'RemovalOrderNotified', at: day(t0, 42), data: { orderId: 'ro-2', notifiedAt: day(t0, 42) } },
    { type: 'RemovalEnforced', at: day(t0, 43), data: { orderId: 'ro-2', removedAt: day(t0, 43) } },
    {
      type: 'IdentityDocumentRecorded',
      at: day(t0, 40),
      data: { documentId: 'doc-1', kind: 'passport', status: 'withheld' },
    },
    {
      type: 'IdentityDocumentRecovered',
      at: day(t0, 41),
      data: { documentId: 'doc-1', validUntil: '2024-12-31' },
    },
    {
      type: 'IdentityDocumentReplacementRequested',
      at: day(t0, 42),
      data: { documentId: 'doc-1', channel: 'other_authority' },
    },
    {
      type: 'IdentityDocumentIssued',
      at: day(t0, 44),
      data: { documentId: 'doc-1', validUntil: '2030-01-31' },
    },
  ];
}

/**
 * A person at risk (a child left behind): registered, assisted, then converted into a presumed
 * victim's case when indicators of trafficking appear (the reflection period starts with it).
 */
export function personAtRiskWalk(caseId: string, t0: string, { convert = true } = {}): Step[] {
  const steps: Step[] = [
    {
      type: 'PersonAtRiskRegistered',
      at: t0,
      data: {
        caseId,
        vulnerabilities: ['child_left_behind', 'family_member_of_victim'],
        referralSource: 'social_services',
        sex: 'female',
        citizenship: 'MD',
        ageBand: '9--17',
        ageUncertain: false,
        presumedMinor: true,
        registeredAt: t0,
      },
      personal: { givenName: 'Lia', familyName: 'Rusu', dateOfBirth: '2012-04-01' },
    },
    { type: 'NeedsAssessed', at: day(t0, 1), data: { needs: ['psychological'] } },
    {
      type: 'AssistancePlanAdopted',
      at: day(t0, 2),
      data: { planId: 'pr-1', services: [{ serviceId: 'pr-s1', kind: 'psychological' }] },
    },
    { type: 'ServiceDelivered', at: day(t0, 3), data: { serviceId: 'pr-s1', deliveredAt: day(t0, 3) } },
  ];
  if (!convert) return steps;
  return [
    ...steps,
    {
      type: 'PersonAtRiskConverted',
      at: day(t0, 100),
      data: {
        indicators: ['recruited_online'],
        countryOfExploitation: 'RU',
        formsOfExploitation: ['forced_begging'],
        meansOfControl: [],
        convertedAt: day(t0, 100),
      },
    },
    {
      type: 'ReflectionPeriodStarted',
      at: day(t0, 100),
      data: { startsAt: day(t0, 100), endsAt: day(t0, 130), days: 30 },
    },
  ];
}
