// A scripted conversation through the Telegram webhook on a Redis Cluster (the redis-cluster test
// project): the keys land on all three masters, and every key outside a conversation's slot is a
// bucket of a shared index or table, not one key that every turn writes. Prints, per master,
// DBSIZE and CLUSTER COUNTKEYSINSLOT for the slots this run used.
import { afterEach, describe, expect, it } from 'vitest';
import { ON_CLUSTER, connectTestStore, dropPrefix, keysUnder, testPrefix, withAdmin } from '../../helpers/redis.ts';
import { startTelegram, type Harness } from './harness.ts';

const open: Harness[] = [];
const prefixes: string[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const p of prefixes.splice(0)) await dropPrefix(p);
});

describe.skipIf(!ON_CLUSTER)('Telegram on a Redis Cluster', () => {
  it('a scripted conversation of many users spreads its keys over every master', { timeout: 120_000 }, async () => {
    const prefix = testPrefix();
    prefixes.push(prefix);
    const h = await startTelegram({ store: await connectTestStore(prefix) });
    open.push(h);
    const users = Array.from({ length: 24 }, () => h.user());
    for (const [i, u] of users.entries()) {
      expect((await u.start()).length).toBeGreaterThan(0);
      await u.press(i % 2 ? 'country_JP' : 'country_TW');
      expect((await u.text('hộ chiếu hết hạn')).length).toBeGreaterThan(0);
    }
    await u0Handoff(users[0]!);
    await h.server.stats.flush();

    const perNode = await withAdmin(async (_c, conn) => {
      const rows: { node: string; dbsize: number; ours: number; slots: Map<number, number> }[] = [];
      for (const { node, keys } of await keysUnder(conn, prefix)) {
        const slots = new Map<number, number>();
        for (const k of keys) {
          const slot = Number(await node.sendCommand(['CLUSTER', 'KEYSLOT', k]));
          if (!slots.has(slot)) slots.set(slot, Number(await node.sendCommand(['CLUSTER', 'COUNTKEYSINSLOT', String(slot)])));
        }
        const info = String(await node.sendCommand(['CLUSTER', 'MYID']));
        rows.push({ node: info.slice(0, 8), dbsize: await node.dbSize(), ours: keys.length, slots });
      }
      return { rows, names: (await keysUnder(conn, prefix)).flatMap((n) => n.keys.map((k) => k.slice(prefix.length))) };
    });
    for (const r of perNode.rows) {
      const top = [...r.slots].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([s, n]) => `${s}:${n}`).join(' ');
      process.stdout.write(`master ${r.node}: DBSIZE ${r.dbsize}, keys of this run ${r.ours} in ${r.slots.size} slots (COUNTKEYSINSLOT, busiest: ${top})\n`);
    }
    expect(perNode.rows).toHaveLength(3);
    for (const r of perNode.rows) expect(r.ours).toBeGreaterThan(0);
    // Outside a conversation's hash tag only buckets of shared indexes and tables (and the audit
    // list, which staff write), and the texts shared by conversations, each in a slot of its own.
    const shared = perNode.names.filter((n) => !/\{(telegram|system):/.test(n));
    expect(shared.length).toBeGreaterThan(0);
    for (const n of shared) expect(n).toMatch(/^(outbox:index:\{ob:\d+\}|outbox:dead-index:\{dl:\d+\}|table:\{t:[^}]+:\d+\}|ctr:\{c:[^}]+:\d+\}|list:|text:\{tx:[\w-]{16}\}$)/);
  });
});

async function u0Handoff(u: { text(t: string): Promise<unknown> }): Promise<void> {
  // A hand-off writes the hand-off tables: they too are bucketed.
  await u.text('gặp cán bộ');
}
