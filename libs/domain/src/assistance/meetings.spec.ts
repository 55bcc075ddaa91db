import type { CaseCommand } from '../case-commands';
import { CASE_ID, closed, day, event, given, registered, T0 } from '../testing';

const personAtRiskRegistered = () => [
  event(
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
  ),
];

const meeting = (
  changes: Partial<Extract<CaseCommand, { type: 'RecordTeamMeeting' }>> = {},
): CaseCommand => ({
  type: 'RecordTeamMeeting',
  caseId: CASE_ID,
  at: day(10),
  meetingId: 'm1',
  kind: 'team_meeting',
  agencies: ['DMT-CHISINAU', 'POLICE-MD'],
  topics: ['risk_assessment', 'assistance_plan'],
  ...changes,
});

describe('assistance: RecordTeamMeeting', () => {
  it('records a team meeting held now, with the agencies, topics and decisions (personal)', () => {
    given(registered())
      .when(meeting({ teamId: 'DMT-CHISINAU', participantRoles: ['social_worker'], decisions: 'd' }))
      .then([
        event(
          'TeamMeetingRecorded',
          {
            meetingId: 'm1',
            kind: 'team_meeting',
            heldAt: day(10),
            teamId: 'DMT-CHISINAU',
            agencies: ['DMT-CHISINAU', 'POLICE-MD'],
            participantRoles: ['social_worker'],
            topics: ['risk_assessment', 'assistance_plan'],
          },
          { decisions: 'd' },
        ),
      ]);
  });

  it('records a case conference held earlier that reviews the plan and sets the next review', () => {
    const nextReviewOn = day(40).slice(0, 10);
    given(registered())
      .when(meeting({ kind: 'case_conference', heldAt: day(9), topics: ['plan_review'], nextReviewOn }))
      .then([
        event('TeamMeetingRecorded', {
          meetingId: 'm1',
          kind: 'case_conference',
          heldAt: day(9),
          agencies: ['DMT-CHISINAU', 'POLICE-MD'],
          participantRoles: [],
          topics: ['plan_review'],
          nextReviewOn,
        }),
      ]);
  });

  it('records a meeting on the case of a person at risk (the team meets on those too)', () => {
    expect(given(personAtRiskRegistered()).when(meeting()).events()).toHaveLength(1);
  });

  it('records a next review on the day after the meeting', () => {
    expect(
      given(registered())
        .when(meeting({ nextReviewOn: day(11).slice(0, 10) }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a next review on or before the day of the meeting (invalid-request)', () => {
    for (const nextReviewOn of [day(10).slice(0, 10), day(3).slice(0, 10)]) {
      given(registered())
        .when(meeting({ nextReviewOn }))
        .thenRefuses('invalid-request', /next review/);
    }
    // Judged against when the meeting was held, not when it is recorded.
    given(registered())
      .when(meeting({ heldAt: day(12), at: day(13), nextReviewOn: day(12).slice(0, 10) }))
      .thenRefuses('invalid-request', /next review/);
  });

  it('refuses a meeting without a participating agency (invalid-request)', () => {
    given(registered())
      .when(meeting({ agencies: [] }))
      .thenRefuses('invalid-request', /agency/);
  });

  it('refuses a meeting held after the command (invalid-request)', () => {
    given(registered())
      .when(meeting({ heldAt: day(11) }))
      .thenRefuses('invalid-request', /meeting/);
  });

  it('refuses a meeting id used before (invalid-transition)', () => {
    given([...registered(), ...given(registered()).when(meeting()).events()])
      .when(meeting())
      .thenRefuses('invalid-transition', /already recorded/);
    expect(
      given([...registered(), ...given(registered()).when(meeting()).events()])
        .when(meeting({ meetingId: 'm2' }))
        .events(),
    ).toHaveLength(1);
  });

  it('refuses a meeting on a closed case or before registration (invalid-transition)', () => {
    given([...registered(), closed()])
      .when(meeting())
      .thenRefuses('invalid-transition', /closed/);
    given([]).when(meeting()).thenRefuses('invalid-transition');
  });
});
