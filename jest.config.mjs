import nextJest from 'next/jest.js';

// next/jest also maps `server-only` to an empty module: the data modules that import it (lib/queries,
// lib/export, lib/realtime, db/client) throw outside Next's react-server build, but load in tests.
const createJestConfig = nextJest({ dir: './' });

/** @type {import('jest').Config} */
const config = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['<rootDir>/tests/unit/**/*.test.ts?(x)', '<rootDir>/tests/integration/**/*.test.ts?(x)'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  // Integration suites each create a database; two workers match the machine's two cores.
  maxWorkers: 2,
  // Migrated template databases, built once per run and copied by every suite (tests/helpers/template-databases.ts).
  globalSetup: '<rootDir>/tests/global-setup.ts',
  globalTeardown: '<rootDir>/tests/global-teardown.ts',
  testTimeout: 60_000,
};

export default createJestConfig(config);
