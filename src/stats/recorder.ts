// Turns what happens in conversations, hand-offs and registrations into anonymous counters. It
// watches the engine's turns (the effects a flow emitted), the hand-off desk's changes and the
// registrations submitted; it never sees or stores who. Counts are summed in memory and written
// once a second (and on shutdown), so a surge costs the store one write per second, not several
// per message; a crash loses at most that second. A failure here is logged and swallowed:
// statistics must never cost a user their answer.
import type { Effect } from '../core/effects.ts';
import type { Clock, Log, Store } from '../core/ports.ts';
import { field, waitBucket, type Metric, type Place } from './model.ts';
import { bucketsOf } from './periods.ts';

export const STATS_PREFIX = 'stats:';

export interface TurnFacts {
  at: number;
  channel: string;
  country?: string;
  city?: string;
  effects: readonly Effect[];
  /** Danger found in the message (also while a person holds the chat and the flow does not run). */
  emergencyKinds: readonly string[];
}

/** What the recorder reads of a hand-off (src/handoff's record has these fields). */
export interface HandoffFacts {
  reason: string;
  country?: string;
  mission?: string;
  createdAt: number;
  history: readonly { at: number; event: string; detail?: string }[];
}

/** What the recorder reads of a submitted registration: no name, no date of birth, no contact. */
export interface RegistrationFacts {
  at: number;
  country?: string;
  mission?: string;
  reason: string;
  /** Whether the return is the worker's own choice, as the policy brief asks. */
  mode: 'voluntary' | 'involuntary' | 'unknown';
  timing: 'early' | 'on_time' | 'late' | 'unknown';
  sector?: string;
  sex?: string;
  special: readonly string[];
}

export interface StatsDeps {
  store: Store;
  clock: Clock;
  log: Log;
  /** The topic an article belongs to (content). */
  topicOf(articleId: string): string | undefined;
  /** The mission that answers for a place (content). */
  missionOf(country?: string, city?: string): string | undefined;
}

export class StatsRecorder {
  private pending = new Map<string, Record<string, number>>();
  private timer: NodeJS.Timeout | undefined;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly deps: StatsDeps,
    private readonly flushEveryMs = 1000,
  ) {}

  async turn(t: TurnFacts): Promise<void> {
    const place: Place = { country: t.country, mission: this.deps.missionOf(t.country, t.city) };
    const add: Record<string, number> = {};
    const count = (metric: Metric, value: string) => {
      const f = field(metric, place, value);
      add[f] = (add[f] ?? 0) + 1;
    };
    const topics = new Set<string>();
    for (const e of t.effects) {
      if (e.type === 'articles') for (const id of e.ids) topics.add(this.deps.topicOf(id) ?? 'other');
      if (e.type === 'hotlines' && e.scope === 'all') topics.add('hotline');
      if (e.type === 'say' && e.key === 'fallback.notUnderstood') topics.add('not_understood');
    }
    for (const topic of topics) count('question', topic);
    for (const kind of new Set(t.emergencyKinds)) count('emergency', kind);
    await this.add(t.at, add);
  }

  /** Called with every saved change of a hand-off; counts its opening and its first claim. */
  async handoff(h: HandoffFacts): Promise<void> {
    const last = h.history.at(-1);
    if (!last) return;
    const place: Place = { country: h.country, mission: h.mission };
    if (h.history.length === 1 && last.event === 'waiting') {
      await this.add(last.at, { [field('handoff', place, h.reason)]: 1 });
    } else if (last.event === 'assigned' && h.history.filter((e) => e.event === 'assigned').length === 1) {
      await this.add(last.at, { [field('handoff_wait', place, waitBucket(last.at - h.createdAt))]: 1 });
    } else if (last.event === 'closed' && last.detail) {
      await this.add(last.at, { [field('handoff_outcome', place, last.detail)]: 1 });
    }
  }

  async registration(r: RegistrationFacts): Promise<void> {
    const place: Place = { country: r.country, mission: r.mission };
    const add: Record<string, number> = {
      [field('registration', place, r.reason)]: 1,
      [field('registration_mode', place, r.mode)]: 1,
      [field('registration_timing', place, r.timing)]: 1,
      [field('registration_sector', place, r.sector ?? 'not_given')]: 1,
      [field('registration_sex', place, r.sex ?? 'not_given')]: 1,
    };
    for (const s of new Set(r.special.length > 0 ? r.special : ['none'])) add[field('registration_special', place, s)] = 1;
    await this.add(r.at, add);
  }

  /** Writes what was counted since the last write. Counts that fail to reach the store are kept for the next try. */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      const batch = this.pending;
      this.pending = new Map();
      for (const [bucket, increments] of batch) {
        try {
          await this.deps.store.countersAdd(`${STATS_PREFIX}${bucket}`, increments);
        } catch (err) {
          this.deps.log.warn({ err }, 'statistics not written yet; will retry');
          this.merge(bucket, increments);
        }
      }
    });
    return this.flushing;
  }

  /** Stops the periodic writes and writes what is left. */
  async close(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.flush();
  }

  private async add(at: number, increments: Record<string, number>): Promise<void> {
    if (Object.keys(increments).length === 0) return;
    for (const bucket of bucketsOf(at)) this.merge(bucket, increments);
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, this.flushEveryMs);
    this.timer.unref();
  }

  private merge(bucket: string, increments: Record<string, number>): void {
    const into = this.pending.get(bucket) ?? {};
    for (const [f, n] of Object.entries(increments)) into[f] = (into[f] ?? 0) + n;
    this.pending.set(bucket, into);
  }
}
