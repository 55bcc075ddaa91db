import { day, registration, type Step } from '../testing/case-fixtures';
import type { CaseDetail, Deadline } from '../port/case-views';
import {
  DEFAULT_DEADLINE_POLICY,
  deadlinePolicy,
  deadlinePolicyFingerprint,
  parseDeadlineDays,
  type DeadlinePolicy,
} from './deadline-policy';
import { foldSteps } from '../testing/stored-steps';

const caseId = '5b1f0c9e-2d3a-4c8b-9e7f-1a2b3c4d5e6f';
const t0 = '2025-03-03T09:00:00.000Z';

const fold = (steps: Step[], policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY) =>
  foldSteps(caseId, steps, policy);

const of = (detail: CaseDetail, kind: Deadline['kind']) => detail.deadlines.filter((d) => d.kind === kind);

const registered = registration({ caseId, at: t0, reflectionDays: 30 });
const minor = registration({ caseId, at: t0, reflectionDays: 30, presumedMinor: true });

describe('deadlines of every step, by the country’s policy', () => {
  describe('a guardian for a presumed child', () => {
    it('falls due 3 days after the presumption, and clears when the guardian is appointed', () => {
      expect(of(fold(minor), 'guardian_appointment')).toEqual([
        { kind: 'guardian_appointment', dueAt: day(t0, 3) },
      ]);
      const appointed: Step = { type: 'GuardianAppointed', at: day(t0, 2), data: { authority: 'cpa' } };
      expect(of(fold([...minor, appointed]), 'guardian_appointment')).toEqual([]);
    });

    it('runs from the age assessment that first found a child, and stops when one finds an adult', () => {
      const child: Step = {
        type: 'AgeAssessed',
        at: day(t0, 5),
        data: { presumedMinor: true, method: 'interview' },
      };
      const again: Step = {
        type: 'AgeAssessed',
        at: day(t0, 7),
        data: { presumedMinor: true, method: 'medical' },
      };
      const adult: Step = {
        type: 'AgeAssessed',
        at: day(t0, 9),
        data: { presumedMinor: false, method: 'medical' },
      };
      expect(of(fold(registered), 'guardian_appointment')).toEqual([]);
      expect(of(fold([...registered, child, again]), 'guardian_appointment')).toEqual([
        { kind: 'guardian_appointment', dueAt: day(t0, 8) },
      ]);
      expect(of(fold([...registered, child, adult]), 'guardian_appointment')).toEqual([]);
    });
  });

  it('asks for a law-enforcement request’s answer 10 days after its receipt, until it is answered', () => {
    const received: Step = {
      type: 'LawEnforcementRequestReceived',
      at: day(t0, 4),
      data: { requestId: 'le-1', agency: 'POLICE-DE', kind: 'interview', requestedByVictim: false },
    };
    const answered: Step = {
      type: 'LawEnforcementRequestAnswered',
      at: day(t0, 6),
      data: { requestId: 'le-1', outcome: 'agreed' },
    };
    expect(of(fold([...registered, received]), 'law_enforcement_request_answer')).toEqual([
      { kind: 'law_enforcement_request_answer', ref: 'le-1', dueAt: day(t0, 14) },
    ]);
    expect(of(fold([...registered, received, answered]), 'law_enforcement_request_answer')).toEqual([]);
  });

  it('follows a return from acceptance to departure, arrival and reception', () => {
    const proposed: Step = {
      type: 'HandoverProposed',
      at: day(t0, 40),
      data: { handoverId: 'ho-1', toCountry: 'MD', responseDueAt: day(t0, 50) },
    };
    const accepted: Step = {
      type: 'HandoverAccepted',
      at: day(t0, 42),
      data: { handoverId: 'ho-1', recordedBy: 'partner_node', receivingAgency: 'MD-NRM' },
    };
    const departed: Step = {
      type: 'ReturnTravelStarted',
      at: day(t0, 60),
      data: { handoverId: 'ho-1', departedAt: day(t0, 60) },
    };
    const arrived: Step = {
      type: 'ArrivalConfirmed',
      at: day(t0, 61),
      data: { handoverId: 'ho-1', arrivedAt: day(t0, 61) },
    };
    const received: Step = {
      type: 'ReceptionConfirmed',
      at: day(t0, 62),
      data: { handoverId: 'ho-1', receivingAgency: 'MD-NRM' },
    };
    const journey = (steps: Step[]) =>
      fold([...registered, ...steps]).deadlines.filter((d) => d.ref === 'ho-1');
    expect(journey([proposed])).toEqual([{ kind: 'handover_response', ref: 'ho-1', dueAt: day(t0, 50) }]);
    expect(journey([proposed, accepted])).toEqual([
      { kind: 'return_departure', ref: 'ho-1', dueAt: day(t0, 72) },
    ]);
    expect(journey([proposed, accepted, departed])).toEqual([
      { kind: 'return_arrival', ref: 'ho-1', dueAt: day(t0, 63) },
    ]);
    expect(journey([proposed, accepted, departed, arrived])).toEqual([
      { kind: 'reception_confirmation', ref: 'ho-1', dueAt: day(t0, 63) },
    ]);
    expect(journey([proposed, accepted, departed, arrived, received])).toEqual([]);
  });

  describe('monitoring visits', () => {
    const plan: Step = {
      type: 'AssistancePlanAdopted',
      at: day(t0, 10),
      data: { planId: 'p-1', services: [{ serviceId: 's-1', kind: 'accommodation' }] },
    };
    const visit = (at: number, nextVisitDue?: string): Step => ({
      type: 'MonitoringRecorded',
      at: day(t0, at),
      data: { status: 'on_track', ...(nextVisitDue ? { nextVisitDue } : {}) },
    });

    it('has none before a plan', () => {
      expect(of(fold(registered), 'monitoring_visit')).toEqual([]);
    });

    it('falls due the interval after the plan, then after each visit, unless a visit planned the next', () => {
      expect(of(fold([...registered, plan]), 'monitoring_visit')).toEqual([
        { kind: 'monitoring_visit', dueAt: day(t0, 100) },
      ]);
      expect(of(fold([...registered, plan, visit(30)]), 'monitoring_visit')).toEqual([
        { kind: 'monitoring_visit', dueAt: day(t0, 120) },
      ]);
      expect(of(fold([...registered, plan, visit(30, '2025-04-15')]), 'monitoring_visit')).toEqual([
        { kind: 'monitoring_visit', dueAt: '2025-04-15T00:00:00.000Z' },
      ]);
    });
  });

  it('uses the node’s own days: every timed deadline moves with its setting', () => {
    const policy = parseDeadlineDays('guardian_appointment=1, law_enforcement_request_answer=5');
    const received: Step = {
      type: 'LawEnforcementRequestReceived',
      at: day(t0, 4),
      data: { requestId: 'le-1', agency: 'POLICE-DE', kind: 'interview', requestedByVictim: false },
    };
    const detail = fold([...minor, received], policy);
    expect(of(detail, 'guardian_appointment')).toEqual([{ kind: 'guardian_appointment', dueAt: day(t0, 1) }]);
    expect(of(detail, 'law_enforcement_request_answer')).toEqual([
      expect.objectContaining({ dueAt: day(t0, 9) }),
    ]);
  });

  it('has no deadline on a closed case', () => {
    const closed: Step = { type: 'CaseClosed', at: day(t0, 2), data: { reason: 'other' } };
    expect(fold([...minor, closed]).deadlines).toEqual([]);
  });
});

describe('the deadline policy setting (NRM_DEADLINE_DAYS)', () => {
  it('keeps the defaults for what it does not name', () => {
    expect(parseDeadlineDays('')).toEqual(DEFAULT_DEADLINE_POLICY);
    expect(parseDeadlineDays('return_arrival=5')).toEqual({ ...DEFAULT_DEADLINE_POLICY, return_arrival: 5 });
  });

  it.each([
    ['return_arrival', 'is not kind=days'],
    ['return_arrival=0', 'is not a whole number of days from 1 to 3650'],
    ['return_arrival=3651', 'is not a whole number of days from 1 to 3650'],
    ['handover_response=5', 'is not a deadline kind with days'],
    ['teatime=5', 'is not a deadline kind with days'],
    ['return_arrival=2,return_arrival=3', 'is set twice'],
  ])('refuses %s: %s', (text, message) => {
    expect(() => parseDeadlineDays(text)).toThrow(message);
  });

  it('names a policy by a fingerprint that changes with any setting', () => {
    const base = deadlinePolicyFingerprint(DEFAULT_DEADLINE_POLICY);
    expect(deadlinePolicyFingerprint(deadlinePolicy({}))).toBe(base);
    expect(deadlinePolicyFingerprint(deadlinePolicy({ monitoring_visit: 60 }))).not.toBe(base);
  });
});
