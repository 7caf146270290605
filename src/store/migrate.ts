// Moves what an older version kept in one key per table, index or statistics period into the
// bucketed keys (keys.ts), once per deployment (a marker key says it is done). Runs at connect on a
// single Redis only: a cluster deployment starts on the bucketed layout. The one SCAN here is a
// one-off at the first start after the upgrade, not part of any request.
import type { RedisClientType } from 'redis';
import { bucketOf, keys } from './keys.ts';

const MARKER = 'layout:buckets-v1';

export async function migrateToBuckets(client: RedisClientType, prefix: string): Promise<number> {
  // Claimed first: two instances starting together must not both add the old counts.
  if ((await client.set(prefix + MARKER, String(Date.now()), { condition: 'NX' })) === null) return 0;
  let moved = 0;
  const legacy: string[] = [];
  for await (const batch of client.scanIterator({ MATCH: `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, COUNT: 1000 })) {
    for (const k of batch as unknown as string[]) {
      const name = k.slice(prefix.length);
      if (name.includes('{')) continue;
      if (name.startsWith('table:') || name.startsWith('ctr:') || name === 'outbox:index' || name === 'outbox:dead-index') legacy.push(name);
    }
  }
  for (const name of legacy) {
    const from = prefix + name;
    if (name.startsWith('table:')) {
      const table = name.slice('table:'.length);
      for (const [id, v] of Object.entries(await client.hGetAll(from))) await client.hSet(prefix + keys.table(table, bucketOf(id)), id, v);
    } else if (name.startsWith('ctr:')) {
      const to = prefix + keys.counters(name.slice('ctr:'.length), 0);
      for (const [f, v] of Object.entries(await client.hGetAll(from))) await client.hIncrBy(to, f, Number(v));
    } else {
      const index = name === 'outbox:index' ? keys.outboxIndex : keys.deadIndex;
      for (const member of await client.sMembers(from)) await client.sAdd(prefix + index(bucketOf(member)), member);
    }
    await client.del(from);
    moved++;
  }
  return moved;
}
