/**
 * Canonical JSON (RFC 8785 style for the values we store): object keys sorted by UTF-16 code units,
 * no whitespace, `undefined` members dropped. Hashes and signatures are computed over this encoding,
 * so two nodes that hold the same event derive the same bytes.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError('canonicalJson: non-finite number');
      return JSON.stringify(value);
    case 'bigint':
      return value.toString();
    case 'object': {
      // Plain loops and string appends: the event store serialises every event it writes or verifies.
      if (Array.isArray(value)) {
        let text = '[';
        for (let i = 0; i < value.length; i++) {
          const item: unknown = value[i];
          text += (i === 0 ? '' : ',') + canonicalJson(item === undefined ? null : item);
        }
        return text + ']';
      }
      if (value instanceof Date) return JSON.stringify(value.toISOString());
      const record = value as Record<string, unknown>;
      let text = '{';
      // The default sort compares UTF-16 code units, the order this encoding promises.
      for (const key of Object.keys(record).sort()) {
        const member = record[key];
        if (member === undefined) continue;
        text += (text.length === 1 ? '' : ',') + JSON.stringify(key) + ':' + canonicalJson(member);
      }
      return text + '}';
    }
    default:
      throw new TypeError(`canonicalJson: unsupported type ${typeof value}`);
  }
}
