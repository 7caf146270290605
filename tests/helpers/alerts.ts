// What the officers' consoles hear: the live feed's notices, collected while a test runs, so a
// channel test can check that danger in a message reached the console as an alert.
import type { LiveNotice } from '../../src/console/live.ts';
import type { Server } from '../../src/server.ts';

export interface AlertWatch {
  notices: LiveNotice[];
  alerts(): LiveNotice[];
  stop(): void;
}

export function watchConsole(server: Server): AlertWatch {
  const notices: LiveNotice[] = [];
  const stop = server.console.services.live.subscribe((n) => notices.push(n));
  return { notices, alerts: () => notices.filter((n) => n.alert), stop };
}
