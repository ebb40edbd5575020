// Lint: Next's own rules (core web vitals, TypeScript) plus the layer rules of our layout, so that the
// direction of the data path (db ← lib ← components ← app) is checked on every change, not remembered.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** Imports a layer may not make (a regular expression over the import path): everything above it. */
const forbid = (regex) => ({
  'no-restricted-imports': ['error', { patterns: [{ regex, message: 'Imports go down the layers only: app → components → lib → db.' }] }],
});

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'bench/results/**', 'tests/e2e/artifacts/**', 'next-env.d.ts']),
  {
    // A leading underscore marks a value left out on purpose (`{ page: _page, ...rest }`).
    rules: { '@typescript-eslint/no-unused-vars': ['warn', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }] },
  },
  { files: ['db/**'], rules: forbid('^@/(lib|components|app)/') },
  // Pure maths: it may use the calendar and number formats, nothing that knows about requests or storage.
  { files: ['lib/analytics/**'], rules: forbid('^@/(db|components|app)/|^@/lib/(?!analytics/|calendar/|format$)') },
  { files: ['lib/**'], ignores: ['lib/analytics/**'], rules: forbid('^@/(components|app)/') },
  { files: ['components/**'], rules: forbid('^@/app/') },
]);
