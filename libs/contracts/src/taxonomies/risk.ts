// Source: OSCE/ODIHR TRM guidelines (risk assessment, family assessment, monitoring of assistance and reintegration).
export const RISK_LEVELS = ['low', 'medium', 'high'] as const;
export type RiskLevel = (typeof RISK_LEVELS)[number];

/** Risk assessed by the assistance team; the return risk assessment is its own event. */
export const RISK_KINDS = ['general', 'family'] as const;
export type RiskKind = (typeof RISK_KINDS)[number];

export const MONITORING_STATUSES = ['on_track', 'concerns', 'critical'] as const;
export type MonitoringStatus = (typeof MONITORING_STATUSES)[number];

export const REINTEGRATION_STATUSES = ['on_track', 'concerns', 'critical', 'completed'] as const;
export type ReintegrationStatus = (typeof REINTEGRATION_STATUSES)[number];
