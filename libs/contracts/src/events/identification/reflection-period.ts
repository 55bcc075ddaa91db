import { IsInt, Min } from 'class-validator';
import { IsDateTime } from '../field-rules';

/** The reflection and recovery period (CoE Convention art. 13): never shorter than 30 days. */
export const MIN_REFLECTION_PERIOD_DAYS = 30;

export class ReflectionPeriodStartedData {
  @IsDateTime() startsAt: string;
  @IsDateTime() endsAt: string;
  @IsInt() @Min(MIN_REFLECTION_PERIOD_DAYS) days: number;
}
export interface ReflectionPeriodStarted {
  type: 'ReflectionPeriodStarted';
  data: ReflectionPeriodStartedData;
}

/** `days` is the new total length counted from the start. */
export class ReflectionPeriodExtendedData {
  @IsDateTime() endsAt: string;
  @IsInt() @Min(MIN_REFLECTION_PERIOD_DAYS) days: number;
}
export interface ReflectionPeriodExtended {
  type: 'ReflectionPeriodExtended';
  data: ReflectionPeriodExtendedData;
}
