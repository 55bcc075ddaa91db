import { describeIfServer } from '@nrm/common/testing';
import type { StoredEvent } from '@nrm/event-store/port';
import type { Model } from 'mongoose';
import { randomUUID } from 'node:crypto';
import { projectable } from '../case-view/projectable-event';
import { DEFAULT_DEADLINE_POLICY } from '../case-view/deadline-policy';
import { evolveCaseDetail } from '../case-view/evolve-case-detail';
import type { CaseDetail } from '../port/case-views';
import { record, walkToHandover } from '../testing/case-fixtures';
import { MongoTestDatabase } from '../testing/mongo-test-database';
import { openSourceLog, SourceLog } from '../testing/source-log';
import { CaseDetailWriter } from './case-detail-writer';
import { jsonForm } from './json-form';
import { bindModels, type CaseDocument } from './mongo-read-model-schemas';

const T0 = '2025-01-06T09:00:00.000Z';

/**
 * The model, except that its first read answers what was stored before `meddle` ran: another writer
 * wrote between the batch's read and its write, which is the case the position guard must cover.
 */
function readingBefore(model: Model<CaseDocument>, meddle: () => Promise<void>) {
  const reads = { count: 0 };
  const proxy = new Proxy(model, {
    get(target, key, receiver) {
      if (key !== 'find') return Reflect.get(target, key, receiver);
      return (...args: Parameters<Model<CaseDocument>['find']>) => {
        reads.count++;
        const query = target.find(...args);
        if (reads.count > 1) return query;
        return {
          lean: async () => {
            const stale = await query.lean();
            await meddle();
            return stale;
          },
        };
      };
    },
  });
  return { model: proxy, reads };
}

describeIfServer('MONGO_URL', 'writePerCase: another writer between the read and the write', (url) => {
  jest.setTimeout(60_000);
  let log: SourceLog;
  let db: MongoTestDatabase;
  let model: Model<CaseDocument>;
  let caseId: string;
  let events: StoredEvent[];

  beforeEach(async () => {
    log = openSourceLog();
    db = await MongoTestDatabase.create(url, 'nrm_test_per_case');
    model = bindModels(db.connection).cases;
    await model.createIndexes();
    caseId = randomUUID();
    await record(log.eventStore, log.cipher, caseId, walkToHandover(caseId, T0));
    events = (await log.eventStore.readAll()).map(projectable);
  });
  afterEach(async () => {
    await db?.drop();
    await log?.close();
  });

  const stored = async () => (await model.findById(caseId).lean())!;
  const foldedAll = () => {
    let detail: CaseDetail | undefined;
    for (const event of events) detail = evolveCaseDetail(detail, caseId, event, DEFAULT_DEADLINE_POLICY);
    return jsonForm(detail!);
  };

  it('reads again after the insert collides, and leaves what the other writer wrote when it holds the batch', async () => {
    const other = new CaseDetailWriter(model);
    const racing = readingBefore(model, () => other.apply(events));

    await new CaseDetailWriter(racing.model).apply(events);

    expect(racing.reads.count).toBe(2);
    const doc = await stored();
    expect(doc.lastPosition).toBe(events.at(-1)!.position);
    expect(doc.detail).toEqual(foldedAll());
  });

  it('folds only the events past what the other writer wrote, each once', async () => {
    const half = Math.floor(events.length / 2);
    const other = new CaseDetailWriter(model);
    const racing = readingBefore(model, () => other.apply(events.slice(0, half)));

    await new CaseDetailWriter(racing.model).apply(events);

    expect(racing.reads.count).toBe(2);
    const doc = await stored();
    expect(doc.lastPosition).toBe(events.at(-1)!.position);
    expect(doc.detail).toEqual(foldedAll());
    expect(doc.detail.consents).toHaveLength(2); // folded twice, the consents would be doubled
  });
});
