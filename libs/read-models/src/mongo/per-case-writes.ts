import type { Model, mongo, ProjectionType } from 'mongoose';
import type { StoredEvent } from '@nrm/event-store/port';
import { caseIdOfStream } from '@nrm/contracts';
import { bulkWrite, untilNoDuplicate } from './idempotent-writes';

/** A document per case, holding the position of the last event folded into it. */
export interface PerCaseDocument {
  _id: string;
  lastPosition: number;
}

/**
 * The new fields of a case's document once `unapplied` (its events past `lastPosition`, in order)
 * are folded into `stored`, or undefined when they change nothing.
 */
export type FoldCase<D extends PerCaseDocument> = (
  caseId: string,
  stored: D | undefined,
  unapplied: StoredEvent[],
) => Omit<D, '_id'> | undefined;

/**
 * One case is read by `_id` alone: FerretDB 1.24 answers that filter from an index, and `$in` by
 * scanning the whole collection (still fewer round trips than a read per case there).
 */
const byIds = (ids: string[]) => (ids.length === 1 ? { _id: ids[0] } : { _id: { $in: ids } });

/**
 * A batch into a collection of one document per case, in one read and one bulk write whatever the
 * number of events and cases: the touched documents are read together (those of cases the batch
 * opens cannot exist yet, so a rebuild reads little), each case's events past the document's
 * `lastPosition` folded in, and every changed document written once.
 *
 * The position guard is the read: only events after the position the document holds are folded, so
 * a batch applied again after a crash changes nothing, and a document is never written backwards.
 * The writes are keyed on `_id` alone (a new case is an insert, which collides if the document was
 * written since the read; the batch is then read and applied again), because FerretDB 1.24 finds a
 * document by index only for a filter on `_id` alone: a filter that also named `lastPosition` made
 * it scan the whole collection for every update, so a replay grew with the square of the cases.
 */
export async function writePerCase<D extends PerCaseDocument>(
  model: Model<D>,
  events: readonly StoredEvent[],
  fields: ProjectionType<D>,
  fold: FoldCase<D>,
): Promise<void> {
  const byCase = new Map<string, StoredEvent[]>();
  for (const event of events) {
    const caseId = caseIdOfStream(event.streamId);
    if (caseId === undefined) continue;
    const list = byCase.get(caseId);
    if (list) list.push(event);
    else byCase.set(caseId, [event]);
  }
  if (byCase.size === 0) return;

  let attempt = 0;
  await untilNoDuplicate(async () => {
    // A case whose first event (revision 0) is in the batch had no document before the batch: it is
    // not read, unless a first attempt collided (the batch, or part of it, was applied before).
    const firstTry = attempt++ === 0;
    const ids = [...byCase.keys()].filter((id) => !firstTry || byCase.get(id)![0].revision !== 0);
    const stored = ids.length === 0 ? [] : ((await model.find(byIds(ids), fields).lean()) as D[]);
    const current = new Map(stored.map((doc) => [doc._id, doc]));
    const ops: mongo.AnyBulkWriteOperation<D>[] = [];
    for (const [caseId, caseEvents] of byCase) {
      const doc = current.get(caseId);
      const unapplied = caseEvents.filter((e) => e.position > (doc?.lastPosition ?? 0));
      if (unapplied.length === 0) continue;
      const next = fold(caseId, doc, unapplied);
      if (next === undefined) continue;
      ops.push(
        (doc
          ? { updateOne: { filter: { _id: caseId }, update: { $set: next } } }
          : { insertOne: { document: { _id: caseId, ...next } } }) as mongo.AnyBulkWriteOperation<D>,
      );
    }
    await bulkWrite(model, ops);
  });
}
