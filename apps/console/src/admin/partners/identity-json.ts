import type { Schema } from '@nrm/api-client';

type Identity = Pick<Schema<'NodeIdentityView'>, 'nodeId' | 'country' | 'publicKeyPem' | 'encryptionKeyPem'>;
const KEYS = ['nodeId', 'country', 'publicKeyPem', 'encryptionKeyPem'] as const;

/**
 * A partner's identity as its GET /api/node/identity publishes it, pasted by the admin; undefined when the
 * text is not such a JSON object. The registry checks the keys themselves when the partner is registered.
 */
export function parseIdentity(text: string): Identity | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const strings: string[] = [];
  for (const key of KEYS) {
    const item = record[key];
    if (typeof item !== 'string' || item === '') return undefined;
    strings.push(item);
  }
  const [nodeId, country, publicKeyPem, encryptionKeyPem] = strings;
  return { nodeId, country, publicKeyPem, encryptionKeyPem };
}
