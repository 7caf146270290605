// Which channels' messages wait for an earlier one (the order hold): Telegram keeps a chat's
// updates in sequence itself, so its messages are not held unless a deployment asks; the others are.
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.ts';
import { testEngine } from '../helpers/engine.ts';

class CountingStore extends MemoryStore {
  held: string[] = [];
  override async arrive(...args: Parameters<MemoryStore['arrive']>): Promise<void> {
    this.held.push(args[0].channel);
    return super.arrive(...args);
  }
}

async function heldChannels(env: Record<string, string>): Promise<string[]> {
  const store = new CountingStore();
  const e = await testEngine(store, { env });
  try {
    let order = 1;
    for (const channel of ['telegram', 'messenger', 'zalo-oa']) {
      await e.conversations.receive({ id: `m${order}`, key: { channel, account: 'a', user: 'u1' }, receivedAt: Date.now(), order: order++, payload: { type: 'text', text: 'menu' } });
    }
    return store.held;
  } finally {
    e.outbox.stop();
  }
}

describe('order hold by channel', () => {
  it('holds Messenger and Zalo messages, not Telegram ones, by default', async () => {
    expect(await heldChannels({ ORDER_HOLD_MS: '5' })).toEqual(['messenger', 'zalo-oa']);
  });

  it('holds Telegram messages too when TELEGRAM_ORDER_HOLD_MS is set', async () => {
    expect(await heldChannels({ ORDER_HOLD_MS: '5', TELEGRAM_ORDER_HOLD_MS: '5' })).toEqual(['telegram', 'messenger', 'zalo-oa']);
  });

  it('holds nothing with both off', async () => {
    expect(await heldChannels({ ORDER_HOLD_MS: '0' })).toEqual([]);
  });
});
