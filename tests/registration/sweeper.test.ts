import { describe, expect, it } from 'vitest';
import { silentLog } from '../../src/core/ports.ts';
import { RegistrationSweeper } from '../../src/registration/sweeper.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { DAY, draft, service, testClock, userKey } from './fixtures.ts';

describe('the retention sweeper', () => {
  it('erases expired registrations, one instance at a time', async () => {
    const clock = testClock();
    const store = new MemoryStore(clock);
    const { service: s } = await service(store, clock, { retentionMs: 30 * DAY });
    for (let n = 0; n < 3; n++) await s.carry({ type: 'registration.submit', draft: draft() }, { key: userKey(), locale: 'vi', messageId: 'm', at: 0 });
    const sweeper = new RegistrationSweeper(s, store, silentLog);
    expect(await sweeper.runOnce()).toBe(0);
    clock.at += 30 * DAY;
    // Another instance holds the sweep: this one skips rather than waits.
    const busy = await store.withLock({ channel: 'system', account: 'registration', user: 'sweeper' }, { scope: 'sweep', ttlMs: 1000, waitMs: 0 }, () => sweeper.runOnce());
    expect(busy).toBeUndefined();
    expect((await s.list('all')).total).toBe(3);
    expect(await sweeper.runOnce()).toBe(3);
    expect((await s.list('all')).total).toBe(0);
    sweeper.start();
    await sweeper.stop();
  });
});
