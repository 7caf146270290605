import { describe, expect, it } from 'vitest';
import { silentLog, type Store } from '../../src/core/ports.ts';
import { HandoffQueue } from '../../src/handoff/queue.ts';
import { connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { ManualClock, missions, tokyoAgent, TOKYO_WED_10AM } from './fixtures.ts';
import { queueContract } from './queue.contract.ts';

queueContract('redis', async () => {
  const prefix = testPrefix();
  const store = await connectTestStore(prefix);
  const others: { close(): Promise<void> }[] = [];
  return {
    store,
    // A second connection stands for a second server instance.
    second: async () => {
      const s = await connectTestStore(prefix);
      others.push(s);
      return s;
    },
    done: async () => {
      for (const s of others) await s.close();
      await store.close();
      await dropPrefix(prefix);
    },
  };
});

describe('the hand-off queue across a restart', () => {
  it('keeps every waiting and held chat when the process goes away', async () => {
    const prefix = testPrefix();
    const clock = new ManualClock(TOKYO_WED_10AM);
    const queueOn = (store: Store) =>
      new HandoffQueue({
        store,
        clock,
        log: silentLog,
        translate: (locale, key) => `${locale}:${key}`,
        missions,
        emergencyLines: () => '',
        notify: async () => {},
        kick: () => {},
      });
    const before = await connectTestStore(prefix);
    try {
      const q = queueOn(before);
      await q.open({ key: { channel: 'telegram', account: 'bot', user: 'held' }, reason: 'asked', priority: 'normal', locale: 'vi', country: 'JP', at: 0 });
      await q.open({ key: { channel: 'telegram', account: 'bot', user: 'waiting' }, reason: 'emergency', priority: 'emergency', locale: 'vi', country: 'JP', at: 0 });
      const held = (await q.list()).find((h) => h.key.user === 'held')!;
      await q.claim(held.id, tokyoAgent);
    } finally {
      await before.close();
    }
    const after = await connectTestStore(prefix);
    try {
      const q = queueOn(after);
      expect((await q.list()).map((h) => [h.key.user, h.status])).toEqual([['waiting', 'waiting'], ['held', 'assigned']]);
      expect(await q.isHeld({ channel: 'telegram', account: 'bot', user: 'held' })).toBe(true);
    } finally {
      await after.close();
      await dropPrefix(prefix);
    }
  });
});
