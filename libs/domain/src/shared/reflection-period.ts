import type { CaseEvent } from '@nrm/contracts';
import { isBefore } from './time';

/** National setting, but never below 30 days (CoE Convention art. 13). */
export const MIN_REFLECTION_PERIOD_DAYS = 30;

export interface ReflectionPeriod {
  startsAt: string;
  endsAt: string;
  days: number;
}

export function evolveReflectionPeriod(
  period: ReflectionPeriod | undefined,
  event: CaseEvent,
): ReflectionPeriod | undefined {
  if (event.type === 'ReflectionPeriodStarted') return { ...event.data };
  if (event.type === 'ReflectionPeriodExtended' && period) return { ...period, ...event.data };
  return period;
}

export const isInsideReflectionPeriod = (period: ReflectionPeriod | undefined, at: string): boolean =>
  period !== undefined && isBefore(at, period.endsAt);
