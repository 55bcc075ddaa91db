import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../../..');

/** The tests drive the console as the node serves it: built from the sources under test, every run. */
export default function buildConsole(): void {
  execFileSync(
    process.execPath,
    [
      join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--logLevel',
      'warn',
      '-c',
      'apps/console/vite.config.mts',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}
