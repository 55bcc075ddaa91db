/** Compiles every app of the monorepo (nest build handles one project at a time). */
const { execFileSync } = require('node:child_process');
const { projects } = require('../nest-cli.json');

const apps = Object.entries(projects)
  .filter(([, p]) => p.type === 'application')
  .map(([name]) => name);
for (const app of apps) {
  process.stdout.write(`building ${app}\n`);
  execFileSync(process.execPath, [require.resolve('@nestjs/cli/bin/nest.js'), 'build', app], { stdio: 'inherit' });
}
// The operator console (apps/console): a Vite build into dist/console, which the node serves at /.
process.stdout.write('building console\n');
const root = require('node:path').join(__dirname, '..');
execFileSync(
  process.execPath,
  [require('node:path').join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn', '-c', 'apps/console/vite.config.mts'],
  { stdio: 'inherit', cwd: root },
);
// The offline verifier as one file (dist/nrm-verify.cjs), to hand to whoever checks an export.
process.stdout.write('building nrm-verify\n');
execFileSync(process.execPath, [require('node:path').join(root, 'tools/build-verify.js')], { stdio: 'inherit', cwd: root });
