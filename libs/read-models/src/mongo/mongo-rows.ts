import type { ReadModelRow } from '../port/read-model-row';
import { caseDetailRow } from '../rows/case-detail-row';
import { caseStatisticsRow } from '../rows/case-statistics-row';
import { toMillis } from '../case-view/case-deadlines';
import type { ReadModelCollections } from './mongo-read-model-schemas';

/** Documents per query: pages by key, so no cursor stays open between pages. */
const PAGE = 500;

/**
 * Every row of the MongoDB read models in the canonical form (`ReadModelRow`). The deadlines are
 * the detail's: MongoDB's due-soon query reads them there (and `nextDueAtMs` for the overdue filter).
 */
export async function* mongoRows(models: ReadModelCollections): AsyncGenerator<ReadModelRow> {
  let afterCase: string | undefined;
  for (;;) {
    const docs = await models.cases
      .find(afterCase === undefined ? {} : { _id: { $gt: afterCase } })
      .sort({ _id: 1 })
      .limit(PAGE)
      .lean();
    if (docs.length === 0) break;
    for (const doc of docs) {
      yield caseDetailRow({
        caseId: doc._id,
        lastPosition: doc.lastPosition,
        listing: {
          stage: doc.stage,
          countryOfExploitation: doc.countryOfExploitation ?? null,
          citizenship: doc.citizenship ?? null,
          registeredAtMs: doc.registeredAtMs ?? null,
          updatedAtMs: doc.updatedAtMs,
          reflectionEndsAtMs: doc.reflectionEndsAtMs ?? null,
          stageRank: doc.stageRank,
          presumedMinor: doc.presumedMinor,
          nextDueAtMs: doc.nextDueAtMs ?? null,
          agencies: doc.agencies ?? [],
          actors: doc.actors ?? [],
        },
        deadlines: (doc.detail.deadlines ?? []).map((d) => ({
          kind: d.kind,
          ref: d.ref ?? '',
          dueAt: d.dueAt,
          dueAtMs: toMillis(d.dueAt),
        })),
        detail: doc.detail,
      });
    }
    afterCase = docs[docs.length - 1]._id;
  }
  let afterEvent = 0;
  for (;;) {
    const docs = await models.caseHistory
      .find({ position: { $gt: afterEvent } })
      .sort({ position: 1 })
      .limit(PAGE)
      .lean();
    if (docs.length === 0) break;
    for (const doc of docs) {
      const { _id, position, caseId, ...rest } = doc;
      yield {
        model: 'case-history',
        key: String(position),
        caseId,
        value: {
          caseId,
          revision: rest.revision,
          eventId: _id,
          type: rest.type,
          occurredAt: rest.occurredAt,
          actor: rest.actor,
          data: rest.data,
        },
      };
    }
    afterEvent = docs[docs.length - 1].position;
  }
  let afterAccess = 0;
  for (;;) {
    const docs = await models.accessLog
      .find({ position: { $gt: afterAccess } })
      .sort({ position: 1 })
      .limit(PAGE)
      .lean();
    if (docs.length === 0) break;
    for (const doc of docs) {
      yield {
        model: 'access-log',
        key: String(doc.position),
        caseId: doc.caseId,
        value: {
          eventId: doc._id,
          caseId: doc.caseId,
          userId: doc.userId,
          role: doc.role,
          ...(typeof doc.agency === 'string' ? { agency: doc.agency } : {}),
          purpose: doc.purpose,
          channel: doc.channel,
          at: doc.at,
        },
      };
    }
    afterAccess = docs[docs.length - 1].position;
  }
  let afterStatistics: string | undefined;
  for (;;) {
    const docs = await models.statistics
      .find(afterStatistics === undefined ? {} : { _id: { $gt: afterStatistics } })
      .sort({ _id: 1 })
      .limit(PAGE)
      .lean();
    if (docs.length === 0) break;
    // MongoDB counts the document's own facts: they are both the state and what is counted.
    for (const doc of docs) yield caseStatisticsRow(doc._id, doc, doc.facts);
    afterStatistics = docs[docs.length - 1]._id;
  }
}
