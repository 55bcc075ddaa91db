import type { Model } from 'mongoose';
import type { StoredEvent } from '@nrm/event-store/port';
import {
  emptyCaseStatistics,
  evolveCaseStatistics,
  type CaseStatistics,
} from '../statistics/case-statistics';
import type { StatisticsCount, CountedTableName } from '../statistics/statistics-tables';
import { writePerCase } from './per-case-writes';
import { jsonForm } from './json-form';
import type { MongoBatchApplier } from './mongo-projection';
import type { CaseStatisticsDocument } from './mongo-read-model-schemas';

/** The statistics: one document per case with its non-personal facts, written only forward in position. */
export class CaseStatisticsWriter implements MongoBatchApplier {
  constructor(private readonly model: Model<CaseStatisticsDocument>) {}

  apply(events: readonly StoredEvent[]): Promise<void> {
    return writePerCase(this.model, events, {}, (_caseId, doc, unapplied) => {
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
      if (after === before) return undefined;
      return jsonForm({ lastPosition: unapplied[unapplied.length - 1].position, ...after });
    });
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
