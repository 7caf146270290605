// Order by arrival across instances: every message that carries the platform's order (Telegram's
// update_id) is noted in a per-conversation sorted set when it arrives; a message waits while an
// earlier one of the same conversation is still on its way through another instance, woken (not
// polled) when that one leaves. An arrival whose instance died stops counting after `staleMs`.
import type { KeyNotifier } from './notify.ts';

// KEYS: arrivals. ARGV: order, member (order:arrivedAt), ttl.
export const ARRIVE = `redis.call('zadd', KEYS[1], ARGV[1], ARGV[2])
redis.call('pexpire', KEYS[1], ARGV[3])
return 1`;
// KEYS: arrivals. ARGV: order, oldest arrival still counted. The arrival time of the first
// earlier message still pending, or -1; stale ones are dropped on the way.
export const EARLIER = `for _, m in ipairs(redis.call('zrangebyscore', KEYS[1], '-inf', '(' .. ARGV[1])) do
  local at = tonumber(string.match(m, ':(%d+)$'))
  if at and at >= tonumber(ARGV[2]) then return at end
  redis.call('zrem', KEYS[1], m)
end
return -1`;
// KEYS: arrivals. ARGV: order, notification channel. Every copy of this message leaves.
export const DEPART = `redis.call('zremrangebyscore', KEYS[1], ARGV[1], ARGV[1])
redis.call('publish', ARGV[2], KEYS[1])
return 1`;

export type RunScript = (script: 'arrive' | 'earlier' | 'depart', keys: string[], args: string[]) => Promise<unknown>;

export class ArrivalOrder {
  constructor(
    private readonly run: RunScript,
    private readonly notifier: KeyNotifier,
  ) {}

  async arrive(key: string, order: number, at: number, ttlMs: number): Promise<void> {
    await this.run('arrive', [key], [String(order), `${order}:${at}`, String(ttlMs)]);
  }

  /** Resolves when no earlier message of the conversation is pending (or after `waitMs`). */
  async awaitEarlier(key: string, order: number, staleMs: number, waitMs: number): Promise<void> {
    const deadline = Date.now() + waitMs;
    for (;;) {
      const waiter = this.notifier.watch(key);
      try {
        const at = Number(await this.run('earlier', [key], [String(order), String(Date.now() - staleMs)]));
        const remaining = deadline - Date.now();
        if (at < 0 || remaining <= 0) return;
        // Until the earlier one leaves (notified), or stops counting.
        await this.notifier.wait(key, waiter, Math.min(remaining, Math.max(1, at + staleMs - Date.now())));
      } finally {
        this.notifier.forget(key, waiter);
      }
    }
  }

  async depart(key: string, order: number): Promise<void> {
    await this.run('depart', [key], [String(order), this.notifier.channel]);
  }
}
