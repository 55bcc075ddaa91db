import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, MEETING_KINDS, MEETING_PARTICIPANT_ROLES, MEETING_TOPICS } from '@nrm/contracts';
import type { MeetingKind, MeetingParticipantRole, MeetingTopic } from '@nrm/contracts';
import {
  IsCode,
  IsCodeList,
  IsDate,
  IsDateTime,
  IsListOf,
  IsOneOf,
  IsText,
} from '@nrm/contracts/events/field-rules';
import { ArrayMinSize, IsOptional } from 'class-validator';

export class TeamMeetingDto {
  @ApiProperty({
    enum: MEETING_KINDS,
    description:
      "team_meeting: the case's multidisciplinary team met on it; case_conference: the agencies involved met",
  })
  @IsOneOf(MEETING_KINDS)
  kind: MeetingKind;
  @ApiPropertyOptional({ description: 'When the meeting was held (default: now); not in the future' })
  @IsDateTime(true)
  heldAt?: string;
  @ApiPropertyOptional({
    description: "The team's code, e.g. the district multidisciplinary team's",
    example: 'dmt-chisinau',
  })
  @IsCode(true)
  teamId?: string;
  @ApiProperty({
    type: [String],
    minItems: 1,
    maxItems: LIMITS.smallList,
    description: 'The agencies that took part (agency codes, at least one)',
    example: ['shelter-ngo-2', 'police-md'],
  })
  @IsCodeList(LIMITS.smallList)
  @ArrayMinSize(1)
  agencies: string[];
  @ApiPropertyOptional({
    enum: MEETING_PARTICIPANT_ROLES,
    isArray: true,
    description: 'In which capacities people took part (no names)',
  })
  @IsOptional()
  @IsListOf(MEETING_PARTICIPANT_ROLES, { max: MEETING_PARTICIPANT_ROLES.length })
  participantRoles?: MeetingParticipantRole[];
  @ApiProperty({
    enum: MEETING_TOPICS,
    isArray: true,
    minItems: 1,
    description:
      'The agenda (at least one topic); plan_review records the review of the assistance or reintegration plan',
  })
  @IsListOf(MEETING_TOPICS, { min: 1, max: MEETING_TOPICS.length })
  topics: MeetingTopic[];
  @ApiPropertyOptional({
    maxLength: LIMITS.longText,
    description: 'What the meeting decided (personal data, encrypted)',
  })
  @IsText(LIMITS.longText, true)
  decisions?: string;
  @ApiPropertyOptional({
    example: '2025-06-30',
    description:
      "YYYY-MM-DD: the team reviews the case again that day (midnight UTC), listed among the case's " +
      'deadlines (kind team_review) until a later meeting is recorded or the case closes. Must be after ' +
      'the meeting (else 422, rule invalid-request); absent: no review set.',
  })
  @IsDate(true)
  nextReviewOn?: string;
}

export class TeamMeetingResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() meetingId: string;
}
