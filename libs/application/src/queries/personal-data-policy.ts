import { consentCovers, consentLedgerOf } from '@nrm/domain';
import type { CaseDetail } from '@nrm/read-models';
import { Principal } from '@nrm/iam/roles';

/** Roles whose work on a case needs the person's identity. */
const CASE_WORKERS = ['identification_officer', 'case_manager', 'return_officer'];

/** Purpose recorded when a case worker opens a case without naming one. */
export const DEFAULT_PURPOSE = 'case_work';

/**
 * Data minimisation at the query layer. Returns the purpose to record in the access log when the
 * caller may see the person, undefined when it may not:
 * - case workers see who the person is (their stated purpose, or case work);
 * - prosecution liaison only while the victim's law-enforcement-cooperation consent covers its agency
 *   (the domain's consent rule: a consent naming the agency decides, else one without recipient);
 * - auditors only when they state why (and that read is logged like any other);
 * - anyone else (an admin) never through this route.
 */
export function personalDataPurpose(
  principal: Principal,
  detail: CaseDetail,
  statedPurpose: string | undefined,
): string | undefined {
  if (CASE_WORKERS.includes(principal.role)) return statedPurpose ?? DEFAULT_PURPOSE;
  if (principal.role === 'prosecution_liaison') {
    return principal.agency && lawEnforcementConsentCovers(detail, principal.agency)
      ? (statedPurpose ?? DEFAULT_PURPOSE)
      : undefined;
  }
  if (principal.role === 'auditor') return statedPurpose;
  return undefined;
}

/** The read model keeps the latest consent per (purpose, recipient), in the order they were last recorded. */
function lawEnforcementConsentCovers(detail: CaseDetail, agency: string): boolean {
  const ledger = consentLedgerOf(
    detail.consents.map((c) => ({
      type:
        c.status === 'given'
          ? 'ConsentGiven'
          : c.status === 'withdrawn'
            ? 'ConsentWithdrawn'
            : 'ConsentRefused',
      data:
        c.recipient === undefined ? { purpose: c.purpose } : { purpose: c.purpose, recipient: c.recipient },
    })),
  );
  return consentCovers(ledger, 'law_enforcement_cooperation', agency, { orUnsetRecipient: true });
}
