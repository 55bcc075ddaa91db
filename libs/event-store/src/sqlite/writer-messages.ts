import type { AppendOutcome, PendingAppend } from './append-batch';

/** What the writer thread is started with. */
export interface WriterStart {
  file: string;
  busyTimeoutMs: number;
  origin?: string;
  /** PKCS#8 PEM of the node's Ed25519 key: checkpoints are signed in the transaction that writes them. */
  signingKeyPem?: string;
}

export interface WriterRequest {
  id: number;
  batch: PendingAppend[];
}

export interface WriterReply {
  id: number;
  outcomes: AppendOutcome[];
  /** The Merkle frontier after the commit, for the reading side's tree head. */
  tree: { size: number; nodes: Uint8Array };
}
