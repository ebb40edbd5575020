// Lint: Next's own rules (core web vitals, TypeScript) plus the layer rules of our layout, so that the
// direction of the data path (db ← lib ← components ← app) is checked on every change, not remembered.
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

/** Imports a layer may not make: everything above it. */
const forbid = (...groups) => ({
  'no-restricted-imports': ['error', { patterns: groups.map((group) => ({ group: [group], message: 'Imports go down the layers only: app → components → lib → db.' })) }],
});

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  globalIgnores(['.next/**', 'node_modules/**', '.data/**', 'bench/results/**', 'tests/e2e/artifacts/**', 'next-env.d.ts']),
  { files: ['db/**'], rules: forbid('@/lib/*', '@/components/*', '@/app/*') },
  { files: ['lib/analytics/**'], rules: forbid('@/lib/*/**', '!@/lib/analytics/**', '@/db/*', '@/components/*', '@/app/*') },
  { files: ['lib/**'], ignores: ['lib/analytics/**'], rules: forbid('@/components/*', '@/app/*') },
  { files: ['components/**'], rules: forbid('@/app/*') },
]);
