/**
 * Issue 15's three lifecycles across contexts: reopening a closed case, review or appeal of an
 * identification decision, registration under a pseudonym with the identity recorded later.
 */
import type { CaseEvent } from '@nrm/contracts';
import type { CaseCommand } from '../case-commands';
import { nextCaseStage, type CaseStage } from '../case-stage';
import { CASE_ID, closed, consentGiven, day, event, given, registered, T0 } from '../testing';

const at = (n: number) => ({ caseId: CASE_ID, at: day(n) });

describe('lifecycle: ReopenCase', () => {
  const reopen = { type: 'ReopenCase', ...at(60), reason: 're_trafficking' } as const;

  it('reopens a closed case with its reason, the note in the personal part', () => {
    given([...registered(), closed()])
      .when(reopen)
      .then([event('CaseReopened', { reason: 're_trafficking' })]);
    given([...registered(), closed()])
      .when({ ...reopen, reason: 'other', note: 'came back to the shelter' })
      .then([event('CaseReopened', { reason: 'other' }, { note: 'came back to the shelter' })]);
  });

  it('refuses to reopen an open case or one never registered', () => {
    given(registered())
      .when(reopen)
      .thenRefuses('invalid-transition', /the case is open/);
    given([])
      .when(reopen)
      .thenRefuses('invalid-transition', /no presumed victim/);
  });

  it('refuses a second reopening until the case is closed again', () => {
    const reopened = event('CaseReopened', { reason: 'new_needs' });
    given([...registered(), closed(), reopened])
      .when(reopen)
      .thenRefuses('invalid-transition');
    given([...registered(), closed(), reopened, closed('lost_contact')])
      .when(reopen)
      .then([event('CaseReopened', { reason: 're_trafficking' })]);
  });

  it('lets every context act again after reopening, and refuses it while closed', () => {
    const history = [...registered(), closed()];
    const assess: CaseCommand = { type: 'AssessNeeds', ...at(61), needs: ['accommodation'] };
    const request: CaseCommand = { type: 'RequestReturn', ...at(61), statedBy: 'victim' };
    const cooperation: CaseCommand = { type: 'RecordCooperationDecision', ...at(61), willing: true };
    for (const command of [assess, request, cooperation]) {
      given(history)
        .when(command)
        .thenRefuses('invalid-transition', /closed/);
      expect(
        given([...history, event('CaseReopened', { reason: 're_trafficking' })])
          .when(command)
          .events(),
      ).toHaveLength(1);
    }
  });

  it('keeps the plan and its services: a new plan needs new service ids', () => {
    const plan = event('AssistancePlanAdopted', {
      planId: 'p1',
      services: [{ serviceId: 's1', kind: 'accommodation' }],
    });
    const history = [...registered(), plan, closed(), event('CaseReopened', { reason: 'new_needs' })];
    given(history)
      .when({
        type: 'AdoptAssistancePlan',
        ...at(62),
        planId: 'p2',
        services: [{ serviceId: 's1', kind: 'accommodation' }],
      })
      .thenRefuses('invalid-transition', /already exists/);
    given(history)
      .when({ type: 'RecordMonitoring', ...at(62), status: 'on_track' })
      .then([event('MonitoringRecorded', { status: 'on_track' })]);
  });

  it('returns the stage to assisted (no stage of its own)', () => {
    const stages = [...registered(), closed(), event('CaseReopened', { reason: 'new_needs' })].reduce<
      CaseStage | undefined
    >((stage, e) => nextCaseStage(stage, e), undefined);
    expect(stages).toBe('assisted');
  });
});

describe('lifecycle: review or appeal of the identification decision', () => {
  const concluded = (status: 'identified' | 'not_identified') =>
    event(
      'IdentificationConcluded',
      { status, decidingBody: 'competent_authority', formsOfExploitation: ['forced_labour'] },
      { reasons: 'r' },
    );
  const requested = (kind: 'review' | 'appeal' = 'appeal', requestedAt = day(40)) =>
    event('IdentificationReviewRequested', { kind, requestedAt }, { grounds: 'new evidence' });
  const request = {
    type: 'RequestIdentificationReview',
    ...at(40),
    kind: 'appeal',
    grounds: 'new evidence',
  } as const;
  const decide = (outcome: 'upheld' | 'overturned') =>
    ({ type: 'DecideIdentificationReview', ...at(60), outcome }) as const;

  it('requests a review or appeal of a concluded decision, the grounds in the personal part', () => {
    given([...registered(), concluded('not_identified')])
      .when(request)
      .then([requested()]);
    given([...registered(), concluded('identified')])
      .when({ ...request, kind: 'review', requestedAt: day(35) })
      .then([requested('review', day(35))]);
  });

  it('refuses a review before the decision, a second one while pending, or a request dated later', () => {
    given(registered())
      .when(request)
      .thenRefuses('invalid-transition', /concluded/);
    given([...registered(), concluded('not_identified'), requested()])
      .when(request)
      .thenRefuses('invalid-transition', /already pending/);
    given([...registered(), concluded('not_identified')])
      .when({ ...request, requestedAt: day(41) })
      .thenRefuses('invalid-request');
  });

  it('upholds or overturns the decision: overturned reverses the status', () => {
    const history = [...registered(), concluded('not_identified'), requested()];
    given(history)
      .when(decide('upheld'))
      .then([
        event('IdentificationReviewDecided', {
          outcome: 'upheld',
          status: 'not_identified',
          decidedAt: day(60),
        }),
      ]);
    given(history)
      .when({ ...decide('overturned'), reasons: 'credible account' })
      .then([
        event(
          'IdentificationReviewDecided',
          { outcome: 'overturned', status: 'identified', decidedAt: day(60) },
          { reasons: 'credible account' },
        ),
      ]);
    given([...registered(), concluded('identified'), requested('review')])
      .when(decide('overturned'))
      .then([
        event('IdentificationReviewDecided', {
          outcome: 'overturned',
          status: 'not_identified',
          decidedAt: day(60),
        }),
      ]);
  });

  it('refuses a decision without a pending review, and allows a new request after one', () => {
    given([...registered(), concluded('identified')])
      .when(decide('upheld'))
      .thenRefuses('invalid-transition');
    const decided = event('IdentificationReviewDecided', {
      outcome: 'upheld',
      status: 'not_identified',
      decidedAt: day(50),
    });
    given([...registered(), concluded('not_identified'), requested(), decided])
      .when(decide('upheld'))
      .thenRefuses('invalid-transition');
    expect(
      given([...registered(), concluded('not_identified'), requested(), decided])
        .when({ ...request, ...at(55), kind: 'appeal' })
        .events(),
    ).toHaveLength(1);
  });

  it('folds the overturned status: the stage follows it and a further appeal may be lodged', () => {
    const overturned = event('IdentificationReviewDecided', {
      outcome: 'overturned',
      status: 'identified',
      decidedAt: day(60),
    });
    const history: CaseEvent[] = [...registered(), concluded('not_identified'), requested(), overturned];
    expect(
      given(history)
        .when({ ...request, ...at(61) })
        .events(),
    ).toHaveLength(1);
    const stage = history.reduce<CaseStage | undefined>((s, e) => nextCaseStage(s, e), undefined);
    expect(stage).toBe('identified');
  });

  it('is a presumed victim’s step: refused on a person at risk’s case', () => {
    const atRisk = event(
      'PersonAtRiskRegistered',
      {
        caseId: CASE_ID,
        vulnerabilities: ['stranded_migrant'],
        referralSource: 'ngo',
        sex: 'female',
        citizenship: 'MD',
        ageBand: '24--26',
        ageUncertain: false,
        presumedMinor: false,
        registeredAt: T0,
      },
      { givenName: 'Ana', familyName: 'Popescu' },
    );
    given([atRisk]).when(request).thenRefuses('not-a-presumed-victim');
  });
});

describe('lifecycle: registration under a pseudonym, identity recorded later', () => {
  const registration = (person: Record<string, string>) =>
    ({
      type: 'RegisterPresumedVictim',
      caseId: CASE_ID,
      at: T0,
      referralSource: 'ngo',
      person: { sex: 'female', citizenship: 'MD', ...person },
      countryOfExploitation: 'DE',
      formsOfExploitation: ['forced_labour'],
      reflectionPeriodDays: 30,
    }) as const;
  const [registeredNamed, reflection] = registered();
  const pseudonymous: CaseEvent[] = [
    {
      ...registeredNamed,
      data: { ...registeredNamed.data, pseudonymous: true },
      personal: { pseudonym: 'Rose' },
    } as CaseEvent,
    reflection,
  ];
  const identity = event(
    'IdentityRecorded',
    { recordedAt: day(20) },
    { givenName: 'Ana', familyName: 'Popescu', dateOfBirth: '1999-04-17' },
  );

  it('registers under a pseudonym: flagged in the data, the pseudonym in the personal part', () => {
    const [first] = given([])
      .when(registration({ pseudonym: 'Rose' }))
      .events();
    expect(first).toMatchObject({ data: { pseudonymous: true }, personal: { pseudonym: 'Rose' } });
    const [named] = given([])
      .when(registration({ givenName: 'Ana', familyName: 'Popescu' }))
      .events();
    expect(named.data).not.toHaveProperty('pseudonymous');
  });

  it('refuses neither, both, or half a name', () => {
    const people: Record<string, string>[] = [
      {},
      { pseudonym: 'Rose', givenName: 'Ana', familyName: 'Popescu' },
      { givenName: 'Ana' },
    ];
    for (const person of people) {
      given([])
        .when(registration(person))
        .thenRefuses('invalid-request', /exactly one/);
    }
  });

  it('records the identity once, only for a person registered under a pseudonym', () => {
    const command = {
      type: 'RecordIdentity',
      ...at(20),
      givenName: 'Ana',
      familyName: 'Popescu',
      dateOfBirth: '1999-04-17',
    } as const;
    given(pseudonymous).when(command).then([identity]);
    given([...pseudonymous, identity])
      .when(command)
      .thenRefuses('invalid-transition', /already recorded/);
    given(registered()).when(command).thenRefuses('invalid-transition');
    given([]).when(command).thenRefuses('invalid-transition');
  });

  it('refuses a handover and a travel-document replacement until the identity is recorded', () => {
    const ready = [
      event('ReturnRequested', { statedBy: 'victim', earlyReturnRequested: false }),
      event('ReturnRiskAssessed', { level: 'low', familyAssessed: true }, { notes: 'n' }),
      consentGiven('data_sharing', 'MD'),
      event('IdentityDocumentRecorded', { documentId: 'd1', kind: 'passport', status: 'lost' }),
    ];
    const propose = { type: 'ProposeHandover', ...at(30), handoverId: 'h1', toCountry: 'MD' } as const;
    const replace = {
      type: 'RequestDocumentReplacement',
      ...at(30),
      documentId: 'd1',
      channel: 'other_authority',
    } as const;
    given([...pseudonymous, ...ready])
      .when(propose)
      .thenRefuses('identity-required');
    given([...pseudonymous, ...ready])
      .when(replace)
      .thenRefuses('identity-required');
    expect(
      given([...pseudonymous, identity, ...ready])
        .when(propose)
        .events(),
    ).toHaveLength(1);
    expect(
      given([...pseudonymous, identity, ...ready])
        .when(replace)
        .events(),
    ).toHaveLength(1);
  });
});
