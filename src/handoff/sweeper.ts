// Time-based hand-off events come from here, not from timers inside saved dialogue state: one
// instance at a time (a lock in the store) looks at the queue every interval.
import type { ConversationKey } from '../core/messages.ts';
import { LockTimeoutError, type Log, type Store } from '../core/ports.ts';
import type { HandoffQueue } from './queue.ts';

const SWEEPER: ConversationKey = { channel: 'system', account: 'handoff', user: 'sweeper' };

export class HandoffSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly queue: HandoffQueue,
    private readonly store: Store,
    private readonly log: Log,
    private readonly intervalMs = 30_000,
  ) {}

  start(): void {
    this.timer ??= setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One sweep, unless another instance is sweeping right now. */
  async runOnce(): Promise<{ offered: number; expired: number; purged: number } | undefined> {
    const run = this.store
      .withLock(SWEEPER, { scope: 'sweep', ttlMs: 60_000, waitMs: 0 }, () => this.queue.sweep())
      .then((r) => {
        if (r.offered + r.expired + r.purged > 0) this.log.info(r, 'hand-off sweep');
        return r;
      })
      .catch((err: unknown) => {
        if (!(err instanceof LockTimeoutError)) this.log.error({ err }, 'hand-off sweep failed');
        return undefined;
      });
    this.running = run;
    return run;
  }
}
