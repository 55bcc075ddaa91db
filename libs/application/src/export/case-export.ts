import type { SignedCheckpoint } from '@nrm/event-store';
import type { Actor, EncryptedPersonalData } from '@nrm/event-store/port';
import { OPERATOR_ROLES, Role } from '@nrm/iam/roles';

/** Who may export a case: whoever may read it (GET /api/cases/:id), within the same record scope. */
export const CASE_EXPORT_ROLES: readonly Role[] = [...OPERATOR_ROLES, 'auditor'];

/** The access-log channel of an export: through the HTTP route, or from the node's data directory. */
export type ExportChannel = 'export' | 'cli';

import type { CaseView, ErasedMarker } from '../queries/case-view';

export type { ErasedMarker };

/** One event of the case stream as the log holds it, with its personal part opened where allowed. */
export interface ExportedEvent {
  position: number;
  streamId: string;
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  /** The node that recorded it (part of what the log's leaf hash covers). */
  nodeId: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  /** Absent where data minimisation withholds it (assistance events, for prosecution liaison). */
  data?: Record<string, unknown>;
  /** Decrypted personal fields; only when `personalData` is 'included' and the event has any. */
  personal?: Record<string, unknown> | ErasedMarker;
  /**
   * The personal part as the log stores it, encrypted under the subject's key: what the leaf hash
   * covers, so that the event can be hashed without opening it. Absent with `data` withheld.
   */
  sealedPersonal?: EncryptedPersonalData;
  /** RFC 6962 leaf hash (hex) of the stored event, as the node's Merkle log holds it. */
  leafHash: string;
  /** Where the leaf sits in the tree of the signed checkpoint (absent where the store signs none). */
  inclusion?: { leafIndex: number; path: string[] };
}

/** The kind of document the node key signs for an export (see signDocument). */
export const CASE_EXPORT_DOCUMENT = 'nrm-case-export';

/**
 * A case file for a data subject's access request (GDPR art. 15) or a court bundle: the current view,
 * the whole history, and the signed tree head that lets the recipient check the log behind it.
 */
export interface CaseExport {
  format: 'nrm-case-export';
  formatVersion: 1;
  node: { id: string; country: string };
  exportedAt: string;
  exportedBy: { userId: string; username: string; role: Role; agency?: string };
  purpose: string;
  channel: ExportChannel;
  /** 'withheld' when the exporter's role may not see who the person is (see personal-data-policy). */
  personalData: 'included' | 'withheld';
  caseId: string;
  /** The case as GET /api/cases/:id shows it to the exporter. */
  case: CaseView;
  /** Every event of the case stream, oldest first. */
  events: ExportedEvent[];
  integrity: {
    /** The node's latest signed checkpoint (null where the event store signs none: EventStoreDB). */
    checkpoint: SignedCheckpoint | null;
    /** Ed25519 public key (PEM) of the node that signed it. */
    publicKey: string;
    /** Its key id (first 8 bytes of SHA-256 over the SPKI DER, hex), as partners register it. */
    publicKeyId: string;
    howToVerify: string;
    /**
     * base64 Ed25519 signature by the node key over the whole export with this field left out
     * (signDocument('nrm-case-export', ...)): nothing in it, not even a removed last event, can change unseen.
     */
    signature: string;
  };
}

export const HOW_TO_VERIFY =
  'Run `npx nrm-verify <this file> [--key <node public key PEM>]` (no node needed). It checks the node ' +
  'signature over the whole export, the checkpoint signature (C2SP tlog-checkpoint note "<origin>\\n<size>\\n' +
  '<base64 root>\\n", Ed25519), every event against its leaf hash (RFC 6962: SHA-256 of 0x00 and the ' +
  "event's canonical JSON) and every leaf's inclusion proof against the checkpoint root. Whether the node's " +
  'log still holds this tree head: GET /api/audit/verify?knownSize=<size>&knownRoot=<root>.';

/** `case-<caseId>-<YYYY-MM-DD>.json`, the date of the export (UTC). */
export function exportFileName(document: Pick<CaseExport, 'caseId' | 'exportedAt'>): string {
  return `case-${document.caseId}-${document.exportedAt.slice(0, 10)}.json`;
}
