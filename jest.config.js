/** Jest on Node 20 and 24 with ES modules: ts-jest transpiles, Node's VM modules run the result. */
export default {
  testEnvironment: 'node',
  rootDir: '.',
  roots: ['<rootDir>/src', '<rootDir>/test'],
  testMatch: ['**/*.spec.ts', '**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }] },
  testTimeout: 60000,
  // Both cores: jest's default (cores - 1) runs one file at a time on a 2-core machine. Each file has a database of its own.
  maxWorkers: 2,
  // One migrated template database per run, copied for each test file (test/template/).
  globalSetup: '<rootDir>/test/template/global-setup.ts',
  globalTeardown: '<rootDir>/test/template/global-teardown.ts',
};
