import { RuleViolation } from '../shared/rule-violation';
import type { AsylumStatus } from './state';

/** A pending or granted asylum application bars every step that involves the country of origin. */
export function requireNoAsylumBar(state: { asylum: AsylumStatus }): void {
  if (state.asylum === 'pending' || state.asylum === 'granted') {
    throw new RuleViolation(
      'asylum-no-contact',
      `the person's asylum application is ${state.asylum}: no contact with the country of origin`,
    );
  }
}
