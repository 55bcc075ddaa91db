import type { CaseEvent } from '@nrm/contracts';

/** What the case knows about the (presumed) minority of the person, from identification events. */
export interface ChildProtection {
  presumedMinor: boolean;
  guardianAppointed: boolean;
  bestInterestsDetermined: boolean;
  /** As determined; undefined when the determination did not pronounce on return. */
  returnInBestInterests?: boolean;
}

export const NO_CHILD_PROTECTION: ChildProtection = {
  presumedMinor: false,
  guardianAppointed: false,
  bestInterestsDetermined: false,
};

export function evolveChildProtection(child: ChildProtection, event: CaseEvent): ChildProtection {
  switch (event.type) {
    case 'PresumedVictimRegistered':
    case 'PersonAtRiskRegistered':
    case 'AgeAssessed':
      return { ...child, presumedMinor: event.data.presumedMinor };
    // The country of destination already appointed a guardian and determined best interests before proposing.
    case 'HandoverRequestReceived':
      return {
        ...child,
        presumedMinor: event.data.presumedMinor,
        guardianAppointed: event.data.guardianAppointed ?? false,
        bestInterestsDetermined: event.data.bestInterestsDetermined ?? false,
      };
    case 'GuardianAppointed':
      return { ...child, guardianAppointed: true };
    case 'BestInterestsDetermined': {
      // A new determination replaces the previous one entirely.
      const { returnInBestInterests: _previous, ...rest } = { ...child, bestInterestsDetermined: true };
      const determined = event.data.returnInBestInterests;
      return determined === undefined ? rest : { ...rest, returnInBestInterests: determined };
    }
    default:
      return child;
  }
}

/** Why a return handover may not go ahead for this child, or undefined when it may. */
export function returnBlockedForChild(child: ChildProtection): string | undefined {
  if (!child.presumedMinor) return undefined;
  if (!child.guardianAppointed) return 'a presumed or known child needs a guardian before a return handover';
  if (!child.bestInterestsDetermined)
    return 'a best-interests determination must be recorded before a return handover';
  if (child.returnInBestInterests === false)
    return 'the best-interests determination found return not in the child’s interests';
  return undefined;
}
