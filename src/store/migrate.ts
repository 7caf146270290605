// Moves what an older version kept in other shapes into today's layout (keys.ts), once per
// deployment (a marker key per step says it is done). Runs at connect on a single Redis only: a
// cluster deployment starts on today's layout. The one SCAN here is a one-off at the first start
// after the upgrade, not part of any request.
//
// Two steps, each claimed by its own marker so a deployment that already took the first takes the
// second alone:
// - buckets: one key per table, index or statistics period → hash-tagged buckets;
// - owned: one handled-mark key per message (`seen:{tag}:<id>`) → the conversation's sorted set,
//   and the mailboxes and counters an older version wrote without naming them in the
//   conversation's `own:` set get named there, so erase (which never scans) finds them. Without
//   it a message redelivered within 48 h of the upgrade would be handled twice, and erasing an
//   older conversation would leave its transcript.
import type { RedisClientType } from 'redis';
import { bucketOf, keys } from './keys.ts';

const BUCKETS_MARKER = 'layout:buckets-v1';
const OWNED_MARKER = 'layout:owned-v1';

// KEYS: the old per-message mark, the conversation's sorted set. ARGV: message id, now (ms).
// The mark keeps the rest of its life: scored by when it expires, the set living at least as long.
const MOVE_SEEN = `local ttl = redis.call('pttl', KEYS[1])
if ttl == -2 then return 0 end
local existed = redis.call('exists', KEYS[2])
local left = redis.call('pttl', KEYS[2])
if ttl == -1 then
  redis.call('zadd', KEYS[2], '+inf', ARGV[1])
  redis.call('persist', KEYS[2])
else
  redis.call('zadd', KEYS[2], 'GT', tonumber(ARGV[2]) + ttl, ARGV[1])
  if existed == 0 or (left >= 0 and left < ttl) then redis.call('pexpire', KEYS[2], ttl) end
end
redis.call('del', KEYS[1])
return 1`;
// KEYS: the conversation's `own:` hash (a set when an older version wrote it), a key of varying
// name it owns. It lives at least as long as the key (as the store's own scripts keep it).
const NAME_OWNED = `local ttl = redis.call('pttl', KEYS[2])
if ttl == -2 then return 0 end
local existed = redis.call('exists', KEYS[1])
local left = redis.call('pttl', KEYS[1])
if redis.call('type', KEYS[1]).ok == 'set' then redis.call('sadd', KEYS[1], KEYS[2]) else redis.call('hset', KEYS[1], KEYS[2], '') end
if ttl == -1 then redis.call('persist', KEYS[1])
elseif existed == 0 or (left >= 0 and left < ttl) then redis.call('pexpire', KEYS[1], ttl) end
return 1`;

// `seen:{tag}:<id>` (the older per-message mark; today's set is `seen:{tag}`), and the keys of
// varying names a conversation owns: `mbox:<name>:{tag}`, `count:<name>:{tag}`.
const OLD_SEEN = /^seen:(\{[^{}]*\}):(.+)$/s;
const VARYING = /^(?:mbox|count):[^{}]*:(\{[^{}]*\})$/;

export interface Migrated {
  /** Old one-key tables, indexes and statistics periods moved into buckets. */
  tables: number;
  /** Old per-message handled marks moved into their conversation's set. */
  handled: number;
  /** Mailboxes and counters newly named in their conversation's `own:` set. */
  owned: number;
}

async function claim(client: RedisClientType, marker: string): Promise<boolean> {
  // Claimed first: two instances starting together must not both add the old counts.
  return (await client.set(marker, String(Date.now()), { condition: 'NX' })) !== null;
}

export async function migrateLayout(client: RedisClientType, prefix: string): Promise<Migrated> {
  const done: Migrated = { tables: 0, handled: 0, owned: 0 };
  const buckets = await claim(client, prefix + BUCKETS_MARKER);
  const owned = await claim(client, prefix + OWNED_MARKER);
  if (!buckets && !owned) return done;
  const legacy: string[] = [];
  const now = String(Date.now());
  for await (const batch of client.scanIterator({ MATCH: `${prefix.replace(/[*?[\]\\]/g, '\\$&')}*`, COUNT: 1000 })) {
    const work: Promise<unknown>[] = [];
    for (const k of batch as unknown as string[]) {
      const name = k.slice(prefix.length);
      if (!name.includes('{')) {
        if (buckets && (name.startsWith('table:') || name.startsWith('ctr:') || name === 'outbox:index' || name === 'outbox:dead-index')) legacy.push(name);
        continue;
      }
      if (!owned) continue;
      const seen = OLD_SEEN.exec(name);
      if (seen) {
        work.push(client.eval(MOVE_SEEN, { keys: [k, `${prefix}seen:${seen[1]}`], arguments: [seen[2]!, now] }).then((n) => (done.handled += Number(n))));
        continue;
      }
      const varying = VARYING.exec(name);
      if (varying) work.push(client.eval(NAME_OWNED, { keys: [`${prefix}own:${varying[1]}`, k] }).then((n) => (done.owned += Number(n))));
    }
    await Promise.all(work);
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
    done.tables++;
  }
  return done;
}
