/**
 * The event store's writer thread: commits batches of appends (append-batch.ts) on its own connection,
 * so the node's event loop keeps deciding and answering while the disk syncs.
 */
import Database from 'better-sqlite3';
import { createPrivateKey } from 'node:crypto';
import { parentPort, workerData } from 'node:worker_threads';
import { Ed25519Signer } from '../integrity/checkpoint';
import { BatchWriter } from './append-batch';
import { openWriterConnection } from './writer-connection';
import type { WriterRequest, WriterReply, WriterStart } from './writer-messages';
import { prepareStatements } from './sqlite-statements';

function start({ file, busyTimeoutMs, origin, signingKeyPem }: WriterStart): void {
  const db: Database.Database = openWriterConnection(file, busyTimeoutMs);
  const signer = signingKeyPem ? new Ed25519Signer(createPrivateKey(signingKeyPem)) : undefined;
  const writer = new BatchWriter(db, prepareStatements(db), { signer, origin });
  parentPort?.on('message', ({ id, batch }: WriterRequest) => {
    const outcomes = writer.commit(batch);
    const reply: WriterReply = {
      id,
      outcomes,
      tree: { size: writer.tree.size, nodes: writer.tree.serialize() },
    };
    parentPort?.postMessage(reply);
  });
}

start(workerData as WriterStart);
