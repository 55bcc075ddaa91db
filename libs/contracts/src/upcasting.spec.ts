import { validateEventPayload } from './registry';
import { upcast, UnsupportedSchemaVersionError } from './upcasting';

const v1Data = {
  caseId: '7b0e2d4c-5b7a-4c1e-9d3f-2a6b8c9d0e1f',
  referralSource: 'police',
  countryOfExploitation: 'IT',
  formOfExploitation: 'sexual_exploitation',
  indicators: [],
  sex: 'female',
  citizenship: 'MD',
  ageBand: 'unknown',
  ageUncertain: true,
  presumedMinor: true,
  registeredAt: '2019-05-01T08:00:00Z',
};

describe('upcast', () => {
  it('reads a v1 PresumedVictimRegistered as v2, which validates', () => {
    const personal = { givenName: 'A', familyName: 'B' };
    const read = upcast({ type: 'PresumedVictimRegistered', schemaVersion: 1, data: v1Data, personal });
    expect(read.schemaVersion).toBe(2);
    expect(read.data).toMatchObject({ formsOfExploitation: ['sexual_exploitation'], meansOfControl: [] });
    expect(read.data).not.toHaveProperty('formOfExploitation');
    expect(read.personal).toBe(personal);
    expect(validateEventPayload(read.type, read.data, read.personal)).toEqual([]);
    expect(validateEventPayload('PresumedVictimRegistered', v1Data, personal)).not.toEqual([]);
  });

  it('reads a v1 HearingScheduled as v2: no proceeding, otherwise the same data, which validates', () => {
    const data = { hearingId: 'h1', scheduledFor: '2025-03-01T09:00:00Z', protectiveMeasures: [] };
    const read = upcast({ type: 'HearingScheduled', schemaVersion: 1, data });
    expect(read).toEqual({ type: 'HearingScheduled', schemaVersion: 2, data });
    expect(validateEventPayload(read.type, read.data)).toEqual([]);
    expect(
      validateEventPayload('HearingScheduled', { ...data, proceedingId: 'p 1' }).map((i) => i.field),
    ).toEqual(['data.proceedingId']);
  });

  it('reads a v1 AgencyJoinedTeam as v2 without a legal basis (joined under consent), which validates', () => {
    const read = upcast({ type: 'AgencyJoinedTeam', schemaVersion: 1, data: { agency: 'ngo-1' } });
    expect(read).toEqual({ type: 'AgencyJoinedTeam', schemaVersion: 2, data: { agency: 'ngo-1' } });
    expect(validateEventPayload(read.type, read.data)).toEqual([]);
    expect(
      validateEventPayload('AgencyJoinedTeam', { agency: 'ngo-1', legalBasis: 'whim' }, undefined),
    ).not.toEqual([]);
  });

  it('leaves a current version untouched', () => {
    const event = { type: 'CaseClosed', schemaVersion: 1, data: { reason: 'reintegrated' } };
    expect(upcast(event)).toEqual(event);
  });

  it('refuses a version newer than this node knows, with a clear error', () => {
    const future = { type: 'PresumedVictimRegistered', schemaVersion: 3, data: {} };
    expect(() => upcast(future)).toThrow(UnsupportedSchemaVersionError);
    expect(() => upcast(future)).toThrow(/PresumedVictimRegistered schema version 3.*knows versions up to 2/);
  });

  it('refuses a version that is not a positive integer', () => {
    expect(() => upcast({ type: 'CaseClosed', schemaVersion: 0, data: {} })).toThrow(
      UnsupportedSchemaVersionError,
    );
  });
});
