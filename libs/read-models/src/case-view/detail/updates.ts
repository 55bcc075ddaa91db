import type { ServiceLine } from '@nrm/contracts';
import type { PlanView } from '../../port/case-views';

/**
 * A copy of `items` with the first match replaced by `update(match)`, or `items` itself when none
 * matches. The first only: ids are not unique by construction, and the view has always changed the first.
 */
export function updateFirst<T>(items: T[], matches: (item: T) => boolean, update: (item: T) => T): T[] {
  const index = items.findIndex(matches);
  return index < 0 ? items : items.map((item, i) => (i === index ? update(item) : item));
}

/** An adopted assistance or reintegration plan; copies the lines so the view holds no extra fields. */
export function adoptedPlan(planId: string, services: ServiceLine[], at: string): PlanView {
  return {
    planId,
    adoptedAt: at,
    services: services.map((s) => ({
      serviceId: s.serviceId,
      kind: s.kind,
      provider: s.provider,
      ...(s.memberIds ? { memberIds: s.memberIds } : {}),
    })),
  };
}
