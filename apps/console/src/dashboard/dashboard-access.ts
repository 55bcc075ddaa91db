import { can } from '../access/can';
import type { Role } from '../session/session-store';

/**
 * Whether the dashboard has anything for `role`: it shows the caseload, the proposals waiting and the
 * held partners, each by what the role may read. A role that may read none of them (the analyst) is
 * sent to the statistics instead and given no Dashboard link: an empty page or a 403 helps no one.
 */
export function hasDashboard(role: Role): boolean {
  return can(role, 'GET /api/cases/summary') || can(role, 'GET /api/cases') || can(role, 'GET /api/partners');
}
