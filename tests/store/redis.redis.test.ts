import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../src/core/ports.ts';
import type { RedisStore } from '../../src/store/redis.ts';
import { CommandRecorder } from '../helpers/monitor.ts';
import { ON_CLUSTER, connectTestStore, dropPrefix, flushScripts, testPrefix, withAdmin } from '../helpers/redis.ts';
import { storeContract } from './contract.ts';
import { handled } from './handled.ts';

const prefixes = new Map<Store, string>();
storeContract(
  'redis',
  async () => {
    const prefix = testPrefix();
    const s = await connectTestStore(prefix);
    prefixes.set(s, prefix);
    return s;
  },
  async (s) => {
    await dropPrefix(prefixes.get(s)!);
    await s.close();
  },
);

describe('redis store', () => {
  const opened: RedisStore[] = [];
  afterAll(async () => {
    for (const s of opened) await s.close();
  });

  it('runs its scripts again after Redis forgot them (a restart, SCRIPT FLUSH)', async () => {
    const prefix = testPrefix();
    const s = await connectTestStore(prefix);
    opened.push(s);
    const key = { channel: 'web', account: 'default', user: 'scripts' };
    expect(await s.countInWindow('inbound', key, 10_000)).toBe(1);
    await flushScripts();
    expect(await s.countInWindow('inbound', key, 10_000)).toBe(2);
    await expect(s.withLock(key, { ttlMs: 1000, waitMs: 100 }, async () => 'held')).resolves.toBe('held');
    await dropPrefix(prefix);
  });

  // On a single Redis, where the three are sent in one write: a cluster awaits each in turn, and
  // its masters' MONITOR streams carry no order between them.
  it.skipIf(ON_CLUSTER)('joins the recovery index before a commit that leaves replies and again after it, also when the script is sent again', async () => {
    const prefix = testPrefix();
    const s = await connectTestStore(prefix);
    opened.push(s);
    const rec = await CommandRecorder.start(prefix);
    try {
      const key = { channel: 'web', account: 'default', user: 'indexed' };
      const commit = (id: string) =>
        s.commitTurn(key, { record: { flowVersion: 1, snapshot: {}, pending: [], updatedAt: 0 }, recordTtlMs: 60_000, messageId: id, dedupeTtlMs: 60_000, outbox: [{ id, key, message: { text: id, from: 'bot', priority: 'normal' }, attempts: 0, enqueuedAt: 0 }] });
      await commit('warm');
      for (const [label, before] of [['loaded', async () => {}], ['forgotten', flushScripts]] as const) {
        await before();
        await rec.take();
        await commit(label);
        // In the order Redis ran them.
        const ran = (await rec.take()).filter((c) => c.name === 'sadd' || (c.name === 'rpush' && c.args[0]!.includes('outbox:{')));
        const order = ran.map((c) => c.name);
        expect(order[0], label).toBe('sadd');
        expect(order.indexOf('rpush'), label).toBeGreaterThan(0);
        expect(order.lastIndexOf('sadd'), label).toBeGreaterThan(order.indexOf('rpush'));
      }
      expect(await s.outboxConversations()).toEqual([key]);
    } finally {
      await rec.close();
      await dropPrefix(prefix);
    }
  });

  it('expires records with their TTL in Redis itself', async () => {
    const prefix = testPrefix();
    const s = await connectTestStore(prefix);
    opened.push(s);
    const key = { channel: 'web', account: 'default', user: 'ttl' };
    await s.commitTurn(key, {
      record: { flowVersion: 1, snapshot: {}, pending: [], updatedAt: 0 },
      recordTtlMs: 150,
      messageId: 'm1',
      dedupeTtlMs: 150,
      outbox: [],
    });
    expect(await s.getConversation(key)).toBeDefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(await s.getConversation(key)).toBeUndefined();
    expect(await handled(s, key, 'm1')).toBe(false);
    await dropPrefix(prefix);
  });

  it('shares a lock between two connections (two instances)', async () => {
    const prefix = testPrefix();
    const a = await connectTestStore(prefix);
    const b = await connectTestStore(prefix);
    opened.push(a, b);
    const key = { channel: 'web', account: 'default', user: 'shared' };
    const order: string[] = [];
    const hold = (s: Store, label: string) =>
      s.withLock(key, { ttlMs: 5_000, waitMs: 5_000 }, async () => {
        order.push(`${label}+`);
        await new Promise((r) => setTimeout(r, 50));
        order.push(`${label}-`);
      });
    await Promise.all([hold(a, 'a'), hold(b, 'b')]);
    expect(order.join(' ')).toBe(order[0] === 'a+' ? 'a+ a- b+ b-' : 'b+ b- a+ a-');
    await dropPrefix(prefix);
  });
});

describe('redis lock waits (notified, not polled)', () => {
  /** How many times the store tried to take a lock (each try is one script call). */
  function countTries(s: RedisStore): () => number {
    let tries = 0;
    const run = (s as unknown as { run: (sc: { source: string }, ...rest: unknown[]) => Promise<unknown> }).run.bind(s);
    (s as unknown as { run: typeof run }).run = (sc, ...rest) => {
      if (sc.source.includes("'NX'")) tries++;
      return run(sc, ...rest);
    };
    return () => tries;
  }

  it('a waiter is woken by the release on another connection, after one or two tries', async () => {
    const prefix = testPrefix();
    const a = await connectTestStore(prefix);
    const b = await connectTestStore(prefix);
    try {
      const key = { channel: 'web', account: 'default', user: 'notified' };
      const tries = countTries(b);
      let release!: () => void;
      let holding!: () => void;
      const held = new Promise<void>((r) => (holding = r));
      const first = a.withLock(key, { ttlMs: 20_000, waitMs: 1000 }, async () => {
        holding();
        await new Promise<void>((r) => (release = r));
        return 'first';
      });
      await held;
      const second = b.withLock(key, { ttlMs: 20_000, waitMs: 15_000 }, async () => 'second');
      await new Promise((r) => setTimeout(r, 300));
      release();
      expect(await Promise.all([first, second])).toEqual(['first', 'second']);
      // A sleep loop would have tried every few milliseconds while the lock was held.
      expect(tries()).toBeLessThanOrEqual(3);
    } finally {
      await dropPrefix(prefix);
      await a.close();
      await b.close();
    }
  });

  it('a lock whose holder died (never released) is taken when it expires, without polling meanwhile', async () => {
    const prefix = testPrefix();
    const s = await connectTestStore(prefix);
    try {
      const key = { channel: 'web', account: 'default', user: 'orphan' };
      await withAdmin((admin) => admin.set(`${prefix}lock:turn:{web:default:orphan}`, 'dead-holder', { expiration: { type: 'PX', value: 400 } }));
      const tries = countTries(s);
      expect(await s.withLock(key, { ttlMs: 5_000, waitMs: 10_000 }, async () => 'taken')).toBe('taken');
      expect(tries()).toBeLessThanOrEqual(3);
    } finally {
      await dropPrefix(prefix);
      await s.close();
    }
  });
});
