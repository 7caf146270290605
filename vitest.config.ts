import { defineConfig } from 'vitest/config';
import { TEST_CLUSTER_NODES, clusterAnswers } from './tests/helpers/cluster-probe.ts';

// Two projects: unit tests need nothing; integration tests talk to a real Redis (REDIS_URL or
// 127.0.0.1:6379) and run one file at a time so they do not trample each other's keys. The long
// fault tests (*.faults.test.ts) run apart: `npm run faults` (vitest.faults.config.ts).
// No test is timed: vitest's 5 s default is a speed limit in disguise, which a scrypt-heavy console
// test or a process start misses when another job holds both cores of a small machine. The bounds
// below only say when a test is stuck.
const timeouts = { testTimeout: 120_000, hookTimeout: 120_000 };

// The store's Redis tests run a second time against a Redis Cluster (`.ci/redis-cluster` starts
// one on 127.0.0.1:7101-7103; TEST_REDIS_CLUSTER_NODES names another). CI always has one; without
// a cluster that answers, that project is left out with a message saying so.
const clusterNodes = TEST_CLUSTER_NODES;
const CLUSTER_TESTS = [
  'tests/store/redis.redis.test.ts',
  'tests/store/cluster.redis.test.ts',
  'tests/store/turn-writes.redis.test.ts',
  'tests/registration/erase.redis.test.ts',
  'tests/registration/repository.redis.test.ts',
  'tests/core/conversation.redis.test.ts',
  'tests/handoff/queue.redis.test.ts',
  'tests/channels/telegram/telegram.redis.test.ts',
  'tests/channels/telegram/cluster-spread.redis.test.ts',
  'tests/faults/handoff-intent.redis.test.ts',
  'tests/console/two-instances.redis.test.ts',
];

const onCluster = await clusterAnswers(clusterNodes);
if (!onCluster && !process.env.VITEST_WORKER_ID) {
  process.stderr.write(`redis-cluster tests skipped: no Redis Cluster answers at ${clusterNodes} (start one with .ci/redis-cluster)\n`);
}
const clusterProject = {
  test: {
    name: 'redis-cluster',
    include: CLUSTER_TESTS,
    environment: 'node' as const,
    ...timeouts,
    setupFiles: ['tests/setup/fast-check.ts', 'tests/setup/hermetic.ts'],
    fileParallelism: false,
    env: { TEST_REDIS_CLUSTER_NODES: clusterNodes },
  },
};

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
      ...(onCluster ? [clusterProject] : []),
    ],
  },
});
