import type { TamperReason } from '@nrm/event-store/integrity/log-verifier';
import type { ReplayAuditResult } from './replay-audit-result';

/** The kind the node signs an integrity report as (signed-document.ts). */
export const INTEGRITY_REPORT_KIND = 'nrm-integrity-report';
export const INTEGRITY_REPORT_FORMAT_VERSION = 1;

/** A checkpoint as the report lists it: enough to compare with a partner's or an auditor's copy. */
export interface CheckpointSummary {
  size: number;
  root: string;
  keyId: string;
}

/** The signed checkpoints, summarised: every one is checked by the verification, a few are listed. */
export interface CheckpointChain {
  count: number;
  first?: CheckpointSummary;
  latest?: CheckpointSummary;
  /** Each key that signed checkpoints, with the range of sizes it signed (a rotation shows as two). */
  keys: { keyId: string; count: number; fromSize: number; toSize: number }[];
  /** The newest checkpoints, newest last. */
  recent: CheckpointSummary[];
}

export interface VerificationSummary {
  valid: boolean;
  /** Events read and the root recomputed from them. */
  size: number;
  root: string;
  /** Size of the largest signed checkpoint. */
  checkpointSize: number;
  /** Whether the store signs every append, so that an unsigned tail is itself a failure. */
  requireSignedHead: boolean;
  firstInvalidPosition?: number;
  reason?: TamperReason;
  detail?: string;
}

/** A checkpoint seen at a time: `at` is when this node recorded the message that carried it, if known. */
export interface WitnessedCheckpoint {
  size: number;
  root: string;
  at?: string;
}

export interface PartnerWitnessing {
  nodeId: string;
  country: string;
  status: 'active' | 'held' | 'removed';
  /** Why witnessing held the partner (the evidence stays in the log's PartnerHeld event). */
  hold?: { reason: string; detail: string };
  /** The partner's last checkpoint this node witnessed (kept as the baseline for the next one). */
  witnessed?: WitnessedCheckpoint;
  /** This node's last checkpoint the partner received from it. */
  sent?: WitnessedCheckpoint;
}

export interface AccessLogSummary {
  total: number;
  /** First and last read recorded (UTC ISO); absent when there is none. */
  from?: string;
  to?: string;
  byPurposeAndRole: { purpose: string; role: string; count: number }[];
  byChannel: { channel: string; count: number }[];
}

/** One erasure: the case's pseudonymous id, when, on what legal basis, by which role. No personal data. */
export interface ErasureRecord {
  caseId: string;
  at: string;
  legalBasis: string;
  actorRole: string;
  position: number;
}

/** What the node states about its own log at `generatedAt`; signed whole by the node key. */
export interface IntegrityReportData {
  node: { id: string; country: string };
  generatedAt: string;
  log: {
    /** Events in the log (the verification's count). */
    size: number;
    /** The signed tree head: the latest checkpoint (none for a store that signs none). */
    head: CheckpointSummary | null;
  };
  checkpoints: CheckpointChain;
  verification: VerificationSummary;
  partners: PartnerWitnessing[];
  accessLog: AccessLogSummary;
  erasures: { count: number; items: ErasureRecord[] };
  /** Absent (null) when no replay audit was run for this report. */
  replay: ReplayAuditResult | null;
}

/** The JSON block the HTML embeds: the data, the node key, and the node's signature over the rest. */
export interface SignedIntegrityReport {
  format: typeof INTEGRITY_REPORT_KIND;
  formatVersion: typeof INTEGRITY_REPORT_FORMAT_VERSION;
  data: IntegrityReportData;
  publicKey: string;
  publicKeyId: string;
  /** base64 Ed25519 over `nrm-signed-document nrm-integrity-report\n<digest>\n`, digest of this block without it. */
  signature: string;
}
