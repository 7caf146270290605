import { describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/core/channel.ts';
import type { ConversationKey, OutboundMessage, Priority } from '../../src/core/messages.ts';
import { Outbox } from '../../src/core/outbox.ts';
import { silentLog, type Store } from '../../src/core/ports.ts';
import { SendLimiter, parseRateLimits, shardQuotas } from '../../src/core/send-limiter.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { ManualClock } from '../handoff/fixtures.ts';

/** A sleep that moves the fake clock instead of waiting. */
const fakeSleep = (clock: ManualClock) => async (ms: number) => {
  clock.advance(ms);
  await new Promise((r) => setImmediate(r));
};

describe('send limiter', () => {
  it('lets a channel without a limit through at once', async () => {
    const limiter = new SendLimiter(new MemoryStore(), { telegram: { max: 1, windowMs: 1000 } });
    await limiter.acquire('web', 'normal');
    await limiter.acquire('web', 'normal');
    expect(limiter.waiting()).toEqual({ telegram: 0 });
  });

  it('spends at most the budget per window, and releases the rest in later windows', async () => {
    const clock = new ManualClock(0);
    const store = new MemoryStore(clock);
    const limiter = new SendLimiter(store, { telegram: { max: 2, windowMs: 1000 } }, { sleep: fakeSleep(clock) });
    const times: number[] = [];
    await Promise.all(Array.from({ length: 5 }, () => limiter.acquire('telegram', 'normal').then(() => times.push(clock.now()))));
    const perWindow = new Map<number, number>();
    for (const t of times) perWindow.set(Math.floor(t / 1000), (perWindow.get(Math.floor(t / 1000)) ?? 0) + 1);
    expect([...perWindow.values()].every((n) => n <= 2)).toBe(true);
    expect(times).toHaveLength(5);
    expect(times.at(-1)!).toBeGreaterThanOrEqual(2000);
  });

  it('sends emergencies, then staff replies, before ordinary replies that waited longer', async () => {
    const clock = new ManualClock(0);
    const store = new MemoryStore(clock);
    const limiter = new SendLimiter(store, { telegram: { max: 1, windowMs: 1000 } }, { sleep: fakeSleep(clock) });
    const order: string[] = [];
    const go = (name: string, p: Priority) => limiter.acquire('telegram', p).then(() => order.push(name));
    // The first takes the window's only slot; the others queue while it is spent.
    await go('first', 'normal');
    await Promise.all([go('n1', 'normal'), go('n2', 'normal'), go('staff', 'agent'), go('sos', 'emergency')]);
    expect(order).toEqual(['first', 'sos', 'staff', 'n1', 'n2']);
  });

  it('shares one budget between instances over the same store', async () => {
    const clock = new ManualClock(0);
    const store = new MemoryStore(clock);
    const limits = { 'zalo-oa': { max: 3, windowMs: 1000 } };
    const a = new SendLimiter(store, limits, { sleep: fakeSleep(clock) });
    const b = new SendLimiter(store, limits, { sleep: fakeSleep(clock) });
    const inFirstWindow: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, (_, i) => (i % 2 ? a : b).acquire('zalo-oa', 'normal').then(() => clock.now() < 1000 && inFirstWindow.push(i))),
    );
    expect(inFirstWindow.length).toBe(3);
  });

  it('splits a budget over counters of their own, spends all of it and no more', async () => {
    const clock = new ManualClock(0);
    const memory = new MemoryStore(clock);
    const counters = new Set<string>();
    // The real store, noting which counters the senders write.
    const store = new Proxy(memory, {
      get(target, prop, receiver) {
        if (prop === 'countInWindow') return (name: string, key: ConversationKey, windowMs: number) => (counters.add(key.user), target.countInWindow(name, key, windowMs));
        return Reflect.get(target, prop, receiver) as unknown;
      },
    }) as Store;
    const limits = { telegram: { max: 30, windowMs: 1000 } };
    const a = new SendLimiter(store, limits, { sleep: fakeSleep(clock) });
    const b = new SendLimiter(store, limits, { sleep: fakeSleep(clock) });
    const inFirstWindow: number[] = [];
    await Promise.all(Array.from({ length: 50 }, (_, i) => (i % 2 ? a : b).acquire('telegram', 'normal').then(() => clock.now() < 1000 && inFirstWindow.push(i))));
    expect(inFirstWindow).toHaveLength(30);
    expect(counters.size).toBe(16);
    expect(shardQuotas(30).reduce((x, y) => x + y, 0)).toBe(30);
    expect(shardQuotas(3)).toEqual([1, 1, 1]);
  });

  it('holds sends while the store is away (they could not be acknowledged) and lets them go when it is back', async () => {
    let down = true;
    let asked = 0;
    const flaky = {
      countInWindow: () => {
        asked++;
        return down ? Promise.reject(new Error('ECONNREFUSED')) : Promise.resolve(1);
      },
    } as unknown as Store;
    const limiter = new SendLimiter(flaky, { telegram: { max: 5, windowMs: 1000 } }, { pollMs: 1 });
    let passed = false;
    const waiting = limiter.acquire('telegram', 'emergency').then(() => (passed = true));
    while (asked < 3) await new Promise((r) => setTimeout(r, 1));
    expect(passed).toBe(false);
    down = false;
    await waiting;
    expect(passed).toBe(true);
  });

  it('reads limits as channel=count/window', () => {
    expect(parseRateLimits('telegram=30/1s, zalo-oa=10/500ms,messenger=600/1min')).toEqual({
      telegram: { max: 30, windowMs: 1000 },
      'zalo-oa': { max: 10, windowMs: 500 },
      messenger: { max: 600, windowMs: 60_000 },
    });
    expect(parseRateLimits('')).toEqual({});
    expect(() => parseRateLimits('telegram=fast')).toThrow(/telegram=fast/);
  });
});

describe('outbox with a send limit', () => {
  it('delivers an emergency reply of one chat before the ordinary replies queued by others', async () => {
    const clock = new ManualClock(0);
    const store = new MemoryStore(clock);
    const limiter = new SendLimiter(store, { test: { max: 1, windowMs: 1000 } }, { sleep: fakeSleep(clock) });
    const sent: string[] = [];
    const sender: ChannelSender = {
      channel: 'test',
      capabilities: { maxTextLength: 100, maxButtons: 0, maxButtonLabel: 0 },
      async send(_k, m) {
        sent.push(m.text);
        return { ok: true };
      },
    };
    const outbox = new Outbox(store, silentLog, {}, clock, limiter);
    outbox.register(sender);
    const enqueue = async (user: string, text: string, priority: Priority) => {
      const key: ConversationKey = { channel: 'test', account: 'a', user };
      const message: OutboundMessage = { text, from: 'bot', priority };
      await store.outboxPush(key, [{ id: text, key, message, attempts: 0, enqueuedAt: 0 }]);
      return key;
    };
    const keys = [await enqueue('u1', 'hello-1', 'normal'), await enqueue('u2', 'hello-2', 'normal'), await enqueue('u3', 'hello-3', 'normal')];
    keys.push(await enqueue('u4', 'SOS', 'emergency'));
    await Promise.all(keys.map((k) => outbox.flush(k)));
    expect(sent[0]).toBe('SOS');
    expect(sent.slice(1)).toEqual(['hello-1', 'hello-2', 'hello-3']);
  });
});
