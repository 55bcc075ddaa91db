import type { Schema } from '@nrm/api-client';

type Consent = Schema<'CaseView'>['consents'][number];

/** A two-letter recipient is a country code, compared upper-cased (as the node does); agency codes as written. */
const normalised = (recipient: string) =>
  /^[A-Za-z]{2}$/.test(recipient) ? recipient.toUpperCase() : recipient;

/**
 * Whether the case's consents let `agency` join the team as the node decides it: an assistance
 * consent naming the agency decides (its withdrawal or refusal too); otherwise one without a recipient
 * covers every agency. Only a hint for the form: the node's answer (422 agency-consent-required) rules.
 */
export function consentCoversAgency(consents: readonly Consent[], agency: string): boolean {
  const assistance = consents.filter((c) => c.purpose === 'assistance');
  const named = assistance.filter(
    (c) => c.recipient !== undefined && normalised(c.recipient) === normalised(agency),
  );
  if (named.length) return named[named.length - 1].status === 'given';
  return assistance.some((c) => c.recipient === undefined && c.status === 'given');
}
