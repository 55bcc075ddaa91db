import { createPublicKey } from 'node:crypto';
import type { SignedCheckpoint } from '@nrm/event-store/integrity';
import {
  SHAREABLE_FIELDS,
  TRM_PURPOSES,
  type DataSharingAgreement,
  type Partner,
  type TrmPurpose,
} from './partner';
import type { PartnerDetails, PartnerHeld, PartnerRegistryEvent, PartnerUpdated } from './registry-events';

/** Why a partner is held: witnessing's reason and the two checkpoints it signed that do not agree. */
export type PartnerHold = Omit<PartnerHeld['data'], 'nodeId'>;

/** The partners by node id, and what witnessing restarts from after an admin released a held partner. */
export interface RegistryState {
  partners: ReadonlyMap<string, Partner>;
  /**
   * Per partner: how many releases so far, and the checkpoint the partner presented when it was held
   * (the admin, having investigated, accepts that history: witnessing continues from it).
   */
  releases: ReadonlyMap<string, { count: number; baseline?: SignedCheckpoint }>;
  /** The evidence of the current hold, per held partner (admins and auditors judge it before a release). */
  holds: ReadonlyMap<string, PartnerHold>;
}

export const EMPTY_REGISTRY: RegistryState = { partners: new Map(), releases: new Map(), holds: new Map() };

export type RegistryCommand =
  | { type: 'RegisterPartner'; partner: PartnerDetails; localNodeId: string }
  | { type: 'UpdatePartner'; changes: PartnerUpdated['data'] }
  | { type: 'RemovePartner'; nodeId: string; reason: string }
  | {
      type: 'HoldPartner';
      nodeId: string;
      reason: string;
      detail: string;
      previous?: SignedCheckpoint;
      presented: SignedCheckpoint;
    }
  | { type: 'ReleasePartner'; nodeId: string; reason: string; baseline?: SignedCheckpoint };

/** A registry command that cannot be carried out: the HTTP layer answers 400/404/409 by `kind`. */
export class RegistryRefusal extends Error {
  constructor(
    readonly kind: 'invalid' | 'not-found' | 'conflict',
    message: string,
  ) {
    super(message);
    this.name = 'RegistryRefusal';
  }
}

/** A partner's node id: 2-63 lower-case letters, digits, ".", "_" or "-" (the API's schema says the same). */
export const PARTNER_NODE_ID = /^[a-z0-9][a-z0-9._-]{1,62}$/;
const NODE_ID = PARTNER_NODE_ID;
/** Ids that name something else under /api/partners/ (the inbox), so no partner can be called so. */
export const RESERVED_NODE_IDS: readonly string[] = ['inbox'];

function checkKey(pem: string, type: 'ed25519' | 'x25519', what: string): void {
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType === type) return;
  } catch {
    // reported below
  }
  throw new RegistryRefusal('invalid', `${what} must be an ${type} public key in SPKI PEM`);
}

function checkEndpoint(endpoint: string | undefined): void {
  if (endpoint === undefined) return;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new RegistryRefusal('invalid', 'endpoint must be an absolute http(s) URL');
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash)
    throw new RegistryRefusal(
      'invalid',
      'endpoint must be an http(s) URL without credentials, query or fragment',
    );
}

function checkAgreement(agreement: DataSharingAgreement): void {
  if (!agreement.reference?.trim()) throw new RegistryRefusal('invalid', 'agreement.reference is required');
  for (const [purpose, fields] of Object.entries(agreement.fields ?? {})) {
    if (!TRM_PURPOSES.includes(purpose as TrmPurpose))
      throw new RegistryRefusal('invalid', `agreement.fields: unknown purpose "${purpose}"`);
    for (const field of fields ?? []) {
      if (!(SHAREABLE_FIELDS as readonly string[]).includes(field))
        throw new RegistryRefusal(
          'invalid',
          `agreement.fields.${purpose}: "${field}" may never leave the node`,
        );
    }
  }
  if (agreement.validUntil !== undefined && Number.isNaN(Date.parse(agreement.validUntil)))
    throw new RegistryRefusal('invalid', 'agreement.validUntil must be an ISO 8601 date-time');
}

function existing(state: RegistryState, nodeId: string): Partner {
  const partner = state.partners.get(nodeId);
  if (!partner || partner.status === 'removed')
    throw new RegistryRefusal('not-found', `no partner ${nodeId}`);
  return partner;
}

/** Decides a registry change. Pure: keys are parsed to refuse a bad one, nothing else is touched. */
export function decideRegistry(command: RegistryCommand, state: RegistryState): PartnerRegistryEvent[] {
  switch (command.type) {
    case 'RegisterPartner': {
      const p = command.partner;
      if (!NODE_ID.test(p.nodeId))
        throw new RegistryRefusal('invalid', 'nodeId: 2-63 lowercase letters, digits, ".", "_" or "-"');
      if (p.nodeId === command.localNodeId)
        throw new RegistryRefusal('invalid', 'a node cannot be its own partner');
      if (RESERVED_NODE_IDS.includes(p.nodeId))
        throw new RegistryRefusal('invalid', `"${p.nodeId}" names a path of the API, not a node`);
      if (!/^[A-Z]{2}$/.test(p.country))
        throw new RegistryRefusal('invalid', 'country must be an ISO 3166-1 alpha-2 code');
      checkKey(p.publicKeyPem, 'ed25519', 'publicKeyPem');
      checkKey(p.encryptionKeyPem, 'x25519', 'encryptionKeyPem');
      checkEndpoint(p.endpoint);
      checkAgreement(p.agreement);
      const current = state.partners.get(p.nodeId);
      if (current && current.status !== 'removed')
        throw new RegistryRefusal('conflict', `partner ${p.nodeId} is already registered`);
      // One active node per country, so that a handover to a country has exactly one destination.
      for (const other of state.partners.values()) {
        if (other.country === p.country && other.status !== 'removed' && other.nodeId !== p.nodeId)
          throw new RegistryRefusal('conflict', `${p.country} already has partner ${other.nodeId}`);
      }
      return [{ type: 'PartnerRegistered', data: { ...p } }];
    }
    case 'UpdatePartner': {
      const c = command.changes;
      existing(state, c.nodeId);
      if (c.publicKeyPem !== undefined) checkKey(c.publicKeyPem, 'ed25519', 'publicKeyPem');
      if (c.encryptionKeyPem !== undefined) checkKey(c.encryptionKeyPem, 'x25519', 'encryptionKeyPem');
      checkEndpoint(c.endpoint);
      if (c.agreement !== undefined) checkAgreement(c.agreement);
      const changed = Object.keys(c).filter((k) => k !== 'nodeId' && c[k as keyof typeof c] !== undefined);
      if (changed.length === 0) throw new RegistryRefusal('invalid', 'nothing to change');
      return [{ type: 'PartnerUpdated', data: { ...c } }];
    }
    case 'RemovePartner':
      existing(state, command.nodeId);
      return [{ type: 'PartnerRemoved', data: { nodeId: command.nodeId, reason: command.reason } }];
    case 'HoldPartner': {
      const partner = existing(state, command.nodeId);
      if (partner.status === 'held') return []; // already held: the first evidence stands
      const { type: _type, ...data } = command;
      return [{ type: 'PartnerHeld', data }];
    }
    case 'ReleasePartner': {
      const partner = existing(state, command.nodeId);
      if (partner.status !== 'held')
        throw new RegistryRefusal('conflict', `partner ${command.nodeId} is not held`);
      const { type: _type, ...data } = command;
      return [{ type: 'PartnerReleased', data }];
    }
  }
}

export function evolveRegistry(state: RegistryState, event: PartnerRegistryEvent): RegistryState {
  const partners = new Map(state.partners);
  let { releases, holds } = state;
  switch (event.type) {
    case 'PartnerRegistered':
      partners.set(event.data.nodeId, { ...event.data, status: 'active' });
      break;
    case 'PartnerUpdated': {
      const { nodeId, ...changes } = event.data;
      const current = partners.get(nodeId);
      if (!current) return state;
      const defined = Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
      partners.set(nodeId, { ...current, ...defined });
      break;
    }
    case 'PartnerRemoved': {
      const current = partners.get(event.data.nodeId);
      if (current) partners.set(event.data.nodeId, { ...current, status: 'removed' });
      break;
    }
    case 'PartnerHeld': {
      const current = partners.get(event.data.nodeId);
      if (current) partners.set(event.data.nodeId, { ...current, status: 'held' });
      const { nodeId, ...hold } = event.data;
      holds = new Map(holds).set(nodeId, hold);
      break;
    }
    case 'PartnerReleased': {
      const current = partners.get(event.data.nodeId);
      if (current) partners.set(event.data.nodeId, { ...current, status: 'active' });
      const count = (releases.get(event.data.nodeId)?.count ?? 0) + 1;
      const baseline = event.data.baseline ?? holds.get(event.data.nodeId)?.presented;
      releases = new Map(releases).set(event.data.nodeId, { count, ...(baseline ? { baseline } : {}) });
      holds = new Map(holds);
      (holds as Map<string, PartnerHold>).delete(event.data.nodeId);
      break;
    }
  }
  return { partners, releases, holds };
}

/** The active partner serving a country, if any. */
export function partnerForCountry(state: RegistryState, country: string): Partner | undefined {
  for (const partner of state.partners.values()) {
    if (partner.country === country && partner.status !== 'removed') return partner;
  }
  return undefined;
}
