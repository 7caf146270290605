// `npm run bench:erase`: how long erasing one conversation takes while the store holds 10 k and
// then 500 k keys of other users, on a single Redis (REDIS_URL) or, with REDIS_CLUSTER_NODES, on a
// Redis Cluster. Erase deletes named keys (its own and those its `own:` set lists), so the figures
// should not grow with the others' data.
import { randomUUID } from 'node:crypto';
import type { ConversationKey } from '../src/core/messages.ts';
import { connectRedis, parseClusterNodes } from '../src/store/redis-client.ts';
import { RedisStore } from '../src/store/redis.ts';
import { pct } from './percentile.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const CLUSTER = parseClusterNodes(process.env.REDIS_CLUSTER_NODES);
const target = CLUSTER.length > 0 ? { clusterNodes: CLUSTER } : { url: REDIS_URL };
const SIZES = (process.env.BENCH_ERASE_SIZES ?? '10000,500000').split(',').map(Number);
const RUNS = 50;

const prefix = `bench-erase:${randomUUID().slice(0, 8)}:`;
const conn = await connectRedis(target);
const admin = conn.cmd as unknown as { set(k: string, v: string): Promise<unknown> };
const store = await RedisStore.connect({ ...target, prefix });

/** Keys in the whole store: every master's DBSIZE. */
async function dbSize(): Promise<number> {
  let n = 0;
  for (const node of await conn.masters()) n += await node.dbSize();
  return n;
}

/** Other users' data: one record key each (what matters is how many keys the Redis holds). */
async function fill(from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 1000) {
    const batch: Promise<unknown>[] = [];
    for (let j = i; j < Math.min(to, i + 1000); j++) batch.push(admin.set(`${prefix}conv:{telegram:bot:filler${j}}`, '{}'));
    await Promise.all(batch);
  }
}

async function oneConversation(key: ConversationKey): Promise<void> {
  await store.commitTurn(key, {
    record: { flowVersion: 1, snapshot: {}, pending: [], updatedAt: 1 },
    recordTtlMs: 600_000,
    messageId: 'm1',
    dedupeTtlMs: 600_000,
    outbox: [{ id: 'r1', key, message: { text: 'hi', from: 'bot', priority: 'normal' }, attempts: 0, enqueuedAt: 1 }],
    mailbox: { name: 'transcript', items: ['hi'], ttlMs: 600_000 },
  });
  await store.countInWindow('inbound', key, 600_000);
  await store.mailboxPush('telegram:messages', key, { id: 1 }, 600_000);
}

const rows: { keys: number; p50Ms: number; p99Ms: number }[] = [];
let filled = 0;
try {
  for (const size of SIZES) {
    await fill(filled, size);
    filled = size;
    const times: number[] = [];
    for (let r = 0; r < RUNS; r++) {
      const key = { channel: 'telegram', account: 'bot', user: `erased${r}` };
      await oneConversation(key);
      const t0 = performance.now();
      await store.deleteConversation(key);
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const row = { keys: await dbSize(), p50Ms: +pct(times, 50).toFixed(3), p99Ms: +pct(times, 99).toFixed(3) };
    rows.push(row);
    process.stdout.write(`erase with ${row.keys} keys in ${CLUSTER.length > 0 ? `a ${(await conn.masters()).length}-master Redis Cluster` : 'Redis'}: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms (${RUNS} erases)\n`);
  }
} finally {
  // Node by node, one DEL per key (on a cluster one node's keys span many slots).
  for (const node of await conn.masters()) {
    for await (const batch of node.scanIterator({ MATCH: `${prefix}*`, COUNT: 5000 })) await Promise.all((batch as unknown as string[]).map((k) => node.del(k)));
  }
  await store.close();
  await conn.close();
}
process.stdout.write(`${JSON.stringify({ erase: rows })}\n`);
