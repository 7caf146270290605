// Order across instances, two ways a chat's messages can reach two instances:
// - as Telegram delivers them: one chat's updates in sequence, the next only once the previous was
//   answered (here to the other instance each time), with no hold (Telegram's default);
// - all at once, as a platform that does not keep a chat in sequence would (or a proxy fanning
//   Telegram's updates out): two messages 5 ms apart, the first to one instance and the second to
//   the other (for half of them the first arrives 5 ms after the second), with the hold on.
// The replies must come in the messages' order (Telegram's update_id), as in a control run where
// the same messages are handled one after the other.
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

/** Counts the chats whose replies differ from the control's. */
function tally(api: FakeBotApi, chats: number[], expected: string[]) {
  let reordered = 0;
  let lost = 0;
  let doubled = 0;
  for (const chatId of chats) {
    const c = compare(expected, chatOf(api, chatId));
    if (c.reordered) reordered++;
    lost += c.lost;
    doubled += c.doubled;
  }
  return { lost, doubled, reordered };
}

/**
 * Two instances on one store: a control user writes `messages` one after the other to the first,
 * then USERS users write them as `deliver` posts them; every user's replies must read as the control's.
 */
async function twoInstances(name: string, env: Record<string, string>, messages: string[], deliver: (a: Harness, b: Harness, chatId: number, u: number) => Promise<void>): Promise<void> {
  const api = await FakeBotApi.start(TOKEN, BOT_INFO);
  const prefix = testPrefix();
  // Room for every user at once: these rows are about order, the surge row about limits.
  const a = await instance(api, prefix, { ADMISSION_MAX_TURNS: '1000', ...env });
  const b = await instance(api, prefix, { ADMISSION_MAX_TURNS: '1000', ...env });
  try {
    const control = newChatId();
    for (const t of messages) {
      await a.post(text(control, t));
      await a.settle();
    }
    const expected = chatOf(api, control);
    expect(expected.length).toBeGreaterThan(messages.length - 1);
    const chats = Array.from({ length: USERS }, () => newChatId());
    await Promise.all(chats.map((chatId, u) => deliver(a, b, chatId, u)));
    await until(api, chats, expected.length * USERS);
    await Promise.all([a.settle(), b.settle()]);
    const result = tally(api, chats, expected);
    process.stdout.write(`order, ${name}: ${JSON.stringify({ users: USERS, ...result })}\n`);
    expect(result).toEqual({ lost: 0, doubled: 0, reordered: 0 });
  } finally {
    await a.close();
    await b.close();
    await api.close();
    await dropPrefix(prefix);
  }
}

describe('order across instances', () => {
  it(`${USERS} users × 3 messages as Telegram delivers them (each after the last was answered), alternating instances, no hold: 0 out of order`, async () => {
    const messages = [FIRST, SECOND, 'menu'];
    await twoInstances('in sequence', {}, messages, async (a, b, chatId, u) => {
      for (const [i, t] of messages.entries()) {
        // The answer comes once the turn is committed; only then does Telegram send the next.
        const res = await ((u + i) % 2 === 0 ? a : b).post(text(chatId, t));
        expect(res.statusCode).toBe(200);
      }
    });
  });

  it(`${USERS} users × 2 messages 5 ms apart on two instances, the hold on: 0 out of order`, async () => {
    // The hold is what a deployment whose updates reach it out of sequence turns on.
    await twoInstances('at once', { TELEGRAM_ORDER_HOLD_MS: process.env.ORDER_HOLD_MS ?? '100' }, [FIRST, SECOND], async (a, b, chatId) => {
      // Built in order: the first message has the lower update_id, as Telegram numbers them.
      const first = text(chatId, FIRST);
      const second = text(chatId, SECOND);
      // Half the users' first message is the one delayed on its way (it reaches its instance
      // 5 ms after the second reached the other): the platform's order, not arrival, decides.
      const late = chatId % 2 === 0;
      const one = late ? sleep(5).then(() => a.post(first)) : a.post(first);
      if (!late) await sleep(5);
      const two = b.post(second);
      expect([(await one).statusCode, (await two).statusCode]).toEqual([200, 200]);
    });
  });
});
