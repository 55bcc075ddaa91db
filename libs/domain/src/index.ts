export * from './assistance';
export * from './case-commands';
export * from './case-scope';
export * from './case-stage';
export * from './family';
export * from './identification';
export * from './prosecution-liaison';
export * from './return-reintegration';
export { ageBandOf } from './shared/age-band';
export type { ChildProtection } from './shared/child-protection';
export type { CommandBase } from './shared/command';
export {
  activeConsentsOf,
  consentCovers,
  consentLedgerOf,
  consentLedgerOfLatest,
  isConsentActive,
  type ConsentEntry,
  type ConsentLedger,
} from './shared/consent-ledger';
export * from './shared/decider';
export type { Lifecycle } from './shared/lifecycle';
export {
  isInsideReflectionPeriod,
  MIN_REFLECTION_PERIOD_DAYS,
  type ReflectionPeriod,
} from './shared/reflection-period';
export * from './shared/rule-violation';
export { keepsCaseSecret, lastStatedWishes, type StatedWishes } from './shared/wishes';
export * from './shared/case-errors';
export * from './privacy/erasure';
export * from './accounts/account-registry';
export * from './organisation';
