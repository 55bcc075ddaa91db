/**
 * The agencies a user may belong to: the node's agency registry (provided by the application, which
 * keeps it in the log). An account names a registered, active agency or none (admins may have none).
 */
export const AGENCY_DIRECTORY = Symbol('AGENCY_DIRECTORY');

export interface AgencyDirectory {
  isKnownAgency(code: string): Promise<boolean>;
}
