// Wake-ups between instances without polling: a holder that releases a lock (or finishes a
// message others queue behind) publishes the key's name on one channel; every instance keeps a
// single subscription to it and wakes the waiters of that key. A waiter also gives up after its
// own timeout (the lock's remaining life, the caller's deadline), so a lost message or a holder
// that died costs a wait, never a hang.
import type { RedisConnection, Subscription } from './redis-client.ts';

interface Waiter {
  /** Set when a wake-up for the key arrives after the waiter registered (possibly before it waits). */
  woken: boolean;
  wake?: () => void;
}

export class KeyNotifier {
  private readonly waiters = new Map<string, Set<Waiter>>();
  private subscription: Subscription | undefined;
  private starting: Promise<void> | undefined;

  constructor(
    private readonly redis: Pick<RedisConnection, 'subscribe'>,
    /** The one channel releases are published on (carries the deployment's key prefix). */
    readonly channel: string,
  ) {}

  /** Subscribes once, in the background; until it is up, waits fall back to their timeouts. */
  start(): Promise<void> {
    this.starting ??= (async () => {
      this.subscription = await this.redis.subscribe(this.channel, (message) => this.wakeAll(message));
    })().catch(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  /**
   * Registers interest in `key` before the caller tries it, so a release published between the
   * try and the wait is not missed. Returns the waiter to hand to wait().
   */
  watch(key: string): Waiter {
    const w: Waiter = { woken: false };
    let set = this.waiters.get(key);
    if (!set) this.waiters.set(key, (set = new Set()));
    set.add(w);
    return w;
  }

  /** Waits for a wake-up on `key` (or the timeout); forgets the waiter either way. */
  async wait(key: string, w: Waiter, timeoutMs: number): Promise<void> {
    if (!this.subscription?.ready()) {
      void this.start();
      // Without the subscription nothing will wake us: a short wait, then the caller tries again.
      timeoutMs = Math.min(timeoutMs, 100);
    }
    if (!w.woken && timeoutMs > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(done, timeoutMs);
        function done() {
          clearTimeout(timer);
          resolve();
        }
        w.wake = done;
      });
    }
    this.forget(key, w);
  }

  forget(key: string, w: Waiter): void {
    const set = this.waiters.get(key);
    if (!set) return;
    set.delete(w);
    if (set.size === 0) this.waiters.delete(key);
  }

  private wakeAll(key: string): void {
    const set = this.waiters.get(key);
    if (!set) return;
    for (const w of set) {
      w.woken = true;
      w.wake?.();
    }
  }

  async close(): Promise<void> {
    await this.starting;
    await this.subscription?.close();
    this.subscription = undefined;
  }
}
