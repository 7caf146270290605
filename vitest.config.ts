import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing; integration tests talk to a real Redis (REDIS_URL or
// 127.0.0.1:6379) and run one file at a time so they do not trample each other's keys. The long
// fault tests (*.faults.test.ts) run apart: `npm run faults` (vitest.faults.config.ts).
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/**/*.redis.test.ts', 'tests/**/*.faults.test.ts', 'node_modules/**'],
          environment: 'node',
          setupFiles: ['tests/setup/fast-check.ts'],
        },
      },
      {
        test: {
          name: 'redis',
          include: ['tests/**/*.redis.test.ts'],
          environment: 'node',
          setupFiles: ['tests/setup/fast-check.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
