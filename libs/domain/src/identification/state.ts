import type { FormOfExploitation, IdentificationReviewKind, IdentificationStatus } from '@nrm/contracts';
import type { CaseKind } from '../shared/case-kind';
import { NO_CHILD_PROTECTION, type ChildProtection } from '../shared/child-protection';
import type { ConsentLedger } from '../shared/consent-ledger';
import type { Lifecycle } from '../shared/lifecycle';
import type { ReflectionPeriod } from '../shared/reflection-period';

export interface IdentificationState {
  lifecycle: Lifecycle;
  kind?: CaseKind;
  status: IdentificationStatus;
  formsOfExploitation: FormOfExploitation[];
  reflection?: ReflectionPeriod;
  child: ChildProtection;
  consents: ConsentLedger;
  /** The review or appeal of the identification decision waiting for its decision. */
  pendingReview?: { kind: IdentificationReviewKind };
  /** Registered under a pseudonym and no identity recorded yet. */
  pseudonymous: boolean;
}

export const INITIAL_IDENTIFICATION_STATE: IdentificationState = {
  lifecycle: 'unregistered',
  status: 'presumed',
  formsOfExploitation: [],
  child: NO_CHILD_PROTECTION,
  consents: {},
  pseudonymous: false,
};
