import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import type { DataSharingAgreement, Partner } from './partner';

/** The registry's events live in one stream of the node's own log (PARTNER_REGISTRY_STREAM, @nrm/contracts). */
export type PartnerDetails = Omit<Partner, 'status'>;

export interface PartnerRegistered {
  type: 'PartnerRegistered';
  data: PartnerDetails;
}
/**
 * Only the members that changed. A new signing key signs the same log: witnessing goes on from the
 * last checkpoint kept, the next one verifying with the new key.
 */
export interface PartnerUpdated {
  type: 'PartnerUpdated';
  data: {
    nodeId: string;
    publicKeyPem?: string;
    encryptionKeyPem?: string;
    endpoint?: string;
    agreement?: DataSharingAgreement;
  };
}
export interface PartnerRemoved {
  type: 'PartnerRemoved';
  data: { nodeId: string; reason: string };
}
/** Witnessing found the partner's history inconsistent with what it showed before: its messages wait. */
export interface PartnerHeld {
  type: 'PartnerHeld';
  data: {
    nodeId: string;
    reason: string;
    detail: string;
    previous?: SignedCheckpoint;
    presented: SignedCheckpoint;
  };
}
/** An admin resumed exchange after investigating; witnessing restarts from `baseline`. */
export interface PartnerReleased {
  type: 'PartnerReleased';
  data: { nodeId: string; reason: string; baseline?: SignedCheckpoint };
}

export type PartnerRegistryEvent =
  PartnerRegistered | PartnerUpdated | PartnerRemoved | PartnerHeld | PartnerReleased;
export const PARTNER_REGISTRY_EVENT_TYPES: readonly PartnerRegistryEvent['type'][] = [
  'PartnerRegistered',
  'PartnerUpdated',
  'PartnerRemoved',
  'PartnerHeld',
  'PartnerReleased',
];
