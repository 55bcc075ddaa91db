import type { AnyBulkWriteOperation, Model } from 'mongoose';
import type { StoredEvent } from '@nrm/event-store/port';
import { toMillis } from '../case-view/case-deadlines';
import { caseIdOfStream } from '@nrm/contracts';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../case-view/deadline-policy';
import { evolveCaseDetail } from '../case-view/evolve-case-detail';
import { stageRank } from '../case-view/list-query';
import type { CaseDetail } from '../port/case-views';
import { writeIdempotently } from './idempotent-writes';
import { jsonForm } from './json-form';
import type { MongoBatchApplier } from './mongo-projection';
import type { CaseDocument } from './mongo-read-model-schemas';
import { knownCitizenship, registeredAtOf } from '../case-view/case-list-item';

/** Case list and case detail: one document per case, written only forward in position. */
export class CaseDetailWriter implements MongoBatchApplier {
  constructor(
    private readonly model: Model<CaseDocument>,
    private readonly policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
  ) {}

  async apply(events: readonly StoredEvent[]): Promise<void> {
    const byCase = new Map<string, StoredEvent[]>();
    for (const event of events) {
      const caseId = caseIdOfStream(event.streamId);
      if (caseId === undefined) continue;
      const list = byCase.get(caseId) ?? [];
      list.push(event);
      byCase.set(caseId, list);
    }
    if (byCase.size === 0) return;

    // A batch often holds several events of one case: read and write each case once.
    const stored = await this.model
      .find({ _id: { $in: [...byCase.keys()] } }, { lastPosition: 1, detail: 1 })
      .lean();
    const current = new Map(stored.map((doc) => [doc._id, doc]));
    const ops: AnyBulkWriteOperation<CaseDocument>[] = [];
    for (const [caseId, caseEvents] of byCase) {
      const doc = current.get(caseId);
      // Events this document already reflects (a batch replayed after a crash) are not folded again.
      const unapplied = caseEvents.filter((e) => e.position > (doc?.lastPosition ?? 0));
      if (unapplied.length === 0) continue;
      let detail: CaseDetail | undefined = doc?.detail;
      for (const event of unapplied) detail = evolveCaseDetail(detail, caseId, event, this.policy);
      const position = unapplied[unapplied.length - 1].position;
      ops.push({
        updateOne: {
          // Matches only a document behind this position; an upsert colliding with a document at or
          // beyond it fails with a duplicate key, which means "already applied".
          filter: { _id: caseId, lastPosition: { $lt: position } },
          update: { $set: caseFields(detail!, position) },
          upsert: true,
        },
      });
    }
    await writeIdempotently(this.model, ops);
  }
}

function caseFields(detail: CaseDetail, position: number): Omit<CaseDocument, '_id'> {
  const dues = detail.deadlines.map((d) => toMillis(d.dueAt));
  const registeredAt = registeredAtOf(detail);
  const reflectionEndsAt = detail.reflectionPeriod?.endsAt;
  return {
    lastPosition: position,
    stage: detail.stage,
    countryOfExploitation: detail.registration?.countryOfExploitation ?? null,
    citizenship: knownCitizenship(detail) ?? null,
    registeredAtMs: registeredAt ? toMillis(registeredAt) : null,
    updatedAtMs: toMillis(detail.updatedAt),
    reflectionEndsAtMs: reflectionEndsAt ? toMillis(reflectionEndsAt) : null,
    registeredAtMissing: registeredAt ? 0 : 1,
    reflectionEndsAtMissing: reflectionEndsAt ? 0 : 1,
    stageRank: stageRank(detail.stage),
    presumedMinor: detail.presumedMinor,
    nextDueAtMs: dues.length > 0 ? Math.min(...dues) : null,
    agencies: [...detail.agencies],
    actors: [...detail.actors],
    detail: jsonForm(detail),
  };
}
