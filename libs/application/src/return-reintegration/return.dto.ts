import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ASYLUM_OUTCOMES,
  HANDOVER_DECLINE_REASONS,
  LIMITS,
  REINTEGRATION_STATUSES,
  RETURN_REQUESTERS,
} from '@nrm/contracts';
import type {
  AsylumOutcome,
  CountryCode,
  HandoverDeclineReason,
  ReintegrationStatus,
  ReturnRequester,
} from '@nrm/contracts';
import {
  IsCode,
  IsCountry,
  IsDateTime,
  IsFlag,
  IsNestedList,
  IsOneOf,
  IsText,
} from '@nrm/contracts/events/field-rules';
import { ServiceLineDto } from '../assistance/assistance.dto';

export class ReturnRequestDto {
  @ApiProperty({
    enum: RETURN_REQUESTERS,
    description: 'Return is voluntary: only the victim can ask for it',
  })
  @IsOneOf(RETURN_REQUESTERS)
  statedBy: ReturnRequester;
  @ApiPropertyOptional({ description: 'The victim asks to travel before the reflection period ends' })
  @IsFlag(true)
  earlyReturnRequested?: boolean;
}

export class HandoverProposalDto {
  @ApiProperty({ example: 'MD', description: 'Country of origin (ISO 3166-1 alpha-2)' })
  @IsCountry()
  toCountry: CountryCode;
  @ApiPropertyOptional({ description: 'Answer expected by (default: 14 days)' })
  @IsDateTime(true)
  responseDueAt?: string;
}

export class HandoverProposalResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() handoverId: string;
}

export class HandoverAcceptanceDto {
  @ApiPropertyOptional({ description: 'Agency code of the receiving agency in the country of origin' })
  @IsCode(true)
  receivingAgency?: string;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) reasons?: string;
}

export class HandoverDeclineDto {
  @ApiProperty({ enum: HANDOVER_DECLINE_REASONS })
  @IsOneOf(HANDOVER_DECLINE_REASONS)
  reason: HandoverDeclineReason;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) reasons?: string;
}

export class DepartureDto {
  @ApiPropertyOptional() @IsDateTime(true) departedAt?: string;
}

export class ArrivalDto {
  @ApiPropertyOptional() @IsDateTime(true) arrivedAt?: string;
}

export class ReceptionDto {
  @ApiProperty({ description: 'Agency code of the receiving agency' }) @IsCode() receivingAgency: string;
}

export class ReintegrationPlanDto {
  @ApiProperty({ type: [ServiceLineDto] })
  @IsNestedList(() => ServiceLineDto, { min: 1, max: LIMITS.smallList })
  services: ServiceLineDto[];
}

export class ReintegrationProgressDto {
  @ApiProperty({ enum: REINTEGRATION_STATUSES }) @IsOneOf(REINTEGRATION_STATUSES) status: ReintegrationStatus;
  @ApiPropertyOptional({ maxLength: LIMITS.longText }) @IsText(LIMITS.longText, true) notes?: string;
}

export class AsylumApplicationDto {
  @ApiPropertyOptional({ description: 'When the person applied (default: now)' })
  @IsDateTime(true)
  appliedAt?: string;
}

export class AsylumClosureDto {
  @ApiProperty({
    enum: ASYLUM_OUTCOMES,
    description: 'granted keeps the bar on contact; refused or withdrawn lifts it',
  })
  @IsOneOf(ASYLUM_OUTCOMES)
  outcome: AsylumOutcome;
}
