// Work that must happen on a schedule (hand-offs waiting too long, records past their retention)
// runs here, never as timers inside saved dialogue state: every interval, one instance at a time —
// whichever takes the job's lock in the store — runs it; the others skip that round.
import type { ConversationKey } from './messages.ts';
import { LockTimeoutError, type Log, type Store } from './ports.ts';

export interface PeriodicJobOptions<T> {
  /** Names the job's lock; unique per job. */
  name: string;
  store: Store;
  log: Log;
  intervalMs: number;
  /** Longer than one run can take: a holder that died frees the job after this. */
  lockTtlMs: number;
  run(): Promise<T>;
  /** Logs what a run did (when it did anything). */
  report?(result: T, log: Log): void;
}

export class PeriodicJob<T> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private readonly lock: ConversationKey;

  constructor(private readonly opts: PeriodicJobOptions<T>) {
    this.lock = { channel: 'system', account: opts.name, user: 'sweeper' };
  }

  start(): void {
    this.timer ??= setInterval(() => void this.runOnce(), this.opts.intervalMs);
    this.timer.unref();
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }

  /** One run, unless another instance is running the job right now (then undefined). */
  async runOnce(): Promise<T | undefined> {
    const { store, log, lockTtlMs, name } = this.opts;
    const run = store
      .withLock(this.lock, { scope: 'sweep', ttlMs: lockTtlMs, waitMs: 0 }, () => this.opts.run())
      .then((r) => {
        this.opts.report?.(r, log);
        return r;
      })
      .catch((err: unknown) => {
        if (!(err instanceof LockTimeoutError)) log.error({ err, job: name }, 'periodic job failed');
        return undefined;
      });
    this.running = run;
    return run;
  }
}
