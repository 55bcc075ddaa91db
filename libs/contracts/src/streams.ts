/**
 * Every stream of a node's log, named in one place. A case's events share one stream (one revision
 * orders the whole case); reads of personal data go to a stream of their own per case, so that reading
 * never changes a case's revision; the partner registry and each partner's journal have one each.
 */
export const CASE_STREAM_PREFIX = 'case-';
export const ACCESS_STREAM_PREFIX = 'access-';
export const TRM_STREAM_PREFIX = 'trm-';
export const PARTNER_REGISTRY_STREAM = 'partners';
/** The node's operator accounts: creation, role and agency changes, disabling, password resets. */
export const ACCOUNTS_STREAM = 'accounts';

/** The districts, agencies and multidisciplinary teams of the node (docs/events.md, "Organisation"). */
export const ORGANISATION_STREAM = 'organisation';
/** Urgent alerts received from partner nodes, and their acknowledgements (docs/transnational.md). */
export const URGENT_ALERTS_STREAM = 'alerts';
/** Partner messages refused before their sender was known (malformed, unknown sender, bad signature). */
export const TRM_UNAUTHENTICATED_STREAM = `${TRM_STREAM_PREFIX}unauthenticated`;

export const caseStreamId = (caseId: string): string => `${CASE_STREAM_PREFIX}${caseId}`;

export function caseIdOfStream(streamId: string): string | undefined {
  return streamId.startsWith(CASE_STREAM_PREFIX) ? streamId.slice(CASE_STREAM_PREFIX.length) : undefined;
}

export const accessStreamOf = (caseId: string): string => `${ACCESS_STREAM_PREFIX}${caseId}`;

/** Per partner, in order: every message sent to it or received from it, refused, held or withheld. */
export const trmStreamOf = (partnerNodeId: string): string => `${TRM_STREAM_PREFIX}${partnerNodeId}`;
