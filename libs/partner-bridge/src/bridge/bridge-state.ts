import type { SignedCheckpoint } from '@nrm/event-store/integrity';

export type HandoverSideName = 'destination' | 'origin';

export interface CrossBorderLink {
  sharedCaseRef: string;
  /** The handover the reference was opened for: steps of another handover never travel on this link. */
  handoverId: string;
  caseId: string;
  partnerNodeId: string;
  partnerCountry: string;
  side: HandoverSideName;
}

/**
 * The partner bridge's working state: which local case each shared reference names, which message
 * ids got a verdict, the last checkpoint witnessed from and sent to each partner, and how far the
 * dispatcher has read the log. The auditable record of all of it is in the log (the trm-* streams);
 * this store lets the bridge answer without scanning the log. Ids and hashes only, no personal data.
 * Calls are synchronous: the adapter is an embedded database. Injected as BRIDGE_STATE.
 */
export interface BridgeStateStore {
  link(sharedCaseRef: string): CrossBorderLink | undefined;
  linksOfCase(caseId: string): CrossBorderLink[];
  /** False when the reference was already linked (to whatever it names). */
  addLink(link: CrossBorderLink): boolean;
  seen(messageId: string): boolean;
  markSeen(messageId: string, at: string): void;
  /** `witnessed`: the partner's last checkpoint kept here; `sent`: ours, in our last message to it. */
  checkpoint(partnerNodeId: string, direction: 'witnessed' | 'sent'): SignedCheckpoint | undefined;
  /** undefined forgets the checkpoint. */
  setCheckpoint(
    partnerNodeId: string,
    direction: 'witnessed' | 'sent',
    checkpoint: SignedCheckpoint | undefined,
  ): void;
  position(name: string): number | undefined;
  setPosition(name: string, position: number): void;
  close(): void;
}
