import type { Step } from './case-fixtures';

const DAY_MS = 24 * 60 * 60 * 1000;
const day = (start: string, days: number): string =>
  new Date(Date.parse(start) + days * DAY_MS).toISOString();

/**
 * A family through the whole family catalogue: a child born in the destination (guardian, best
 * interests, tracing, reunification, parentage recognition) and an adult dependant.
 */
export function familyCatalogue(t0: string): Step[] {
  return [
    {
      type: 'FamilyMemberLinked',
      at: day(t0, 7),
      data: {
        memberId: 'm-1',
        relation: 'child',
        bornInDestination: true,
        sex: 'female',
        ageBand: '0--8',
        presumedMinor: true,
        linkedAt: day(t0, 7),
      },
      personal: { givenName: 'Daria', familyName: 'Rusu', dateOfBirth: '2024-11-02' },
    },
    {
      type: 'FamilyMemberLinked',
      at: day(t0, 7),
      data: {
        memberId: 'm-2',
        relation: 'parent',
        sex: 'female',
        ageBand: '48+',
        presumedMinor: false,
        linkedAt: day(t0, 7),
      },
      personal: { givenName: 'Elena', familyName: 'Rusu' },
    },
    {
      type: 'MemberGuardianAppointed',
      at: day(t0, 8),
      data: { memberId: 'm-1', authority: 'Child Protection Authority' },
      personal: { name: 'Karla Weiss' },
    },
    {
      type: 'MemberBestInterestsDetermined',
      at: day(t0, 9),
      data: { memberId: 'm-1', outcome: 'reunite', reunificationInBestInterests: true },
      personal: { notes: 'n' },
    },
    {
      type: 'FamilyAssessed',
      at: day(t0, 9),
      data: { memberIds: ['m-1', 'm-2'], needs: ['medical'] },
    },
    {
      type: 'ParentageRecognitionStarted',
      at: day(t0, 10),
      data: { memberId: 'm-1', proceedingId: 'pr-1', authority: 'Civil Registry' },
    },
    {
      type: 'ParentageRecognitionStepRecorded',
      at: day(t0, 11),
      data: { memberId: 'm-1', proceedingId: 'pr-1', step: 'application_filed' },
    },
    {
      type: 'ParentageRecognitionConcluded',
      at: day(t0, 12),
      data: { memberId: 'm-1', proceedingId: 'pr-1', outcome: 'recognised' },
    },
    {
      type: 'FamilyTracingRequested',
      at: day(t0, 12),
      data: { tracingId: 'tr-1', memberId: 'm-1', country: 'MD' },
    },
    {
      type: 'FamilyTracingConcluded',
      at: day(t0, 13),
      data: { tracingId: 'tr-1', memberId: 'm-1', outcome: 'found' },
    },
    { type: 'FamilyReunified', at: day(t0, 14), data: { tracingId: 'tr-1', memberId: 'm-1' } },
    {
      type: 'FamilyTracingRequested',
      at: day(t0, 12),
      data: { tracingId: 'tr-2', memberId: 'm-2', country: 'MD' },
    },
    {
      type: 'FamilyTracingConcluded',
      at: day(t0, 13),
      data: { tracingId: 'tr-2', memberId: 'm-2', outcome: 'not_safe' },
    },
    {
      type: 'FamilyReunificationRefused',
      at: day(t0, 14),
      data: { tracingId: 'tr-2', memberId: 'm-2', reason: 'not_safe' },
    },
  ];
}
