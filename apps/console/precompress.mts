import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** Text assets worth compressing; images and fonts are compressed formats already. */
const COMPRESSIBLE = /\.(js|css|svg|json|txt)$/;
/** Below this, the encoding headers cost about what compression saves. */
const MIN_BYTES = 1024;

/**
 * Writes `<asset>.br` (Brotli, quality 11) and `<asset>.gz` (gzip -9) beside every compressible asset
 * of the build, once: the node then sends the smaller file to a browser that accepts it
 * (@fastify/static preCompressed) instead of the raw one, with no compression work per request.
 */
export function precompressAssets(): Plugin {
  let assetsDir = '';
  return {
    name: 'nrm-precompress-assets',
    apply: 'build',
    configResolved(config) {
      assetsDir = join(config.build.outDir, config.build.assetsDir);
    },
    // Files in parallel on libuv's thread pool: Brotli's best quality is slow on one core.
    async writeBundle() {
      const names = (await readdir(assetsDir)).filter((name) => COMPRESSIBLE.test(name));
      await Promise.all(names.map((name) => compress(join(assetsDir, name))));
    },
  };
}

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

async function compress(file: string): Promise<void> {
  const bytes = await readFile(file);
  if (bytes.length < MIN_BYTES) return;
  const params = {
    [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
    [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
  };
  await Promise.all([
    brotli(bytes, { params }).then((out) => writeFile(`${file}.br`, out)),
    gz(bytes, { level: 9 }).then((out) => writeFile(`${file}.gz`, out)),
  ]);
}
