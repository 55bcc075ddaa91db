/** One difference between two JSON documents; `from` or `to` is absent where the field is. */
export interface JsonChange {
  /** JSON Pointer (RFC 6901) into the document: "/identification/status", "/services/0". */
  path: string;
  from?: unknown;
  to?: unknown;
}

/**
 * What differs between `before` and `after` (JSON values: plain objects, arrays, primitives), field
 * by field: objects and arrays are compared member by member (arrays by index), anything else as a
 * whole. A member present on one side only is one change carrying the whole value. Keys in the order
 * `after` has them, then those only `before` has. Pure.
 */
export function jsonChanges(before: unknown, after: unknown, path = ''): JsonChange[] {
  if (isContainer(before) && isContainer(after) && Array.isArray(before) === Array.isArray(after)) {
    const keys = [...new Set([...Object.keys(after), ...Object.keys(before)])];
    return keys.flatMap((key) => {
      const at = `${path}/${escapeToken(key)}`;
      const had = member(before, key) !== undefined;
      const has = member(after, key) !== undefined;
      if (!had && !has) return [];
      if (!had) return [{ path: at, to: member(after, key) }];
      if (!has) return [{ path: at, from: member(before, key) }];
      return jsonChanges(member(before, key), member(after, key), at);
    });
  }
  if (before === after) return [];
  return [
    {
      path,
      ...(before === undefined ? {} : { from: before }),
      ...(after === undefined ? {} : { to: after }),
    },
  ];
}

type Container = Record<string, unknown> | unknown[];

function isContainer(value: unknown): value is Container {
  return typeof value === 'object' && value !== null;
}

/** Own members only: a key such as "constructor" names nothing a plain object inherits. */
function member(container: Container, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(container, key)
    ? (container as Record<string, unknown>)[key]
    : undefined;
}

/** RFC 6901: "~" and "/" inside a key. */
function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
