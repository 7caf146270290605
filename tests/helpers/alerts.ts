// What the officers' consoles hear: the live feed's notices, collected while a test runs, so a
// channel test can check that danger in a message reached the console as an alert.
import type { LiveNotice } from '../../src/console/live.ts';
import { expect } from 'vitest';
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

/** What the user was sent holds the emergency lines (not the polite "can't read"), and the console was alerted. */
export async function expectEmergencyRaised(server: Server, watch: AlertWatch, said: string[], user: string, notSaid: string[]): Promise<void> {
  expect(said.join('\n')).toContain(server.translate('vi', 'emergency.text'));
  for (const key of notSaid) expect(said.join('\n')).not.toContain(server.translate('vi', key));
  const mine = (await server.handoff.list()).find((x) => x.key.user === user);
  expect(mine).toMatchObject({ priority: 'emergency' });
  expect(watch.alerts().map((n) => n.id)).toContain(mine!.id);
}
