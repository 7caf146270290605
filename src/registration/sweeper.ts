// Retention: registrations are erased a configured time after their last change. One instance at
// a time (a lock in the store) looks every interval; nothing waits in a timer inside saved state.
import type { ConversationKey } from '../core/messages.ts';
import { LockTimeoutError, type Log, type Store } from '../core/ports.ts';
import type { RegistrationService } from './service.ts';

const SWEEPER: ConversationKey = { channel: 'system', account: 'registration', user: 'sweeper' };

export class RegistrationSweeper {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;

  constructor(
    private readonly registrations: RegistrationService,
    private readonly store: Store,
    private readonly log: Log,
    private readonly intervalMs = 3600_000,
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

  /** One purge, unless another instance is purging right now; the number erased, or undefined when skipped. */
  async runOnce(): Promise<number | undefined> {
    const run = this.store
      .withLock(SWEEPER, { scope: 'sweep', ttlMs: 5 * 60_000, waitMs: 0 }, () => this.registrations.purgeExpired())
      .then((purged) => {
        if (purged > 0) this.log.info({ purged }, 'expired registrations erased');
        return purged;
      })
      .catch((err: unknown) => {
        if (!(err instanceof LockTimeoutError)) this.log.error({ err }, 'registration purge failed');
        return undefined;
      });
    this.running = run;
    return run;
  }
}
