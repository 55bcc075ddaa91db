/**
 * Builds the offline verifier into one self-contained file, dist/nrm-verify.cjs, that runs on Node
 * alone (no node_modules, no checkout): `node nrm-verify.cjs <bundle.json> [--key <pem>]`.
 */
const { build } = require('rolldown');
const { join } = require('node:path');

const root = join(__dirname, '..');
// Another output file may be named (the tests build one into a scratch directory).
const file = process.argv[2] ?? join(root, 'dist/nrm-verify.cjs');
build({
  input: join(root, 'apps/verify/src/main.ts'),
  platform: 'node',
  tsconfig: join(root, 'tsconfig.base.json'),
  output: {
    file,
    format: 'cjs',
    banner: '#!/usr/bin/env node',
  },
  logLevel: 'warn',
}).then(
  () => process.stdout.write(`${file} written\n`),
  (error) => {
    process.stderr.write(`${error.stack ?? error}\n`);
    process.exitCode = 1;
  },
);
