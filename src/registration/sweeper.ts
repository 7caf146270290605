// Retention: registrations are erased a configured time after their last change, by one instance
// at a time, every interval.
import { PeriodicJob } from '../core/periodic-job.ts';
import type { Log, Store } from '../core/ports.ts';
import type { RegistrationService } from './service.ts';

export class RegistrationSweeper extends PeriodicJob<number> {
  constructor(registrations: RegistrationService, store: Store, log: Log, intervalMs = 3600_000) {
    super({
      name: 'registration',
      store,
      log,
      intervalMs,
      lockTtlMs: 5 * 60_000,
      run: () => registrations.purgeExpired(),
      report: (purged, l) => {
        if (purged > 0) l.info({ purged }, 'expired registrations erased');
      },
    });
  }
}
