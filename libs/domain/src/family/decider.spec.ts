import { validateEventPayload } from '@nrm/contracts';
import { CASE_ID, closed, consentGiven, day, event, given, registered } from '../testing';
import { memberSubjectId, subjectOfEvent, victimSubjectId } from './decider';

const base = { caseId: CASE_ID, at: day(2) };

const linked = (memberId: string, data: Partial<Parameters<typeof linkedData>[1]> = {}) =>
  event('FamilyMemberLinked', linkedData(memberId, data), { givenName: 'Ion', familyName: 'Popescu' });
function linkedData(
  memberId: string,
  data: {
    relation?: 'child' | 'spouse_partner' | 'parent';
    presumedMinor?: boolean;
    bornInDestination?: boolean;
  },
) {
  const { relation = 'child', presumedMinor = relation === 'child', bornInDestination } = data;
  return {
    memberId,
    relation,
    ...(bornInDestination === undefined ? {} : { bornInDestination }),
    sex: 'male' as const,
    ageBand: (presumedMinor ? '0--8' : '30--38') as '0--8' | '30--38',
    presumedMinor,
    linkedAt: day(1),
  };
}
const guardian = (memberId = 'm1') => event('MemberGuardianAppointed', { memberId, authority: 'CPA' });
const bestInterests = (memberId = 'm1', reunificationInBestInterests?: boolean) =>
  event(
    'MemberBestInterestsDetermined',
    reunificationInBestInterests === undefined
      ? { memberId, outcome: 'stay with mother' }
      : { memberId, outcome: 'o', reunificationInBestInterests },
  );
const tracing = (memberId = 'm1') =>
  event('FamilyTracingRequested', { tracingId: 't1', memberId, country: 'MD' });
const traced = (outcome: 'found' | 'not_found' | 'not_safe', memberId = 'm1') =>
  event('FamilyTracingConcluded', { tracingId: 't1', memberId, outcome });

describe('family: the data subject of each event', () => {
  it('encrypts an event about a member under the member’s key, every other event under the victim’s', () => {
    expect(subjectOfEvent(CASE_ID, { data: { memberId: 'm1', relation: 'child' } })).toBe(
      `member:${CASE_ID}:m1`,
    );
    expect(memberSubjectId(CASE_ID, 'm1')).not.toBe(victimSubjectId(CASE_ID));
    expect(subjectOfEvent(CASE_ID, { data: { needs: [] } })).toBe(`victim:${CASE_ID}`);
    // A plan naming members (memberIds) is about the victim's case, not one member.
    expect(subjectOfEvent(CASE_ID, { data: { planId: 'p', services: [{ memberIds: ['m1'] }] } })).toBe(
      `victim:${CASE_ID}`,
    );
  });
});

describe('family: decided events keep their contracts', () => {
  it('validates what the commands decide, with and without their optional personal parts', () => {
    const child = [...registered(), linked('m1', { bornInDestination: true }), guardian()];
    const decided = [
      ...given(child)
        .when({ type: 'AppointMemberGuardian', ...base, memberId: 'm1', authority: 'A' })
        .events(),
      ...given(child)
        .when({ type: 'DetermineMemberBestInterests', ...base, memberId: 'm1', outcome: 'o' })
        .events(),
      ...given(child)
        .when({ type: 'AssessFamily', ...base, memberIds: ['m1'], needs: [] })
        .events(),
      ...given([...child, tracing(), traced('found')])
        .when({ type: 'RefuseFamilyReunification', ...base, tracingId: 't1', reason: 'member_declined' })
        .events(),
    ];
    for (const e of decided) expect(validateEventPayload(e.type, e.data, e.personal)).toEqual([]);
  });
});

describe('family: LinkFamilyMember', () => {
  const link = {
    type: 'LinkFamilyMember',
    ...base,
    memberId: 'm1',
    relation: 'child',
    bornInDestination: true,
    sex: 'male',
    givenName: 'Ion',
    familyName: 'Popescu',
    dateOfBirth: '2024-12-01',
  } as const;

  it('links a child born in the destination: names in personal, age band and minority from the date of birth', () => {
    given(registered())
      .when(link)
      .then([
        event(
          'FamilyMemberLinked',
          {
            memberId: 'm1',
            relation: 'child',
            bornInDestination: true,
            sex: 'male',
            ageBand: '0--8',
            presumedMinor: true,
            linkedAt: base.at,
          },
          { givenName: 'Ion', familyName: 'Popescu', dateOfBirth: '2024-12-01' },
        ),
      ]);
  });

  it('links an adult dependant without a date of birth (age band as given, not a minor)', () => {
    given(registered())
      .when({
        type: 'LinkFamilyMember',
        ...base,
        memberId: 'm2',
        relation: 'parent',
        sex: 'female',
        ageBand: '48+',
        givenName: 'Maria',
        familyName: 'Popescu',
      })
      .then([
        event(
          'FamilyMemberLinked',
          {
            memberId: 'm2',
            relation: 'parent',
            sex: 'female',
            ageBand: '48+',
            presumedMinor: false,
            linkedAt: base.at,
          },
          { givenName: 'Maria', familyName: 'Popescu' },
        ),
      ]);
  });

  it('refuses a member id already linked, a closed case, or before registration (invalid-transition)', () => {
    given([...registered(), linked('m1')])
      .when(link)
      .thenRefuses('invalid-transition', /already linked/);
    given([...registered(), closed()])
      .when(link)
      .thenRefuses('invalid-transition');
    given([]).when(link).thenRefuses('invalid-transition');
  });

  it('refuses "born in the destination" for anyone but a child, and a birth after the linking (invalid-request)', () => {
    given(registered())
      .when({ ...link, relation: 'sibling' })
      .thenRefuses('invalid-request', /born in the country of destination/);
    given(registered())
      .when({ ...link, dateOfBirth: '2030-01-01' })
      .thenRefuses('invalid-request', /after the linking/);
  });
});

describe('family: each child member has a guardian and a best-interests determination of their own', () => {
  it('appoints a child member’s guardian (name in personal), then determines their best interests', () => {
    given([...registered(), linked('m1')])
      .when({ type: 'AppointMemberGuardian', ...base, memberId: 'm1', authority: 'CPA', name: 'G' })
      .then([event('MemberGuardianAppointed', { memberId: 'm1', authority: 'CPA' }, { name: 'G' })]);
    given([...registered(), linked('m1'), guardian()])
      .when({
        type: 'DetermineMemberBestInterests',
        ...base,
        memberId: 'm1',
        outcome: 'o',
        reunificationInBestInterests: false,
        notes: 'n',
      })
      .then([
        event(
          'MemberBestInterestsDetermined',
          { memberId: 'm1', outcome: 'o', reunificationInBestInterests: false },
          { notes: 'n' },
        ),
      ]);
  });

  it('refuses a best-interests determination before the child’s guardian (guardian-required)', () => {
    given([...registered(), linked('m1')])
      .when({ type: 'DetermineMemberBestInterests', ...base, memberId: 'm1', outcome: 'o' })
      .thenRefuses('guardian-required');
  });

  it('the victim’s guardian is not the child member’s (and the other way round)', () => {
    const victimsGuardian = event('GuardianAppointed', { authority: 'CPA' });
    given([...registered({ presumedMinor: true }), victimsGuardian, linked('m1')])
      .when({ type: 'DetermineMemberBestInterests', ...base, memberId: 'm1', outcome: 'o' })
      .thenRefuses('guardian-required');
    given([...registered({ presumedMinor: true }), linked('m1'), guardian()])
      .when({ type: 'DetermineBestInterests', ...base, outcome: 'o', notes: 'n' })
      .thenRefuses('guardian-required');
  });

  it('refuses a guardian for an adult member (invalid-transition) and for an unknown member (invalid-request)', () => {
    given([...registered(), linked('m2', { relation: 'parent' })])
      .when({ type: 'AppointMemberGuardian', ...base, memberId: 'm2', authority: 'CPA' })
      .thenRefuses('invalid-transition', /child member/);
    given(registered())
      .when({ type: 'AppointMemberGuardian', ...base, memberId: 'nope', authority: 'CPA' })
      .thenRefuses('invalid-request', /no family member/);
  });
});

describe('family: planned services name linked members only', () => {
  const adopt = (memberIds: string[]) =>
    ({
      type: 'AdoptAssistancePlan',
      ...base,
      planId: 'p',
      services: [{ serviceId: 's1', kind: 'medical', memberIds }],
    }) as const;

  it('adopts an assistance plan whose service serves a linked member', () => {
    given([...registered(), linked('m1')])
      .when(adopt(['m1']))
      .then([
        event('AssistancePlanAdopted', {
          planId: 'p',
          services: [{ serviceId: 's1', kind: 'medical', memberIds: ['m1'] }],
        }),
      ]);
  });

  it('refuses a service naming a member not linked to the case (invalid-request), in either plan', () => {
    given([...registered(), linked('m1')])
      .when(adopt(['m1', 'm9']))
      .thenRefuses('invalid-request', /m9/);
    given([...registered(), consentGiven('return')])
      .when({
        type: 'AdoptReintegrationPlan',
        ...base,
        planId: 'p',
        services: [{ serviceId: 's1', kind: 'medical', memberIds: ['m9'] }],
      })
      .thenRefuses('invalid-request', /m9/);
  });
});

describe('family: the family assessment covers every linked member', () => {
  const history = [...registered(), linked('m1'), linked('m2', { relation: 'parent' })];
  const assess = (memberIds: string[]) =>
    ({ type: 'AssessFamily', ...base, memberIds, needs: ['accommodation'], notes: 'n' }) as const;

  it('records the assessment of every linked member', () => {
    given(history)
      .when(assess(['m2', 'm1']))
      .then([event('FamilyAssessed', { memberIds: ['m2', 'm1'], needs: ['accommodation'] }, { notes: 'n' })]);
  });

  it('refuses an assessment leaving a member out, or naming an unknown one (invalid-request)', () => {
    given(history)
      .when(assess(['m1']))
      .thenRefuses('invalid-request', /missing: m2/);
    given(history)
      .when(assess(['m1', 'm2', 'm9']))
      .thenRefuses('invalid-request', /m9/);
  });

  it('refuses a family assessment with no member linked (invalid-transition)', () => {
    given(registered()).when(assess([])).thenRefuses('invalid-transition');
  });
});

describe('family: tracing and reunification on return', () => {
  it('requests tracing for a child member with a guardian, records the outcome, reunifies with a favourable determination', () => {
    given([...registered(), linked('m1'), guardian()])
      .when({ type: 'RequestFamilyTracing', ...base, tracingId: 't1', memberId: 'm1', country: 'MD' })
      .then([tracing()]);
    given([...registered(), linked('m1'), guardian(), tracing()])
      .when({ type: 'RecordFamilyTracingOutcome', ...base, tracingId: 't1', outcome: 'found', notes: 'n' })
      .then([
        event(
          'FamilyTracingConcluded',
          { tracingId: 't1', memberId: 'm1', outcome: 'found' },
          { notes: 'n' },
        ),
      ]);
    given([...registered(), linked('m1'), guardian(), bestInterests('m1', true), tracing(), traced('found')])
      .when({ type: 'ReunifyFamily', ...base, tracingId: 't1' })
      .then([event('FamilyReunified', { tracingId: 't1', memberId: 'm1' })]);
  });

  it('refuses tracing for a child member without a guardian (guardian-required); an adult needs none', () => {
    given([...registered(), linked('m1')])
      .when({ type: 'RequestFamilyTracing', ...base, tracingId: 't1', memberId: 'm1', country: 'MD' })
      .thenRefuses('guardian-required');
    given([...registered(), linked('m2', { relation: 'parent' })])
      .when({ type: 'RequestFamilyTracing', ...base, tracingId: 't1', memberId: 'm2', country: 'MD' })
      .then([tracing('m2')]);
  });

  it('refuses tracing in the country of origin while the victim’s asylum application is pending or granted (asylum-no-contact)', () => {
    const adult = [...registered(), linked('m2', { relation: 'parent' })];
    const request = { type: 'RequestFamilyTracing', ...base, tracingId: 't1', memberId: 'm2' } as const;
    const applied = event('AsylumApplicationRecorded', { appliedAt: day(1) });
    given([...adult, applied])
      .when({ ...request, country: 'MD' })
      .thenRefuses('asylum-no-contact');
    given([...adult, applied, event('AsylumApplicationClosed', { outcome: 'granted' })])
      .when({ ...request, country: 'MD' })
      .thenRefuses('asylum-no-contact');
    // In a third country, or once the application was refused, the tracing goes ahead.
    given([...adult, applied])
      .when({ ...request, country: 'RO' })
      .then([event('FamilyTracingRequested', { tracingId: 't1', memberId: 'm2', country: 'RO' })]);
    given([...adult, applied, event('AsylumApplicationClosed', { outcome: 'refused' })])
      .when({ ...request, country: 'MD' })
      .then([tracing('m2')]);
  });

  it('refuses to reunify a child member without their best-interests determination, or against it (guardian-required)', () => {
    const found = [tracing(), traced('found')];
    given([...registered(), linked('m1'), guardian(), ...found])
      .when({ type: 'ReunifyFamily', ...base, tracingId: 't1' })
      .thenRefuses('guardian-required', /best-interests/);
    given([...registered(), linked('m1'), guardian(), bestInterests('m1', false), ...found])
      .when({ type: 'ReunifyFamily', ...base, tracingId: 't1' })
      .thenRefuses('guardian-required', /not in the child/);
  });

  it('refuses to reunify before an outcome, after not found or not safe, or twice (invalid-transition)', () => {
    const child = [...registered(), linked('m1'), guardian(), bestInterests('m1', true), tracing()];
    const reunify = { type: 'ReunifyFamily', ...base, tracingId: 't1' } as const;
    given(child)
      .when(reunify)
      .thenRefuses('invalid-transition', /no outcome/);
    given([...child, traced('not_found')])
      .when(reunify)
      .thenRefuses('invalid-transition', /did not find/);
    given([...child, traced('not_safe')])
      .when(reunify)
      .thenRefuses('invalid-transition', /not safe/);
    given([...child, traced('found'), event('FamilyReunified', { tracingId: 't1', memberId: 'm1' })])
      .when(reunify)
      .thenRefuses('invalid-transition', /already decided/);
  });

  it('refuses reunification as not in the child’s best interests, once the tracing has an outcome', () => {
    const history = [...registered(), linked('m1'), guardian(), tracing(), traced('not_safe')];
    given(history)
      .when({ type: 'RefuseFamilyReunification', ...base, tracingId: 't1', reason: 'not_in_best_interests' })
      .then([
        event('FamilyReunificationRefused', {
          tracingId: 't1',
          memberId: 'm1',
          reason: 'not_in_best_interests',
        }),
      ]);
    given([...registered(), linked('m1'), guardian(), tracing()])
      .when({ type: 'RefuseFamilyReunification', ...base, tracingId: 't1', reason: 'other' })
      .thenRefuses('invalid-transition');
  });
});

describe('family: parentage recognition of a child born in the destination', () => {
  const born = [...registered(), linked('m1', { bornInDestination: true })];
  const started = event('ParentageRecognitionStarted', {
    memberId: 'm1',
    proceedingId: 'p1',
    authority: 'Registry',
  });

  it('starts, records a step (notes under the child’s key) and concludes', () => {
    given(born)
      .when({
        type: 'StartParentageRecognition',
        ...base,
        memberId: 'm1',
        proceedingId: 'p1',
        authority: 'Registry',
      })
      .then([started]);
    given([...born, started])
      .when({ type: 'RecordParentageStep', ...base, proceedingId: 'p1', step: 'dna_test', notes: 'n' })
      .then([
        event(
          'ParentageRecognitionStepRecorded',
          { memberId: 'm1', proceedingId: 'p1', step: 'dna_test' },
          { notes: 'n' },
        ),
      ]);
    given([...born, started])
      .when({ type: 'ConcludeParentageRecognition', ...base, proceedingId: 'p1', outcome: 'recognised' })
      .then([
        event('ParentageRecognitionConcluded', { memberId: 'm1', proceedingId: 'p1', outcome: 'recognised' }),
      ]);
  });

  it('refuses it for a child not born in the destination (invalid-request)', () => {
    given([...registered(), linked('m1')])
      .when({
        type: 'StartParentageRecognition',
        ...base,
        memberId: 'm1',
        proceedingId: 'p1',
        authority: 'R',
      })
      .thenRefuses('invalid-request');
  });

  it('refuses a second proceeding under way, and steps after the conclusion (invalid-transition)', () => {
    given([...born, started])
      .when({
        type: 'StartParentageRecognition',
        ...base,
        memberId: 'm1',
        proceedingId: 'p2',
        authority: 'R',
      })
      .thenRefuses('invalid-transition', /under way/);
    const concluded = event('ParentageRecognitionConcluded', {
      memberId: 'm1',
      proceedingId: 'p1',
      outcome: 'withdrawn',
    });
    given([...born, started, concluded])
      .when({ type: 'RecordParentageStep', ...base, proceedingId: 'p1', step: 'hearing' })
      .thenRefuses('invalid-transition', /concluded/);
    given([...born, started, concluded])
      .when({
        type: 'StartParentageRecognition',
        ...base,
        memberId: 'm1',
        proceedingId: 'p2',
        authority: 'R',
      })
      .then([event('ParentageRecognitionStarted', { memberId: 'm1', proceedingId: 'p2', authority: 'R' })]);
  });
});
