import type { DomainEvent } from './decider';
import { RuleViolation } from './rule-violation';

/** Every context tracks whether the case exists and is still open, from the shared case stream. */
export type Lifecycle = 'unregistered' | 'open' | 'closed';

export function evolveLifecycle(lifecycle: Lifecycle, event: DomainEvent): Lifecycle {
  // A case opens with its registration here, or in the country of origin with a partner's handover request.
  // A person at risk's case opens the same way (converting it later keeps it open).
  if (
    event.type === 'PresumedVictimRegistered' ||
    event.type === 'PersonAtRiskRegistered' ||
    event.type === 'HandoverRequestReceived'
  )
    return 'open';
  if (event.type === 'CaseClosed') return 'closed';
  // A reopened case is open again for every context (the same stream, one history).
  if (event.type === 'CaseReopened') return 'open';
  return lifecycle;
}

export function assertOpen(lifecycle: Lifecycle, commandType: string): void {
  if (lifecycle === 'unregistered') {
    throw new RuleViolation(
      'invalid-transition',
      `${commandType}: no presumed victim or person at risk is registered in this case`,
    );
  }
  if (lifecycle === 'closed')
    throw new RuleViolation('invalid-transition', `${commandType}: the case is closed`);
}

/** Fails unless `condition`, with rule invalid-transition. */
export function requireTransition(condition: unknown, message: string): asserts condition {
  if (!condition) throw new RuleViolation('invalid-transition', message);
}
