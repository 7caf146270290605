// Platforms cap how fast a bot may send (Telegram ~30 messages/s per bot). In a surge every
// conversation's outbox wants to send at once, so sends wait here for a slot: the count lives in
// the store, so all instances share one budget per channel, and while the budget is spent the
// waiting messages leave in order of urgency (emergencies, then staff replies, then the rest).
// The budget is split into up to SHARDS counters (each its own slot on a Redis Cluster) whose
// quotas add up to the limit, so no one key takes every send; a sender tries the counters from a
// shard of its own onwards and waits only when all of them are spent.
import type { Priority } from './messages.ts';
import type { ConversationKey } from './messages.ts';
import type { Store } from './ports.ts';

export interface RateLimit {
  /** Messages allowed per window, across every instance. */
  max: number;
  windowMs: number;
}

export interface SendLimiterOptions {
  /** How long a waiter sleeps before trying again while the window is full. */
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const RANK: Record<Priority, number> = { emergency: 0, agent: 1, normal: 2 };

/** At most this many counters share one channel's budget. */
export const SHARDS = 16;

/** The quotas of a budget's counters: as even as possible, adding up to `max`, none empty. */
export function shardQuotas(max: number): number[] {
  const n = Math.max(1, Math.min(SHARDS, max));
  return Array.from({ length: n }, (_, i) => Math.floor(max / n) + (i < max % n ? 1 : 0));
}

interface Waiter {
  rank: number;
  seq: number;
  resolve: () => void;
}

interface Lane {
  limit: RateLimit;
  quotas: number[];
  /** The counter this instance tries first (spreads instances over the counters). */
  next: number;
  waiters: Waiter[];
  pumping: boolean;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class SendLimiter {
  private readonly lanes = new Map<string, Lane>();
  private seq = 0;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly pollMs: number | undefined;

  constructor(
    private readonly store: Store,
    limits: Readonly<Record<string, RateLimit>>,
    opts: SendLimiterOptions = {},
  ) {
    for (const [channel, limit] of Object.entries(limits)) {
      const quotas = shardQuotas(limit.max);
      this.lanes.set(channel, { limit, quotas, next: Math.floor(Math.random() * quotas.length), waiters: [], pumping: false });
    }
    this.sleep = opts.sleep ?? defaultSleep;
    this.pollMs = opts.pollMs;
  }

  /** Resolves when a message of this channel and urgency may be sent. Channels without a limit pass at once. */
  acquire(channel: string, priority: Priority): Promise<void> {
    const lane = this.lanes.get(channel);
    if (!lane) return Promise.resolve();
    return new Promise<void>((resolve) => {
      lane.waiters.push({ rank: RANK[priority], seq: this.seq++, resolve });
      if (!lane.pumping) void this.pump(channel, lane);
    });
  }

  /** How many sends are waiting for a slot, per channel (a diagnostic: how backed up each channel is). */
  waiting(): Record<string, number> {
    return Object.fromEntries([...this.lanes].map(([c, l]) => [c, l.waiters.length]));
  }

  /** Takes a slot from the first counter with room, starting at the lane's own; false when all are spent. */
  private async slot(channel: string, lane: Lane): Promise<boolean> {
    for (let tried = 0; tried < lane.quotas.length; tried++) {
      const shard = (lane.next + tried) % lane.quotas.length;
      const key: ConversationKey = { channel: 'system', account: 'send-rate', user: lane.quotas.length === 1 ? channel : `${channel}#${shard}` };
      try {
        if ((await this.store.countInWindow('send', key, lane.limit.windowMs)) <= lane.quotas[shard]!) {
          lane.next = shard;
          return true;
        }
      } catch {
        // The store is away: hold the sends. A reply sent now could not be acknowledged, so it
        // would go out again once the store is back; it waits with its outbox instead.
        return false;
      }
    }
    return false;
  }

  private async pump(channel: string, lane: Lane): Promise<void> {
    lane.pumping = true;
    try {
      while (lane.waiters.length > 0) {
        if (!(await this.slot(channel, lane))) {
          await this.sleep(this.pollMs ?? Math.max(10, Math.floor(lane.limit.windowMs / 10)));
          continue;
        }
        // The most urgent, then the longest waiting, goes next.
        let best = 0;
        for (let i = 1; i < lane.waiters.length; i++) {
          const w = lane.waiters[i]!;
          const b = lane.waiters[best]!;
          if (w.rank < b.rank || (w.rank === b.rank && w.seq < b.seq)) best = i;
        }
        const [next] = lane.waiters.splice(best, 1);
        next!.resolve();
      }
    } finally {
      lane.pumping = false;
    }
  }
}

/** "telegram=30/1s,zalo-oa=10/1s" → limits per channel (the window in ms, s or min). */
export function parseRateLimits(spec: string): Record<string, RateLimit> {
  const out: Record<string, RateLimit> = {};
  for (const part of spec.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z0-9-]+)=(\d+)\/(\d+)(ms|s|min)$/.exec(part);
    if (!m) throw new Error(`bad rate limit "${part}": write channel=count/window, e.g. telegram=30/1s`);
    const unit = m[4] === 'ms' ? 1 : m[4] === 's' ? 1000 : 60_000;
    out[m[1]!] = { max: Number(m[2]), windowMs: Number(m[3]) * unit };
  }
  return out;
}
