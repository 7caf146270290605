// The production store: shared by every instance, survives restarts, on a single Redis or a Redis
// Cluster (redis-client.ts). Per-conversation keys share a hash tag (see keys.ts) so a turn's commit
// is one script in one slot; the shared indexes and tables are split into hash-tagged buckets and
// written by separate commands, never from inside a conversation's script.
import { createHash, randomUUID } from 'node:crypto';
import {
  ClientClosedError,
  ClientOfflineError,
  ConnectionTimeoutError,
  DisconnectsClientError,
  ErrorReply,
  ReconnectStrategyError,
  SocketClosedUnexpectedlyError,
  SocketTimeoutError,
} from 'redis';
import type { ConversationKey } from '../core/messages.ts';
import {
  LockLostError,
  LockTimeoutError,
  type ConversationRecord,
  type Intent,
  type Lease,
  type AckOptions,
  type LockOptions,
  type MailboxEntry,
  type OutboxItem,
  type OutboxLeaseOptions,
  type Store,
  type TurnCommit,
  type TurnOptions,
  type TurnStart,
} from '../core/ports.ts';
import { ALL_BUCKETS, BUCKETS, bucketOf, indexMember, keys, parseIndexMember, tag } from './keys.ts';
import { migrateLayout } from './migrate.ts';
import { KeyNotifier } from './notify.ts';
import { connectRedis, type Commands, type RedisConnection } from './redis-client.ts';
import { ARRIVE, ArrivalOrder, DEPART, EARLIER } from './redis-order.ts';
import { BEGIN_TURN, readBegin } from './redis-turn.ts';
import { ACK_AND_MARK, ACK_HEAD, ACQUIRE_PEEK, UPDATE_HEAD, ackAnswer } from './redis-outbox.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';

// No script touches a key outside its conversation's slot, so the recovery index (one of BUCKETS
// sets, by the conversation's hash) is kept from outside: a conversation joins its bucket before
// a write that leaves something pending (a crash in between leaves a member with nothing pending,
// which the next recovery drops) and again after it; it leaves only when a script reports nothing
// pending, and re-joins if a write slipped in meanwhile (see unindex). The turn itself — record,
// handled mark, replies, intents — stays one atomic write.

// Releases the lock only if we still own it (an expired lock may already belong to someone else),
// and wakes the instances waiting for it (ARGV[2]: the notification channel, not a key).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) redis.call('publish', ARGV[2], KEYS[1]) return 1 else return 0 end`;
// Takes the lock, or says how long its holder may still keep it (a waiter's longest wait).
const ACQUIRE = `if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end
return redis.call('pttl', KEYS[1])`;
// Keeps our lock alive; 0 when it is no longer ours (expired, or taken after it expired).
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
// Names a key of varying name in the conversation's `own:` hash (KEYS[own]), kept as long as the
// longest-lived key it names, so erase finds it without a scan. The hash is named
// <prefix>own:{tag} and the key <prefix><name>:{tag}: it keeps <name> alone ("mbox:transcript",
// a third of the full name), which erase puts back together (ownedKey); a key of another shape
// is kept whole. A hash, not a set: a small one is a listpack (about 90 bytes for a conversation's
// three names), where a set of strings is a hash table (344) before Redis 7.2. The set the version
// before wrote (whole names) becomes the hash at the conversation's next write. A script that names
// several keys (a commit's mailboxes and their trimmed counts) reads the hash's TTL once: nothing
// else in the script changes it, and a script's clock does not move while it runs.
const OWN = `local owned_ttl = {}
local function own(set, key, ttl)
  local prefix, tag = string.match(set, '^(.*)own:({[^{]*)$')
  local name = key
  if prefix and #key > #prefix + #tag + 1 and string.sub(key, 1, #prefix) == prefix and string.sub(key, -#tag - 1) == ':' .. tag then
    local short = string.sub(key, #prefix + 1, -#tag - 2)
    if not string.find(short, '{', 1, true) then name = short end
  end
  -- A set here was written by the version before (WRONGTYPE for HSET): it becomes a hash, with its
  -- TTL. Asked of the write itself, so a hash costs no TYPE on every call.
  local wrote = redis.pcall('hset', set, name, '')
  if type(wrote) == 'table' and wrote.err then
    local old, left = redis.call('smembers', set), redis.call('pttl', set)
    redis.call('del', set)
    for _, m in ipairs(old) do redis.call('hset', set, m, '') end
    if left > 0 then redis.call('pexpire', set, left) end
    redis.call('hset', set, name, '')
    owned_ttl[set] = nil
  end
  local left = owned_ttl[set] or redis.call('pttl', set)
  if left < tonumber(ttl) then
    redis.call('pexpire', set, ttl)
    left = tonumber(ttl)
  end
  owned_ttl[set] = left
end
`;
// KEYS: owned keys. The names it holds, whichever form it has (a hash today, a set before).
const OWNED_NAMES = `if redis.call('type', KEYS[1]).ok == 'set' then return redis.call('smembers', KEYS[1]) end
return redis.call('hkeys', KEYS[1])`;
// KEYS: a key of the conversation, owned keys. ARGV: the names it may go by there. Deletes it, and its name.
const DISOWN = `redis.call('del', KEYS[1])
if redis.call('type', KEYS[2]).ok == 'set' then return redis.call('srem', KEYS[2], unpack(ARGV)) end
return redis.call('hdel', KEYS[2], unpack(ARGV))`;
// Past its cap (> 0), a mailbox (KEYS[m], `n` entries long) drops its oldest entries and counts
// them (KEYS[cut]), so the numbers of the entries kept, and a reader's position, do not move. The
// count takes the list's TTL each time it grows: once a mailbox is full every append trims, so the
// two expire together; below its cap it costs no command.
const CAP = `local function cap(m, cut, set, limit, n, ttl)
  if limit <= 0 or n <= limit then return n end
  redis.call('ltrim', m, n - limit, -1)
  redis.call('incrby', cut, n - limit)
  redis.call('pexpire', cut, ttl)
  own(set, cut, ttl)
  return limit
end
`;
// KEYS: lock, record, handled ids, outbox, intents, owned keys, the outbox lock, then a mailbox and
// its trimmed count for each mailbox appended to. ARGV: fence ('' = none), record ('' = delete),
// record ttl, dedupe ttl, message id, the time now (ms), the release channel ('' = the lock stays
// held), #replies, #intents, the outbox lease's token ('' = none), its ttl and how many replies to
// read with it, then the replies and the intents, then per mailbox: #entries, ttl, cap (0 = none)
// and its entries. The handled ids are one sorted set scored by expiry: one key per conversation,
// not one per message, trimmed on every turn. Released, the lock is gone in the same write as the
// turn, and its waiters are told as RELEASE tells them. Offered the outbox lease, a commit that
// appends replies takes it if nobody holds it (as ACQUIRE_PEEK does) and answers {2, first
// replies}: the drain that follows starts without taking it again. 0: fenced; 1: committed.
const COMMIT = `${OWN}${CAP}if ARGV[1] ~= '' and redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('del', KEYS[2]) else redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
local now = tonumber(ARGV[6])
redis.call('zremrangebyscore', KEYS[3], '-inf', now)
redis.call('zadd', KEYS[3], now + tonumber(ARGV[4]), ARGV[5])
redis.call('pexpire', KEYS[3], ARGV[4])
local nOut, nInt = tonumber(ARGV[8]), tonumber(ARGV[9])
local i = 13
if nOut > 0 then redis.call('rpush', KEYS[4], unpack(ARGV, i, i + nOut - 1)) i = i + nOut end
if nInt > 0 then
  redis.call('rpush', KEYS[5], unpack(ARGV, i, i + nInt - 1)) i = i + nInt
  redis.call('pexpire', KEYS[5], ARGV[3])
end
local m = 8
while i <= #ARGV do
  local n, ttl, limit = tonumber(ARGV[i]), ARGV[i + 1], tonumber(ARGV[i + 2])
  local len = redis.call('rpush', KEYS[m], unpack(ARGV, i + 3, i + 2 + n))
  redis.call('pexpire', KEYS[m], ttl) own(KEYS[6], KEYS[m], ttl)
  cap(KEYS[m], KEYS[m + 1], KEYS[6], limit, len, ttl)
  i, m = i + 3 + n, m + 2
end
if ARGV[1] ~= '' and ARGV[7] ~= '' then redis.call('del', KEYS[1]) redis.call('publish', ARGV[7], KEYS[1]) end
if nOut > 0 and ARGV[10] ~= '' and redis.call('set', KEYS[7], ARGV[10], 'NX', 'PX', ARGV[11]) then
  local items = redis.call('lrange', KEYS[4], 0, tonumber(ARGV[12]) - 1)
  table.insert(items, 1, 2)
  return items
end
return 1`;
// Shared tail of the outbox scripts. KEYS[1] outbox, KEYS[3] intents. 0: replies left; 1: none,
// intents left; 2: nothing pending (the caller takes the conversation out of the recovery index).
const SETTLE = `if redis.call('llen', KEYS[1]) > 0 then return 0 end
if redis.call('llen', KEYS[3]) > 0 then return 1 end
return 2`;
// KEYS: outbox, lock, intents, dead letters. ARGV: item id, fence, item, ttl. The dead-letter
// index learnt of the conversation before this runs.
const GIVE_UP = `if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return -1 end
local h = redis.call('lindex', KEYS[1], 0)
if h and cjson.decode(h).id == ARGV[1] then
  redis.call('lpop', KEYS[1])
  redis.call('rpush', KEYS[4], ARGV[3])
  redis.call('pexpire', KEYS[4], ARGV[4])
end
${SETTLE}`;
// KEYS: outbox, (unused), intents. ARGV: -, -, -, then the ids done.
const INTENTS_DONE = `for _, raw in ipairs(redis.call('lrange', KEYS[3], 0, -1)) do
  local id = cjson.decode(raw).id
  for j = 4, #ARGV do if ARGV[j] == id then redis.call('lrem', KEYS[3], 1, raw) end end
end
${SETTLE}`;
// Counts one more event in a window that starts with the first one (one command, not a MULTI).
// KEYS: counter, owned keys.
const COUNT_IN_WINDOW = `${OWN}local c = redis.call('incr', KEYS[1])
if c == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) own(KEYS[2], KEYS[1], ARGV[1]) end
return c`;
// KEYS: mailbox, owned keys, trimmed count. ARGV: entry, ttl, cap. The mailbox's new length.
const MAILBOX_PUSH = `${OWN}${CAP}local n = redis.call('rpush', KEYS[1], ARGV[1])
redis.call('pexpire', KEYS[1], ARGV[2])
own(KEYS[2], KEYS[1], ARGV[2])
return cap(KEYS[1], KEYS[3], KEYS[2], tonumber(ARGV[3]), n, ARGV[2])`;
// KEYS: mailbox, trimmed count. ARGV: the reader's position. The trimmed count, then the entries after it.
const MAILBOX_READ = `local cut = tonumber(redis.call('get', KEYS[2]) or '0')
local from = math.max(0, tonumber(ARGV[1]) - cut)
return {cut, redis.call('lrange', KEYS[1], from, -1)}`;

/** A Lua script sent once per connection; afterwards only its SHA1 travels (EVALSHA). */
interface Script {
  source: string;
  sha: string;
}
const script = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') });
const SCRIPTS = {
  release: script(RELEASE),
  acquire: script(ACQUIRE),
  acquirePeek: script(ACQUIRE_PEEK),
  renew: script(RENEW),
  commit: script(COMMIT),
  ackHead: script(ACK_HEAD),
  ackAndMark: script(ACK_AND_MARK),
  updateHead: script(UPDATE_HEAD),
  giveUp: script(GIVE_UP),
  intentsDone: script(INTENTS_DONE),
  countInWindow: script(COUNT_IN_WINDOW),
  mailboxPush: script(MAILBOX_PUSH),
  mailboxRead: script(MAILBOX_READ),
  beginTurn: script(`${OWN}${BEGIN_TURN}`),
  ownedNames: script(OWNED_NAMES),
  disown: script(DISOWN),
  arrive: script(ARRIVE),
  earlier: script(EARLIER),
  depart: script(DEPART),
};

/** How the `own:` set names a key of the conversation (what OWN keeps): without its tag. */
function ownedName(unprefixed: string): string {
  return unprefixed.slice(0, unprefixed.lastIndexOf(':{'));
}

class RedisLease implements Lease {
  lost = false;
  /** An ack released the lock already (AckOptions.release): nothing left to release. */
  released = false;
  private confirmedAt = Date.now();

  constructor(
    private readonly renew: () => Promise<unknown>,
    readonly token: string,
    private readonly ttlMs: number,
  ) {}

  async confirm(): Promise<boolean> {
    if (this.lost) return false;
    try {
      if ((await this.renew()) === 1) {
        this.renewed();
        return true;
      }
      this.lost = true;
    } catch {
      // Redis away: not confirmed; once the lock's life has passed unrenewed it may be anyone's.
      if (Date.now() - this.confirmedAt >= this.ttlMs) this.lost = true;
    }
    return false;
  }

  /** A fenced write renewed the lock (outboxUpdateHead with renewMs): as good as a confirm. */
  renewed(): void {
    this.confirmedAt = Date.now();
  }
}

/**
 * Errors that mean "Redis cannot answer now" rather than "this request is wrong": the connection
 * is down or closed, or Redis is starting (LOADING) or failing over. Requests answer 503 for them.
 */
const UNAVAILABLE_REPLY = /^(LOADING|BUSY|TRYAGAIN|CLUSTERDOWN|MASTERDOWN|READONLY|NOREPLICAS)\b/;
const UNAVAILABLE = [ClientClosedError, ClientOfflineError, SocketClosedUnexpectedlyError, ConnectionTimeoutError, ReconnectStrategyError, DisconnectsClientError, SocketTimeoutError];
export function storeUnavailable(err: unknown): boolean {
  if (UNAVAILABLE.some((c) => err instanceof c)) return true;
  return err instanceof ErrorReply && UNAVAILABLE_REPLY.test(err.message);
}

export interface RedisStoreOptions {
  /** A single Redis. */
  url?: string;
  /** Redis Cluster seed nodes (`host:port`); when given, the store runs on the cluster. */
  clusterNodes?: readonly string[];
  /** Prefix for every key, so tests (or several deployments) can share one Redis. */
  prefix?: string;
}

export class RedisStore implements Store {
  private readonly client: Commands;
  private readonly p: string;
  /** Wakes lock waiters when a holder releases (no polling). */
  readonly notifier: KeyNotifier;
  /** Entries kept per conversation by mailbox name (capMailboxes). */
  private caps: Record<string, number> = {};
  /** The leases held here, by token: a fenced write that renews or releases one (a commit, an ack) tells it. */
  private readonly leases = new Map<string, RedisLease>();
  /** How many times a script was sent whole again (Redis had forgotten it): see indexed. */
  private reloads = 0;
  /** Statistics go to a different bucket on each write (any will do: a read sums them all). */
  private counterWrites = Math.floor(Math.random() * 1_000_000);

  private constructor(
    readonly redis: RedisConnection,
    prefix: string,
  ) {
    this.client = redis.cmd;
    this.p = prefix;
    this.notifier = new KeyNotifier(redis, `${prefix}notify`);
    this.arrivals = new ArrivalOrder((name, ks, args) => this.run(SCRIPTS[name], ks, args), this.notifier);
  }
  private readonly arrivals: ArrivalOrder;

  async arrive(key: ConversationKey, order: number, at: number, ttlMs: number): Promise<void> {
    await this.arrivals.arrive(this.k(keys.arrivals(key)), order, at, ttlMs);
  }

  async awaitEarlier(key: ConversationKey, order: number, staleMs: number, waitMs: number): Promise<void> {
    await this.arrivals.awaitEarlier(this.k(keys.arrivals(key)), order, staleMs, waitMs);
  }

  async depart(key: ConversationKey, order: number): Promise<void> {
    await this.arrivals.depart(this.k(keys.arrivals(key)), order);
  }

  static async connect(opts: RedisStoreOptions, onError: (e: Error) => void = () => {}): Promise<RedisStore> {
    const redis = await connectRedis({ ...opts, onError });
    if (!redis.cluster) await migrateLayout((await redis.masters())[0]!, opts.prefix ?? '');
    const store = new RedisStore(redis, opts.prefix ?? '');
    await store.notifier.start();
    return store;
  }

  /** A member of the `own:` set as a key: a short name (today's) with the prefix and tag put back, or a whole name (before). */
  private ownedKey(member: string, key: ConversationKey): string {
    return member.includes('{') ? member : this.k(`${member}:${tag(key)}`);
  }

  private k(s: string): string {
    return this.p + s;
  }

  /**
   * EVALSHA, and EVAL the first time (or after Redis restarted and forgot the script). On a
   * cluster both go to the node that owns KEYS[1], so each node learns the script on first use.
   */
  private async run(s: Script, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.evalSha(s.sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      this.reloads++;
      return this.client.eval(s.source, { keys, arguments: args });
    }
  }

  async getConversation(key: ConversationKey): Promise<ConversationRecord | undefined> {
    const raw = await this.client.get(this.k(keys.conversation(key)));
    return raw === null ? undefined : decodeRecord(raw);
  }

  /**
   * Erase by name, not by scan: the fixed keys of the conversation plus those its `own:` set lists,
   * all in its slot, so the cost is the conversation's own size whatever else the store holds.
   * The locks stay: the erasing turn still holds its own, and commits under it.
   */
  async deleteConversation(key: ConversationKey): Promise<void> {
    const own = this.k(keys.owned(key));
    const named = ((await this.run(SCRIPTS.ownedNames, [own], [])) as string[]).map((m) => this.ownedKey(m, key));
    const fixed = [keys.conversation(key), keys.handled(key), keys.outbox(key), keys.deadLetters(key), keys.intents(key), keys.arrivals(key)];
    await this.client.del([...fixed.map((k) => this.k(k)), ...named, own]);
    const member = indexMember(key);
    const b = bucketOf(member);
    await Promise.all([this.client.sRem(this.k(keys.outboxIndex(b)), member), this.client.sRem(this.k(keys.deadIndex(b)), member)]);
  }

  /** The conversation's entry in its bucket of the recovery index (a plain SADD: see the top). */
  private async index(key: ConversationKey): Promise<void> {
    const member = indexMember(key);
    await this.client.sAdd(this.k(keys.outboxIndex(bucketOf(member))), member);
  }

  /**
   * Leaves the recovery index after a script saw nothing pending; a write that slipped in between
   * indexed itself before it wrote, so looking again after the removal catches it.
   */
  private async unindex(key: ConversationKey): Promise<void> {
    const member = indexMember(key);
    const removed = this.client.sRem(this.k(keys.outboxIndex(bucketOf(member))), member);
    // The look must come after the removal. On one Redis both go out in this tick on the one
    // connection, which runs them in the order sent: one round trip. A cluster's index bucket is
    // on another node, where nothing orders the two: there the look waits for the removal.
    const pending = this.redis.cluster ? removed.then(() => this.pending(key)) : this.pending(key);
    const [, left] = await Promise.all([removed, pending]);
    if (left > 0) await this.index(key);
  }

  /** Undelivered replies plus unfinished intents. */
  private async pending(key: ConversationKey): Promise<number> {
    const [out, int] = await Promise.all([this.client.lLen(this.k(keys.outbox(key))), this.client.lLen(this.k(keys.intents(key)))]);
    return out + int;
  }

  /**
   * Runs a write that may leave replies or intents pending, indexed before and after it. On a
   * single Redis the three are issued in one tick: node-redis sends them in one write on the one
   * connection, and Redis runs them in that order, so the index is joined before the write and
   * again after it as when each was awaited; what fails fails from the first command on (the
   * connection is one), so no write is ever applied without its SADD before it. A script sent
   * again as EVAL (Redis forgot it) runs after the second SADD: one more follows it then. On a
   * cluster the index bucket is on another node, with no order between nodes: each waits for the last.
   */
  private async indexed<T>(key: ConversationKey, write: () => Promise<T>): Promise<T> {
    if (this.redis.cluster) {
      await this.index(key);
      const result = await write();
      await this.index(key);
      return result;
    }
    const reloads = this.reloads;
    const [, result] = await Promise.all([this.index(key), write(), this.index(key)]);
    if (this.reloads !== reloads) await this.index(key);
    return result;
  }

  async commitTurn(key: ConversationKey, c: TurnCommit): Promise<OutboxItem[] | undefined> {
    const outbox = c.outbox.map((i) => JSON.stringify(i));
    const intents = (c.intents ?? []).map((i) => JSON.stringify(i));
    const boxes = [...(c.mailbox ? [c.mailbox] : []), ...(c.mailboxes ?? [])].filter((m) => m.items.length > 0);
    const release = c.release === true && c.fence !== undefined && c.fence !== '';
    // Only a commit that appends replies takes the outbox lease (the script checks it too).
    const lease = c.lease && outbox.length > 0 && c.lease.token !== '' ? c.lease : undefined;
    const write = () =>
      this.run(
        SCRIPTS.commit,
        [
          this.k(keys.lock(key)),
          this.k(keys.conversation(key)),
          this.k(keys.handled(key)),
          this.k(keys.outbox(key)),
          this.k(keys.intents(key)),
          this.k(keys.owned(key)),
          this.k(keys.lock(key, 'outbox')),
          ...boxes.flatMap((m) => [this.k(keys.mailbox(m.name, key)), this.k(keys.mailboxCut(m.name, key))]),
        ],
        [
          c.fence ?? '',
          c.record ? encodeRecord(c.record) : '',
          String(c.recordTtlMs),
          String(c.dedupeTtlMs),
          c.messageId,
          String(Date.now()),
          release ? this.notifier.channel : '',
          String(outbox.length),
          String(intents.length),
          lease ? lease.token : '',
          lease ? String(lease.ttlMs) : '',
          lease ? String(lease.peek) : '',
          ...outbox,
          ...intents,
          ...boxes.flatMap((m) => [String(m.items.length), String(m.ttlMs), String(this.caps[m.name] ?? 0), ...m.items.map((i) => JSON.stringify(i))]),
        ],
      );
    const done = outbox.length > 0 || intents.length > 0 ? await this.indexed(key, write) : await write();
    const [answer, ...head] = Array.isArray(done) ? (done as [number, ...string[]]) : [done];
    if (answer !== 1 && answer !== 2) throw new LockLostError(key);
    // Released with the commit: the holder's withLock has nothing left to release.
    const held = release ? this.leases.get(c.fence!) : undefined;
    if (held) held.released = true;
    return answer === 2 ? head.map((s) => JSON.parse(s) as OutboxItem) : undefined;
  }

  async withLock<T>(key: ConversationKey, opts: LockOptions, fn: (lease: Lease) => Promise<T>): Promise<T> {
    const k = this.k(keys.lock(key, opts.scope));
    const token = randomUUID();
    await this.take(key, k, opts.waitMs, async () => {
      const left = Number(await this.run(SCRIPTS.acquire, [k], [token, String(opts.ttlMs)]));
      return left === -1 ? { taken: undefined } : { busyMs: left };
    });
    return this.hold(k, token, opts, fn);
  }

  async withOutboxLease<T>(key: ConversationKey, opts: OutboxLeaseOptions, fn: (lease: Lease, head: OutboxItem[]) => Promise<T>): Promise<T> {
    const k = this.k(keys.lock(key, 'outbox'));
    // Taken by the turn's commit: held from here as if taken now (the fenced writes check it anyway).
    const taken = opts.taken;
    if (taken) return this.hold(k, taken.token, { ttlMs: opts.ttlMs, renew: true }, (lease) => fn(lease, taken.head));
    const token = randomUUID();
    const head = await this.take<OutboxItem[]>(key, k, opts.waitMs, async () => {
      const [left, ...items] = (await this.run(SCRIPTS.acquirePeek, [k, this.k(keys.outbox(key))], [token, String(opts.ttlMs), String(opts.peek)])) as [number, ...string[]];
      return Number(left) === -1 ? { taken: items.map((s) => JSON.parse(s) as OutboxItem) } : { busyMs: Number(left) };
    });
    return this.hold(k, token, { ttlMs: opts.ttlMs, renew: true }, (lease) => fn(lease, head));
  }

  async withTurn<T, A = never>(key: ConversationKey, opts: TurnOptions<A>, fn: (start: TurnStart<A>, lease: Lease) => Promise<T>): Promise<T> {
    const k = this.k(keys.lock(key));
    const token = randomUUID();
    const ks = [k, this.k(keys.conversation(key)), this.k(keys.handled(key)), this.k(keys.counter(opts.flood.name, key)), this.k(keys.owned(key))];
    let alongside: Promise<A> | undefined;
    const start: TurnStart<A> = await this.take(key, k, opts.waitMs, async () => {
      // Issued in the same tick as the script: both leave in one write.
      alongside = opts.alongside?.();
      // The answer of an attempt that did not take the lock is not wanted (nor its failure).
      alongside?.catch(() => undefined);
      return readBegin(await this.run(SCRIPTS.beginTurn, ks, [token, String(opts.ttlMs), opts.messageId, String(opts.flood.windowMs), String(Date.now())]));
    });
    return this.hold(k, token, opts, async (lease) => {
      if (alongside) start.alongside = await alongside;
      return fn(start, lease);
    });
  }

  /** Tries `attempt` until it takes the lock `k`, waiting for each release (notified, no polling) up to `waitMs`. */
  private async take<R>(key: ConversationKey, k: string, waitMs: number, attempt: () => Promise<{ taken: R } | { busyMs: number }>): Promise<R> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      // Watched before trying: a release between the try and the wait still wakes us.
      const waiter = this.notifier.watch(k);
      try {
        const tried = await attempt();
        if ('taken' in tried) return tried.taken;
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new LockTimeoutError(key);
        // Until the holder releases (notified) or its lock expires unreleased (it died): no polling.
        await this.notifier.wait(k, waiter, Math.min(remaining, Math.max(0, tried.busyMs) + 1));
      } finally {
        this.notifier.forget(k, waiter);
      }
    }
  }

  /** Runs `fn` holding the lock `k` (taken with `token`), and releases it after, unless a commit or an ack did. */
  private async hold<T>(k: string, token: string, opts: Pick<LockOptions, 'ttlMs' | 'renew'>, fn: (lease: Lease) => Promise<T>): Promise<T> {
    const lease = new RedisLease(() => this.run(SCRIPTS.renew, [k], [token, String(opts.ttlMs)]), token, opts.ttlMs);
    const timer = opts.renew ? setInterval(() => void lease.confirm(), Math.max(10, Math.floor(opts.ttlMs / 3))) : undefined;
    timer?.unref();
    this.leases.set(token, lease);
    try {
      return await fn(lease);
    } finally {
      if (timer) clearInterval(timer);
      this.leases.delete(token);
      if (!lease.released) await this.run(SCRIPTS.release, [k], [token, this.notifier.channel]).catch(() => undefined);
    }
  }

  async outboxPeek(key: ConversationKey, limit: number): Promise<OutboxItem[]> {
    const raw = await this.client.lRange(this.k(keys.outbox(key)), 0, limit - 1);
    return raw.map((s) => JSON.parse(s) as OutboxItem);
  }

  /** The keys the outbox scripts share: outbox, lock, intents. */
  private outboxKeys(key: ConversationKey): string[] {
    return [this.k(keys.outbox(key)), this.k(keys.lock(key, 'outbox')), this.k(keys.intents(key))];
  }

  /** Reads an outbox script's answer (see SETTLE): true when no reply is left. */
  private async settled(result: unknown, key: ConversationKey): Promise<boolean> {
    if (result === -1) throw new LockLostError(key, 'outbox');
    if (result === 2) await this.unindex(key);
    return result === 1 || result === 2;
  }

  async outboxAck(key: ConversationKey, id: string, fence = '', opts: AckOptions = {}): Promise<boolean> {
    const answer = ackAnswer(await this.run(SCRIPTS.ackHead, this.outboxKeys(key), [id, fence, opts.release ? '1' : '', this.notifier.channel]));
    if (answer.fenced) throw new LockLostError(key, 'outbox');
    if (answer.released) {
      const lease = this.leases.get(fence);
      if (lease) lease.released = true;
    }
    if (answer.left === 2) await this.unindex(key);
    return answer.left > 0;
  }

  async outboxAckAndMark(key: ConversationKey, id: string, next: OutboxItem, fence: string, renewMs: number): Promise<boolean | 'marked'> {
    if (fence === '') throw new LockLostError(key, 'outbox');
    const answer = ackAnswer(await this.run(SCRIPTS.ackAndMark, this.outboxKeys(key), [id, fence, next.id, JSON.stringify(next), String(renewMs), this.notifier.channel]));
    if (answer.fenced) throw new LockLostError(key, 'outbox');
    const lease = this.leases.get(fence);
    if (answer.marked) {
      lease?.renewed();
      return 'marked';
    }
    if (answer.released && lease) lease.released = true;
    if (answer.left === 2) await this.unindex(key);
    return answer.left > 0;
  }

  async outboxUpdateHead(key: ConversationKey, item: OutboxItem, fence = '', renewMs?: number): Promise<void> {
    const result = await this.run(SCRIPTS.updateHead, this.outboxKeys(key).slice(0, 2), [item.id, fence, JSON.stringify(item), renewMs === undefined ? '' : String(renewMs)]);
    if (result === -1) throw new LockLostError(key, 'outbox');
    if (renewMs !== undefined) this.leases.get(fence)?.renewed();
  }

  /** The conversation's entry in its bucket of the dead-letter index, made before the letter is. */
  private async indexDead(key: ConversationKey): Promise<void> {
    const member = indexMember(key);
    await this.client.sAdd(this.k(keys.deadIndex(bucketOf(member))), member);
  }

  async outboxGiveUp(key: ConversationKey, item: OutboxItem, ttlMs: number, fence = ''): Promise<boolean> {
    await this.indexDead(key);
    const ks = [...this.outboxKeys(key), this.k(keys.deadLetters(key))];
    return this.settled(await this.run(SCRIPTS.giveUp, ks, [item.id, fence, JSON.stringify(item), String(ttlMs)]), key);
  }

  /**
   * Walks the buckets of the recovery index. A member with nothing pending (its write never
   * happened, or it was erased) is dropped on the way, so the index holds pending work only.
   */
  async outboxConversations(): Promise<ConversationKey[]> {
    const members = (await Promise.all(ALL_BUCKETS.map((b) => this.client.sMembers(this.k(keys.outboxIndex(b)))))).flat();
    const out: ConversationKey[] = [];
    for (const member of members) {
      const key = parseIndexMember(member);
      if (!key) continue;
      if ((await this.pending(key)) > 0) out.push(key);
      else await this.unindex(key);
    }
    return out;
  }

  async deadLetter(item: OutboxItem, ttlMs: number): Promise<void> {
    await this.indexDead(item.key);
    const k = this.k(keys.deadLetters(item.key));
    await this.client.multi().rPush(k, JSON.stringify(item)).pExpire(k, ttlMs).exec();
  }

  async deadLetters(limit: number): Promise<OutboxItem[]> {
    const out: OutboxItem[] = [];
    for (const b of ALL_BUCKETS) {
      const index = this.k(keys.deadIndex(b));
      for (const member of await this.client.sMembers(index)) {
        const key = parseIndexMember(member);
        if (!key) continue;
        const raw = await this.client.lRange(this.k(keys.deadLetters(key)), -limit, -1);
        // Expired with its conversation: the index forgets it too.
        if (raw.length === 0) await this.client.sRem(index, member);
        out.push(...raw.map((s) => JSON.parse(s) as OutboxItem));
      }
    }
    return out.sort((a, b) => a.enqueuedAt - b.enqueuedAt).slice(-limit);
  }

  async intents(key: ConversationKey): Promise<Intent[]> {
    const raw = await this.client.lRange(this.k(keys.intents(key)), 0, -1);
    return raw.map((s) => JSON.parse(s) as Intent);
  }

  async intentsDone(key: ConversationKey, ids: readonly string[]): Promise<void> {
    await this.settled(await this.run(SCRIPTS.intentsDone, this.outboxKeys(key), ['', '', '', ...ids]), key);
  }

  async mailboxPush<T>(name: string, key: ConversationKey, item: T, ttlMs: number): Promise<number> {
    const ks = [this.k(keys.mailbox(name, key)), this.k(keys.owned(key)), this.k(keys.mailboxCut(name, key))];
    return Number(await this.run(SCRIPTS.mailboxPush, ks, [JSON.stringify(item), String(ttlMs), String(this.caps[name] ?? 0)]));
  }

  async mailboxRead<T>(name: string, key: ConversationKey, afterSeq: number): Promise<MailboxEntry<T>[]> {
    const after = Math.max(0, afterSeq);
    const [cut, raw] = (await this.run(SCRIPTS.mailboxRead, [this.k(keys.mailbox(name, key)), this.k(keys.mailboxCut(name, key))], [String(after)])) as [number, string[]];
    const from = Math.max(0, after - Number(cut));
    return raw.map((s, i) => ({ seq: Number(cut) + from + i + 1, item: JSON.parse(s) as T }));
  }

  capMailboxes(caps: Readonly<Record<string, number>>): void {
    this.caps = { ...caps };
  }

  async mailboxDelete(name: string, key: ConversationKey): Promise<void> {
    const k = this.k(keys.mailbox(name, key));
    // Both keys carry the conversation's hash tag: one slot, one script on a cluster too. It is
    // named short (today) or whole (before).
    await this.run(SCRIPTS.disown, [k, this.k(keys.owned(key))], [ownedName(keys.mailbox(name, key)), k]);
  }

  async sharedTextsPut(texts: Readonly<Record<string, string>>, ttlMs: number): Promise<void> {
    // One key each, in a slot of its own: written outside any conversation's script, never cross-slot.
    await Promise.all(Object.entries(texts).map(([id, text]) => this.client.set(this.k(keys.sharedText(id)), text, { PX: ttlMs })));
  }

  async sharedTextsGet(ids: readonly string[]): Promise<Record<string, string>> {
    const unique = [...new Set(ids)];
    const got = await Promise.all(unique.map((id) => this.client.get(this.k(keys.sharedText(id)))));
    const out: Record<string, string> = {};
    unique.forEach((id, i) => {
      const text = got[i];
      if (typeof text === 'string') out[id] = text;
    });
    return out;
  }

  /** A global list: written by staff actions (the audit trail), never by a worker's turn. */
  async listPush<T>(name: string, item: T): Promise<void> {
    await this.client.rPush(this.k(keys.list(name)), JSON.stringify(item));
  }

  async listRead<T>(name: string, limit: number): Promise<T[]> {
    const raw = await this.client.lRange(this.k(keys.list(name)), -limit, -1);
    return raw.map((s) => JSON.parse(s) as T);
  }

  async countInWindow(name: string, key: ConversationKey, windowMs: number): Promise<number> {
    return Number(await this.run(SCRIPTS.countInWindow, [this.k(keys.counter(name, key)), this.k(keys.owned(key))], [String(windowMs)]));
  }

  async countersAdd(bucket: string, increments: Readonly<Record<string, number>>): Promise<void> {
    const entries = Object.entries(increments).filter(([, by]) => by !== 0);
    if (entries.length === 0) return;
    // Hashed rather than round-robin: a writer that adds to several periods at once (day, month…)
    // would otherwise put every period's counts in the same few buckets.
    const k = this.k(keys.counters(bucket, bucketOf(`${bucket}#${this.counterWrites++}`)));
    const m = this.client.multi();
    for (const [field, by] of entries) m.hIncrBy(k, field, by);
    await m.exec();
  }

  async countersRead(bucket: string): Promise<Record<string, number>> {
    const out: Record<string, number> = {};
    for (const raw of await Promise.all(ALL_BUCKETS.map((b) => this.client.hGetAll(this.k(keys.counters(bucket, b)))))) {
      for (const [f, v] of Object.entries(raw)) out[f] = (out[f] ?? 0) + Number(v);
    }
    return out;
  }

  async outboxPush(key: ConversationKey, items: OutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    await this.indexed(key, () => this.client.rPush(this.k(keys.outbox(key)), items.map((i) => JSON.stringify(i))));
  }

  /** A table's row lives in the bucket of its id; reading the whole table walks the buckets. */
  private row(name: string, id: string): string {
    return this.k(keys.table(name, bucketOf(id)));
  }

  async tablePut<T>(name: string, id: string, value: T): Promise<void> {
    await this.client.hSet(this.row(name, id), id, JSON.stringify(value));
  }

  async tableGet<T>(name: string, id: string): Promise<T | undefined> {
    const raw = await this.client.hGet(this.row(name, id), id);
    return raw === null || raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async tableDelete(name: string, id: string): Promise<void> {
    await this.client.hDel(this.row(name, id), id);
  }

  async tableAll<T>(name: string): Promise<T[]> {
    const all = await Promise.all(ALL_BUCKETS.map((b) => this.client.hVals(this.k(keys.table(name, b)))));
    return all.flat().map((raw) => JSON.parse(raw) as T);
  }

  /** Every master answers (on a cluster, one master down leaves its slots unserved). */
  ping(): Promise<boolean> {
    return this.redis.ping();
  }

  async close(): Promise<void> {
    await this.notifier.close();
    await this.redis.close();
  }
}
