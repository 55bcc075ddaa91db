import type { DomainEvent } from './decider';
import { RuleViolation } from './rule-violation';

/**
 * Whether the person's identity is still unknown: registered under a pseudonym (the registration's
 * `pseudonymous` flag) until IdentityRecorded. A case received from a partner carries the identity the
 * partner shared.
 */
export function evolvePseudonymous(pseudonymous: boolean, event: DomainEvent): boolean {
  switch (event.type) {
    case 'PresumedVictimRegistered':
    case 'PersonAtRiskRegistered':
      return (event.data as { pseudonymous?: boolean }).pseudonymous === true;
    case 'IdentityRecorded':
      return false;
    default:
      return pseudonymous;
  }
}

/** Fails with rule identity-required while the person is known only by a pseudonym. */
export function requireIdentity(pseudonymous: boolean, what: string): void {
  if (pseudonymous) {
    throw new RuleViolation(
      'identity-required',
      `${what} needs the person's identity; record it first (the person is registered under a pseudonym)`,
    );
  }
}
