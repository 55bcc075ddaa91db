import type { CaseEvent, ConsentPurpose } from '@nrm/contracts';

export type ConsentStatus = 'given' | 'withdrawn' | 'refused';
export interface ConsentEntry {
  purpose: ConsentPurpose;
  recipient?: string;
  status: ConsentStatus;
}
/** Latest consent event per (purpose, recipient); an unset recipient is its own entry. */
export type ConsentLedger = Readonly<Record<string, ConsentEntry>>;

const UNSET = '*';

/**
 * Recipients are compared case-insensitively for country codes: a 2-letter recipient is an ISO
 * 3166-1 alpha-2 country and is upper-cased, so 'md' and 'MD' are the same recipient. Agency codes
 * are left as written.
 */
export function normaliseRecipient(recipient: string): string;
export function normaliseRecipient(recipient: string | undefined): string | undefined;
export function normaliseRecipient(recipient: string | undefined): string | undefined {
  return recipient !== undefined && /^[A-Za-z]{2}$/.test(recipient) ? recipient.toUpperCase() : recipient;
}

const keyOf = (purpose: ConsentPurpose, recipient?: string) =>
  `${purpose}|${normaliseRecipient(recipient) ?? UNSET}`;

const STATUS_OF: Record<string, ConsentStatus | undefined> = {
  ConsentGiven: 'given',
  ConsentWithdrawn: 'withdrawn',
  ConsentRefused: 'refused',
};

export function evolveConsents(ledger: ConsentLedger, event: CaseEvent): ConsentLedger {
  if (event.type !== 'ConsentGiven' && event.type !== 'ConsentWithdrawn' && event.type !== 'ConsentRefused') {
    return ledger;
  }
  const { purpose } = event.data;
  // Also folds events recorded before recipients were normalised to the same entry.
  const recipient = normaliseRecipient(event.data.recipient);
  const status = STATUS_OF[event.type] as ConsentStatus;
  const entry: ConsentEntry = recipient === undefined ? { purpose, status } : { purpose, recipient, status };
  return { ...ledger, [keyOf(purpose, recipient)]: entry };
}

/** Active consent for exactly this (purpose, recipient), or for this purpose without a recipient. */
export function isConsentActive(ledger: ConsentLedger, purpose: ConsentPurpose, recipient?: string): boolean {
  return ledger[keyOf(purpose, recipient)]?.status === 'given';
}

/** Every active consent of `purpose`, with or without a recipient, in the order they were first recorded. */
export function activeConsentsOf(ledger: ConsentLedger, purpose: ConsentPurpose): ConsentEntry[] {
  return Object.values(ledger).filter((entry) => entry.purpose === purpose && entry.status === 'given');
}

/**
 * Whether data may go to `recipient` for `purpose`. A consent naming the recipient decides (a
 * withdrawal or refusal for that recipient overrides a general consent); otherwise, if
 * `orUnsetRecipient`, a consent for the purpose without a recipient covers it.
 */
export function consentCovers(
  ledger: ConsentLedger,
  purpose: ConsentPurpose,
  recipient: string,
  { orUnsetRecipient }: { orUnsetRecipient: boolean },
): boolean {
  const named = ledger[keyOf(purpose, recipient)];
  if (named) return named.status === 'given';
  return orUnsetRecipient && isConsentActive(ledger, purpose);
}

/** The ledger of a history (any events; only consent events count), e.g. for a query-side check. */
export function consentLedgerOf(events: readonly { type: string; data: object }[]): ConsentLedger {
  return events.reduce<ConsentLedger>((ledger, event) => evolveConsents(ledger, event as CaseEvent), {});
}

/**
 * The ledger of consents kept as their latest decision per (purpose, recipient), in the order they
 * were last recorded (as a read model keeps them).
 */
export function consentLedgerOfLatest(
  entries: readonly { purpose: string; recipient?: string; status: ConsentStatus }[],
): ConsentLedger {
  const TYPE_OF: Record<ConsentStatus, string> = {
    given: 'ConsentGiven',
    withdrawn: 'ConsentWithdrawn',
    refused: 'ConsentRefused',
  };
  return consentLedgerOf(
    entries.map((c) => ({
      type: TYPE_OF[c.status],
      data:
        c.recipient === undefined ? { purpose: c.purpose } : { purpose: c.purpose, recipient: c.recipient },
    })),
  );
}
