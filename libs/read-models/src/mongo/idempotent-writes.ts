import type { Model, mongo } from 'mongoose';

const DUPLICATE_KEY = 11000;

/** A batch that kept colliding with writes it did not read: something else writes these documents. */
const ATTEMPTS = 3;

interface WriteErrorLike {
  code?: number;
  writeErrors?: { code?: number; err?: { code?: number } }[];
}

function codesOf(error: unknown): number[] {
  const e = error as WriteErrorLike | undefined;
  if (!e || typeof e !== 'object') return [];
  if (Array.isArray(e.writeErrors) && e.writeErrors.length > 0) {
    return e.writeErrors.map((w) => w.code ?? w.err?.code ?? -1);
  }
  return typeof e.code === 'number' ? [e.code] : [];
}

/** Every reported error is a duplicate key: the write was refused because it was applied already. */
export function isDuplicateKeyOnly(error: unknown): boolean {
  const codes = codesOf(error);
  return codes.length > 0 && codes.every((code) => code === DUPLICATE_KEY);
}

/**
 * Update statements per command. FerretDB 1.x (SQLite backend) keeps a pooled connection for each
 * statement of an `update` command until the command ends, and its pool holds 100: a command of 100
 * updates waits for ever on itself (and a stop of the node waits for it). Half of that leaves room for
 * the reads running meanwhile; on MongoDB it is still one round trip per 50 updated documents.
 */
export const MAX_UPDATES_PER_COMMAND = 50;

const isUpdate = <T extends mongo.Document>(op: mongo.AnyBulkWriteOperation<T>) =>
  'updateOne' in op || 'updateMany' in op || 'replaceOne' in op;

/** The bulk writes to send: every insert and delete in one, the updates in runs of MAX_UPDATES_PER_COMMAND. */
export function writeCommands<T extends mongo.Document>(
  ops: readonly mongo.AnyBulkWriteOperation<T>[],
): mongo.AnyBulkWriteOperation<T>[][] {
  const updates = ops.filter(isUpdate);
  const rest = ops.filter((op) => !isUpdate(op));
  const commands = rest.length > 0 ? [rest] : [];
  for (let from = 0; from < updates.length; from += MAX_UPDATES_PER_COMMAND)
    commands.push(updates.slice(from, from + MAX_UPDATES_PER_COMMAND));
  return commands;
}

/**
 * Bulk writes, unordered, through the driver, one after the other (see writeCommands): the writers
 * build every document whole and typed, so mongoose's casting and validation (a model instance per
 * inserted document) would only cost CPU.
 */
export async function bulkWrite<T extends mongo.Document>(
  model: Model<T>,
  ops: mongo.AnyBulkWriteOperation<T>[],
): Promise<void> {
  const collection = model.collection as unknown as mongo.Collection<T>;
  for (const command of writeCommands(ops)) await collection.bulkWrite(command, { ordered: false });
}

/**
 * Runs `attempt` (read what the batch touches, then write it in one bulk write) until it meets no
 * duplicate key. A duplicate key means a document the read did not see was written meanwhile (before
 * a crash, by the part of a batch FerretDB applied before stopping at an error, or by another writer):
 * reading again turns what is already there into no-ops.
 */
export async function untilNoDuplicate(attempt: () => Promise<void>): Promise<void> {
  for (let left = ATTEMPTS; ; left--) {
    try {
      return await attempt();
    } catch (error) {
      if (left <= 1 || !isDuplicateKeyOnly(error)) throw error;
    }
  }
}

/**
 * Inserts documents keyed by event id, each once: an insert-only collection's guard is the id itself.
 * The first try writes without reading (the common case: nothing of the batch is there); after a
 * duplicate key, the ids already present are read in one query and only the others inserted.
 */
export async function insertOnce<T extends { _id: string }>(model: Model<T>, docs: T[]): Promise<void> {
  let pending = docs;
  for (let left = ATTEMPTS; pending.length > 0; left--) {
    try {
      await bulkWrite(
        model,
        pending.map((document) => ({ insertOne: { document } }) as mongo.AnyBulkWriteOperation<T>),
      );
      return;
    } catch (error) {
      if (left <= 1 || !isDuplicateKeyOnly(error)) throw error;
      const present = await model.find({ _id: { $in: pending.map((d) => d._id) } }, { _id: 1 }).lean();
      const seen = new Set(present.map((d) => String(d._id)));
      pending = pending.filter((d) => !seen.has(d._id));
    }
  }
}
