// kill -9 in the middle of a conversation, and a Redis that goes away under load: the user
// continues at the same step, nothing is lost or doubled, and the only errors are 503s.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, freePort, mailbox, post, TestRedis } from './processes.ts';
import { PROCESS_TEST_TIMEOUT_MS } from '../helpers/processes.ts';

let redis: TestRedis;

beforeAll(async () => {
  redis = new TestRedis(await freePort());
  await redis.start();
}, 30_000);

afterAll(async () => {
  await redis.dispose();
});

describe('faults', () => {
  it('continues a conversation at the same step after kill -9, without lost or doubled replies', async () => {
    const bot = new BotProcess(await freePort(), { REDIS_URL: redis.url, REDIS_PREFIX: 'kill:', WEB_RATE_LIMIT_PER_MINUTE: '100000' });
    await bot.start();
    try {
      const user = 'killed-user';
      expect((await post(bot.base, user, 'k1', { start: true })).status).toBe(200);
      expect((await post(bot.base, user, 'k2', { choice: 'lang_vi' })).status).toBe(200);
      expect((await post(bot.base, user, 'k3', { choice: 'country_JP' })).status).toBe(200);
      expect((await post(bot.base, user, 'k4', { choice: 'topic_contract_liquidation' })).status).toBe(200);
      const before = await mailbox(bot.base, user);
      const question = before.at(-1)!;

      await bot.kill('SIGKILL');
      await bot.start();

      // The platform redelivers the last message it is unsure of: nothing new is said.
      const again = await post(bot.base, user, 'k4', { choice: 'topic_contract_liquidation' });
      expect(again.status).toBe(200);
      expect(await mailbox(bot.base, user)).toEqual(before);

      // The next answer belongs to the question asked before the crash.
      await post(bot.base, user, 'k5', { text: '1' });
      const after = await mailbox(bot.base, user);
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBeGreaterThan(before.length);
      expect(after.at(-1)).not.toBe(question);
    } finally {
      await bot.kill();
    }
  }, PROCESS_TEST_TIMEOUT_MS);

  it('answers 503 while Redis is away, stays up, and loses nothing once the platform retries', async () => {
    const bot = new BotProcess(await freePort(), { REDIS_URL: redis.url, REDIS_PREFIX: 'outage:', WEB_RATE_LIMIT_PER_MINUTE: '100000' });
    await bot.start();
    const statuses = new Set<number>();
    const script: Record<string, unknown>[] = [
      { start: true },
      { choice: 'lang_vi' },
      { choice: 'country_TW' },
      { text: 'duong day nong' },
      { text: 'quy ho tro viec lam ngoai nuoc' },
      { text: 'menu' },
      { text: 'so dien thoai dai su quan' },
      { text: 'cho em gap can bo' },
    ];
    // Each user sends its messages one after the other, retrying on 503 as the platforms do.
    const run = async (user: string) => {
      for (const [i, part] of script.entries()) {
        for (let attempt = 0; ; attempt++) {
          const r = await post(bot.base, user, `${user}-${i}`, part).catch(() => ({ status: 0, texts: [] }));
          statuses.add(r.status);
          if (r.status === 200) break;
          if (attempt > 300) throw new Error(`gave up on ${user}-${i}: ${r.status}`);
          await new Promise((res) => setTimeout(res, 100));
        }
      }
    };
    try {
      // A user who never saw the outage says what every chat must hold in the end.
      await run('control-user');
      const expected = await mailbox(bot.base, 'control-user');
      expect(expected.length).toBeGreaterThanOrEqual(script.length);

      const users = Array.from({ length: 20 }, (_, i) => `outage-${i}`);
      const load = Promise.all(users.map(run));
      await new Promise((r) => setTimeout(r, 200));
      await redis.stop();
      await new Promise((r) => setTimeout(r, 1500));
      expect(bot.alive).toBe(true);
      expect((await fetch(`${bot.base}/readyz`)).status).toBe(503);
      await redis.start();
      await load;

      expect(bot.alive).toBe(true);
      expect([...statuses].filter((s) => s !== 200 && s !== 503)).toEqual([]);
      expect((await fetch(`${bot.base}/readyz`)).status).toBe(200);
      // Replies committed just before the outage go out when the outbox is re-drained.
      const deadline = Date.now() + 20_000;
      for (const user of users) {
        let box = await mailbox(bot.base, user);
        while (box.length < expected.length && Date.now() < deadline) {
          await new Promise((r) => setTimeout(r, 250));
          box = await mailbox(bot.base, user);
        }
        expect(box, user).toEqual(expected);
      }
    } finally {
      await bot.kill();
    }
  }, PROCESS_TEST_TIMEOUT_MS);
});
