import type { AnyBulkWriteOperation, Model } from 'mongoose';
import type { StoredEvent } from '@nrm/event-store/port';
import { caseIdOfStream } from '@nrm/contracts';
import {
  emptyCaseStatistics,
  evolveCaseStatistics,
  type CaseStatistics,
} from '../statistics/case-statistics';
import type { StatisticsCount, CountedTableName } from '../statistics/statistics-tables';
import { writeIdempotently } from './idempotent-writes';
import { jsonForm } from './json-form';
import type { MongoBatchApplier } from './mongo-projection';
import type { CaseStatisticsDocument } from './mongo-read-model-schemas';

/** The statistics: one document per case with its non-personal facts, written only forward in position. */
export class CaseStatisticsWriter implements MongoBatchApplier {
  constructor(private readonly model: Model<CaseStatisticsDocument>) {}

  async apply(events: readonly StoredEvent[]): Promise<void> {
    const byCase = new Map<string, StoredEvent[]>();
    for (const event of events) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      byCase.set(caseId, [...(byCase.get(caseId) ?? []), event]);
    }
    if (byCase.size === 0) return;
    const stored = await this.model.find({ _id: { $in: [...byCase.keys()] } }).lean();
    const current = new Map(stored.map((doc) => [doc._id, doc]));
    const ops: AnyBulkWriteOperation<CaseStatisticsDocument>[] = [];
    for (const [caseId, caseEvents] of byCase) {
      const doc = current.get(caseId);
      const unapplied = caseEvents.filter((e) => e.position > (doc?.lastPosition ?? 0));
      if (unapplied.length === 0) continue;
      const before: CaseStatistics = doc
        ? {
            services: doc.services,
            handovers: doc.handovers,
            facts: doc.facts,
            ...(doc.secret === undefined ? {} : { secret: doc.secret }),
            ...(doc.atRisk ? { atRisk: doc.atRisk } : {}),
          }
        : emptyCaseStatistics();
      const after = unapplied.reduce(evolveCaseStatistics, before);
      if (after === before) continue;
      const position = unapplied[unapplied.length - 1].position;
      ops.push({
        updateOne: {
          // As the case detail: an upsert colliding with a document at or past `position` is a duplicate key.
          filter: { _id: caseId, lastPosition: { $lt: position } },
          update: { $set: jsonForm({ lastPosition: position, ...after }) },
          upsert: true,
        },
      });
    }
    await writeIdempotently(this.model, ops);
  }
}

/** Counted by the server: one group per table, category and quarter. */
export async function countStatistics(model: Model<CaseStatisticsDocument>): Promise<StatisticsCount[]> {
  const groups = await model.aggregate<{
    _id: { table: CountedTableName; category: string; year: number; quarter: number };
    count: number;
  }>([
    { $unwind: '$facts' },
    {
      $group: {
        _id: {
          table: '$facts.table',
          category: '$facts.category',
          year: '$facts.year',
          quarter: '$facts.quarter',
        },
        count: { $sum: 1 },
      },
    },
  ]);
  return groups
    .map(({ _id, count }) => ({ ..._id, count }))
    .sort(
      (a, b) =>
        compare(a.table, b.table) ||
        compare(a.category, b.category) ||
        a.year - b.year ||
        a.quarter - b.quarter,
    );
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
