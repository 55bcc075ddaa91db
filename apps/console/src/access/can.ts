import { OPERATION_ROLES, type OperationKey } from '@nrm/api-client';
import type { Role } from '../session/session-store';

/**
 * Whether `role` may send `operation`, by the roles the API's document names for it: the console hides
 * what a role cannot do, and still shows the API's refusal should it come (the API decides).
 */
export function can(role: Role, operation: OperationKey): boolean {
  const roles: readonly string[] | 'public' = OPERATION_ROLES[operation];
  return roles === 'public' || roles.includes(role);
}
