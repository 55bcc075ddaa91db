import { activeConsentsOf, consentCovers, consentLedgerOfLatest, type ConsentLedger } from '@nrm/domain';
import type { CaseDetail } from '@nrm/read-models';
import { Principal } from '@nrm/iam/roles';

/** Purpose recorded when a case worker opens a case without naming one. */
export const DEFAULT_PURPOSE = 'case_work';

/** Why a case reads without the person for a caller whose role could see it (`personalDataWithheld`). */
export type PersonalDataWithheld = 'no-consent';

/**
 * The consent purpose that covers each case worker's use of the person's identity (CONSENT_PURPOSES):
 * - a case manager assists the victim (`assistance`, the consent must cover the manager's agency);
 * - a return officer prepares a return (`return`, any active return consent: it names no agency), or
 *   receives one from a partner (the sending node shared the case under the victim's consents);
 * - prosecution liaison cooperates with the authorities (`law_enforcement_cooperation`, covering its agency).
 */
function consentCoversRole(detail: CaseDetail, ledger: ConsentLedger, role: string, agency: string): boolean {
  switch (role) {
    case 'case_manager':
      return consentCovers(ledger, 'assistance', agency, { orUnsetRecipient: true });
    case 'return_officer':
      // A case received from a partner came under the consents the sending node required for the
      // return (data sharing with this country), recorded there, not here.
      return activeConsentsOf(ledger, 'return').length > 0 || detail.return.receivedFromPartner !== undefined;
    case 'prosecution_liaison':
      return consentCovers(ledger, 'law_enforcement_cooperation', agency, { orUnsetRecipient: true });
    default:
      return false;
  }
}

/** The caller's agency joined the case's team under a legal basis (and has not joined otherwise since). */
function underLegalBasis(detail: CaseDetail, agency: string): boolean {
  const joins = (detail.team ?? []).filter((member) => member.agency === agency);
  return joins.length > 0 && joins[joins.length - 1].legalBasis !== undefined;
}

type Decision = { purpose: string } | { withheld: PersonalDataWithheld } | undefined;

function decide(principal: Principal, detail: CaseDetail, statedPurpose: string | undefined): Decision {
  const purpose = statedPurpose ?? DEFAULT_PURPOSE;
  switch (principal.role) {
    // Identification itself is the legal basis (CoE Convention art. 10: the competent authorities
    // identify victims): the identifying officer sees whom they identify.
    case 'identification_officer':
      return { purpose };
    case 'case_manager':
    case 'return_officer':
    case 'prosecution_liaison': {
      const agency = principal.agency;
      if (!agency) return { withheld: 'no-consent' };
      const ledger = consentLedgerOfLatest(detail.consents);
      // A legal basis for the team is an assistance matter, recorded by a case manager: it lets the
      // agency's case managers see the person, not its return officers or prosecution liaison.
      const byLegalBasis = principal.role === 'case_manager' && underLegalBasis(detail, agency);
      return consentCoversRole(detail, ledger, principal.role, agency) || byLegalBasis
        ? { purpose }
        : { withheld: 'no-consent' };
    }
    // Auditors only when they state why (and that read is logged like any other).
    case 'auditor':
      return statedPurpose === undefined ? undefined : { purpose: statedPurpose };
    // Anyone else (an admin) never through this route.
    default:
      return undefined;
  }
}

/**
 * Data minimisation at the query layer. Returns the purpose to record in the access log when the
 * caller may see the person, undefined when it may not:
 * - identification officers see whom they identify (legal basis: identification);
 * - case managers, return officers and prosecution liaison only while a consent for their role's
 *   purpose covers them (see consentCoversRole; the domain's consent rule: a consent naming the agency
 *   decides, else one without recipient), or when their agency joined the team under a legal basis;
 * - auditors only when they state why;
 * - anyone else (an admin) never through this route.
 */
export function personalDataPurpose(
  principal: Principal,
  detail: CaseDetail,
  statedPurpose: string | undefined,
): string | undefined {
  const decision = decide(principal, detail, statedPurpose);
  return decision && 'purpose' in decision ? decision.purpose : undefined;
}

/** Why a case worker reads the case without the person (no consent or legal basis covers them); undefined otherwise. */
export function personalDataWithheld(
  principal: Principal,
  detail: CaseDetail,
): PersonalDataWithheld | undefined {
  const decision = decide(principal, detail, undefined);
  return decision && 'withheld' in decision ? decision.withheld : undefined;
}
