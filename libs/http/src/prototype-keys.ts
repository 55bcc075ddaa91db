/**
 * Keys that name JavaScript machinery rather than data. class-validator's whitelist cannot see an
 * own `constructor` key (every object has one through its prototype), so it would pass as a known
 * field; refuse them anywhere in the input instead.
 */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

/** Paths of every forbidden own key in a parsed JSON value, e.g. `person.constructor`. */
export function prototypeKeyPaths(value: unknown, parent = '', depth = 0): string[] {
  if (depth > 32 || value === null || typeof value !== 'object') return [];
  return Object.keys(value).flatMap((key) => {
    const path = parent ? `${parent}.${key}` : key;
    const own = FORBIDDEN.has(key) ? [path] : [];
    return [...own, ...prototypeKeyPaths((value as Record<string, unknown>)[key], path, depth + 1)];
  });
}
