import { BOUNDED_CONTEXTS, contextOf, EVENT_CONTRACTS, validateEventPayload } from './registry';

const caseId = '7b0e2d4c-5b7a-4c1e-9d3f-2a6b8c9d0e1f';

const registration = () => ({
  caseId,
  referralSource: 'ngo',
  countryOfExploitation: 'DE',
  formsOfExploitation: ['forced_labour'],
  indicators: ['withheld_documents'],
  meansOfControl: ['debt_bondage'],
  sex: 'female',
  citizenship: 'MD',
  ageBand: '18--20',
  ageUncertain: false,
  presumedMinor: false,
  registeredAt: '2025-03-01T10:00:00Z',
});
const person = () => ({ givenName: 'Ana', familyName: 'Popescu', dateOfBirth: '2006-01-31' });

const fields = (issues: { field: string }[]) => [...new Set(issues.map((issue) => issue.field))];

describe('validateEventPayload', () => {
  it('accepts a valid registration', () => {
    expect(validateEventPayload('PresumedVictimRegistered', registration(), person())).toEqual([]);
  });

  it.each([
    ['an unknown field', { ...registration(), nickname: 'x' }, 'data.nickname'],
    ['a value outside the taxonomy', { ...registration(), referralSource: 'rumour' }, 'data.referralSource'],
    [
      'an enum list value outside the taxonomy',
      { ...registration(), formsOfExploitation: ['fishing'] },
      'data.formsOfExploitation',
    ],
    [
      'a lower-case country',
      { ...registration(), countryOfExploitation: 'de' },
      'data.countryOfExploitation',
    ],
    ['a date that is not ISO 8601', { ...registration(), registeredAt: '01/03/2025' }, 'data.registeredAt'],
    [
      'an oversize list',
      { ...registration(), indicators: Array.from({ length: 51 }, (_, i) => `i${i}`) },
      'data.indicators',
    ],
    ['a missing required field', { ...registration(), sex: undefined }, 'data.sex'],
    ['a caseId that is not a UUID v4', { ...registration(), caseId: 'case-1' }, 'data.caseId'],
  ])('refuses %s, naming the field', (_label, data, field) => {
    expect(fields(validateEventPayload('PresumedVictimRegistered', data, person()))).toContain(field);
  });

  it('refuses an oversize string in the personal part', () => {
    const issues = validateEventPayload('PresumedVictimRegistered', registration(), {
      ...person(),
      givenName: 'x'.repeat(201),
    });
    expect(fields(issues)).toEqual(['personal.givenName']);
  });

  it('refuses a date of birth that is not a calendar date', () => {
    const issues = validateEventPayload('PresumedVictimRegistered', registration(), {
      ...person(),
      dateOfBirth: '2006-13-40',
    });
    expect(fields(issues)).toContain('personal.dateOfBirth');
  });

  it('refuses unknown fields in the personal part', () => {
    expect(
      fields(validateEventPayload('GuardianAppointed', { authority: 'GUARD-MD' }, { name: 'X', phone: '1' })),
    ).toEqual(['personal.phone']);
  });

  it('reports missing required personal fields, and personal data on an event that has none', () => {
    expect(fields(validateEventPayload('GuardianAppointed', { authority: 'GUARD-MD' }))).toEqual([
      'personal.name',
    ]);
    expect(fields(validateEventPayload('CaseClosed', { reason: 'reintegrated' }, { notes: 'x' }))).toEqual([
      'personal',
    ]);
  });

  it('accepts an appointing authority as bounded free text in data, the guardian’s name in personal', () => {
    const authority = 'Child Protection Authority Chisinau';
    expect(validateEventPayload('GuardianAppointed', { authority }, { name: 'Maria Rusu' })).toEqual([]);
  });

  it.each([
    ['an empty authority', ''],
    ['an authority longer than 200 characters', 'x'.repeat(201)],
    ['an authority that is not a string', 42],
  ])('refuses %s', (_label, authority) => {
    expect(fields(validateEventPayload('GuardianAppointed', { authority }, { name: 'X' }))).toEqual([
      'data.authority',
    ]);
  });

  it('refuses the guardian’s name in data', () => {
    expect(
      fields(validateEventPayload('GuardianAppointed', { authority: 'A', name: 'X' }, { name: 'X' })),
    ).toEqual(['data.name']);
  });

  it('validates nested service lines, naming the path', () => {
    const ok = { planId: 'plan-1', services: [{ serviceId: 's1', kind: 'medical', provider: 'CLINIC-1' }] };
    expect(validateEventPayload('AssistancePlanAdopted', ok)).toEqual([]);
    const bad = { planId: 'plan-1', services: [{ serviceId: 's1', kind: 'spa', extra: 1 }] };
    expect(fields(validateEventPayload('AssistancePlanAdopted', bad))).toEqual(
      expect.arrayContaining(['data.services.0.kind', 'data.services.0.extra']),
    );
    expect(fields(validateEventPayload('AssistancePlanAdopted', { planId: 'plan-1', services: [] }))).toEqual(
      ['data.services'],
    );
  });

  it('refuses a reflection period below 30 days', () => {
    const data = { startsAt: '2025-03-01T10:00:00Z', endsAt: '2025-03-11T10:00:00Z', days: 10 };
    expect(fields(validateEventPayload('ReflectionPeriodStarted', data))).toEqual(['data.days']);
  });

  it('accepts a team agency as a code and refuses free text, a missing agency or extra fields', () => {
    expect(validateEventPayload('AgencyJoinedTeam', { agency: 'shelter-ngo-2' })).toEqual([]);
    expect(validateEventPayload('AgencyJoinedTeam', { agency: 'Shelter for women' })).toEqual([
      expect.objectContaining({ field: 'data.agency' }),
    ]);
    const missing = validateEventPayload('AgencyJoinedTeam', {});
    expect(missing.length).toBeGreaterThan(0);
    expect(new Set(missing.map((issue) => issue.field))).toEqual(new Set(['data.agency']));
    expect(validateEventPayload('AgencyJoinedTeam', { agency: 'a', role: 'lead' })).toEqual([
      expect.objectContaining({ field: 'data.role' }),
    ]);
    // Its personal part holds only the justification of a legal basis.
    expect(validateEventPayload('AgencyJoinedTeam', { agency: 'a' }, { name: 'x' })).toEqual([
      { field: 'personal.name', message: 'property name should not exist' },
    ]);
    expect(
      validateEventPayload(
        'AgencyJoinedTeam',
        { agency: 'a', legalBasis: 'vital_interest' },
        { justification: 'unconscious' },
      ),
    ).toEqual([]);
    expect(contextOf('AgencyJoinedTeam')).toBe('assistance');
  });

  it('accepts monitoring with or without the next visit, a calendar date, at schema v1 (an optional addition)', () => {
    expect(validateEventPayload('MonitoringRecorded', { status: 'on_track' })).toEqual([]);
    expect(
      validateEventPayload('MonitoringRecorded', { status: 'on_track', nextVisitDue: '2025-04-01' }),
    ).toEqual([]);
    for (const nextVisitDue of ['2025-04-01T00:00:00Z', '2025-02-30', '01/04/2025', ''])
      expect(
        fields(validateEventPayload('MonitoringRecorded', { status: 'on_track', nextVisitDue })),
      ).toEqual(['data.nextVisitDue']);
    expect(EVENT_CONTRACTS.MonitoringRecorded.schemaVersion).toBe(1);
  });

  it('refuses an unknown event type and a non-object payload', () => {
    expect(fields(validateEventPayload('Nope', {}))).toEqual(['type']);
    expect(fields(validateEventPayload('CaseClosed', null))).toEqual(['data']);
  });
});

describe('EVENT_CONTRACTS', () => {
  it('assigns every event to a known context and names the owners', () => {
    for (const contract of Object.values(EVENT_CONTRACTS))
      expect(BOUNDED_CONTEXTS).toContain(contract.context);
    expect(contextOf('ConsentGiven')).toBe('identification');
    expect(contextOf('CaseClosed')).toBe('assistance');
    expect(contextOf('HandoverProposed')).toBe('return-reintegration');
    expect(contextOf('CooperationDecisionRecorded')).toBe('prosecution-liaison');
    expect(() => contextOf('Nope')).toThrow(/Unknown event type/);
  });

  it('holds the 82 events of the catalogue, PresumedVictimRegistered and HearingScheduled at schema v2', () => {
    expect(Object.keys(EVENT_CONTRACTS)).toHaveLength(82);
    expect(EVENT_CONTRACTS.HearingScheduled.schemaVersion).toBe(2);
    expect(EVENT_CONTRACTS.PresumedVictimRegistered.schemaVersion).toBe(2);
  });
});
