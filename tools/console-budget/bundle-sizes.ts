/** The gzip sizes of a console build (dist/console): its first load, and every later chunk by name. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface BundleSizes {
  /** What index.html names: the first load (the sign-in page). Bytes, gzip level 9. */
  initial: { js: number; css: number; files: string[] };
  /** Every other script, loaded when a page first needs it. */
  chunks: { name: string; js: number }[];
}

export function bundleSizes(dir: string): BundleSizes {
  const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((match) => match[1]);
  const initial = { js: 0, css: 0, files };
  for (const file of files) initial[file.endsWith('.css') ? 'css' : 'js'] += gz(file);
  const chunks = readdirSync(join(dir, 'assets'))
    .filter((file) => file.endsWith('.js') && !files.includes(`assets/${file}`))
    .map((file) => ({ name: file.replace(/-[\w-]{8}\.js$/, ''), js: gz(`assets/${file}`) }))
    .sort((a, b) => b.js - a.js);
  return { initial, chunks };
}
