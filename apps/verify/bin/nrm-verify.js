#!/usr/bin/env node
// npx nrm-verify: in a checkout with its dev tools, the TypeScript source (never a stale build); elsewhere
// the single-file build (npm run build:verify writes dist/nrm-verify.cjs, the file to hand to a court).
const { join } = require('node:path');

const root = join(__dirname, '..', '..', '..');
const argv = process.argv.slice(2);
let fromSource = true;
try {
  require.resolve('@swc/core', { paths: [root] });
} catch {
  fromSource = false;
}
if (fromSource) {
  require(join(root, 'tools', 'swc-register.js'));
  process.exitCode = require(join(root, 'apps', 'verify', 'src', 'main.ts')).runVerify(argv);
} else {
  process.exitCode = require(join(root, 'dist', 'nrm-verify.cjs')).runVerify(argv);
}
