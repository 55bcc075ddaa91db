export const ROLES = [
  'admin',
  'identification_officer',
  'case_manager',
  'return_officer',
  'prosecution_liaison',
  'auditor',
  /** Reads the published statistics only: no case, no personal data. */
  'analyst',
] as const;
export type Role = (typeof ROLES)[number];

/** Operators who work on cases (an admin manages users and configuration, not cases). */
export const OPERATOR_ROLES: Role[] = [
  'identification_officer',
  'case_manager',
  'return_officer',
  'prosecution_liaison',
];

/** The authenticated caller, as every handler sees it. */
export interface Principal {
  userId: string;
  username: string;
  role: Role;
  agency?: string;
  country?: string;
}
