export * from './port';
export { nextStage } from './case-view/case-stage';
export { openDeadlines, withOverdue } from './case-view/case-deadlines';
export {
  DEFAULT_DEADLINE_DAYS,
  DEFAULT_DEADLINE_POLICY,
  TIMED_DEADLINE_KINDS,
  deadlinePolicy,
  deadlinePolicyFingerprint,
  parseDeadlineDays,
  type DeadlinePolicy,
  type TimedDeadlineKind,
} from './case-view/deadline-policy';
export { evolveCaseDetail, emptyCaseDetail } from './case-view/evolve-case-detail';
export { caseKindOf, toCaseListItem } from './case-view/case-list-item';
export { emptyCaseloadSummary } from './case-view/caseload-summary';
export * from './case-view/reveal-personal-data';
export * from './sqlite/sqlite-read-model-store';
export * from './projection-runner';
export * from './rebuild';
export * from './progress-bar';
export * from './mongo/mongo-read-model-store';
export { MONGO_READ_MODEL_SCHEMA_VERSION } from './mongo/mongo-read-model-schemas';
export { caseDetailsAfterEach } from './case-view/case-detail-history';
export { jsonChanges, type JsonChange } from './case-view/json-changes';
export * from './statistics/statistics-tables';
export * from './statistics/statistics-report';
export { DISCLOSURE_THRESHOLD } from './statistics/disclosure-control';
export type { StatisticsCell } from './statistics/year-block';
export * from './audit';
