import type { SignedCheckpoint } from '@nrm/event-store';
import type { Actor } from '@nrm/event-store/port';
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
  revision: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  occurredAt: string;
  recordedAt: string;
  actor: Actor;
  correlationId: string;
  causationId?: string;
  /** Absent where data minimisation withholds it (assistance events, for prosecution liaison). */
  data?: Record<string, unknown>;
  /** Decrypted personal fields; only when `personalData` is 'included' and the event has any. */
  personal?: Record<string, unknown> | ErasedMarker;
  /** RFC 6962 leaf hash (hex) of the stored event, as the node's Merkle log holds it. */
  leafHash: string;
}

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
    howToVerify: string;
  };
}

export const HOW_TO_VERIFY =
  'The checkpoint signs "<origin>\\n<size>\\n<base64 root>\\n" (C2SP tlog-checkpoint) with the Ed25519 key in ' +
  'publicKey. Every exported event has a position at or below its size. An auditor of the node checks that ' +
  'the log still holds this tree head unchanged with GET /api/audit/verify?knownSize=<size>&knownRoot=<root> ' +
  '(or `npm run cli -- log verify` on the node).';

/** `case-<caseId>-<YYYY-MM-DD>.json`, the date of the export (UTC). */
export function exportFileName(document: Pick<CaseExport, 'caseId' | 'exportedAt'>): string {
  return `case-${document.caseId}-${document.exportedAt.slice(0, 10)}.json`;
}
