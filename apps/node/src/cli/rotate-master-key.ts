import { command } from './cli-command';
import {
  KEY_STORE_FILE,
  loadMasterKey,
  MASTER_KEY_ENV,
  MASTER_KEY_FILE,
  MasterKey,
  MasterKeyError,
  parseMasterKey,
  promoteNextMasterKey,
  SqliteKeyStore,
  stageNextMasterKey,
  stagedNextMasterKey,
} from '@nrm/privacy';
import { ProgressBar } from '@nrm/read-models';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const NEW_MASTER_KEY_ENV = 'NRM_NEW_MASTER_KEY';

/**
 * `keys rotate-master [--generate]`: re-wraps every subject key of <dataDir>/keys.sqlite under a new
 * master key (resumable; see SqliteKeyStore.rewrapAll). The current key comes from NRM_MASTER_KEY or
 * the key file; the new one from NRM_NEW_MASTER_KEY, or --generate (key file only). With the key file,
 * the new key is staged in master.key.next before the first re-wrap and renamed over master.key only
 * after the last one committed, so the key that wraps the store always exists on disk.
 * The caller holds the node's lock: no process may use the key store meanwhile.
 */
export async function rotateMasterKey(
  dataDir: string,
  args: string[],
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream,
  env: Record<string, string | undefined> = process.env,
): Promise<number> {
  const generate = args.includes('--generate');
  const unknown = args.filter((a) => a !== '--generate');
  if (unknown.length) {
    err.write(`unknown option ${unknown.join(' ')} for keys rotate-master\n`);
    return 64;
  }
  const fromEnv = Boolean(env[MASTER_KEY_ENV]);
  const givenNew = env[NEW_MASTER_KEY_ENV]
    ? parseMasterKey(env[NEW_MASTER_KEY_ENV] ?? '', NEW_MASTER_KEY_ENV)
    : undefined;
  if (generate && givenNew) {
    err.write(`give either ${NEW_MASTER_KEY_ENV} or --generate, not both\n`);
    return 64;
  }
  if (fromEnv && !givenNew) {
    err.write(
      `${MASTER_KEY_ENV} is set: give the new key in ${NEW_MASTER_KEY_ENV} (base64 of 32 random bytes; ` +
        `--generate is for nodes that keep their key in ${MASTER_KEY_FILE})\n`,
    );
    return 64;
  }
  if (!fromEnv && !existsSync(join(dataDir, MASTER_KEY_FILE))) {
    err.write(
      `${MASTER_KEY_ENV} is not set and ${join(dataDir, MASTER_KEY_FILE)} does not exist: no key to rotate\n`,
    );
    return 78; // EX_CONFIG
  }
  if (!fromEnv && !generate && !givenNew && !stagedNextMasterKey(dataDir)) {
    err.write(`give the new key in ${NEW_MASTER_KEY_ENV}, or --generate one\n`);
    return 64;
  }

  const current = loadMasterKey({ env, dataDir, allowKeyFile: true });
  let next: MasterKey;
  if (fromEnv) {
    next = givenNew as MasterKey;
  } else {
    const staged = stageNextMasterKey(dataDir, givenNew);
    if (staged.resumed) err.write(`resuming the rotation to the key staged in ${staged.path}\n`);
    next = staged;
  }

  const store = new SqliteKeyStore({
    file: join(dataDir, KEY_STORE_FILE),
    masterKey: current,
    checkMasterKey: false,
  });
  let result;
  try {
    err.write(`re-wrapping subject keys of ${dataDir}: master key ${current.id} -> ${next.id}\n`);
    const bar = new ProgressBar(err, { unit: 'keys' });
    result = await store.rewrapAll(next, { onProgress: bar.update });
    bar.finish();
  } catch (error) {
    if (error instanceof MasterKeyError) {
      err.write(`${error.message}\n`);
      return 78;
    }
    throw error;
  } finally {
    await store.close();
  }
  if (!fromEnv) promoteNextMasterKey(dataDir);
  out.write(
    `re-wrapped ${result.rewrapped} of ${result.total} subject keys; every key is now under master key ${next.id}\n` +
      (fromEnv
        ? `start the node with ${MASTER_KEY_ENV} set to the new key (the old key no longer opens this store)\n`
        : `${join(dataDir, MASTER_KEY_FILE)} now holds the new key\n`),
  );
  return 0;
}

export const keysRotateMaster = command({
  words: ['keys', 'rotate-master'],
  help: `keys rotate-master    re-wrap every subject key under a new master key (stop the node first):
                        current key from NRM_MASTER_KEY, new one from NRM_NEW_MASTER_KEY; or, for a
                        node keeping its key in <data dir>/master.key, --generate a new key file.
                        An interrupted rotation resumes when run again with the same keys.`,
  usage: 'usage: npm run cli -- keys rotate-master [--generate]',
  // Its own checks: the key files, the store (rotateMasterKey).
  parse: (args: string[]) => args,
  needsNode: false,
  lockedFor: 'rotating the master key',
  run: (config, args, { out, err }) => rotateMasterKey(config.dataDir, args, out, err),
});
