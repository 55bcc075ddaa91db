/** Every adapter runs the same projections under the same names (checkpoints are kept per name). */
export const PROJECTION_NAMES = {
  cases: 'cases',
  caseHistory: 'case-history',
  accessLog: 'access-log',
  statistics: 'statistics',
} as const;
