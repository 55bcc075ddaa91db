import { nextCaseStage } from '@nrm/domain/case-stage';
import type { CaseStage } from '../port/case-views';

/**
 * The domain's stage reducer (stages only move forward, a new proposal reopens a declined handover,
 * CaseClosed always ends at closed). A case the read model meets before its registration (e.g. an
 * event relayed from a partner node) still gets a stage: registered.
 */
export function nextStage(
  current: CaseStage | undefined,
  type: string,
  data: Record<string, unknown>,
): CaseStage {
  return nextCaseStage(current, { type, data }) ?? 'registered';
}
