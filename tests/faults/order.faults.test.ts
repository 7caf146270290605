// Order by arrival across instances: each user writes two messages 5 ms apart, the first to one
// instance and the second to the other (for half of them the first arrives 5 ms after the second); the replies must come in the messages' order (Telegram's
// update_id), as in a control run where the same two messages are handled one after the other.
import { describe, expect, it } from 'vitest';
import { BOT_INFO, TOKEN, addressed, newChatId } from '../channels/telegram/fixtures.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { startTelegram, type Harness } from '../channels/telegram/harness.ts';
import { REDIS_URL, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { RedisStore } from '../../src/store/redis.ts';
import { compare } from './telegram-load.ts';

const FIRST = 'đường dây nóng';
const SECOND = 'thanh lý hợp đồng';
const USERS = 100;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const text = (chatId: number, t: string) => addressed('private-text.json', chatId, (u) => ((u.message as Record<string, unknown>).text = t));

function chatOf(api: FakeBotApi, chatId: number): string[] {
  return api.sent(chatId).filter((c) => c.result !== undefined).map((c) => String(c.body.text));
}

async function instance(api: FakeBotApi, prefix: string, env: Record<string, string> = {}): Promise<Harness> {
  return startTelegram({ api, store: await RedisStore.connect({ url: REDIS_URL, prefix }), env: { SEND_RATE_LIMITS: '', FLOOD_MAX_PER_MINUTE: '10000', ...env } });
}

/** Until the stand-in has received `count` replies for these chats (bounded). */
async function until(api: FakeBotApi, chats: number[], count: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (chats.reduce((n, c) => n + chatOf(api, c).length, 0) >= count) return;
    await sleep(100);
  }
}

describe('order by arrival across instances', () => {
  it(`${USERS} users × 2 messages 5 ms apart on two instances: 0 out of order`, async () => {
    const api = await FakeBotApi.start(TOKEN, BOT_INFO);
    const prefix = testPrefix();
    // Room for every user at once: this row is about order, the surge row about limits.
    const env = { ADMISSION_MAX_TURNS: '1000', ...(process.env.ORDER_HOLD_MS ? { ORDER_HOLD_MS: process.env.ORDER_HOLD_MS } : {}) };
    const a = await instance(api, prefix, env);
    const b = await instance(api, prefix, env);
    try {
      // The control: one user, the two messages one after the other.
      const control = newChatId();
      await a.post(text(control, FIRST));
      await a.settle();
      await a.post(text(control, SECOND));
      await a.settle();
      const expected = chatOf(api, control);
      expect(expected.length).toBeGreaterThan(1);

      const chats = Array.from({ length: USERS }, () => newChatId());
      await Promise.all(
        chats.map(async (chatId) => {
          // Built in order: the first message has the lower update_id, as Telegram numbers them.
          const first = text(chatId, FIRST);
          const second = text(chatId, SECOND);
          // Half the users' first message is the one delayed on its way (it reaches its instance
          // 5 ms after the second reached the other): the platform's order, not arrival, decides.
          const late = chatId % 2 === 0;
          const one = late ? sleep(5).then(() => a.post(first)) : a.post(first);
          if (!late) await sleep(5);
          const two = b.post(second);
          const status = [(await one).statusCode, (await two).statusCode];
          expect(status).toEqual([200, 200]);
        }),
      );
      await until(api, chats, expected.length * USERS);
      await Promise.all([a.settle(), b.settle()]);
      let reordered = 0;
      let lost = 0;
      let doubled = 0;
      for (const chatId of chats) {
        const c = compare(expected, chatOf(api, chatId));
        if (c.reordered) reordered++;
        lost += c.lost;
        doubled += c.doubled;
      }
      process.stdout.write(`order: ${JSON.stringify({ users: USERS, lost, doubled, reordered })}\n`);
      expect({ lost, doubled, reordered }).toEqual({ lost: 0, doubled: 0, reordered: 0 });
    } finally {
      await a.close();
      await b.close();
      await api.close();
      await dropPrefix(prefix);
    }
  });
});
