// kill -9 of one of two real processes under Telegram load, then started again: the "platform"
// posts every update it got no 200 for again (to the other instance meanwhile), and each user's
// chat must read as the control run's — nothing doubled or reordered, and nothing lost unseen.
// A reply marked in flight whose process died before its request left cannot be told from one that
// reached Telegram (which has no idempotency key): at most once to the user makes it a dead letter
// "may have been delivered", shown in the console, never a second send. Every reply missing from a
// chat must be one of that chat's dead letters (lostSilently); how many there were is printed.
import { describe, expect, it } from 'vitest';
import { parseClusterNodes } from '../../src/store/redis-client.ts';
import { TEST_CLUSTER_NODES, clusterAnswers } from '../helpers/cluster-probe.ts';
import { clusterKeysPerMaster, runProcessLoad } from './process-load.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Telegram when an instance is killed', () => {
  it('kill -9 of one of two instances mid-load, restarted: every reply once, in order', async () => {
    let killedAt = 0;
    const f = await runProcessLoad({
      users: 40,
      messages: 5,
      instances: 2,
      paceMs: 50,
      retryMs: 200,
      during: async ({ api, bots }) => {
        // Killed once a third of the replies went out: mid-load, whatever the machine's speed (a
        // fixed 2.5 s came after the last reply on a quiet machine, and the kill met no send).
        const sent = () => api.of('sendMessage').filter((c) => c.result !== undefined).length;
        while (sent() < 70) await sleep(20);
        killedAt = sent();
        await bots[0]!.kill('SIGKILL');
        await sleep(1000);
        await bots[0]!.start();
      },
    });
    process.stdout.write(`kill -9 after ${killedAt} of ${f.replies} replies: ${JSON.stringify(f)}\n`);
    expect(killedAt).toBeLessThan(f.replies);
    expect(f.crashed).toBe(0);
    expect({ lostSilently: f.lostSilently, doubled: f.doubled, reordered: f.reordered, errors: f.errors }).toEqual({ lostSilently: 0, doubled: 0, reordered: 0, errors: 0 });
  }, 300_000);
});

// The same kill on a Redis Cluster (`.ci/redis-cluster`, or TEST_REDIS_CLUSTER_NODES): the
// instances' locks, outboxes and recovery index are spread over three masters. Fewer users, so the
// run stays short; skipped with a message when no cluster answers.
const clusterNodes = parseClusterNodes(TEST_CLUSTER_NODES);
const onCluster = await clusterAnswers(TEST_CLUSTER_NODES);
if (!onCluster) process.stderr.write(`kill -9 on a Redis Cluster skipped: no Redis Cluster answers at ${TEST_CLUSTER_NODES} (start one with .ci/redis-cluster)\n`);

describe.skipIf(!onCluster)('Telegram on a Redis Cluster when an instance is killed', () => {
  it('kill -9 of one of two instances mid-load, restarted: every reply once, in order', async () => {
    let killedAt = 0;
    let perMaster: number[] = [];
    const f = await runProcessLoad({
      users: 20,
      messages: 5,
      instances: 2,
      paceMs: 50,
      retryMs: 200,
      cluster: clusterNodes,
      during: async ({ api, bots, clusterPrefix }) => {
        // Killed once a third of the replies went out: mid-load, whatever the machine's speed.
        const sent = () => api.of('sendMessage').filter((c) => c.result !== undefined).length;
        while (sent() < 35) await sleep(20);
        killedAt = sent();
        await bots[0]!.kill('SIGKILL');
        perMaster = await clusterKeysPerMaster(clusterNodes, clusterPrefix!);
        await sleep(1000);
        await bots[0]!.start();
      },
    });
    process.stdout.write(`kill -9 on a Redis Cluster after ${killedAt} of ${f.replies} replies (keys per master then: ${perMaster.join(', ')}): ${JSON.stringify(f)}\n`);
    expect(killedAt).toBeLessThan(f.replies);
    // The instances really ran on the cluster, its keys on every master.
    expect(perMaster).toHaveLength(3);
    for (const n of perMaster) expect(n).toBeGreaterThan(0);
    expect(f.crashed).toBe(0);
    expect({ lostSilently: f.lostSilently, doubled: f.doubled, reordered: f.reordered, errors: f.errors }).toEqual({ lostSilently: 0, doubled: 0, reordered: 0, errors: 0 });
  }, 300_000);
});
