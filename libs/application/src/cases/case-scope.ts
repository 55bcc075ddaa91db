import { agencyInScope } from '@nrm/domain';
import { OPERATOR_ROLES, Principal } from '@nrm/iam/roles';

/**
 * Record-level access. Operators reach a case only through an agency involved in it (the one that
 * registered it, those it was referred to or handed over to, its multidisciplinary team); auditors
 * read every case; anyone else (an admin) reaches none. Out of scope is answered as "no such case".
 */
export function mayAccessCase(principal: Principal, agencies: readonly string[]): boolean {
  if (principal.role === 'auditor') return true;
  if (OPERATOR_ROLES.includes(principal.role)) return agencyInScope(agencies, principal.agency);
  return false;
}
