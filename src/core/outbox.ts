// Delivery of committed replies. Each conversation's outbox is drained by one worker at a time,
// under a lease (the conversation's outbox lock, renewed while the drain runs, however slow the
// platform or the send rate): the lease is confirmed before every send and its token fences
// every ack, so a drain that lost it neither sends nor acks, and two instances never send the
// same reply or reorder them. Failures the platform calls temporary are retried with back-off, the
// rest go to the conversation's dead letters. See README ("Delivery") for the one ambiguous case.
import { randomUUID } from 'node:crypto';
import type { MediaFetcher } from './media-vault.ts';
import type { ChannelSender, SendContext, SendResult, SendWindow } from './channel.ts';
import { keyToString, type ConversationKey } from './messages.ts';
import {
  LockLostError,
  LockTimeoutError,
  systemClock,
  type Clock,
  type Intent,
  type Lease,
  type Log,
  type OutboxItem,
  type OutboxLeaseOffer,
  type Store,
  type TakenOutboxLease,
} from './ports.ts';
import type { SendLimiter } from './send-limiter.ts';

export interface OutboxOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  /** The lease's life; it is renewed every third of it while the drain runs. */
  lockTtlMs: number;
  /** How long a dead letter is kept: the conversation's own retention (it is erased with it too). */
  deadLetterTtlMs: number;
  /**
   * Drains this instance runs at once; further conversations wait their turn in a queue (urgent
   * ones first), and past `maxQueued` are left to recovery: the replies are in the store already.
   */
  maxDrains: number;
  maxQueued: number;
}

/**
 * 12 attempts at 0.5 s doubling to 30 s: the last comes about 3 minutes after the first, so a
 * platform down for 150 s loses nothing and one down for 5 minutes ends in dead letters.
 */
export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  maxAttempts: 12,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  lockTtlMs: 30_000,
  deadLetterTtlMs: 30 * 24 * 3600_000,
  maxDrains: 100,
  maxQueued: 5_000,
};

/** Where officers' attachments are kept with the conversation (the media vault). */
export interface AttachmentSource {
  /** The bytes, or undefined when they are gone. */
  bytes(key: ConversationKey, id: string): Promise<Buffer | undefined>;
  /** Drops a file whose message will never be sent. */
  remove(key: ConversationKey, id: string): Promise<void>;
}

/** Completes what a turn left as intents (hand-offs); recovery runs it for every pending conversation. */
export type IntentHandler = (key: ConversationKey, intents: Intent[]) => Promise<void>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A conversation waiting for a drain slot; recovery's do not wait for another instance's lock. */
interface Queued {
  key: ConversationKey;
  waitMs?: number;
}

/**
 * The outbox's lease offered to a turn about to commit replies (Outbox.offer), for the commit to
 * take in its own write (TurnCommit.lease). The offer holds a drain slot of this instance until
 * exactly one of its two answers: the drain starts from there, not from a kick.
 */
export interface DeliveryOffer {
  readonly lease: OutboxLeaseOffer;
  /**
   * The commit is written: `head` is what it answered (it took the lease: the drain starts under it
   * at once), undefined when it did not (someone holds the lease: the drain waits for it as a kick's does).
   */
  committed(head: OutboxItem[] | undefined): void;
  /** The commit failed, perhaps after taking the lease: it is let go (best-effort), nothing is drained here. */
  abandoned(): void;
}

/** An offer's answer that is neither a head nor undefined: the commit failed. */
const ABANDONED = Symbol('abandoned');

/** How a dead letter whose send may have reached the user starts its reason (the console shows it). */
export const MAYBE_SENT = 'may have been delivered';

/** How many replies a drain reads at a time. */
const PEEK = 10;

/** Left in the outbox: the drain stopped (shutdown) or lost its lease; the next holder goes on. */
const LEFT = undefined;

/** Sent, and its ack owed: written with the next reply's in-flight mark (outboxAckAndMark). */
const OWED = Symbol('owed');

export class Outbox {
  private readonly senders = new Map<string, ChannelSender>();
  private readonly running = new Map<string, Promise<void>>();
  /** At most one pass queued behind a running drain, shared by every kick meanwhile. */
  private readonly again = new Map<string, Promise<void>>();
  /**
   * A clock of this instance's own events, to order a pass's request against the running drain's
   * reads of the outbox: `asked` is when the last kick queued the pass, `empty` when the drain
   * issued the read (an ack, a dead letter, a peek) that found nothing left. A read issued after the
   * kick sees every reply committed before it, so an empty answer then leaves the pass nothing to do.
   */
  private tick = 0;
  private readonly asked = new Map<string, number>();
  private readonly empty = new Map<string, number>();
  private readonly opts: OutboxOptions;
  private stopped = false;
  private recovery: NodeJS.Timeout | undefined;
  private readonly pauses = new Set<() => void>();
  private intentHandler: IntentHandler | undefined;
  private attachments: AttachmentSource | undefined;
  /** Conversations waiting for a drain slot: emergencies and staff replies first. */
  private readonly queued = { urgent: new Map<string, Queued>(), normal: new Map<string, Queued>() };
  /** Conversations whose offered lease (offer()) waits for its commit's answer: a slot held, nothing to deliver yet. */
  private readonly offers = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly log: Log,
    options: Partial<OutboxOptions> = {},
    private readonly clock: Clock = systemClock,
    /** The platforms' send rates; without it, sends go as fast as the platform answers. */
    private readonly limiter?: SendLimiter,
  ) {
    this.opts = { ...DEFAULT_OUTBOX_OPTIONS, ...options };
  }

  register(sender: ChannelSender): void {
    this.senders.set(sender.channel, sender);
  }

  /** Who completes the intents turns leave (the conversation service); recovery calls it. */
  onIntents(handler: IntentHandler): void {
    this.intentHandler = handler;
  }

  /** Where the bytes of officers' attachments are read (the media vault); bound late, like the intents. */
  readAttachmentsFrom(source: AttachmentSource): void {
    this.attachments = source;
  }

  /** What a channel takes as an officer's attachment (undefined: no files on that channel). */
  attachmentLimits(channel: string): { image: number; file: number } | undefined {
    return this.senders.get(channel)?.capabilities.maxAttachmentBytes;
  }

  /** How a channel's media is fetched (the channel's sender knows its platform). */
  mediaFetcher(channel: string): MediaFetcher | undefined {
    return this.senders.get(channel)?.fetchMedia;
  }

  /**
   * Starts delivering a conversation's replies unless a delivery for it is already running here;
   * when every drain slot is taken it waits in a queue (`urgent`: emergencies and staff replies go
   * first), and when the queue is full too, recovery finds it in the store later.
   */
  kick(key: ConversationKey, urgent = false): void {
    const id = keyToString(key);
    if (this.running.has(id) || this.running.size < this.opts.maxDrains) {
      void this.flush(key);
      return;
    }
    if (this.queued.urgent.has(id) || this.queued.normal.has(id)) {
      // A commit's kick waits for another instance's drain (recovery's does not): its reply is new.
      if (urgent && this.queued.normal.delete(id)) this.queued.urgent.set(id, { key });
      else (this.queued.urgent.has(id) ? this.queued.urgent : this.queued.normal).set(id, { key });
      return;
    }
    if (this.queued.urgent.size + this.queued.normal.size >= this.opts.maxQueued) return;
    (urgent ? this.queued.urgent : this.queued.normal).set(id, { key });
  }

  /**
   * Offers a turn about to commit replies this conversation's outbox lease, for its commit to take
   * in the same write (TurnCommit.lease), saving the drain the round trip of taking it: only when
   * this instance would start draining the conversation at once — not stopped, no drain of it
   * running or queued here, a drain slot free (held for it from now). Otherwise undefined: the
   * commit takes nothing, and its kick goes the usual way. A lease nobody here would use would
   * keep other instances and recovery out for its whole life.
   */
  offer(key: ConversationKey): DeliveryOffer | undefined {
    const id = keyToString(key);
    if (this.stopped || this.running.has(id) || this.queued.urgent.has(id) || this.queued.normal.has(id) || this.running.size >= this.opts.maxDrains) return undefined;
    const token = randomUUID();
    let answer!: (head: OutboxItem[] | undefined | typeof ABANDONED) => void;
    const answered = new Promise<OutboxItem[] | undefined | typeof ABANDONED>((r) => (answer = r));
    this.offers.add(id);
    // Running from now: a kick meanwhile (a staff reply) queues its pass behind this drain.
    this.start(
      id,
      answered.then((head) => {
        this.offers.delete(id);
        if (head === ABANDONED) return this.letGo(key, token);
        // Stopped meanwhile: a lease taken is released at once by a drain that sends nothing (never
        // left to expire), and one not taken is not waited for.
        if (!head && this.stopped) return;
        return this.drain(key, this.opts.lockTtlMs, head ? { token, head } : undefined);
      }),
    );
    let once = false;
    const settle = (v: OutboxItem[] | undefined | typeof ABANDONED) => {
      if (once) return;
      once = true;
      answer(v);
    };
    return { lease: { token, ttlMs: this.opts.lockTtlMs, peek: PEEK }, committed: (head) => settle(head), abandoned: () => settle(ABANDONED) };
  }

  /** Releases a lease a failed commit may have taken (a token that does not hold it releases nothing). */
  private async letGo(key: ConversationKey, token: string): Promise<void> {
    await this.store.withOutboxLease(key, { ttlMs: this.opts.lockTtlMs, waitMs: 0, peek: 0, taken: { token, head: [] } }, async () => undefined);
  }

  /** Conversations whose replies wait for delivery here: drains running and queued (admission reads it). */
  backlog(): number {
    return this.running.size - this.offers.size + this.queued.urgent.size + this.queued.normal.size;
  }

  /** A drain slot freed: the next queued conversation, urgent ones first. */
  private next(): void {
    while (!this.stopped && this.running.size < this.opts.maxDrains) {
      const lane = this.queued.urgent.size > 0 ? this.queued.urgent : this.queued.normal;
      const first = lane.entries().next();
      if (first.done) return;
      lane.delete(first.value[0]);
      const { key, waitMs } = first.value[1];
      void this.flush(key, waitMs);
    }
  }

  /** Delivers what the conversation has queued; resolves when its outbox is empty (or given up). */
  flush(key: ConversationKey, waitMs = this.opts.lockTtlMs): Promise<void> {
    const id = keyToString(key);
    const current = this.running.get(id);
    if (current) {
      // A drain is under way: one more pass after it takes what was committed meanwhile, unless
      // the drain found the outbox empty with a read issued after this request.
      this.asked.set(id, ++this.tick);
      let next = this.again.get(id);
      if (!next) {
        next = current.then(() => {
          this.again.delete(id);
          const asked = this.asked.get(id) ?? Infinity;
          const empty = this.empty.get(id) ?? -Infinity;
          this.asked.delete(id);
          this.empty.delete(id);
          if (empty > asked) {
            this.next();
            return;
          }
          return this.flush(key, waitMs);
        });
        this.again.set(id, next);
      }
      return next;
    }
    return this.start(id, this.drain(key, waitMs));
  }

  /** Counts `work` (a drain) as the conversation's running delivery until it ends, then frees its slot. */
  private start(id: string, work: Promise<void>): Promise<void> {
    const run = work
      .catch((err: unknown) => {
        // Another instance is draining it: that one delivers.
        if (err instanceof LockTimeoutError) return;
        this.log.error({ err, conversation: id }, 'outbox drain failed');
      })
      .finally(() => {
        this.running.delete(id);
        // A pass queued behind this drain takes the slot (and reads what it saw); otherwise the next conversation does.
        if (!this.again.has(id)) {
          this.empty.delete(id);
          this.next();
        }
      });
    this.running.set(id, run);
    return run;
  }

  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0 || this.again.size > 0) await Promise.all([...this.running.values(), ...this.again.values()]);
  }

  /**
   * Delivers whatever was committed but not sent, and completes intents left behind: after a
   * restart, after the store was away, or what an instance that died left. Conversations another
   * instance is draining are skipped.
   */
  async recover(): Promise<number> {
    const pending = await this.store.outboxConversations();
    for (const key of pending) {
      const id = keyToString(key);
      // Already being delivered here, or waiting for a slot: nothing to add.
      if (this.running.has(id) || this.queued.urgent.has(id) || this.queued.normal.has(id)) continue;
      // A full instance leaves the rest for the next round (or for another instance).
      if (this.backlog() >= this.opts.maxDrains + this.opts.maxQueued) break;
      if (this.intentHandler) {
        const intents = await this.store.intents(key);
        if (intents.length > 0) await this.intentHandler(key, intents).catch((err: unknown) => this.log.warn({ err, conversation: id }, 'intents not completed; retrying later'));
      }
      if (this.running.size < this.opts.maxDrains) void this.flush(key, 0);
      else this.queued.normal.set(id, { key, waitMs: 0 });
    }
    return pending.length;
  }

  /** Runs recover() every `intervalMs` until stop(). */
  startRecovery(intervalMs: number): void {
    this.recovery ??= setInterval(() => {
      this.recover().catch((err: unknown) => this.log.warn({ err }, 'outbox recovery failed; retrying later'));
    }, intervalMs);
    this.recovery.unref();
  }

  /** Stops sending: what is not sent yet stays in the store for the next instance (never dead-lettered). */
  stop(): void {
    this.stopped = true;
    this.queued.urgent.clear();
    this.queued.normal.clear();
    if (this.recovery) clearInterval(this.recovery);
    this.recovery = undefined;
    for (const wake of this.pauses) wake();
  }

  private async drain(key: ConversationKey, waitMs: number, taken?: TakenOutboxLease): Promise<void> {
    const id = keyToString(key);
    this.empty.delete(id);
    // The lease comes with the first items (taken by the turn's commit, or taken here); only an
    // outbox longer than that is read again. A head the commit read was read before any kick here.
    let at = taken ? undefined : ++this.tick;
    await this.store.withOutboxLease(key, { ttlMs: this.opts.lockTtlMs, waitMs, peek: PEEK, ...(taken ? { taken } : {}) }, async (lease, head) => {
      let items = head;
      while (!this.stopped && !lease.lost && items.length > 0) {
        let owed: OutboxItem | undefined;
        for (const [i, item] of items.entries()) {
          // The last ack says whether anything is left (and then released the lease with it).
          const empty = await this.deliver(item, lease, owed, items[i + 1]);
          owed = empty === OWED ? item : undefined;
          if (empty === LEFT || empty === true) return;
        }
        at = ++this.tick;
        items = await this.store.outboxPeek(key, PEEK);
      }
      if (items.length === 0 && at !== undefined) this.empty.set(id, at);
    });
  }

  /**
   * Whether a sent reply's ack may wait for the next reply's send rate, to go with that reply's
   * in-flight mark in one write. The ack comes later so: a holder killed in that wait leaves the
   * reply sent and unacked, which only a channel that records the platform's confirmation
   * (delivered) or shows a resend once (idempotent) settles without a loss or a double. The next
   * reply must be one whose send follows its mark at once: not in flight already (that one is
   * settled, not sent), no attachment to read first.
   */
  private foldable(sender: ChannelSender, next: OutboxItem | undefined): next is OutboxItem {
    if (!next || next.inFlight || next.message.attachment) return false;
    return sender.idempotent === true || (sender.delivered !== undefined && (sender.recordsDelivery?.(next.key) ?? true));
  }

  /**
   * Sends one item (retrying as the platform allows) or dead-letters it: true when the outbox is
   * then empty, LEFT when the item stays for whoever drains next, OWED when it was sent and its
   * ack is left to the next item's mark (`next`, delivered right after it with `owed`).
   */
  private async deliver(item: OutboxItem, lease: Lease, owed?: OutboxItem, next?: OutboxItem): Promise<boolean | typeof LEFT | typeof OWED> {
    const sender = this.senders.get(item.key.channel);
    if (!sender) return this.giveUp(item, `no sender for channel ${item.key.channel}`, lease);
    for (;;) {
      // Staff replies count as staff replies whatever the chat's priority, so they pass ordinary ones.
      await this.limiter?.acquire(item.key.channel, item.message.priority === 'normal' && item.message.from === 'agent' ? 'agent' : item.message.priority);
      if (this.stopped) {
        // The reply before this one is out: its ack is written before the drain stops.
        if (owed) await this.acked(owed, lease);
        return LEFT;
      }
      let result: SendResult;
      if (item.inFlight && !sender.idempotent) {
        // A holder that died (kill -9) or lost its lease during this very send: it may have been
        // delivered, like a send that timed out, and is treated the same way.
        result = { ok: false, retryable: true, maybeSent: true, reason: 'the previous holder stopped during the send' };
      } else {
        let attachment: Buffer | undefined;
        if (item.message.attachment) {
          // Erased or expired since the officer sent it: nothing to send, and no retry brings it back.
          attachment = await this.attachments?.bytes(item.key, item.message.attachment.id);
          if (!attachment) return this.giveUp(item, 'the attachment is no longer stored', lease);
        }
        // Marked before it leaves, so whoever drains next knows it may be out. The mark is the last
        // word before the platform, after the send rate's wait: fenced by the lease and renewing it
        // (its confirm), so a drain whose lease lapsed meanwhile sends nothing.
        const marked = { ...item, inFlight: true };
        const mark = async () => (await this.store.outboxUpdateHead(marked.key, marked, lease.token, this.opts.lockTtlMs), false);
        // The reply sent before this one is acked in the mark's write; should this one no longer
        // be the head then (the outbox changed under the lease), it is marked on its own as before.
        const folded = owed ? await this.ackedAndMarked(owed, marked, lease) : false;
        owed = undefined;
        if (folded === LEFT || folded === true) return folded;
        if (folded !== 'marked' && (await this.settle(item, lease, mark)) === LEFT) return LEFT;
        try {
          result = await sender.send(item.key, item.message, { ...(await this.context(item)), itemId: item.id, ...(attachment ? { attachment } : {}) });
        } catch (err) {
          result = { ok: false, retryable: true, reason: err instanceof Error ? err.message : String(err) };
        }
      }
      if (result.ok) return this.foldable(sender, next) ? OWED : this.acked(item, lease);
      if (result.maybeSent) {
        // What the channel recorded as the platform confirmed each send settles it where it can.
        if (await this.confirmedDelivered(sender, item)) return this.acked(item, lease);
        if (item.message.priority !== 'emergency' || item.maybeSent) {
          // At most once for an ordinary reply, at least once (two tries) for an emergency's numbers;
          // never dropped: a dead letter the console shows, marked as possibly delivered.
          return this.giveUp(item, `${MAYBE_SENT}: ${result.reason}`, lease);
        }
      }
      const { inFlight: _sent, ...rest } = item;
      item = { ...rest, attempts: item.attempts + 1, lastError: result.reason, ...(result.maybeSent ? { maybeSent: true } : {}) };
      if (!result.retryable || item.attempts >= this.opts.maxAttempts) return this.giveUp(item, result.reason, lease);
      const current = item;
      if ((await this.settle(item, lease, async () => (await this.store.outboxUpdateHead(current.key, current, lease.token), false))) === LEFT) return LEFT;
      const backoff = Math.min(this.opts.baseDelayMs * 2 ** (item.attempts - 1), this.opts.maxDelayMs);
      await this.pause(Math.max(result.retryAfterMs ?? 0, backoff));
      if (this.stopped) return LEFT;
    }
  }

  /**
   * Acks a delivered item, releasing the lease if it was the last. A kill between the send and
   * this write leaves the item in flight: the next holder settles it from what the channel recorded.
   */
  private async acked(item: OutboxItem, lease: Lease): Promise<boolean | typeof LEFT> {
    const at = ++this.tick;
    const settled = await this.settle(item, lease, () => this.store.outboxAck(item.key, item.id, lease.token, { release: true }));
    if (settled === true) this.empty.set(keyToString(item.key), at);
    return settled;
  }

  /** The ack of `owed` and the in-flight mark of the item after it, in one write: 'marked', or as acked answers. */
  private async ackedAndMarked(owed: OutboxItem, marked: OutboxItem, lease: Lease): Promise<boolean | 'marked' | typeof LEFT> {
    const at = ++this.tick;
    const settled = await this.settle(owed, lease, () => this.store.outboxAckAndMark(owed.key, owed.id, marked, lease.token, this.opts.lockTtlMs));
    if (settled === true) this.empty.set(keyToString(owed.key), at);
    return settled;
  }

  /** Whether the channel recorded this item as confirmed by the platform; a failed look-up knows nothing. */
  private async confirmedDelivered(sender: ChannelSender, item: OutboxItem): Promise<boolean> {
    if (!sender.delivered) return false;
    try {
      return await sender.delivered(item.key, item.id, item.message);
    } catch {
      return false;
    }
  }

  /**
   * Writes what a send changed, waiting out a store that is away (the reply is out: forgetting
   * that would send it again), for as long as the lease can still be ours.
   */
  private async settle<R>(item: OutboxItem, lease: Lease, write: () => Promise<R>): Promise<R | typeof LEFT> {
    for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
      try {
        return await write();
      } catch (err) {
        if (err instanceof LockLostError || lease.lost) {
          this.log.warn({ conversation: keyToString(item.key) }, 'outbox lease lost before the ack; the next holder decides');
          return LEFT;
        }
      }
      // Not cut short by a shutdown: until the lease lapses, the next instance would send it again.
      await sleep(wait);
      if (this.stopped) await lease.confirm();
    }
  }

  private pause(ms: number): Promise<void> {
    if (this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.pauses.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.pauses.add(wake);
    });
  }

  /** What the channel needs to know to choose how (and whether) it may send now. */
  async context(item: Pick<OutboxItem, 'key' | 'userAt' | 'userMessageId'>): Promise<SendContext> {
    if (item.userAt !== undefined) {
      const ctx: SendContext = { now: this.clock.now(), lastUserAt: item.userAt };
      if (item.userMessageId !== undefined) ctx.lastUserMessageId = item.userMessageId;
      return ctx;
    }
    const record = await this.store.getConversation(item.key);
    const ctx: SendContext = { now: this.clock.now() };
    if (record?.lastUserAt !== undefined) ctx.lastUserAt = record.lastUserAt;
    if (record?.lastUserMessageId !== undefined) ctx.lastUserMessageId = record.lastUserMessageId;
    return ctx;
  }

  /**
   * The channel's messaging window for this conversation as it would be at `at` (default: now), and
   * when the user last wrote; `window` is undefined when the channel has no window (always open).
   */
  async sendWindow(key: ConversationKey, from: 'bot' | 'agent', at?: number): Promise<{ lastUserAt?: number; window?: SendWindow }> {
    const ctx = await this.context({ key });
    if (at !== undefined) ctx.now = at;
    const window = this.senders.get(key.channel)?.window?.(ctx, from);
    return { ...(ctx.lastUserAt !== undefined ? { lastUserAt: ctx.lastUserAt } : {}), ...(window ? { window } : {}) };
  }

  /** Lets the conversation's channel forget it before it is erased (ChannelSender.forget); never throws. */
  async forget(key: ConversationKey): Promise<void> {
    const sender = this.senders.get(key.channel);
    if (!sender?.forget) return;
    try {
      await sender.forget(key);
    } catch (err) {
      this.log.warn({ err, conversation: keyToString(key) }, 'channel could not forget the conversation');
    }
  }

  /** The erase this conversation's forget() prepared for did not happen (ChannelSender.keep). */
  keep(key: ConversationKey): void {
    this.senders.get(key.channel)?.keep?.(key);
  }

  private async giveUp(item: OutboxItem, reason: string, lease: Lease): Promise<boolean | typeof LEFT> {
    this.log.warn({ conversation: keyToString(item.key), attempts: item.attempts, reason }, 'reply dead-lettered');
    const { inFlight: _sending, ...rest } = item;
    const dead = { ...rest, lastError: reason };
    const at = ++this.tick;
    const settled = await this.settle(item, lease, () => this.store.outboxGiveUp(item.key, dead, this.opts.deadLetterTtlMs, lease.token));
    if (settled === true) this.empty.set(keyToString(item.key), at);
    // A refused file is sent by nobody: it leaves the vault now, not at the end of retention.
    // Only once the dead letter is written, so the next holder of a lost lease still finds it.
    const attachment = item.message.attachment;
    if (attachment && settled !== LEFT) {
      await this.attachments?.remove(item.key, attachment.id).catch((err: unknown) => {
        this.log.warn({ conversation: keyToString(item.key), err: err instanceof Error ? err.name : 'error' }, 'a refused attachment could not be removed; it expires with the conversation');
      });
    }
    return settled;
  }
}
