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
 * The model, except that `meddle` runs just before its first write: another writer got in between the
 * batch's read (if any) and its write, which is the case the position guard must cover. Reads are counted.
 */
function writingAfter(model: Model<CaseDocument>, meddle: () => Promise<void>) {
  const counts = { reads: 0, writes: 0 };
  const collection = new Proxy(model.collection, {
    get(target, key, receiver) {
      if (key !== 'bulkWrite') return Reflect.get(target, key, receiver);
      return async (...args: Parameters<typeof target.bulkWrite>) => {
        if (counts.writes++ === 0) await meddle();
        return target.bulkWrite(...args);
      };
    },
  });
  const proxy = new Proxy(model, {
    get(target, key, receiver) {
      if (key === 'collection') return collection;
      if (key !== 'find') return Reflect.get(target, key, receiver);
      return (...args: Parameters<Model<CaseDocument>['find']>) => {
        counts.reads++;
        return target.find(...args);
      };
    },
  });
  return { model: proxy, counts };
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

  it('reads after the insert collides, and leaves what the other writer wrote when it holds the batch', async () => {
    const other = new CaseDetailWriter(model);
    const racing = writingAfter(model, () => other.apply(events));

    await new CaseDetailWriter(racing.model).apply(events);

    // The case opens in the batch: not read, inserted; the insert collides; read, nothing left to write.
    expect(racing.counts).toEqual({ reads: 1, writes: 1 });
    const doc = await stored();
    expect(doc.lastPosition).toBe(events.at(-1)!.position);
    expect(doc.detail).toEqual(foldedAll());
  });

  it('folds only the events past what the other writer wrote, each once', async () => {
    const half = Math.floor(events.length / 2);
    const other = new CaseDetailWriter(model);
    const racing = writingAfter(model, () => other.apply(events.slice(0, half)));

    await new CaseDetailWriter(racing.model).apply(events);

    expect(racing.counts).toEqual({ reads: 1, writes: 2 });
    const doc = await stored();
    expect(doc.lastPosition).toBe(events.at(-1)!.position);
    expect(doc.detail).toEqual(foldedAll());
    expect(doc.detail.consents).toHaveLength(2); // folded twice, the consents would be doubled
  });
});
