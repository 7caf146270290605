// Time-based hand-off events (the "leave a message / back to the assistant" offer, expiry, purging
// old records) come from here, not from timers inside saved dialogue state.
import { PeriodicJob } from '../core/periodic-job.ts';
import type { Log, Store } from '../core/ports.ts';
import type { HandoffQueue } from './queue.ts';

export class HandoffSweeper extends PeriodicJob<{ offered: number; expired: number; purged: number }> {
  constructor(queue: HandoffQueue, store: Store, log: Log, intervalMs = 30_000) {
    super({
      name: 'handoff',
      store,
      log,
      intervalMs,
      lockTtlMs: 60_000,
      run: () => queue.sweep(),
      report: (r, l) => {
        if (r.offered + r.expired + r.purged > 0) l.info(r, 'hand-off sweep');
      },
    });
  }
}
