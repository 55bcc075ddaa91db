import type { Model } from 'mongoose';
import type { StoredEvent } from '@nrm/event-store/port';
import { toMillis } from '../case-view/case-deadlines';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../case-view/deadline-policy';
import { foldCaseDetail } from '../case-view/evolve-case-detail';
import { stageRank } from '../case-view/list-query';
import type { CaseDetail } from '../port/case-views';
import { writePerCase } from './per-case-writes';
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

  apply(events: readonly StoredEvent[]): Promise<void> {
    return writePerCase(this.model, events, { lastPosition: 1, detail: 1 }, (caseId, doc, unapplied) =>
      caseFields(
        foldCaseDetail(doc?.detail, caseId, unapplied, this.policy),
        unapplied[unapplied.length - 1].position,
      ),
    );
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
