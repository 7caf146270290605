// The production store: shared by every instance, survives restarts. Per-conversation keys share a
// hash tag (see keys.ts) so a turn's commit is one MULTI even on Redis Cluster; the outbox index and
// global lists live outside any conversation's slot and are written separately.
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
  createClient,
  type RedisClientType,
} from 'redis';
import type { ConversationKey } from '../core/messages.ts';
import {
  LockLostError,
  LockTimeoutError,
  type ConversationRecord,
  type Intent,
  type Lease,
  type LockOptions,
  type MailboxEntry,
  type OutboxItem,
  type Store,
  type TurnCommit,
} from '../core/ports.ts';
import { indexMember, keys, parseIndexMember, tag } from './keys.ts';
import { KeyNotifier } from './notify.ts';
import { ARRIVE, ArrivalOrder, DEPART, EARLIER } from './redis-order.ts';

// The one key outside a conversation's hash tag that its scripts touch is the recovery index
// (`outbox:index`), so the whole of a turn — record, handled mark, replies, intents and the index
// entry that makes a crash recoverable — is one atomic write. On Redis Cluster the index has to
// become one per slot (e.g. `outbox:index:{slot}`) for these scripts to stay single-slot.

// Releases the lock only if we still own it (an expired lock may already belong to someone else),
// and wakes the instances waiting for it (ARGV[2]: the notification channel, not a key).
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) redis.call('publish', ARGV[2], KEYS[1]) return 1 else return 0 end`;
// Takes the lock, or says how long its holder may still keep it (a waiter's longest wait).
const ACQUIRE = `if redis.call('set', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return -1 end
return redis.call('pttl', KEYS[1])`;
// Keeps our lock alive; 0 when it is no longer ours (expired, or taken after it expired).
const RENEW = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;
// KEYS: lock, record, handled mark, outbox, mailbox, recovery index, intents.
// ARGV: fence ('' = none), record ('' = delete), record ttl, dedupe ttl, index member, #replies,
// #mailbox entries, mailbox ttl, #intents, then the replies, the mailbox entries and the intents.
const COMMIT = `if ARGV[1] ~= '' and redis.call('get', KEYS[1]) ~= ARGV[1] then return 0 end
if ARGV[2] == '' then redis.call('del', KEYS[2]) else redis.call('set', KEYS[2], ARGV[2], 'PX', ARGV[3]) end
redis.call('set', KEYS[3], '1', 'PX', ARGV[4])
local i = 10
local nOut, nMail, nInt = tonumber(ARGV[6]), tonumber(ARGV[7]), tonumber(ARGV[9])
for _ = 1, nOut do redis.call('rpush', KEYS[4], ARGV[i]) i = i + 1 end
for _ = 1, nMail do redis.call('rpush', KEYS[5], ARGV[i]) i = i + 1 end
if nMail > 0 then redis.call('pexpire', KEYS[5], ARGV[8]) end
for _ = 1, nInt do redis.call('rpush', KEYS[7], ARGV[i]) i = i + 1 end
if nInt > 0 then redis.call('pexpire', KEYS[7], ARGV[3]) end
if nOut > 0 or nInt > 0 then redis.call('sadd', KEYS[6], ARGV[5]) end
return 1`;
// Shared tail of the outbox scripts: once nothing is left to deliver or complete, the
// conversation leaves the recovery index (no empty members). KEYS[1] outbox, KEYS[3] intents,
// KEYS[4] index, ARGV[3] member. Returns 1 when the outbox is empty.
const SETTLE = `if redis.call('llen', KEYS[1]) == 0 then
  if redis.call('llen', KEYS[3]) == 0 then redis.call('srem', KEYS[4], ARGV[3]) end
  return 1
end
return 0`;
// KEYS: outbox, lock, intents, index. ARGV: item id, fence ('' = none), member. -1: fenced.
const ACK_HEAD = `if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return -1 end
local h = redis.call('lindex', KEYS[1], 0)
if h and cjson.decode(h).id == ARGV[1] then redis.call('lpop', KEYS[1]) end
${SETTLE}`;
// KEYS: outbox, lock. ARGV: item id, fence, item.
const UPDATE_HEAD = `if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return -1 end
local h = redis.call('lindex', KEYS[1], 0)
if h and cjson.decode(h).id == ARGV[1] then redis.call('lset', KEYS[1], 0, ARGV[3]) end
return 0`;
// KEYS: outbox, lock, intents, index, dead letters, dead index. ARGV: item id, fence, member, item, ttl.
const GIVE_UP = `if ARGV[2] ~= '' and redis.call('get', KEYS[2]) ~= ARGV[2] then return -1 end
local h = redis.call('lindex', KEYS[1], 0)
if h and cjson.decode(h).id == ARGV[1] then
  redis.call('lpop', KEYS[1])
  redis.call('rpush', KEYS[5], ARGV[4])
  redis.call('pexpire', KEYS[5], ARGV[5])
  redis.call('sadd', KEYS[6], ARGV[3])
end
${SETTLE}`;
// KEYS: outbox, (unused), intents, index. ARGV: -, -, member, then the ids done.
const INTENTS_DONE = `for _, raw in ipairs(redis.call('lrange', KEYS[3], 0, -1)) do
  local id = cjson.decode(raw).id
  for j = 4, #ARGV do if ARGV[j] == id then redis.call('lrem', KEYS[3], 1, raw) end end
end
${SETTLE}`;
// Counts one more event in a window that starts with the first one (one command, not a MULTI).
const COUNT_IN_WINDOW = `local c = redis.call('incr', KEYS[1])
if c == 1 then redis.call('pexpire', KEYS[1], ARGV[1]) end
return c`;

/** A Lua script sent once per connection; afterwards only its SHA1 travels (EVALSHA). */
interface Script {
  source: string;
  sha: string;
}
const script = (source: string): Script => ({ source, sha: createHash('sha1').update(source).digest('hex') });
const SCRIPTS = {
  release: script(RELEASE),
  acquire: script(ACQUIRE),
  renew: script(RENEW),
  commit: script(COMMIT),
  ackHead: script(ACK_HEAD),
  updateHead: script(UPDATE_HEAD),
  giveUp: script(GIVE_UP),
  intentsDone: script(INTENTS_DONE),
  countInWindow: script(COUNT_IN_WINDOW),
  arrive: script(ARRIVE),
  earlier: script(EARLIER),
  depart: script(DEPART),
};

/** A commit without mailbox entries still names a mailbox key of the conversation's slot. */
const TRANSCRIPT_UNUSED = 'none';

class RedisLease implements Lease {
  lost = false;
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
        this.confirmedAt = Date.now();
        return true;
      }
      this.lost = true;
    } catch {
      // Redis away: not confirmed; once the lock's life has passed unrenewed it may be anyone's.
      if (Date.now() - this.confirmedAt >= this.ttlMs) this.lost = true;
    }
    return false;
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

function globEscape(s: string): string {
  return s.replace(/[*?[\]\\]/g, '\\$&');
}

export interface RedisStoreOptions {
  url: string;
  /** Prefix for every key, so tests (or several deployments) can share one Redis. */
  prefix?: string;
}

export class RedisStore implements Store {
  private readonly client: RedisClientType;
  private readonly p: string;
  /** Wakes lock waiters when a holder releases (no polling). */
  readonly notifier: KeyNotifier;

  private constructor(client: RedisClientType, prefix: string) {
    this.client = client;
    this.p = prefix;
    this.notifier = new KeyNotifier(client, `${prefix}notify`);
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
    const client = createClient({
      url: opts.url,
      // Keep retrying forever with a capped back-off: the process stays up while Redis is away.
      socket: { reconnectStrategy: (retries: number) => Math.min(50 * 2 ** retries, 2000) },
      // While Redis is away, fail at once (webhooks answer 503 and the platforms retry) instead of
      // queueing commands in memory until requests time out.
      disableOfflineQueue: true,
    }) as RedisClientType;
    client.on('error', onError);
    await client.connect();
    const store = new RedisStore(client, opts.prefix ?? '');
    await store.notifier.start();
    return store;
  }

  private k(s: string): string {
    return this.p + s;
  }

  /** EVALSHA, and EVAL the first time (or after Redis restarted and forgot the script). */
  private async run(s: Script, keys: string[], args: string[]): Promise<unknown> {
    try {
      return await this.client.evalSha(s.sha, { keys, arguments: args });
    } catch (err) {
      if (!(err instanceof Error) || !err.message.startsWith('NOSCRIPT')) throw err;
      return this.client.eval(s.source, { keys, arguments: args });
    }
  }

  async getConversation(key: ConversationKey): Promise<ConversationRecord | undefined> {
    const raw = await this.client.get(this.k(keys.conversation(key)));
    return raw === null ? undefined : (JSON.parse(raw) as ConversationRecord);
  }

  async deleteConversation(key: ConversationKey): Promise<void> {
    const found: string[] = [];
    const pattern = `${globEscape(this.p)}*${globEscape(tag(key))}*`;
    for await (const batch of this.client.scanIterator({ MATCH: pattern, COUNT: 200 })) {
      found.push(...(batch as unknown as string[]));
    }
    // The locks stay: the erasing turn still holds its own, and commits under it.
    const lockPrefix = this.k('lock:');
    const data = found.filter((k) => !k.startsWith(lockPrefix));
    if (data.length > 0) await this.client.del(data);
    await this.client.multi().sRem(this.k(keys.outboxIndex()), indexMember(key)).sRem(this.k(keys.deadIndex()), indexMember(key)).exec();
  }

  async wasHandled(key: ConversationKey, messageId: string): Promise<boolean> {
    return (await this.client.exists(this.k(keys.handled(key, messageId)))) === 1;
  }

  async commitTurn(key: ConversationKey, c: TurnCommit): Promise<void> {
    const outbox = c.outbox.map((i) => JSON.stringify(i));
    const mail = (c.mailbox?.items ?? []).map((i) => JSON.stringify(i));
    const intents = (c.intents ?? []).map((i) => JSON.stringify(i));
    const done = await this.run(
      SCRIPTS.commit,
      [
        this.k(keys.lock(key)),
        this.k(keys.conversation(key)),
        this.k(keys.handled(key, c.messageId)),
        this.k(keys.outbox(key)),
        this.k(keys.mailbox(c.mailbox?.name ?? TRANSCRIPT_UNUSED, key)),
        this.k(keys.outboxIndex()),
        this.k(keys.intents(key)),
      ],
      [
        c.fence ?? '',
        c.record ? JSON.stringify(c.record) : '',
        String(c.recordTtlMs),
        String(c.dedupeTtlMs),
        indexMember(key),
        String(outbox.length),
        String(mail.length),
        String(c.mailbox?.ttlMs ?? 0),
        String(intents.length),
        ...outbox,
        ...mail,
        ...intents,
      ],
    );
    if (done !== 1) throw new LockLostError(key);
  }

  async withLock<T>(key: ConversationKey, opts: LockOptions, fn: (lease: Lease) => Promise<T>): Promise<T> {
    const k = this.k(keys.lock(key, opts.scope));
    const token = randomUUID();
    const deadline = Date.now() + opts.waitMs;
    for (;;) {
      // Watched before trying: a release between the try and the wait still wakes us.
      const waiter = this.notifier.watch(k);
      try {
        const left = Number(await this.run(SCRIPTS.acquire, [k], [token, String(opts.ttlMs)]));
        if (left === -1) break;
        const remaining = deadline - Date.now();
        if (remaining <= 0) throw new LockTimeoutError(key);
        // Until the holder releases (notified) or its lock expires unreleased (it died): no polling.
        await this.notifier.wait(k, waiter, Math.min(remaining, Math.max(0, left) + 1));
      } finally {
        this.notifier.forget(k, waiter);
      }
    }
    const lease = new RedisLease(() => this.run(SCRIPTS.renew, [k], [token, String(opts.ttlMs)]), token, opts.ttlMs);
    const timer = opts.renew ? setInterval(() => void lease.confirm(), Math.max(10, Math.floor(opts.ttlMs / 3))) : undefined;
    timer?.unref();
    try {
      return await fn(lease);
    } finally {
      if (timer) clearInterval(timer);
      await this.run(SCRIPTS.release, [k], [token, this.notifier.channel]).catch(() => undefined);
    }
  }

  async outboxPeek(key: ConversationKey, limit: number): Promise<OutboxItem[]> {
    const raw = await this.client.lRange(this.k(keys.outbox(key)), 0, limit - 1);
    return raw.map((s) => JSON.parse(s) as OutboxItem);
  }

  /** The keys the outbox scripts share: outbox, lock, intents, index. */
  private outboxKeys(key: ConversationKey): string[] {
    return [this.k(keys.outbox(key)), this.k(keys.lock(key, 'outbox')), this.k(keys.intents(key)), this.k(keys.outboxIndex())];
  }

  private fenced(result: unknown, key: ConversationKey): boolean {
    if (result === -1) throw new LockLostError(key, 'outbox');
    return result === 1;
  }

  async outboxAck(key: ConversationKey, id: string, fence = ''): Promise<boolean> {
    return this.fenced(await this.run(SCRIPTS.ackHead, this.outboxKeys(key), [id, fence, indexMember(key)]), key);
  }

  async outboxUpdateHead(key: ConversationKey, item: OutboxItem, fence = ''): Promise<void> {
    this.fenced(await this.run(SCRIPTS.updateHead, this.outboxKeys(key).slice(0, 2), [item.id, fence, JSON.stringify(item)]), key);
  }

  async outboxGiveUp(key: ConversationKey, item: OutboxItem, ttlMs: number, fence = ''): Promise<boolean> {
    const ks = [...this.outboxKeys(key), this.k(keys.deadLetters(key)), this.k(keys.deadIndex())];
    return this.fenced(await this.run(SCRIPTS.giveUp, ks, [item.id, fence, indexMember(key), JSON.stringify(item), String(ttlMs)]), key);
  }

  async outboxConversations(): Promise<ConversationKey[]> {
    const tags = await this.client.sMembers(this.k(keys.outboxIndex()));
    return tags.map(parseIndexMember).filter((k): k is ConversationKey => k !== undefined);
  }

  async deadLetter(item: OutboxItem, ttlMs: number): Promise<void> {
    const k = this.k(keys.deadLetters(item.key));
    await this.client.multi().rPush(k, JSON.stringify(item)).pExpire(k, ttlMs).sAdd(this.k(keys.deadIndex()), indexMember(item.key)).exec();
  }

  async deadLetters(limit: number): Promise<OutboxItem[]> {
    const index = this.k(keys.deadIndex());
    const out: OutboxItem[] = [];
    for (const member of await this.client.sMembers(index)) {
      const key = parseIndexMember(member);
      if (!key) continue;
      const raw = await this.client.lRange(this.k(keys.deadLetters(key)), -limit, -1);
      // Expired with its conversation: the index forgets it too.
      if (raw.length === 0) await this.client.sRem(index, member);
      out.push(...raw.map((s) => JSON.parse(s) as OutboxItem));
    }
    return out.sort((a, b) => a.enqueuedAt - b.enqueuedAt).slice(-limit);
  }

  async intents(key: ConversationKey): Promise<Intent[]> {
    const raw = await this.client.lRange(this.k(keys.intents(key)), 0, -1);
    return raw.map((s) => JSON.parse(s) as Intent);
  }

  async intentsDone(key: ConversationKey, ids: readonly string[]): Promise<void> {
    await this.run(SCRIPTS.intentsDone, this.outboxKeys(key), ['', '', indexMember(key), ...ids]);
  }

  async mailboxPush<T>(name: string, key: ConversationKey, item: T, ttlMs: number): Promise<number> {
    const k = this.k(keys.mailbox(name, key));
    const [len] = (await this.client.multi().rPush(k, JSON.stringify(item)).pExpire(k, ttlMs).exec()) as unknown as [number];
    return len;
  }

  async mailboxRead<T>(name: string, key: ConversationKey, afterSeq: number): Promise<MailboxEntry<T>[]> {
    const raw = await this.client.lRange(this.k(keys.mailbox(name, key)), Math.max(0, afterSeq), -1);
    return raw.map((s, i) => ({ seq: afterSeq + i + 1, item: JSON.parse(s) as T }));
  }

  async listPush<T>(name: string, item: T): Promise<void> {
    await this.client.rPush(this.k(keys.list(name)), JSON.stringify(item));
  }

  async listRead<T>(name: string, limit: number): Promise<T[]> {
    const raw = await this.client.lRange(this.k(keys.list(name)), -limit, -1);
    return raw.map((s) => JSON.parse(s) as T);
  }

  async countInWindow(name: string, key: ConversationKey, windowMs: number): Promise<number> {
    return Number(await this.run(SCRIPTS.countInWindow, [this.k(keys.counter(name, key))], [String(windowMs)]));
  }


  async countersAdd(bucket: string, increments: Readonly<Record<string, number>>): Promise<void> {
    const entries = Object.entries(increments).filter(([, by]) => by !== 0);
    if (entries.length === 0) return;
    const k = this.k(keys.counters(bucket));
    const m = this.client.multi();
    for (const [field, by] of entries) m.hIncrBy(k, field, by);
    await m.exec();
  }

  async countersRead(bucket: string): Promise<Record<string, number>> {
    const raw = await this.client.hGetAll(this.k(keys.counters(bucket)));
    return Object.fromEntries(Object.entries(raw).map(([f, v]) => [f, Number(v)]));
  }

  async outboxPush(key: ConversationKey, items: OutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    // One MULTI: a reply pushed without its index entry would wait for the user's next message.
    await this.client
      .multi()
      .rPush(this.k(keys.outbox(key)), items.map((i) => JSON.stringify(i)))
      .sAdd(this.k(keys.outboxIndex()), indexMember(key))
      .exec();
  }

  async tablePut<T>(name: string, id: string, value: T): Promise<void> {
    await this.client.hSet(this.k(keys.table(name)), id, JSON.stringify(value));
  }

  async tableGet<T>(name: string, id: string): Promise<T | undefined> {
    const raw = await this.client.hGet(this.k(keys.table(name)), id);
    return raw === null || raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async tableDelete(name: string, id: string): Promise<void> {
    await this.client.hDel(this.k(keys.table(name)), id);
  }

  async tableAll<T>(name: string): Promise<T[]> {
    const all = await this.client.hVals(this.k(keys.table(name)));
    return all.map((raw) => JSON.parse(raw) as T);
  }

  async ping(): Promise<boolean> {
    try {
      return (await this.client.ping()) === 'PONG';
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.notifier.close();
    if (this.client.isOpen) await this.client.close();
  }
}
