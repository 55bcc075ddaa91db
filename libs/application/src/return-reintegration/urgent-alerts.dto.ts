import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, URGENT_ALERT_SUBJECTS, URGENT_DANGERS } from '@nrm/contracts';
import type { CountryCode, UrgentAlertSubject, UrgentDanger } from '@nrm/contracts';
import { IsCountry, IsOneOf, IsText } from '@nrm/contracts/events/field-rules';

/** POST /api/cases/:id/urgent-alerts (Convention CETS 197, art. 33). */
export class UrgentAlertDto {
  @ApiProperty({
    example: 'MD',
    description: 'Country where the person is in danger (ISO 3166-1 alpha-2): its partner node is alerted',
  })
  @IsCountry()
  toCountry: CountryCode;
  @ApiProperty({ enum: URGENT_ALERT_SUBJECTS, description: 'Who is in immediate danger' })
  @IsOneOf(URGENT_ALERT_SUBJECTS)
  subject: UrgentAlertSubject;
  @ApiProperty({ enum: URGENT_DANGERS, description: 'What the danger is' })
  @IsOneOf(URGENT_DANGERS)
  danger: UrgentDanger;
  @ApiPropertyOptional({
    maxLength: LIMITS.longText,
    description: 'What is known of the danger: kept in the case (personal data), never sent to the partner',
  })
  @IsText(LIMITS.longText, true)
  note?: string;
}

export class UrgentAlertResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty({ description: 'The alert, the same on both nodes' }) alertId: string;
}
