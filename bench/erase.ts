// `npm run bench:erase`: how long erasing one conversation takes on a single Redis while the
// store holds 10 k and then 500 k keys of other users. Erase deletes named keys (its own and
// those its `own:` set lists), so the figures should not grow with the others' data.
import { randomUUID } from 'node:crypto';
import { createClient } from 'redis';
import type { ConversationKey } from '../src/core/messages.ts';
import { RedisStore } from '../src/store/redis.ts';
import { pct } from './percentile.ts';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const SIZES = (process.env.BENCH_ERASE_SIZES ?? '10000,500000').split(',').map(Number);
const RUNS = 50;

const prefix = `bench-erase:${randomUUID().slice(0, 8)}:`;
const admin = createClient({ url: REDIS_URL });
await admin.connect();
const store = await RedisStore.connect({ url: REDIS_URL, prefix });

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
    const row = { keys: Number(await admin.dbSize()), p50Ms: +pct(times, 50).toFixed(3), p99Ms: +pct(times, 99).toFixed(3) };
    rows.push(row);
    process.stdout.write(`erase with ${row.keys} keys in Redis: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms (${RUNS} erases)\n`);
  }
} finally {
  for await (const batch of admin.scanIterator({ MATCH: `${prefix}*`, COUNT: 5000 })) {
    const ks = batch as unknown as string[];
    if (ks.length > 0) await admin.del(ks);
  }
  await store.close();
  await admin.close();
}
process.stdout.write(`${JSON.stringify({ erase: rows })}\n`);
