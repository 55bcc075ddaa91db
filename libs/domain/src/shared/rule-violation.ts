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
  /** A handover to the country of origin while the victim's last stated wish is to stay (their wishes steer the case). */
  'wish-to-stay',
  /** A hearing recorded as held without the protective measures the victim asked for. */
  'protective-measures-required',
  /** Removal carried out while the identification is not concluded (CoE Convention art. 10(2)). */
  'no-removal-before-identification',
  /** A return journey without valid identity or travel documents. */
  'travel-documents-required',
  /** A step for presumed victims only, on a case of a person at risk not (yet) converted. */
  'not-a-presumed-victim',
  /** Converting a person at risk into a presumed victim without naming the indicators of trafficking. */
  'indicators-required',
  /** An agency, or a user's agency, that the agency registry does not hold. */
  'unknown-agency',
  /** A district that the district registry does not hold. */
  'unknown-district',
  /** An agency added to the case team without a consent that covers it, nor a recorded legal basis. */
  'agency-consent-required',
  /** A step that needs the person's identity, on a case registered under a pseudonym. */
  'identity-required',
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
