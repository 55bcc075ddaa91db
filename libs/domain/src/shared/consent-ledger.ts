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
const keyOf = (purpose: ConsentPurpose, recipient?: string) => `${purpose}|${recipient ?? UNSET}`;

const STATUS_OF: Record<string, ConsentStatus | undefined> = {
  ConsentGiven: 'given',
  ConsentWithdrawn: 'withdrawn',
  ConsentRefused: 'refused',
};

export function evolveConsents(ledger: ConsentLedger, event: CaseEvent): ConsentLedger {
  if (event.type !== 'ConsentGiven' && event.type !== 'ConsentWithdrawn' && event.type !== 'ConsentRefused') {
    return ledger;
  }
  const { purpose, recipient } = event.data;
  const status = STATUS_OF[event.type] as ConsentStatus;
  const entry: ConsentEntry = recipient === undefined ? { purpose, status } : { purpose, recipient, status };
  return { ...ledger, [keyOf(purpose, recipient)]: entry };
}

/** Active consent for exactly this (purpose, recipient), or for this purpose without a recipient. */
export function isConsentActive(ledger: ConsentLedger, purpose: ConsentPurpose, recipient?: string): boolean {
  return ledger[keyOf(purpose, recipient)]?.status === 'given';
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
