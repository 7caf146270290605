// Delivery of committed replies. Each conversation's outbox is drained by one worker at a time (a
// lock per conversation, so two instances never send the same reply or reorder them); failures
// the platform calls temporary are retried with back-off, the rest go to the dead-letter list.
import type { MediaFetcher } from './media-vault.ts';
import type { ChannelSender, SendContext, SendWindow } from './channel.ts';
import { keyToString, type ConversationKey } from './messages.ts';
import { LockTimeoutError, systemClock, type Clock, type Log, type OutboxItem, type Store } from './ports.ts';
import type { SendLimiter } from './send-limiter.ts';

export interface OutboxOptions {
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
  lockTtlMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: OutboxOptions = {
  maxAttempts: 5,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  lockTtlMs: 60_000,
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class Outbox {
  private readonly senders = new Map<string, ChannelSender>();
  private readonly running = new Map<string, Promise<void>>();
  private readonly opts: OutboxOptions;
  private stopped = false;
  private recovery: NodeJS.Timeout | undefined;

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

  /** How a channel's media is fetched (the channel's sender knows its platform). */
  mediaFetcher(channel: string): MediaFetcher | undefined {
    return this.senders.get(channel)?.fetchMedia;
  }

  /** Starts delivering a conversation's replies unless a delivery for it is already running here. */
  kick(key: ConversationKey): void {
    void this.flush(key);
  }

  /** Delivers what the conversation has queued; resolves when its outbox is empty (or given up). */
  flush(key: ConversationKey, waitMs = this.opts.lockTtlMs): Promise<void> {
    const id = keyToString(key);
    const current = this.running.get(id);
    if (current) {
      // A drain is under way; chain one more pass so replies committed meanwhile go out too.
      const next = current.then(() => this.flush(key, waitMs));
      return next;
    }
    const run = this.drain(key, waitMs)
      .catch((err: unknown) => {
        // Another instance is draining it: that one delivers.
        if (err instanceof LockTimeoutError) return;
        this.log.error({ err, conversation: id }, 'outbox drain failed');
      })
      .finally(() => this.running.delete(id));
    this.running.set(id, run);
    return run;
  }

  /** Resolves when every delivery started so far has finished (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running.values()]);
  }

  /**
   * Delivers whatever was committed but not sent: after a restart, after the store was away, or
   * what an instance that died left behind. Conversations another instance is draining are skipped.
   */
  async recover(): Promise<number> {
    const pending = await this.store.outboxConversations();
    for (const key of pending) void this.flush(key, 0);
    return pending.length;
  }

  /** Runs recover() every `intervalMs` until stop(). */
  startRecovery(intervalMs: number): void {
    this.recovery ??= setInterval(() => {
      this.recover().catch((err: unknown) => this.log.warn({ err }, 'outbox recovery failed; retrying later'));
    }, intervalMs);
    this.recovery.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.recovery) clearInterval(this.recovery);
    this.recovery = undefined;
  }

  private async drain(key: ConversationKey, waitMs: number): Promise<void> {
    await this.store.withLock(key, { scope: 'outbox', ttlMs: this.opts.lockTtlMs, waitMs }, async () => {
      while (!this.stopped) {
        const items = await this.store.outboxPeek(key, 10);
        if (items.length === 0) return;
        for (const item of items) {
          // The last ack says whether anything is left: no need to look again when nothing is.
          if ((await this.deliver(item)) || this.stopped) return;
        }
      }
    });
  }

  /** Sends one item (retrying as the platform allows) or dead-letters it; true when the outbox is then empty. */
  private async deliver(item: OutboxItem): Promise<boolean> {
    const sender = this.senders.get(item.key.channel);
    if (!sender) return this.giveUp(item, `no sender for channel ${item.key.channel}`);
    for (;;) {
      let result;
      try {
        // Staff replies count as staff replies whatever the chat's priority, so they pass ordinary ones.
        await this.limiter?.acquire(item.key.channel, item.message.priority === 'normal' && item.message.from === 'agent' ? 'agent' : item.message.priority);
        result = await sender.send(item.key, item.message, { ...(await this.context(item)), itemId: item.id });
      } catch (err) {
        result = { ok: false as const, retryable: true, reason: err instanceof Error ? err.message : String(err) };
      }
      if (result.ok) return this.store.outboxAck(item.key, item.id);
      item = { ...item, attempts: item.attempts + 1, lastError: result.reason };
      if (!result.retryable || item.attempts >= this.opts.maxAttempts || this.stopped) return this.giveUp(item, result.reason);
      await this.store.outboxUpdateHead(item.key, item);
      const backoff = Math.min(this.opts.baseDelayMs * 2 ** (item.attempts - 1), this.opts.maxDelayMs);
      await sleep(Math.max(result.retryAfterMs ?? 0, backoff));
    }
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

  private async giveUp(item: OutboxItem, reason: string): Promise<boolean> {
    this.log.warn({ conversation: keyToString(item.key), attempts: item.attempts, reason }, 'reply dead-lettered');
    await this.store.deadLetter({ ...item, lastError: reason });
    return this.store.outboxAck(item.key, item.id);
  }
}
