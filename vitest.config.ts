import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

// `npm test` runs every project: pure unit tests; integration tests (*.int.test.ts: services,
// repositories and routes on a real database) on PGlite and, when DATABASE_URL is set, again on
// PostgreSQL; then the end-to-end tests in Chromium.
const integration = (engine: 'pglite' | 'postgres'): TestProjectInlineConfiguration => ({
  test: {
    name: `integration-${engine}`,
    include: ['src/**/*.int.test.ts', 'test/integration/**/*.test.ts'],
    // Operator-level tests of the PGlite data directory run once, in the PGlite project.
    exclude: engine === 'postgres' ? ['**/*.pglite.test.ts'] : [],
    globalSetup: ['test/setup/migrated-template.ts'],
    provide: { engine },
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.int.test.ts'] } },
      integration('pglite'),
      ...(process.env.DATABASE_URL ? [integration('postgres')] : []),
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          // What a page shows after a request may take seconds on a loaded CI machine (as `visible` allows).
          expect: { poll: { timeout: 15_000 } },
        },
      },
    ],
  },
});
