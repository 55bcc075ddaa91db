import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const JWT_SECRET_FILE = 'jwt.secret';

/**
 * The token signing secret: NRM_JWT_SECRET when set (production, or several gateway processes),
 * else a random one kept next to the embedded data (created once, readable by the owner only).
 */
export function loadOrCreateJwtSecret(dataDir: string, fromEnv?: string): string {
  if (fromEnv) {
    if (fromEnv.length < 32) throw new Error('NRM_JWT_SECRET must be at least 32 characters');
    return fromEnv;
  }
  const file = join(dataDir, JWT_SECRET_FILE);
  try {
    writeFileSync(file, randomBytes(48).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return readFileSync(file, 'utf8').trim();
}
