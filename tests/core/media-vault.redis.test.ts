// The vault removes one item with the store's own delete: shown on the real Redis (and the memory
// store) by reading the raw keys back, not the vault — the bytes' key is gone at once, no longer
// listed among the conversation's keys for erase, and the other item is untouched.
import { createClient } from 'redis';
import { afterAll, describe, expect, it } from 'vitest';
import { MediaVault } from '../../src/core/media-vault.ts';
import type { Store } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { connectTestStore, dropPrefix, REDIS_URL, testPrefix } from '../helpers/redis.ts';

const key = { channel: 'telegram', account: 'bot', user: '42' };
const prefix = testPrefix();
const opened: Store[] = [];
afterAll(async () => {
  for (const s of opened) await s.close();
  await dropPrefix(prefix);
});

function vaultOn(store: Store): MediaVault {
  return new MediaVault({ store, clock: { now: () => 1_000 }, fetcherFor: () => undefined, maxBytes: 1024, ttlMs: 60_000 });
}

async function keepTwoRemoveOne(vault: MediaVault): Promise<void> {
  await vault.put(key, { id: 'a'.repeat(24), kind: 'file', mime: 'application/pdf', name: 'a.pdf', bytes: Buffer.from('%PDF-a') });
  await vault.put(key, { id: 'b'.repeat(24), kind: 'file', mime: 'application/pdf', name: 'b.pdf', bytes: Buffer.from('%PDF-b') });
  await vault.remove(key, 'a'.repeat(24));
  expect(await vault.get(key, 'a'.repeat(24))).toBeUndefined();
  expect([...(await vault.kept(key)).keys()]).toEqual(['b'.repeat(24)]);
  expect((await vault.bytes(key, 'b'.repeat(24)))?.toString()).toBe('%PDF-b');
}

describe('removing one kept item', () => {
  it('deletes its Redis key at once and leaves the others', async () => {
    const store = await connectTestStore(prefix);
    opened.push(store);
    await keepTwoRemoveOne(vaultOn(store));
    const client = createClient({ url: REDIS_URL });
    await client.connect();
    try {
      const found: string[] = [];
      for await (const batch of client.scanIterator({ MATCH: `${prefix}*`, COUNT: 100 })) found.push(...(batch as unknown as string[]));
      expect(found.some((k) => k.includes('media:' + 'a'.repeat(24)))).toBe(false);
      expect(found.some((k) => k.includes('media:' + 'b'.repeat(24)))).toBe(true);
      const owned = found.find((k) => k.startsWith(`${prefix}own:`))!;
      const listed = await client.hKeys(owned);
      expect(listed.some((k) => k.includes('media:' + 'a'.repeat(24)))).toBe(false);
      expect(listed.some((k) => k.includes('media:' + 'b'.repeat(24)))).toBe(true);
    } finally {
      await client.close();
    }
  });

  it('does the same in memory, with a delete rather than a write', async () => {
    const store = new MemoryStore();
    const pushes: string[] = [];
    const push = store.mailboxPush.bind(store);
    store.mailboxPush = async (name, k, item, ttl) => {
      pushes.push(`${name}@${ttl}`);
      return push(name, k, item, ttl);
    };
    await keepTwoRemoveOne(vaultOn(store));
    expect(await store.mailboxRead('media:' + 'a'.repeat(24), key, 0)).toEqual([]);
    expect(pushes.filter((p) => p.startsWith('media:'))).toEqual(['media:' + 'a'.repeat(24) + '@60000', 'media:' + 'b'.repeat(24) + '@60000']);
  });
});
