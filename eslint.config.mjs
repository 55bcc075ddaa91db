import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

export default tseslint.config(
  // libs/api-client/src/schema.d.ts is generated (npm run api:client) and checked against the document.
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      'coverage/**',
      '**/*.js',
      '**/*.mjs',
      'libs/api-client/src/schema.d.ts',
      'libs/api-client/src/operation-roles.ts',
      'libs/api-client/src/enum-values.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  prettier,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'no-console': 'off',
    },
  },
  {
    files: ['libs/domain/**/*.ts'],
    rules: {
      // Deciders stay pure: no framework, no I/O.
      'no-restricted-imports': ['error', { patterns: ['@nestjs/*', 'better-sqlite3', 'node:*', 'fs', 'crypto', 'class-validator', 'class-transformer'] }],
    },
  },
);
