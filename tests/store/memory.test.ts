import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.ts';
import { storeContract } from './contract.ts';
import { handled } from './handled.ts';

storeContract('memory', async () => new MemoryStore(), async () => {});

describe('memory store expiry', () => {
  it('forgets records and handled marks when their time is up (fake clock)', async () => {
    let now = 1_000;
    const s = new MemoryStore({ now: () => now });
    const key = { channel: 'web', account: 'default', user: 'u1' };
    await s.commitTurn(key, {
      record: { flowVersion: 1, snapshot: {}, pending: [], updatedAt: now },
      recordTtlMs: 10_000,
      messageId: 'm1',
      dedupeTtlMs: 5_000,
      outbox: [],
    });
    now += 5_000;
    expect(await handled(s, key, 'm1')).toBe(false);
    expect(await s.getConversation(key)).toBeDefined();
    now += 5_000;
    expect(await s.getConversation(key)).toBeUndefined();
  });
});

describe('memory store erase', () => {
  const MapIterator = Object.getPrototypeOf(new Map().keys()) as { next: () => unknown };
  const SetIterator = Object.getPrototypeOf(new Set().values()) as { next: () => unknown };

  /** How many map and set entries `fn` steps through (a walk of the whole store steps through every key). */
  async function steps(fn: () => Promise<unknown>): Promise<number> {
    let n = 0;
    const originals = [MapIterator.next, SetIterator.next];
    MapIterator.next = function (this: unknown) {
      n++;
      return originals[0]!.call(this);
    };
    SetIterator.next = function (this: unknown) {
      n++;
      return originals[1]!.call(this);
    };
    try {
      await fn();
    } finally {
      [MapIterator.next, SetIterator.next] = originals as [() => unknown, () => unknown];
    }
    return n;
  }

  const user = (u: string) => ({ channel: 'telegram', account: 'bot', user: u });
  const record = { flowVersion: 1, snapshot: {}, pending: [], updatedAt: 1 };

  /** A conversation with something of every kind: record, handled marks, replies, mailboxes, counters, dead letters, intents. */
  async function fill(s: MemoryStore, k: ReturnType<typeof user>, messages = 1): Promise<void> {
    for (let m = 0; m < messages; m++) {
      await s.commitTurn(k, {
        record,
        recordTtlMs: 60_000,
        messageId: `m${m}`,
        dedupeTtlMs: 1_000,
        outbox: [{ id: `r${m}`, key: k, message: { text: 'hi', from: 'bot', priority: 'normal' }, attempts: 0, enqueuedAt: 1 }],
        mailbox: { name: 'transcript', items: ['hi'], ttlMs: 60_000 },
        intents: [{ id: `i${m}`, type: 'handoff', at: 1 } as never],
      });
    }
    await s.mailboxPush('web', k, { text: 'x' }, 60_000);
    await s.countInWindow('inbound', k, 60_000);
    await s.deadLetter({ id: 'd1', key: k, message: { text: 'x', from: 'bot', priority: 'normal' }, attempts: 0, enqueuedAt: 1 }, 60_000);
  }

  async function eraseSteps(others: number): Promise<{ steps: number; s: MemoryStore }> {
    const s = new MemoryStore({ now: () => 1_000 });
    for (let i = 0; i < others; i++) await s.commitTurn(user(`other${i}`), { record, recordTtlMs: 60_000, messageId: 'm', dedupeTtlMs: 60_000, outbox: [] });
    await fill(s, user('erased'));
    return { steps: await steps(() => s.deleteConversation(user('erased'))), s };
  }

  it('costs the same with 100 or 20,000 other conversations in the store: it walks only what the conversation owns', async () => {
    const small = await eraseSteps(100);
    const large = await eraseSteps(20_000);
    expect(small.steps).toBeGreaterThan(0);
    expect(small.steps).toBeLessThan(30);
    expect(large.steps).toBe(small.steps);
    // …and still erases everything of it, nothing of the others.
    for (const { s } of [small, large]) {
      expect(await s.getConversation(user('erased'))).toBeUndefined();
      expect(await handled(s, user('erased'), 'm0')).toBe(false);
      expect(await s.outboxPeek(user('erased'), 10)).toEqual([]);
      expect(await s.intents(user('erased'))).toEqual([]);
      expect(await s.mailboxRead('transcript', user('erased'), 0)).toEqual([]);
      expect(await s.mailboxRead('web', user('erased'), 0)).toEqual([]);
      expect(await s.countInWindow('inbound', user('erased'), 60_000)).toBe(1);
      expect(await s.deadLetters(10)).toEqual([]);
      expect(await s.getConversation(user('other7'))).toBeDefined();
      expect(await handled(s, user('other7'), 'm')).toBe(true);
    }
  });

  it('does not grow with a conversation’s expired past: what expired leaves its index', async () => {
    let now = 1_000;
    const s = new MemoryStore({ now: () => now });
    const fresh = new MemoryStore({ now: () => now });
    // 500 handled marks that expire after a second, against a conversation with one.
    await fill(s, user('long'), 500);
    await fill(fresh, user('long'), 1);
    now += 2_000;
    s.sweepExpired();
    fresh.sweepExpired();
    const long = await steps(() => s.deleteConversation(user('long')));
    expect(long).toBe(await steps(() => fresh.deleteConversation(user('long'))));
  });
});
