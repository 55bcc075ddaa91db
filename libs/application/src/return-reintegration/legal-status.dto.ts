import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  DOCUMENT_REPLACEMENT_CHANNELS,
  IDENTITY_DOCUMENT_FOUND_STATUSES,
  IDENTITY_DOCUMENT_KINDS,
  REMOVAL_ORDER_OUTCOMES,
  RESIDENCE_PERMIT_BASES,
  RESIDENCE_PERMIT_DECISIONS,
} from '@nrm/contracts';
import type {
  DocumentReplacementChannel,
  IdentityDocumentFoundStatus,
  IdentityDocumentKind,
  RemovalOrderOutcome,
  ResidencePermitBasis,
  ResidencePermitDecision,
} from '@nrm/contracts';
import { AppliesOnlyWhen, IsDate, IsDateTime, IsOneOf } from '@nrm/contracts/events/field-rules';

const VALID_UNTIL = 'The last day of validity (YYYY-MM-DD)';

export class ResidencePermitApplicationDto {
  @ApiProperty({
    enum: RESIDENCE_PERMIT_BASES,
    description:
      'CoE Convention art. 14(1)(a) personal_situation, or art. 14(1)(b) and Directive 2004/81/EC ' +
      'cooperation_with_authorities',
  })
  @IsOneOf(RESIDENCE_PERMIT_BASES)
  basis: ResidencePermitBasis;
  @ApiPropertyOptional({ description: 'When the application was lodged (default: now)' })
  @IsDateTime(true)
  appliedAt?: string;
}

export class ResidencePermitResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() permitId: string;
}

export class ResidencePermitDecisionDto {
  @ApiProperty({ enum: RESIDENCE_PERMIT_DECISIONS })
  @IsOneOf(RESIDENCE_PERMIT_DECISIONS)
  decision: ResidencePermitDecision;
  @ApiPropertyOptional({
    description: `${VALID_UNTIL}: required when granted (after today), absent when refused`,
  })
  @IsDate(true)
  @AppliesOnlyWhen('decision', ['granted'])
  validUntil?: string;
}

export class ResidencePermitRenewalDto {
  @ApiProperty({ description: `${VALID_UNTIL}, after the permit's current expiry` })
  @IsDate()
  validUntil: string;
}

export class RemovalOrderDto {
  @ApiPropertyOptional({ description: 'When the immigration authority notified the order (default: now)' })
  @IsDateTime(true)
  notifiedAt?: string;
}

export class RemovalOrderResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() orderId: string;
}

export class RemovalOrderLiftingDto {
  @ApiProperty({ enum: REMOVAL_ORDER_OUTCOMES })
  @IsOneOf(REMOVAL_ORDER_OUTCOMES)
  outcome: RemovalOrderOutcome;
}

export class RemovalEnforcementDto {
  @ApiPropertyOptional({ description: 'When the person was removed (default: now)' })
  @IsDateTime(true)
  removedAt?: string;
}

export class IdentityDocumentDto {
  @ApiProperty({ enum: IDENTITY_DOCUMENT_KINDS, description: 'travel_document: a laissez-passer' })
  @IsOneOf(IDENTITY_DOCUMENT_KINDS)
  kind: IdentityDocumentKind;
  @ApiProperty({
    enum: IDENTITY_DOCUMENT_FOUND_STATUSES,
    description: 'held by the person, withheld by the exploiter, or lost',
  })
  @IsOneOf(IDENTITY_DOCUMENT_FOUND_STATUSES)
  status: IdentityDocumentFoundStatus;
  @ApiPropertyOptional({ description: `${VALID_UNTIL}, where known` })
  @IsDate(true)
  validUntil?: string;
}

export class IdentityDocumentResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() documentId: string;
}

export class DocumentRecoveryDto {
  @ApiPropertyOptional({ description: VALID_UNTIL })
  @IsDate(true)
  validUntil?: string;
}

export class DocumentReplacementDto {
  @ApiProperty({
    enum: DOCUMENT_REPLACEMENT_CHANNELS,
    description:
      'consulate of the country of origin (never while asylum is pending or granted), or another authority',
  })
  @IsOneOf(DOCUMENT_REPLACEMENT_CHANNELS)
  channel: DocumentReplacementChannel;
}

export class DocumentIssueDto {
  @ApiProperty({ description: VALID_UNTIL })
  @IsDate()
  validUntil: string;
}
