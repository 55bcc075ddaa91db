import type { EncryptedPersonalData, StoredEvent } from '@nrm/event-store/port';
import { evolveCaseDetail } from '../case-view/evolve-case-detail';
import { DEFAULT_DEADLINE_POLICY, type DeadlinePolicy } from '../case-view/deadline-policy';
import type { CaseDetail } from '../port/case-views';
import { actor, schemaVersionOf, type Step } from './case-fixtures';

/** The stand-in for the personal part of the case's event at `revision`: the views copy it, never read it. */
export const opaqueCiphertext = (caseId: string, revision: number): EncryptedPersonalData => ({
  subjectId: `victim:${caseId}`,
  keyVersion: 1,
  iv: `iv-${revision}`,
  ciphertext: `c-${revision}`,
  tag: 't',
});

/**
 * The steps as the stored events of the case's stream, as a projection receives them: revision is the
 * step's index, position the index + 1, and a personal part becomes opaqueCiphertext (nothing decrypts).
 */
export function storedSteps(caseId: string, steps: readonly Step[]): StoredEvent[] {
  return steps.map((step, revision) => ({
    id: `e-${revision}`,
    type: step.type,
    schemaVersion: schemaVersionOf(step),
    occurredAt: step.at,
    nodeId: 'node-md',
    actor: step.actor ?? actor,
    correlationId: `c-${revision}`,
    data: step.data,
    ...(step.personal ? { personal: opaqueCiphertext(caseId, revision) } : {}),
    streamId: `case-${caseId}`,
    revision,
    position: revision + 1,
    recordedAt: step.at,
  }));
}

/** The case's detail after its steps, folded event by event as the live projection does. */
export function foldSteps(
  caseId: string,
  steps: readonly Step[],
  policy: DeadlinePolicy = DEFAULT_DEADLINE_POLICY,
): CaseDetail {
  const view = storedSteps(caseId, steps).reduce<CaseDetail | undefined>(
    (detail, event) => evolveCaseDetail(detail, caseId, event, policy),
    undefined,
  );
  if (!view) throw new RangeError('foldSteps needs at least one step');
  return view;
}
