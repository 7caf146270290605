// Everything a store holds, as text: key names and values. The erasure tests read it to prove that
// nothing of a user is left anywhere — not only in the keys the code knows it wrote.
import { MemoryStore } from '../../src/store/memory.ts';
import { keysUnder, withAdmin } from '../helpers/redis.ts';

export interface Dumped {
  key: string;
  value: string;
}

function text(value: unknown): string {
  if (value instanceof Map) return JSON.stringify([...value.entries()]);
  if (value instanceof Set) return JSON.stringify([...value]);
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** MemoryStore keeps its entries in a private map; the test reads it as a debugger would. */
export function dumpMemoryStore(store: MemoryStore): Dumped[] {
  const internals = store as unknown as { values: Map<string, { value: unknown; expiresAt: number }>; outboxIndex: Set<string> };
  const out = [...internals.values.entries()].map(([key, e]) => ({ key, value: text(e.value) }));
  out.push({ key: '(outbox index)', value: text(internals.outboxIndex) });
  return out;
}

/** Every key under the prefix on the real Redis (every master of a cluster), with its value whatever its type. */
export async function dumpRedis(prefix: string): Promise<Dumped[]> {
  const out: Dumped[] = [];
  await withAdmin(async (_c, conn) => {
    for (const { node: client, keys } of await keysUnder(conn, prefix)) {
      for (const key of keys) {
        const type = await client.type(key);
        let value: unknown;
        if (type === 'string') value = await client.get(key);
        else if (type === 'hash') value = await client.hGetAll(key);
        else if (type === 'list') value = await client.lRange(key, 0, -1);
        else if (type === 'set') value = await client.sMembers(key);
        else if (type === 'zset') value = await client.zRange(key, 0, -1);
        else value = `(${type})`;
        out.push({ key, value: text(value) });
      }
    }
  });
  return out;
}

/** The entries where any of the needles appears, in the key or in the value (diacritics and case as stored). */
export function mentioning(dump: Dumped[], needles: readonly string[]): Dumped[] {
  return dump.filter((d) => needles.some((n) => d.key.includes(n) || d.value.includes(n) || d.value.includes(JSON.stringify(n).slice(1, -1))));
}
