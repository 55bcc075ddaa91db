import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { LIMITS, VICTIM_WISHES, WISH_ACTIONS } from '@nrm/contracts';
import type { VictimWish, WishAction } from '@nrm/contracts';
import { IsDateTime, IsListOf, IsOneOf, IsText } from '@nrm/contracts/events/field-rules';

export class WishesStatementDto {
  @ApiProperty({
    enum: VICTIM_WISHES,
    isArray: true,
    description:
      'The whole set of wishes the victim states now: it replaces the previous statement (an empty list: ' +
      'none of them any more). stay_in_destination and return_to_origin exclude each other (422, rule ' +
      'invalid-request).',
  })
  @IsListOf(VICTIM_WISHES, { max: VICTIM_WISHES.length })
  wishes: VictimWish[];
  @ApiPropertyOptional({
    description:
      'When the victim stated them (default: now); not in the future nor before the last statement ' +
      '(422, rule invalid-request).',
  })
  @IsDateTime(true)
  statedAt?: string;
  @ApiPropertyOptional({
    maxLength: LIMITS.longText,
    description: "The wishes in the victim's own words (personal data, encrypted)",
  })
  @IsText(LIMITS.longText, true)
  inTheirWords?: string;
}

export class WishesStatementResponse {
  @ApiProperty() caseId: string;
  @ApiProperty() revision: number;
  @ApiProperty() statementId: string;
}

export class WishActionDto {
  @ApiProperty({
    enum: VICTIM_WISHES,
    description: 'One of the wishes of the last statement (else 422, rule invalid-transition)',
  })
  @IsOneOf(VICTIM_WISHES)
  wish: VictimWish;
  @ApiProperty({ enum: WISH_ACTIONS }) @IsOneOf(WISH_ACTIONS) action: WishAction;
  @ApiPropertyOptional({ description: 'When it was done (default: now); not in the future' })
  @IsDateTime(true)
  actedAt?: string;
  @ApiPropertyOptional({ maxLength: LIMITS.longText, description: 'Personal data, encrypted' })
  @IsText(LIMITS.longText, true)
  note?: string;
}
