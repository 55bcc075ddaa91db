/** Rule ids (docs/events.md, "Rule ids"); a refusal names one, and the HTTP layer answers 422 with it. */
export const RULE_IDS = [
  'reflection-period',
  'unconditional-assistance',
  'consent-required',
  'guardian-required',
  'return-prerequisites',
  'invalid-transition',
  /** A person who applied for asylum is never handed to, or discussed with, the country of origin. */
  'asylum-no-contact',
  /** A well-formed command whose values a schema cannot judge alone (e.g. a date not after the command's time). */
  'invalid-request',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export class RuleViolation extends Error {
  constructor(
    readonly rule: RuleId,
    message: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}
