import { NON_PUNISHMENT_BASES, type NonPunishmentBasis } from '../../taxonomies/prosecution';
import { IsOneOf } from '../field-rules';

export class NonPunishmentFlaggedData {
  @IsOneOf(NON_PUNISHMENT_BASES) basis: NonPunishmentBasis;
}
export interface NonPunishmentFlagged {
  type: 'NonPunishmentFlagged';
  data: NonPunishmentFlaggedData;
}
