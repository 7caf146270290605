// Redis commands per turn, counted by a Redis of the test's own (INFO commandstats, which also
// counts what the Lua scripts call): a steady load of Telegram turns, each delivered, and a bound.
import { createClient } from 'redis';
import { describe, expect, it } from 'vitest';
import { RedisStore } from '../../src/store/redis.ts';
import { BOT_INFO, TOKEN, addressed, newChatId } from '../channels/telegram/fixtures.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { startTelegram } from '../channels/telegram/harness.ts';
import { freePort, TestRedis } from './processes.ts';
import { SCRIPT } from './telegram-load.ts';

/** The most commands a turn may cost (its delivery, recovery and sweepers included). */
// Measured 59.2 after the media and ordering work (50.9 before it), 69.9 once every key a conversation
// owns is named in its own set for erase without a scan (SADD and PEXPIRE inside the turn's scripts,
// no added round trip), 54.9 once Telegram's messages were no longer held for an earlier one, and
// 49.6 with one script per phase (5.6 EVALSHA per turn where there were 15), 46.4 once the `own:`
// helper asked HSET rather than TYPE whether it met the old set, 47.4 once Telegram's message ids
// were logged as each send was answered, and 47.2 with the outbox lease taken by the turn's commit
// (its EVALSHA saved where the committing instance drains at once: here a user's next message
// often commits while the last reply is still being sent, and then the running drain takes it),
// and 45.8 once the pass queued behind that drain is skipped when the drain's last read of the
// outbox, issued after the kick, found it empty (a lease and a release saved, 20 times in 100);
// 44.9 once own() read the `own:` hash's TTL once per script, 43.1 with a sent reply's ack written
// with the next reply's in-flight mark on channels that settle an unacked send (54 times in 100),
// and 42.1 once the acks popped the head rather than reading it first; the margin is for retries
// on a busy machine.
const BOUND = 43.5;

async function commandStats(url: string): Promise<Record<string, number>> {
  const c = createClient({ url });
  await c.connect();
  const info = await c.info('commandstats');
  await c.close();
  const out: Record<string, number> = {};
  for (const m of info.matchAll(/cmdstat_([^:]+):calls=(\d+)/g)) out[m[1]!] = Number(m[2]);
  return out;
}

describe('Redis commands per turn', () => {
  it(`a steady Telegram turn costs at most ${BOUND} commands`, async () => {
    const redis = new TestRedis(await freePort());
    await redis.start();
    const api = await FakeBotApi.start(TOKEN, BOT_INFO);
    const h = await startTelegram({ api, store: await RedisStore.connect({ url: redis.url, prefix: 'cmd:' }), env: { SEND_RATE_LIMITS: 'telegram=1000/1s', FLOOD_MAX_PER_MINUTE: '10000' } });
    try {
      // A first turn loads the scripts; it is not counted.
      await h.post(addressed('private-text.json', newChatId(), (u) => ((u.message as Record<string, unknown>).text = 'menu')));
      await h.settle();
      const before = await commandStats(redis.url);
      const users = 20;
      let turns = 0;
      await Promise.all(
        Array.from({ length: users }, async () => {
          const chatId = newChatId();
          for (const text of SCRIPT.slice(0, 5)) {
            await h.post(addressed('private-text.json', chatId, (u) => ((u.message as Record<string, unknown>).text = text)));
            turns++;
          }
        }),
      );
      await h.settle();
      const after = await commandStats(redis.url);
      const delta: Record<string, number> = {};
      for (const [k, v] of Object.entries(after)) if (k !== 'info' && v > (before[k] ?? 0)) delta[k] = v - (before[k] ?? 0);
      const total = Object.values(delta).reduce((a, b) => a + b, 0);
      const perTurn = Math.round((total / turns) * 10) / 10;
      const sends = api.sent().length;
      process.stdout.write(`commands per turn: ${JSON.stringify({ turns, sends, total, perTurn, byCommand: delta })}\n`);
      expect(perTurn).toBeLessThanOrEqual(BOUND);
    } finally {
      await h.close();
      await api.close();
      await redis.dispose();
    }
  });
});
