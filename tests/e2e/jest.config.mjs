// Browser tests: one production server for the whole run (global setup), tests one after another.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import nextJest from 'next/jest.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const createJestConfig = nextJest({ dir: root });

/** @type {import('jest').Config} */
const config = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['<rootDir>/tests/e2e/**/*.e2e.ts'],
  moduleNameMapper: { '^@/(.*)$': '<rootDir>/$1' },
  globalSetup: '<rootDir>/tests/e2e/global-setup.ts',
  globalTeardown: '<rootDir>/tests/e2e/global-teardown.ts',
  maxWorkers: 1,
  testTimeout: 90_000,
};

export default createJestConfig(config);
