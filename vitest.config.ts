import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing; integration tests talk to a real Redis (REDIS_URL or
// 127.0.0.1:6379) and run one file at a time so they do not trample each other's keys. The long
// fault tests (*.faults.test.ts) run apart: `npm run faults` (vitest.faults.config.ts).
// No test is timed: vitest's 5 s default is a speed limit in disguise, which a scrypt-heavy console
// test or a process start misses when another job holds both cores of a small machine. The bounds
// below only say when a test is stuck.
const timeouts = { testTimeout: 120_000, hookTimeout: 120_000 };

export default defineConfig({
  test: {
    ...timeouts,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.redis.test.ts', 'tests/**/*.faults.test.ts', 'node_modules/**'],
          environment: 'node',
          ...timeouts,
          setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/hermetic.ts'],
        },
      },
      {
        test: {
          name: 'redis',
          include: ['tests/**/*.redis.test.ts'],
          environment: 'node',
          ...timeouts,
          setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/hermetic.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
