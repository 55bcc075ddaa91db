/**
 * Lets a plain `node` child process run TypeScript sources the way jest does: `.ts` files go through
 * @swc/core, and the tsconfig path aliases (@nrm/...) resolve to libs/<name>/src.
 * Usage: node --require tools/swc-register.js some-script.ts
 */
const fs = require('node:fs');
const path = require('node:path');
const Module = require('node:module');
const { transformSync } = require('@swc/core');

const root = path.resolve(__dirname, '..');
const { compilerOptions } = require(path.join(root, 'tsconfig.base.json'));
const aliases = Object.entries(compilerOptions.paths).map(([alias, [target]]) => ({
  wildcard: alias.endsWith('/*'),
  prefix: alias.replace(/\/\*$/, ''),
  target: path.join(root, target.replace(/\/\*$/, '')),
}));

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const { wildcard, prefix, target } of aliases) {
    if (request === prefix && !wildcard) return resolveFilename.call(this, target, ...rest);
    if (wildcard && request.startsWith(prefix + '/')) {
      return resolveFilename.call(this, path.join(target, request.slice(prefix.length + 1)), ...rest);
    }
  }
  return resolveFilename.call(this, request, ...rest);
};

require.extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(fs.readFileSync(filename, 'utf8'), {
    filename,
    jsc: {
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
      target: 'es2022',
      keepClassNames: true,
    },
    module: { type: 'commonjs' },
    sourceMaps: 'inline',
  });
  module._compile(code, filename);
};
