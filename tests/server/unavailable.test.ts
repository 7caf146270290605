// A store that answers LOADING (Redis reading its data back after a restart) or is otherwise
// away for a moment is temporary: the webhook answers 503 with Retry-After, so the platform
// sends the update again, never 500. Here the store says LOADING while its ping already passes
// (the moment loading ends), so only the reply's own error tells the two apart.
import { ErrorReply } from 'redis';
import { describe, expect, it } from 'vitest';
import type { ConversationKey } from '../../src/core/messages.ts';
import type { Lease, LockOptions } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { addressed, newChatId } from '../channels/telegram/fixtures.ts';
import { startTelegram } from '../channels/telegram/harness.ts';

class LoadingStore extends MemoryStore {
  loading = true;
  override async withLock<T>(key: ConversationKey, opts: LockOptions, fn: (lease: Lease) => Promise<T>): Promise<T> {
    if (this.loading) throw new ErrorReply('LOADING Redis is loading the dataset in memory');
    return super.withLock(key, opts, fn);
  }
}

describe('a store that is loading', () => {
  it('answers 503 with Retry-After, then 200 for the same update once it has loaded', async () => {
    const store = new LoadingStore();
    const h = await startTelegram({ store, env: { SEND_RATE_LIMITS: '' } });
    try {
      const chatId = newChatId();
      const update = addressed('private-text.json', chatId, (u) => ((u.message as Record<string, unknown>).text = 'menu'));
      const refused = await h.post(update);
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBeDefined();
      store.loading = false;
      expect((await h.post(update)).statusCode).toBe(200);
      await h.settle();
      expect(h.api.sent(chatId).length).toBeGreaterThan(0);
    } finally {
      await h.close();
    }
  });
});
