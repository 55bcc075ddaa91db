import { EVENT_CONTRACTS } from '@nrm/contracts/registry';
import type { StoredEvent } from '@nrm/event-store/port';
import type { CaseDetail } from '../port/case-views';
import {
  actor,
  day,
  personAtRiskWalk,
  restOfCatalogue,
  walkFromHandoverToClosure,
  walkToHandover,
  type Step,
} from '../testing/case-fixtures';
import { toCaseListItem } from './case-list-item';
import { evolveCaseDetail, foldCaseDetail } from './evolve-case-detail';

const caseId = '0b6f0c1e-4a8e-4a57-9d3c-3f1f2b7f6a10';
const t0 = '2025-01-06T09:00:00.000Z';

/** Freezes every object and array reachable from `value`: a write anywhere in it throws. */
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The steps as the store hands them back; personal parts become (fake) ciphertext. */
function stored(steps: Step[]): StoredEvent[] {
  return steps.map((step, revision) => ({
    id: `event-${revision}`,
    type: step.type,
    schemaVersion: step.type === 'PresumedVictimRegistered' ? 2 : 1,
    occurredAt: step.at,
    nodeId: 'node-md',
    actor: step.actor ?? actor,
    correlationId: `correlation-${revision}`,
    data: step.data,
    ...(step.personal
      ? {
          personal: {
            subjectId: `victim:${caseId}`,
            keyVersion: 1,
            iv: `iv-${revision}`,
            ciphertext: 'ciphertext',
            tag: 'tag',
          },
        }
      : {}),
    streamId: `case-${caseId}`,
    revision,
    position: revision + 1,
    recordedAt: step.at,
  }));
}

const fullWalk = (): StoredEvent[] =>
  stored([...walkToHandover(caseId, t0), ...restOfCatalogue(caseId, t0), ...walkFromHandoverToClosure(t0)]);

/** Folds the events, each step on a deep-frozen view and a deep-frozen event. */
function foldFrozen(events: StoredEvent[]): CaseDetail | undefined {
  return events.reduce<CaseDetail | undefined>(
    (detail, event) => evolveCaseDetail(deepFreeze(detail), caseId, deepFreeze(event)),
    undefined,
  );
}

describe('evolveCaseDetail', () => {
  it('walks the whole catalogue', () => {
    const types = [...fullWalk(), ...stored(personAtRiskWalk(caseId, t0))].map((e) => e.type);
    expect(new Set(types)).toEqual(new Set(Object.keys(EVENT_CONTRACTS)));
  });

  it('shows a person at risk’s case apart, without a registration of exploitation', () => {
    const detail = foldFrozen(stored(personAtRiskWalk(caseId, t0, { convert: false })));
    expect(detail).toMatchObject({
      kind: 'person_at_risk',
      stage: 'assisted',
      presumedMinor: true,
      personAtRisk: {
        vulnerabilities: ['child_left_behind', 'family_member_of_victim'],
        referralSource: 'social_services',
        citizenship: 'MD',
        registeredAt: t0,
      },
      person: { ciphertext: 'ciphertext' },
      // a presumed child without a guardian, and a plan whose first monitoring visit falls due
      deadlines: [
        { kind: 'guardian_appointment', dueAt: day(t0, 3) },
        { kind: 'monitoring_visit', dueAt: day(t0, 92) },
      ],
    });
    expect(detail?.registration).toBeUndefined();
    expect(detail?.reflectionPeriod).toBeUndefined();
    expect(toCaseListItem(detail!, t0)).toMatchObject({
      kind: 'person_at_risk',
      citizenship: 'MD',
      registeredAt: t0,
      identificationStatus: 'pending',
    });
  });

  it('turns a converted case into a presumed victim’s, its history (plan, services) kept', () => {
    const detail = foldFrozen(stored(personAtRiskWalk(caseId, t0)));
    expect(detail).toMatchObject({
      kind: 'presumed_victim',
      stage: 'assisted',
      personAtRisk: { registeredAt: t0, convertedAt: day(t0, 100) },
      registration: {
        referralSource: 'social_services',
        countryOfExploitation: 'RU',
        formsOfExploitation: ['forced_begging'],
        indicators: ['recruited_online'],
        sex: 'female',
        citizenship: 'MD',
        ageBand: '9--17',
        registeredAt: t0,
      },
      reflectionPeriod: { startsAt: day(t0, 100), days: 30 },
      assistancePlan: { planId: 'pr-1' },
      services: [{ serviceId: 'pr-s1', status: 'delivered' }],
      deadlines: [
        { kind: 'identification_decision', dueAt: day(t0, 130) },
        { kind: 'guardian_appointment', dueAt: day(t0, 3) },
        { kind: 'monitoring_visit', dueAt: day(t0, 92) },
      ],
    });
    expect(toCaseListItem(detail!, t0)).toMatchObject({
      kind: 'presumed_victim',
      countryOfExploitation: 'RU',
    });
  });

  it('reads a detail without a kind (built before people at risk) as a presumed victim’s', () => {
    const detail = foldFrozen(stored(walkToHandover(caseId, t0)));
    const { kind: _kind, ...old } = detail!;
    expect(toCaseListItem(old, t0).kind).toBe('presumed_victim');
  });

  it('never mutates its input: folds a full case walk over deep-frozen views and events', () => {
    const events = fullWalk();
    const before = JSON.stringify(events);
    const views: CaseDetail[] = [];
    for (const event of events) {
      const previous = views.at(-1);
      const copy = JSON.stringify(previous);
      const next = evolveCaseDetail(deepFreeze(previous), caseId, deepFreeze(event));
      expect(next).not.toBe(previous);
      expect(JSON.stringify(previous)).toBe(copy);
      views.push(next);
    }
    expect(JSON.stringify(events)).toBe(before);
    expect(views.map((v) => v.revision)).toEqual(events.map((e) => e.revision));
  });

  it('folds every context into the view', () => {
    const detail = foldFrozen(fullWalk());
    expect(detail).toMatchObject({
      caseId,
      stage: 'closed',
      presumedMinor: true,
      registration: { countryOfExploitation: 'DE', formsOfExploitation: ['forced_labour'] },
      reflectionPeriod: { startsAt: t0, endsAt: day(t0, 60), days: 60 },
      guardian: { authority: 'Child Protection Authority', name: { ciphertext: 'ciphertext' } },
      consents: [
        { purpose: 'assistance', status: 'given' },
        { purpose: 'data_sharing', recipient: 'RO', status: 'withdrawn' },
        { purpose: 'law_enforcement_cooperation', status: 'refused' },
      ],
      identification: { status: 'identified', concludedAt: day(t0, 10) },
      assessments: { needs: { needs: ['accommodation', 'medical'] }, risks: [{ kind: 'general' }] },
      services: [
        { serviceId: 'svc-1', status: 'accepted' },
        { serviceId: 'svc-2', status: 'referred', provider: 'CLINIC-1' },
        { serviceId: 'svc-3', status: 'declined', declineReason: 'no_capacity' },
        // Delivered without a referral this node saw.
        { serviceId: 'svc-9', kind: 'unknown', status: 'delivered' },
      ],
      monitoring: { status: 'on_track' },
      return: {
        asylum: { status: 'withdrawn', appliedAt: day(t0, 39) },
        restriction: { byCountry: 'RO' },
        receivedFromPartner: { fromCountry: 'RO' },
        handovers: [
          { handoverId: 'ho-1', direction: 'outgoing', status: 'received', receivingAgency: 'MD-NRM' },
          { handoverId: 'ho-9', direction: 'incoming', status: 'declined', declineReason: 'safety_risk' },
        ],
        reintegrationPlan: { planId: 'rp-1' },
        reintegrationProgress: { status: 'completed' },
      },
      legalStatus: {
        residencePermits: [
          { permitId: 'rp-1', status: 'granted', validUntil: '2025-12-31', renewedAt: day(t0, 42) },
          { permitId: 'rp-2', basis: 'personal_situation', status: 'refused', decidedAt: day(t0, 41) },
        ],
        removalOrders: [
          { orderId: 'ro-1', status: 'suspended', at: day(t0, 41) },
          { orderId: 'ro-2', status: 'enforced', removedAt: day(t0, 43) },
        ],
        documents: [
          {
            documentId: 'doc-1',
            kind: 'passport',
            status: 'issued',
            channel: 'other_authority',
            validUntil: '2030-01-31',
          },
        ],
      },
      prosecution: {
        cooperation: { willing: true },
        lawEnforcementRequests: [{ requestId: 'le-1', outcome: 'agreed' }],
        hearings: [{ hearingId: 'h-1' }],
        protectiveMeasures: [{ hearingId: 'h-1', measures: ['anonymity'] }],
        compensationClaims: [
          {
            claimId: 'cl-1',
            amount: 5000,
            award: { amount: 3000, currency: 'EUR', victimNotified: false },
            payments: [{ amount: 1000, victimNotified: false }],
            paidTotal: 1000,
          },
          { claimId: 'cl-2', refusal: { refusedBy: 'state_fund', victimNotified: false }, paidTotal: 0 },
        ],
        nonPunishment: { basis: 'immigration_or_status_offence' },
        proceedings: [
          {
            proceedingId: 'pr-1',
            reference: '1-123/2025',
            stage: 'trial',
            verdicts: [{ outcome: 'conviction', final: true, victimNotified: true }],
            closed: { reason: 'final_verdict' },
          },
        ],
        victimNotifications: [{ step: 'verdict', relatesTo: 'pr-1', channel: 'lawyer' }],
      },
      closure: { reason: 'reintegrated' },
      deadlines: [],
      agencies: ['NGO-1', 'SHELTER-1', 'CLINIC-1', 'LAWYER-1', 'MD-NRM'],
    });
  });

  it('folds a batch into the view event-by-event folding gives, deadlines included, at every cut', () => {
    const events = stored([...walkToHandover(caseId, t0), ...walkFromHandoverToClosure(t0)]);
    const oneByOne = (upTo: number) =>
      events
        .slice(0, upTo)
        .reduce<CaseDetail | undefined>((d, e) => evolveCaseDetail(d, caseId, e), undefined);
    for (const cut of [1, 5, 12, events.length - 3]) {
      const head = foldCaseDetail(undefined, caseId, events.slice(0, cut));
      expect(head).toEqual(oneByOne(cut));
      expect(foldCaseDetail(head, caseId, events.slice(cut))).toEqual(oneByOne(events.length));
    }
    expect(oneByOne(12)?.deadlines.length).toBeGreaterThan(0); // the cuts do compare deadlines
  });

  it('moves only the revision and time for a type outside the catalogue', () => {
    const [registered] = stored(walkToHandover(caseId, t0));
    const detail = foldFrozen([registered]);
    const unknown = { ...registered, type: 'SomethingNew', data: {}, revision: 1, occurredAt: day(t0, 1) };
    expect(evolveCaseDetail(deepFreeze(detail), caseId, unknown)).toEqual({
      ...detail,
      revision: 1,
      updatedAt: day(t0, 1),
    });
  });
});
