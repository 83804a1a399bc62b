import { defineConfig } from 'vitest/config';

// Integration tests share one Redis and start servers on loopback: they run in
// forked processes, a few at a time, each with its own key prefix and ports.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'connectors/**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**', 'connectors/servicenow/app/**'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    globalSetup: ['test/support/global-setup.ts'],
  },
});
