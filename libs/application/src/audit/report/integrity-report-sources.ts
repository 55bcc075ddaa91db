import type { AuditableLog, Ed25519Signer } from '@nrm/event-store';
import type { PartnerWitnessing } from './integrity-report-data';

/** A partner as the registry and the bridge state know it: status, and the checkpoints kept each way. */
export type PartnerState = Omit<PartnerWitnessing, 'witnessed' | 'sent'> & {
  witnessed?: { size: number; root: string };
  sent?: { size: number; root: string };
};

/**
 * Where the report's facts come from, so that the builder runs on fakes in tests and on a node's
 * stores in the API and the CLI alike.
 */
export interface IntegrityReportSources {
  node: { id: string; country: string };
  /** The log with its hashes and signed checkpoints. */
  log: AuditableLog;
  /** The node key: checks the checkpoints and signs the report. */
  signer: Ed25519Signer;
  /** The store signs every append (embedded): an unsigned tail is then a failure. */
  requireSignedHead: boolean;
  /** Registered partners (removed ones included), by node id. */
  partners(): Promise<PartnerState[]>;
  now(): Date;
}
