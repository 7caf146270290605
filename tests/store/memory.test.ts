import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.ts';
import { storeContract } from './contract.ts';

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
    expect(await s.wasHandled(key, 'm1')).toBe(false);
    expect(await s.getConversation(key)).toBeDefined();
    now += 5_000;
    expect(await s.getConversation(key)).toBeUndefined();
  });
});
