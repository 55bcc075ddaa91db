import type { AnyBulkWriteOperation, Model, mongo } from 'mongoose';

const DUPLICATE_KEY = 11000;

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
 * Runs position-guarded writes where a duplicate key means "already applied". FerretDB 1.24 stops an
 * unordered batch of updates at its first error (and reports it at index 0), so after a duplicate
 * key the batch is replayed one write at a time: the guards make the writes that did apply no-ops.
 */
export async function writeIdempotently<T extends mongo.Document>(
  model: Model<T>,
  ops: AnyBulkWriteOperation<T>[],
): Promise<void> {
  if (ops.length === 0) return;
  // mongoose types the writes through a conditional on T, which a generic T cannot resolve.
  const writes = ops as Parameters<typeof model.bulkWrite>[0];
  try {
    await model.bulkWrite(writes, { ordered: false });
  } catch (error) {
    if (!isDuplicateKeyOnly(error)) throw error;
    for (const op of writes) {
      try {
        await model.bulkWrite([op], { ordered: true });
      } catch (single) {
        if (!isDuplicateKeyOnly(single)) throw single;
      }
    }
  }
}
