/** Every command names its case and the time it is decided at (deciders never read the clock). */
export interface CommandBase<TType extends string> {
  type: TType;
  caseId: string;
  /** ISO 8601 time of the command. */
  at: string;
}

/** Drops undefined properties, so that events carry only the fields that were given. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
