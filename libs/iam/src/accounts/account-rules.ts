/**
 * Rules an admin's change of an account can break (HTTP 422 RuleProblem, like the password policy):
 * the request is well formed, but the node would be left without anyone to manage it.
 */

/** Removing the admin role from, or disabling, the last enabled admin. */
export const LAST_ADMIN_RULE = 'last-admin';

/** An admin disabling their own account (they could not undo it). */
export const SELF_DISABLE_RULE = 'self-disable';
