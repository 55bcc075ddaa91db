import { VICTIM_WISHES, WISH_ACTIONS, type VictimWish, type WishAction } from '../../taxonomies/wishes';
import { IsCode, IsDateTime, IsListOf, IsOneOf, IsText, LIMITS } from '../field-rules';

/**
 * The whole set of wishes the victim states now; it replaces the previous statement, so the last one
 * is what the victim wants and the earlier ones show how that changed.
 */
export class VictimWishesStatedData {
  @IsCode() statementId: string;
  @IsListOf(VICTIM_WISHES, { max: VICTIM_WISHES.length }) wishes: VictimWish[];
  @IsDateTime() statedAt: string;
}
export class VictimWishesStatedPersonal {
  /** The wishes as the victim put them. */
  @IsText(LIMITS.longText, true) inTheirWords?: string;
}
export interface VictimWishesStated {
  type: 'VictimWishesStated';
  data: VictimWishesStatedData;
  personal?: VictimWishesStatedPersonal;
}

/** What was done about one of the wishes the victim last stated. */
export class WishActedUponData {
  @IsOneOf(VICTIM_WISHES) wish: VictimWish;
  @IsOneOf(WISH_ACTIONS) action: WishAction;
  @IsDateTime() actedAt: string;
}
export class WishActedUponPersonal {
  @IsText(LIMITS.longText, true) note?: string;
}
export interface WishActedUpon {
  type: 'WishActedUpon';
  data: WishActedUponData;
  personal?: WishActedUponPersonal;
}
