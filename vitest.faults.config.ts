import { defineConfig } from 'vitest/config';

// `npm run faults`: the long fault tests (several instances on one Redis, a Bot API stand-in,
// outages and slow platforms), one file at a time, after the main suite.
export default defineConfig({
  test: {
    include: ['tests/faults/**/*.faults.test.ts'],
    environment: 'node',
    setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/hermetic.ts'],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
