import {
  MEETING_KINDS,
  MEETING_PARTICIPANT_ROLES,
  MEETING_TOPICS,
  type MeetingKind,
  type MeetingParticipantRole,
  type MeetingTopic,
} from '../../taxonomies/meetings';
import { IsCode, IsCodeList, IsDate, IsDateTime, IsListOf, IsOneOf, IsText, LIMITS } from '../field-rules';
import { ArrayMinSize } from 'class-validator';

/**
 * The case's multidisciplinary team met on it, or a case conference brought the agencies involved
 * together. A meeting with the `plan_review` topic records the review of the case's plan; nextReviewOn
 * sets when the team meets on the case next (the `team_review` deadline).
 */
export class TeamMeetingRecordedData {
  @IsCode() meetingId: string;
  @IsOneOf(MEETING_KINDS) kind: MeetingKind;
  @IsDateTime() heldAt: string;
  /** The team's code (e.g. the district multidisciplinary team), when it is one team's meeting. */
  @IsCode(true) teamId?: string;
  /** The agencies that took part (agency codes, at least one). */
  @IsCodeList(LIMITS.smallList) @ArrayMinSize(1) agencies: string[];
  /** The capacities in which people took part (no names). */
  @IsListOf(MEETING_PARTICIPANT_ROLES, { max: MEETING_PARTICIPANT_ROLES.length })
  participantRoles: MeetingParticipantRole[];
  @IsListOf(MEETING_TOPICS, { min: 1, max: MEETING_TOPICS.length }) topics: MeetingTopic[];
  /** Calendar date (YYYY-MM-DD) of the next review, after the meeting; absent: none set. */
  @IsDate(true) nextReviewOn?: string;
}
export class TeamMeetingRecordedPersonal {
  /** What the meeting decided, in the team's words (may name people: personal data). */
  @IsText(LIMITS.longText, true) decisions?: string;
}
export interface TeamMeetingRecorded {
  type: 'TeamMeetingRecorded';
  data: TeamMeetingRecordedData;
  personal?: TeamMeetingRecordedPersonal;
}
