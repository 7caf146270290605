// The production store: shared by every instance, survives restarts. Per-conversation keys share a
// hash tag (see keys.ts) so a turn's commit is one MULTI even on Redis Cluster; the outbox index and
// global lists live outside any conversation's slot and are written separately.
import { createHash, randomUUID } from 'node:crypto';
import { createClient, type RedisClientType } from 'redis';
import type { ConversationKey } from '../core/messages.ts';
import {
  LockTimeoutError,
  type ConversationRecord,
  type LockOptions,
  type MailboxEntry,
  type OutboxItem,
  type Store,
  type TurnCommit,
} from '../core/ports.ts';
import { indexMember, keys, parseIndexMember, tag } from './keys.ts';

// Releases the lock only if we still own it: an expired lock may already belong to someone else.
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
// Acks the head only when it is the item we delivered, so a concurrent drainer cannot drop another.
const ACK_HEAD = `local h = redis.call('lindex', KEYS[1], 0)
if h and cjson.decode(h).id == ARGV[1] then redis.call('lpop', KEYS[1]) end
if redis.call('llen', KEYS[1]) == 0 then redis.call('del', KEYS[1]) return 1 end
return 0`;
const UPDATE_HEAD = `local h = redis.call('lindex', KEYS[1], 0)
if h and cjson.decode(h).id == ARGV[1] then redis.call('lset', KEYS[1], 0, ARGV[2]) end
return 0`;
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
  ackHead: script(ACK_HEAD),
  updateHead: script(UPDATE_HEAD),
  countInWindow: script(COUNT_IN_WINDOW),
};

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

  private constructor(client: RedisClientType, prefix: string) {
    this.client = client;
    this.p = prefix;
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
    return new RedisStore(client, opts.prefix ?? '');
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
    if (found.length > 0) await this.client.del(found);
    await this.client.sRem(this.k(keys.outboxIndex()), indexMember(key));
  }

  async wasHandled(key: ConversationKey, messageId: string): Promise<boolean> {
    return (await this.client.exists(this.k(keys.handled(key, messageId)))) === 1;
  }

  async commitTurn(key: ConversationKey, c: TurnCommit): Promise<void> {
    const m = this.client.multi();
    if (c.record) m.set(this.k(keys.conversation(key)), JSON.stringify(c.record), { expiration: { type: 'PX', value: c.recordTtlMs } });
    else m.del(this.k(keys.conversation(key)));
    m.set(this.k(keys.handled(key, c.messageId)), '1', { expiration: { type: 'PX', value: c.dedupeTtlMs } });
    if (c.outbox.length > 0) m.rPush(this.k(keys.outbox(key)), c.outbox.map((i) => JSON.stringify(i)));
    if (c.mailbox && c.mailbox.items.length > 0) {
      const mk = this.k(keys.mailbox(c.mailbox.name, key));
      m.rPush(mk, c.mailbox.items.map((i) => JSON.stringify(i)));
      m.pExpire(mk, c.mailbox.ttlMs);
    }
    await m.exec();
    if (c.outbox.length > 0) await this.client.sAdd(this.k(keys.outboxIndex()), indexMember(key));
  }

  async withLock<T>(key: ConversationKey, opts: LockOptions, fn: () => Promise<T>): Promise<T> {
    const k = this.k(keys.lock(key, opts.scope));
    const token = randomUUID();
    const deadline = Date.now() + opts.waitMs;
    let delay = 5;
    for (;;) {
      const ok = await this.client.set(k, token, { condition: 'NX', expiration: { type: 'PX', value: opts.ttlMs } });
      if (ok === 'OK') break;
      if (Date.now() >= deadline) throw new LockTimeoutError(key);
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 100);
    }
    try {
      return await fn();
    } finally {
      await this.run(SCRIPTS.release, [k], [token]).catch(() => undefined);
    }
  }

  async outboxPeek(key: ConversationKey, limit: number): Promise<OutboxItem[]> {
    const raw = await this.client.lRange(this.k(keys.outbox(key)), 0, limit - 1);
    return raw.map((s) => JSON.parse(s) as OutboxItem);
  }

  async outboxAck(key: ConversationKey, id: string): Promise<boolean> {
    const emptied = await this.run(SCRIPTS.ackHead, [this.k(keys.outbox(key))], [id]);
    if (emptied === 1) await this.client.sRem(this.k(keys.outboxIndex()), indexMember(key));
    return emptied === 1;
  }

  async outboxUpdateHead(key: ConversationKey, item: OutboxItem): Promise<void> {
    await this.run(SCRIPTS.updateHead, [this.k(keys.outbox(key))], [item.id, JSON.stringify(item)]);
  }

  async outboxConversations(): Promise<ConversationKey[]> {
    const tags = await this.client.sMembers(this.k(keys.outboxIndex()));
    return tags.map(parseIndexMember).filter((k): k is ConversationKey => k !== undefined);
  }

  async deadLetter(item: OutboxItem): Promise<void> {
    await this.client.rPush(this.k(keys.deadLetters()), JSON.stringify(item));
  }

  async deadLetters(limit: number): Promise<OutboxItem[]> {
    const raw = await this.client.lRange(this.k(keys.deadLetters()), -limit, -1);
    return raw.map((s) => JSON.parse(s) as OutboxItem);
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
    await this.client.rPush(this.k(keys.outbox(key)), items.map((i) => JSON.stringify(i)));
    await this.client.sAdd(this.k(keys.outboxIndex()), indexMember(key));
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
    if (this.client.isOpen) await this.client.close();
  }
}
