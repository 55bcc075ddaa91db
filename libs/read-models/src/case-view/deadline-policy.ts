import type { DeadlineKind } from '../port/case-views';

/**
 * How many days each step may take before its deadline falls due. Each country's node sets its own
 * (NRM_DEADLINE_DAYS, docs/events.md "Deadlines"): the law and practice differ between countries, so
 * these defaults are working defaults, not legal limits, except where a comment names a source.
 */
export const DEFAULT_DEADLINE_DAYS = {
  /** A service referral neither accepted nor declined. */
  service_referral_response: 14,
  /** Days BEFORE a granted residence permit expires that its renewal falls due (time to apply). */
  residence_permit_expiry: 30,
  /** A law-enforcement request for the victim's cooperation left unanswered (from its receipt). */
  law_enforcement_request_answer: 10,
  /**
   * A presumed child without a guardian: Directive 2011/36/EU art. 14(2) and the CoE Convention
   * art. 10(4) ask for the appointment as soon as the child is identified, so a short default.
   */
  guardian_appointment: 3,
  /** An accepted handover whose journey has not started. */
  return_departure: 30,
  /** A journey under way whose arrival is not recorded. */
  return_arrival: 3,
  /** An arrival whose reception by the receiving agency is not confirmed. */
  reception_confirmation: 2,
  /** The longest time between monitoring visits of a case with a plan, when no visit planned the next. */
  monitoring_visit: 90,
  /**
   * A review or appeal of the identification decision not yet decided (from its request): the usual
   * term administrative procedure laws give an authority to decide a preliminary appeal (e.g. Moldova's
   * Administrative Code, art. 175), and the shortest reflection period (CoE Convention art. 13).
   */
  identification_review: 30,
} as const satisfies Partial<Record<DeadlineKind, number>>;

export type TimedDeadlineKind = keyof typeof DEFAULT_DEADLINE_DAYS;
export const TIMED_DEADLINE_KINDS = Object.keys(DEFAULT_DEADLINE_DAYS) as TimedDeadlineKind[];

/** Days per timed deadline kind, as a node applies them. */
export type DeadlinePolicy = Readonly<Record<TimedDeadlineKind, number>>;

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = DEFAULT_DEADLINE_DAYS;

/** The longest a setting may be: ten years; longer is a typo, not a deadline. */
const MAX_DAYS = 3650;

export const isTimedKind = (kind: string): kind is TimedDeadlineKind =>
  (TIMED_DEADLINE_KINDS as readonly string[]).includes(kind);

/** The defaults with `overrides` applied; RangeError for a day count that is no whole number in 1..3650. */
export function deadlinePolicy(overrides: Partial<Record<TimedDeadlineKind, number>> = {}): DeadlinePolicy {
  const policy: Record<TimedDeadlineKind, number> = { ...DEFAULT_DEADLINE_DAYS };
  for (const [kind, days] of Object.entries(overrides)) {
    if (!isTimedKind(kind)) throw new RangeError(`${kind} is not a deadline with a number of days`);
    if (days === undefined) continue;
    if (!Number.isInteger(days) || days < 1 || days > MAX_DAYS)
      throw new RangeError(`${kind}: ${days} is not a whole number of days from 1 to ${MAX_DAYS}`);
    policy[kind] = days;
  }
  return policy;
}

/**
 * Reads `kind=days` pairs separated by commas (the NRM_DEADLINE_DAYS setting), e.g.
 * `law_enforcement_request_answer=7,guardian_appointment=1`; RangeError naming what is wrong.
 */
export function parseDeadlineDays(text: string): DeadlinePolicy {
  const overrides: Partial<Record<TimedDeadlineKind, number>> = {};
  for (const pair of text.split(',').map((p) => p.trim())) {
    if (pair === '') continue;
    const match = /^([a-z_]+)=(\d+)$/.exec(pair);
    if (!match)
      throw new RangeError(`"${pair}" is not kind=days (kinds: ${TIMED_DEADLINE_KINDS.join(', ')})`);
    const [, kind, days] = match;
    if (!isTimedKind(kind))
      throw new RangeError(
        `${kind} is not a deadline kind with days (kinds: ${TIMED_DEADLINE_KINDS.join(', ')})`,
      );
    if (kind in overrides) throw new RangeError(`${kind} is set twice`);
    overrides[kind] = Number(days);
  }
  return deadlinePolicy(overrides);
}

/**
 * The policy in a stable text form: read models remember the one their deadlines were computed
 * with and are rebuilt when the node's differs.
 */
export function deadlinePolicyFingerprint(policy: DeadlinePolicy): string {
  return TIMED_DEADLINE_KINDS.map((kind) => `${kind}=${policy[kind]}`).join(',');
}
