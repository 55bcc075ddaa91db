/**
 * Strict decoders for what a partner sends. Node's Buffer decoders skip characters they do not know,
 * so two different strings could decode to the same bytes; a member either round-trips exactly or is
 * refused.
 */
export function decodeBase64(text: unknown, bytes?: number): Buffer | undefined {
  return decode(text, 'base64', /^[A-Za-z0-9+/]*={0,2}$/, bytes);
}

export function decodeBase64url(text: unknown, bytes?: number): Buffer | undefined {
  return decode(text, 'base64url', /^[A-Za-z0-9_-]*$/, bytes);
}

/** Lowercase hex only, so that one hash has one spelling (roots and proof nodes are compared as text). */
export function isLowerHex(text: unknown, chars: number): text is string {
  return typeof text === 'string' && text.length === chars && /^[0-9a-f]*$/.test(text);
}

function decode(
  text: unknown,
  encoding: 'base64' | 'base64url',
  alphabet: RegExp,
  bytes: number | undefined,
): Buffer | undefined {
  if (typeof text !== 'string') return undefined;
  // Length first: a hostile megabyte string is refused without being scanned or decoded.
  if (bytes !== undefined && text.length > Math.ceil(bytes / 3) * 4) return undefined;
  if (!alphabet.test(text)) return undefined;
  const decoded = Buffer.from(text, encoding);
  if (decoded.toString(encoding) !== text) return undefined;
  if (bytes !== undefined && decoded.length !== bytes) return undefined;
  return decoded;
}
