import nextJest from 'next/jest.js';

// next/jest also maps `server-only` to an empty module: the data modules that import it (lib/queries,
// lib/export, lib/realtime, db/client) throw outside Next's react-server build, but load in tests.
const createJestConfig = nextJest({ dir: './' });

/** What both projects share: Next's transform and module map, plus our path alias. */
const shared = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
};

/**
 * Two projects: `unit` (pure code, seconds) and `integration` (real databases, minutes). `npm test` runs
 * both; `npm test -- --selectProjects unit` runs one.
 * @type {() => Promise<import('jest').Config>}
 */
export default async function config() {
  const base = await createJestConfig(shared)();
  return {
    // Integration suites each create a database; two workers match the machine's two cores.
    maxWorkers: 2,
    testTimeout: 60_000,
    // Migrated template databases, built once per run and copied by every suite (tests/helpers/template-databases.ts).
    globalSetup: '<rootDir>/tests/global-setup.ts',
    globalTeardown: '<rootDir>/tests/global-teardown.ts',
    projects: [
      { ...base, displayName: 'unit', testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)'] },
      { ...base, displayName: 'integration', testMatch: ['<rootDir>/tests/integration/**/*.test.ts?(x)'] },
    ],
  };
}
