import type { CaseDetail } from '@nrm/read-models';
import { Principal } from '../auth/roles';

/** Roles whose work on a case needs the person's identity. */
const CASE_WORKERS = ['identification_officer', 'case_manager', 'return_officer'];

/**
 * Data minimisation at the query layer: case workers see who the person is; prosecution liaison only
 * while the victim's law-enforcement consent is in force; auditors and admins never through this route.
 */
export function maySeePersonalData(principal: Principal, detail: CaseDetail): boolean {
  if (CASE_WORKERS.includes(principal.role)) return true;
  if (principal.role === 'prosecution_liaison') {
    return detail.consents.some((c) => c.purpose === 'law_enforcement_cooperation' && c.status === 'given');
  }
  return false;
}
