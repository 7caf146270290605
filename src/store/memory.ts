// The default store: everything in this process, nothing to install. Expiry follows the injected
// clock so tests can move time. Not shared between instances — use the Redis store for that.
import type { ConversationKey } from '../core/messages.ts';
import {
  LockLostError,
  LockTimeoutError,
  systemClock,
  type Clock,
  type ConversationRecord,
  type Intent,
  type AckOptions,
  type Lease,
  type LockOptions,
  type MailboxEntry,
  type OutboxItem,
  type OutboxLeaseOptions,
  type Store,
  type TurnCommit,
  type TurnOptions,
  type TurnStart,
} from '../core/ports.ts';
import { indexMember, keys, parseIndexMember, tag } from './keys.ts';
import { decodeRecord, encodeRecord } from './record-codec.ts';

/** The conversation's hash tag in a key (keys.ts: one per key of a conversation), if any. */
function tagOf(k: string): string | undefined {
  return /\{[^{}]*\}/.exec(k)?.[0];
}

interface Entry {
  value: unknown;
  expiresAt: number;
}

export class MemoryStore implements Store {
  private readonly values = new Map<string, Entry>();
  private readonly locks = new Map<string, { released: Promise<void>; release: () => void; token: string }>();
  /** Messages on their way, per conversation: order → when it arrived; and who waits on a departure. */
  private readonly arrivals = new Map<string, Map<number, number>>();
  private readonly departures = new Map<string, Set<() => void>>();
  private readonly outboxIndex = new Set<string>();
  private readonly deadIndex = new Set<string>();
  /** The keys each conversation owns, by its hash tag: erase deletes these, not a walk of every key. */
  private readonly owned = new Map<string, Set<string>>();
  private tokens = 0;
  /** Texts shared by conversations (sharedTextsPut): owned by none, so apart from `values`. */
  private readonly sharedTexts = new Map<string, { text: string; expiresAt: number }>();

  private readonly sweeper: NodeJS.Timeout;

  /** Entries kept per conversation by mailbox name (capMailboxes). */
  private caps: Record<string, number> = {};

  constructor(private readonly clock: Clock = systemClock) {
    // Expired entries are also dropped when nobody reads them again: retention means gone, not hidden.
    this.sweeper = setInterval(() => this.sweepExpired(), 60_000);
    this.sweeper.unref();
  }

  /** Drops every entry whose time is up (Redis does this by itself). */
  sweepExpired(): number {
    const now = this.clock.now();
    let dropped = 0;
    for (const [k, e] of this.values) {
      if (e.expiresAt <= now) {
        this.drop(k);
        dropped++;
      }
    }
    for (const [id, e] of this.sharedTexts) {
      if (e.expiresAt <= now) {
        this.sharedTexts.delete(id);
        dropped++;
      }
    }
    return dropped;
  }

  private get<T>(k: string): T | undefined {
    const e = this.values.get(k);
    if (!e) return undefined;
    if (e.expiresAt <= this.clock.now()) {
      this.drop(k);
      return undefined;
    }
    return e.value as T;
  }

  private set(k: string, value: unknown, ttlMs = Number.POSITIVE_INFINITY): void {
    this.values.set(k, { value, expiresAt: this.clock.now() + ttlMs });
    const t = tagOf(k);
    if (t === undefined) return;
    const own = this.owned.get(t) ?? new Set<string>();
    own.add(k);
    this.owned.set(t, own);
  }

  /** Removes a key and its name from its conversation's index (which so never outgrows what is kept). */
  private drop(k: string): void {
    this.values.delete(k);
    const t = tagOf(k);
    const own = t === undefined ? undefined : this.owned.get(t);
    if (!own) return;
    own.delete(k);
    if (own.size === 0) this.owned.delete(t!);
  }

  async getConversation(key: ConversationKey): Promise<ConversationRecord | undefined> {
    const raw = this.get<string>(keys.conversation(key));
    // Stored as JSON so memory behaves like Redis: no shared object references leak between turns.
    return raw === undefined ? undefined : decodeRecord(raw);
  }

  async deleteConversation(key: ConversationKey): Promise<void> {
    this.outboxIndex.delete(indexMember(key));
    this.deadIndex.delete(indexMember(key));
    // Every key of a conversation carries its tag (keys.ts) and is named in its index: the cost is
    // the conversation's own size, whatever else the store holds (as in the Redis store).
    const t = tag(key);
    for (const k of this.owned.get(t) ?? []) this.values.delete(k);
    this.owned.delete(t);
  }

  private wasHandled(key: ConversationKey, messageId: string): boolean {
    return this.get(`${keys.handled(key)}:${messageId}`) !== undefined;
  }

  async commitTurn(key: ConversationKey, c: TurnCommit): Promise<OutboxItem[] | undefined> {
    if (c.fence !== undefined) this.fence(key, 'turn', c.fence);
    if (c.record) this.set(keys.conversation(key), encodeRecord(c.record), c.recordTtlMs);
    else this.drop(keys.conversation(key));
    this.set(`${keys.handled(key)}:${c.messageId}`, 1, c.dedupeTtlMs);
    if (c.outbox.length > 0) {
      const list = this.get<string[]>(keys.outbox(key)) ?? [];
      list.push(...c.outbox.map((i) => JSON.stringify(i)));
      this.set(keys.outbox(key), list);
      this.outboxIndex.add(indexMember(key));
    }
    for (const m of [...(c.mailbox ? [c.mailbox] : []), ...(c.mailboxes ?? [])]) if (m.items.length > 0) this.append(m.name, key, m.items, m.ttlMs);
    if (c.intents && c.intents.length > 0) {
      this.set(keys.intents(key), [...(this.get<Intent[]>(keys.intents(key)) ?? []), ...c.intents], c.recordTtlMs);
      this.outboxIndex.add(indexMember(key));
    }
    const lock = c.release && c.fence ? this.locks.get(keys.lock(key)) : undefined;
    if (lock && lock.token === c.fence) {
      this.locks.delete(keys.lock(key));
      lock.release();
    }
    // As on Redis: offered the outbox lease, a commit that appends replies takes it if it is free.
    const outboxLock = keys.lock(key, 'outbox');
    if (!c.lease || c.lease.token === '' || c.outbox.length === 0 || this.locks.has(outboxLock)) return undefined;
    this.locks.set(outboxLock, this.lockEntry(c.lease.token));
    return this.outboxPeek(key, c.lease.peek);
  }

  private lockEntry(token: string): { released: Promise<void>; release: () => void; token: string } {
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    return { released, release, token };
  }

  /** Throws unless `token` holds the lock (this store's locks never expire, but a token can be stale). */
  private fence(key: ConversationKey, scope: string, token: string): void {
    if (token !== '' && this.locks.get(keys.lock(key, scope === 'turn' ? undefined : scope))?.token !== token) throw new LockLostError(key, scope);
  }

  async withLock<T>(key: ConversationKey, opts: LockOptions, fn: (lease: Lease) => Promise<T>): Promise<T> {
    const k = keys.lock(key, opts.scope);
    const deadline = Date.now() + opts.waitMs;
    // A promise chain per key: each holder waits for the one before it.
    for (;;) {
      const held = this.locks.get(k);
      if (!held) break;
      const left = deadline - Date.now();
      if (left <= 0) throw new LockTimeoutError(key);
      await Promise.race([held.released, new Promise((r) => setTimeout(r, left))]);
    }
    const entry = this.lockEntry(`m${++this.tokens}`);
    this.locks.set(k, entry);
    return this.hold(k, entry, fn);
  }

  /** Runs `fn` holding the lock `k` (its entry), and lets it go after unless a commit or an ack did. */
  private async hold<T>(k: string, entry: { released: Promise<void>; release: () => void; token: string }, fn: (lease: Lease) => Promise<T>): Promise<T> {
    const lease: Lease = {
      token: entry.token,
      get lost() {
        return false;
      },
      confirm: async () => this.locks.get(k) === entry,
    };
    try {
      return await fn(lease);
    } finally {
      if (this.locks.get(k) === entry) this.locks.delete(k);
      entry.release();
    }
  }

  async withTurn<T, A = never>(key: ConversationKey, opts: TurnOptions<A>, fn: (start: TurnStart<A>, lease: Lease) => Promise<T>): Promise<T> {
    return this.withLock(key, { ttlMs: opts.ttlMs, waitMs: opts.waitMs }, async (lease) => {
      const alongside = opts.alongside?.();
      const start: TurnStart<A> = this.wasHandled(key, opts.messageId)
        ? { handled: true, count: 0 }
        : { handled: false, record: await this.getConversation(key), count: await this.countInWindow(opts.flood.name, key, opts.flood.windowMs) };
      if (alongside) start.alongside = await alongside;
      return fn(start, lease);
    });
  }

  withOutboxLease<T>(key: ConversationKey, opts: OutboxLeaseOptions, fn: (lease: Lease, head: OutboxItem[]) => Promise<T>): Promise<T> {
    const taken = opts.taken;
    if (taken) {
      // Taken by the turn's commit. A token that no longer holds it (or never did: the commit
      // failed first) holds nothing: its writes are fenced, and nothing of another holder's is let go.
      const k = keys.lock(key, 'outbox');
      const entry = this.locks.get(k);
      if (entry?.token === taken.token) return this.hold(k, entry, (lease) => fn(lease, taken.head));
      return fn({ token: taken.token, lost: true, confirm: async () => false }, taken.head);
    }
    return this.withLock(key, { ttlMs: opts.ttlMs, waitMs: opts.waitMs, scope: 'outbox', renew: true }, async (lease) => fn(lease, await this.outboxPeek(key, opts.peek)));
  }

  async outboxPeek(key: ConversationKey, limit: number): Promise<OutboxItem[]> {
    const list = this.get<string[]>(keys.outbox(key)) ?? [];
    return list.slice(0, limit).map((s) => JSON.parse(s) as OutboxItem);
  }

  /** Drops the head if it is `id`; true when the outbox is then empty (and the index forgets what is settled). */
  private popHead(key: ConversationKey, id: string, into?: { k: string; item: OutboxItem; ttlMs: number }): boolean {
    const list = this.get<string[]>(keys.outbox(key)) ?? [];
    const head = list[0];
    if (head !== undefined && (JSON.parse(head) as OutboxItem).id === id) {
      list.shift();
      if (into) {
        this.set(into.k, [...(this.get<string[]>(into.k) ?? []), JSON.stringify(into.item)], into.ttlMs);
        this.deadIndex.add(indexMember(key));
      }
    }
    if (list.length > 0) return false;
    this.drop(keys.outbox(key));
    if ((this.get<Intent[]>(keys.intents(key)) ?? []).length === 0) this.outboxIndex.delete(indexMember(key));
    return true;
  }

  async outboxAck(key: ConversationKey, id: string, fence = '', opts: AckOptions = {}): Promise<boolean> {
    this.fence(key, 'outbox', fence);
    const empty = this.popHead(key, id);
    if (empty && opts.release && fence !== '') this.letGoOutbox(key, fence);
    return empty;
  }

  /** As on Redis: the drain is done, and the lock goes in the same write. */
  private letGoOutbox(key: ConversationKey, fence: string): void {
    const k = keys.lock(key, 'outbox');
    const held = this.locks.get(k);
    if (held?.token === fence) {
      this.locks.delete(k);
      held.release();
    }
  }

  async outboxAckAndMark(key: ConversationKey, id: string, next: OutboxItem, fence: string, _renewMs: number): Promise<boolean | 'marked'> {
    if (fence === '') throw new LockLostError(key, 'outbox');
    this.fence(key, 'outbox', fence);
    if (this.popHead(key, id)) {
      this.letGoOutbox(key, fence);
      return true;
    }
    const list = this.get<string[]>(keys.outbox(key)) ?? [];
    if ((JSON.parse(list[0]!) as OutboxItem).id !== next.id) return false;
    list[0] = JSON.stringify(next);
    return 'marked';
  }

  /** This store's locks never expire: there is nothing to renew, only the fence to check. */
  async outboxUpdateHead(key: ConversationKey, item: OutboxItem, fence = '', _renewMs?: number): Promise<void> {
    this.fence(key, 'outbox', fence);
    const list = this.get<string[]>(keys.outbox(key)) ?? [];
    const head = list[0];
    if (head !== undefined && (JSON.parse(head) as OutboxItem).id === item.id) list[0] = JSON.stringify(item);
  }

  async outboxGiveUp(key: ConversationKey, item: OutboxItem, ttlMs: number, fence = ''): Promise<boolean> {
    this.fence(key, 'outbox', fence);
    return this.popHead(key, item.id, { k: keys.deadLetters(key), item, ttlMs });
  }

  async outboxConversations(): Promise<ConversationKey[]> {
    return [...this.outboxIndex].map(parseIndexMember).filter((k): k is ConversationKey => k !== undefined);
  }

  async deadLetter(item: OutboxItem, ttlMs: number): Promise<void> {
    const k = keys.deadLetters(item.key);
    this.set(k, [...(this.get<string[]>(k) ?? []), JSON.stringify(item)], ttlMs);
    this.deadIndex.add(indexMember(item.key));
  }

  async deadLetters(limit: number): Promise<OutboxItem[]> {
    const out: OutboxItem[] = [];
    for (const member of [...this.deadIndex]) {
      const key = parseIndexMember(member);
      const list = key ? this.readFrom<OutboxItem>(keys.deadLetters(key), limit) : [];
      if (list.length === 0) this.deadIndex.delete(member);
      out.push(...list);
    }
    return out.sort((a, b) => a.enqueuedAt - b.enqueuedAt).slice(-limit);
  }

  async intents(key: ConversationKey): Promise<Intent[]> {
    return [...(this.get<Intent[]>(keys.intents(key)) ?? [])];
  }

  async intentsDone(key: ConversationKey, ids: readonly string[]): Promise<void> {
    const left = (this.get<Intent[]>(keys.intents(key)) ?? []).filter((i) => !ids.includes(i.id));
    if (left.length > 0) {
      const e = this.values.get(keys.intents(key));
      if (e) e.value = left;
      return;
    }
    this.drop(keys.intents(key));
    if ((this.get<string[]>(keys.outbox(key)) ?? []).length === 0) this.outboxIndex.delete(indexMember(key));
  }

  async mailboxPush<T>(name: string, key: ConversationKey, item: T, ttlMs: number): Promise<number> {
    return this.append(name, key, [item], ttlMs);
  }

  async mailboxRead<T>(name: string, key: ConversationKey, afterSeq: number): Promise<MailboxEntry<T>[]> {
    const list = this.get<string[]>(keys.mailbox(name, key)) ?? [];
    const cut = this.get<number>(keys.mailboxCut(name, key)) ?? 0;
    const from = Math.max(0, afterSeq - cut);
    return list.slice(from).map((s, i) => ({ seq: cut + from + i + 1, item: JSON.parse(s) as T }));
  }

  capMailboxes(caps: Readonly<Record<string, number>>): void {
    this.caps = { ...caps };
  }

  /** Appends to a mailbox, dropping the oldest entries past its cap; returns how many it holds. */
  private append(name: string, key: ConversationKey, items: readonly unknown[], ttlMs: number): number {
    const k = keys.mailbox(name, key);
    const list = [...(this.get<string[]>(k) ?? []), ...items.map((i) => JSON.stringify(i))];
    const cutKey = keys.mailboxCut(name, key);
    let cut = this.get<number>(cutKey) ?? 0;
    const over = (this.caps[name] ?? 0) > 0 ? list.length - this.caps[name]! : 0;
    if (over > 0) {
      list.splice(0, over);
      cut += over;
    }
    this.set(k, list, ttlMs);
    if (cut > 0) this.set(cutKey, cut, ttlMs);
    return list.length;
  }

  async mailboxDelete(name: string, key: ConversationKey): Promise<void> {
    this.drop(keys.mailbox(name, key));
  }

  async listPush<T>(name: string, item: T): Promise<void> {
    this.pushTo(keys.list(name), item);
  }

  async listRead<T>(name: string, limit: number): Promise<T[]> {
    return this.readFrom<T>(keys.list(name), limit);
  }

  async countInWindow(name: string, key: ConversationKey, windowMs: number): Promise<number> {
    const k = keys.counter(name, key);
    const current = this.values.get(k);
    if (current && current.expiresAt > this.clock.now()) {
      current.value = (current.value as number) + 1;
      return current.value as number;
    }
    this.set(k, 1, windowMs);
    return 1;
  }

  async countersAdd(bucket: string, increments: Readonly<Record<string, number>>): Promise<void> {
    const k = `ctr:${bucket}`;
    const counters = this.get<Record<string, number>>(k) ?? {};
    for (const [field, by] of Object.entries(increments)) if (by !== 0) counters[field] = (counters[field] ?? 0) + by;
    this.set(k, counters);
  }

  async countersRead(bucket: string): Promise<Record<string, number>> {
    return { ...(this.get<Record<string, number>>(`ctr:${bucket}`) ?? {}) };
  }

  async outboxPush(key: ConversationKey, items: OutboxItem[]): Promise<void> {
    if (items.length === 0) return;
    const list = this.get<string[]>(keys.outbox(key)) ?? [];
    list.push(...items.map((i) => JSON.stringify(i)));
    this.set(keys.outbox(key), list);
    this.outboxIndex.add(indexMember(key));
  }

  private table(name: string): Map<string, string> {
    let t = this.get<Map<string, string>>(`table:${name}`);
    if (!t) {
      t = new Map();
      this.set(`table:${name}`, t);
    }
    return t;
  }

  async sharedTextsPut(texts: Readonly<Record<string, string>>, ttlMs: number): Promise<void> {
    const expiresAt = this.clock.now() + ttlMs;
    for (const [id, text] of Object.entries(texts)) this.sharedTexts.set(id, { text, expiresAt });
  }

  async sharedTextsGet(ids: readonly string[]): Promise<Record<string, string>> {
    const now = this.clock.now();
    const out: Record<string, string> = {};
    for (const id of ids) {
      const e = this.sharedTexts.get(id);
      if (e && e.expiresAt > now) out[id] = e.text;
      else if (e) this.sharedTexts.delete(id);
    }
    return out;
  }

  async tablePut<T>(name: string, id: string, value: T): Promise<void> {
    this.table(name).set(id, JSON.stringify(value));
  }

  async tableGet<T>(name: string, id: string): Promise<T | undefined> {
    const raw = this.table(name).get(id);
    return raw === undefined ? undefined : (JSON.parse(raw) as T);
  }

  async tableDelete(name: string, id: string): Promise<void> {
    this.table(name).delete(id);
  }

  async tableAll<T>(name: string): Promise<T[]> {
    return [...this.table(name).values()].map((raw) => JSON.parse(raw) as T);
  }

  private pushTo(k: string, item: unknown): void {
    const list = this.get<string[]>(k) ?? [];
    list.push(JSON.stringify(item));
    this.set(k, list);
  }

  private readFrom<T>(k: string, limit: number): T[] {
    return (this.get<string[]>(k) ?? []).slice(-limit).map((s) => JSON.parse(s) as T);
  }

  async arrive(key: ConversationKey, order: number, at: number): Promise<void> {
    const k = keys.arrivals(key);
    const m = this.arrivals.get(k) ?? new Map<number, number>();
    m.set(order, at);
    this.arrivals.set(k, m);
  }

  async awaitEarlier(key: ConversationKey, order: number, staleMs: number, waitMs: number): Promise<void> {
    const k = keys.arrivals(key);
    const deadline = Date.now() + waitMs;
    for (;;) {
      const fresh = [...(this.arrivals.get(k) ?? new Map<number, number>())].filter(([o, at]) => o < order && at >= Date.now() - staleMs);
      const remaining = deadline - Date.now();
      if (fresh.length === 0 || remaining <= 0) return;
      const waiters = this.departures.get(k) ?? new Set<() => void>();
      this.departures.set(k, waiters);
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, Math.min(remaining, Math.max(1, fresh[0]![1] + staleMs - Date.now())));
        waiters.add(wake);
      });
    }
  }

  async depart(key: ConversationKey, order: number): Promise<void> {
    const k = keys.arrivals(key);
    const m = this.arrivals.get(k);
    m?.delete(order);
    if (m?.size === 0) this.arrivals.delete(k);
    for (const wake of [...(this.departures.get(k) ?? [])]) wake();
  }

  async ping(): Promise<boolean> {
    return true;
  }

  async close(): Promise<void> {
    clearInterval(this.sweeper);
  }
}
