/** The file is not something nrm-verify can read (not JSON, or not one of the formats it knows). */
export class UnreadableBundleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableBundleError';
  }
}

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The member at `path` (dot-separated) when it is an object; else UnreadableBundleError naming the path. */
export function objectAt(document: Json, path: string): Json {
  const value = memberAt(document, path);
  if (!isObject(value)) throw new UnreadableBundleError(`${path} is missing or not an object`);
  return value;
}

export function stringAt(document: Json, path: string): string {
  const value = memberAt(document, path);
  if (typeof value !== 'string') throw new UnreadableBundleError(`${path} is missing or not a string`);
  return value;
}

export function arrayAt(document: Json, path: string): unknown[] {
  const value = memberAt(document, path);
  if (!Array.isArray(value)) throw new UnreadableBundleError(`${path} is missing or not a list`);
  return value;
}

function memberAt(document: Json, path: string): unknown {
  let value: unknown = document;
  for (const name of path.split('.')) value = isObject(value) ? value[name] : undefined;
  return value;
}

/** A string list of 64-hex-digit hashes, or undefined when it is not one. */
export function hashList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every(isHash) ? (value as string[]) : undefined;
}

export const isHash = (value: unknown): value is string =>
  typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

export const isIndex = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
