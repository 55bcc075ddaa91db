/**
 * The JSON form of a value, as the SQLite adapter stores it: fields that are `undefined` stay absent
 * instead of being written as null, so both adapters answer with the same objects.
 */
export function jsonForm<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
