import type { CaseEvent, VictimWish } from '@nrm/contracts';
import { fold, type DomainEvent } from './decider';

/**
 * The wishes the victim last stated (VictimWishesStated replaces the whole set), or undefined before
 * any statement. Read by every context the wishes steer: the return (wish to stay), the hearings (not
 * to face the trafficker) and what leaves the node (keep the case secret).
 */
export type StatedWishes = readonly VictimWish[] | undefined;

export function evolveStatedWishes(current: StatedWishes, event: CaseEvent): StatedWishes {
  return event.type === 'VictimWishesStated' ? [...event.data.wishes] : current;
}

export const wishStands = (wishes: StatedWishes, wish: VictimWish): boolean =>
  wishes?.includes(wish) ?? false;

/** The victim's last stated wishes over a case's history. */
export function lastStatedWishes(history: readonly DomainEvent[]): StatedWishes {
  return fold<StatedWishes, CaseEvent>({ initialState: undefined, evolve: evolveStatedWishes }, history);
}

/** While the victim's last statement asks to keep the case secret, partners and statistics get less. */
export const keepsCaseSecret = (history: readonly DomainEvent[]): boolean =>
  wishStands(lastStatedWishes(history), 'keep_case_secret');
