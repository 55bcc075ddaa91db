/** One jest run for unit, contract, integration and end-to-end tests. */
const { compilerOptions } = require('./tsconfig.base.json');

const moduleNameMapper = {};
for (const [alias, [target]] of Object.entries(compilerOptions.paths)) {
  const from = '^' + alias.replace('/*', '/(.*)') + '$';
  moduleNameMapper[from] = '<rootDir>/' + target.replace('/*', '/$1');
}

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: [
    '<rootDir>/apps/**/*.spec.ts',
    '<rootDir>/libs/**/*.spec.ts',
    '<rootDir>/test/**/*.spec.ts',
    '<rootDir>/bench/**/*.spec.ts',
  ],
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          target: 'es2022',
          keepClassNames: true,
        },
        module: { type: 'commonjs' },
        sourceMaps: 'inline',
      },
    ],
  },
  // A few dependencies ship ESM only (Node 20 requires them natively, jest does not): compile those too.
  // @fastify/cookie loads its ESM-only `cookie` with import(), which jest's CommonJS runtime cannot run.
  transformIgnorePatterns: [
    '/node_modules/(?!(content-disposition|openapi-typescript|change-case|parse-json|supports-color|index-to-position|@fastify/cookie|cookie)/)',
  ],
  moduleNameMapper,
  reporters: ['default', '<rootDir>/tools/jest-summary-reporter.js'],
  testTimeout: 30000,
};
