// Two instances over one Redis, 200 users writing at once, each user's messages landing on either
// instance: every user's chat holds each answer once, in the order the messages were sent. A 503
// from a full instance is retried with the same message id, as the web page does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BotProcess, freePort, mailbox, post, TestRedis } from './processes.ts';
import { PROCESS_TEST_TIMEOUT_MS } from '../helpers/processes.ts';

let redis: TestRedis;
let bots: BotProcess[];

beforeAll(async () => {
  redis = new TestRedis(await freePort());
  await redis.start();
  bots = [];
  for (let i = 0; i < 2; i++) {
    const bot = new BotProcess(await freePort(), { REDIS_URL: redis.url, REDIS_PREFIX: 'pair:', LOG_LEVEL: 'error', FLOOD_MAX_PER_MINUTE: '1000', WEB_RATE_LIMIT_PER_MINUTE: '100000' });
    await bot.start();
    bots.push(bot);
  }
}, PROCESS_TEST_TIMEOUT_MS);

afterAll(async () => {
  for (const b of bots ?? []) await b.kill();
  await redis.dispose();
});

const SCRIPT: Record<string, unknown>[] = [
  { choice: 'lang_vi' },
  { choice: 'country_KR' },
  { text: 'duong day nong' },
  { text: 'menu' },
  { text: 'quy ho tro' },
  { text: 'menu' },
  { text: 'thanh ly hop dong' },
  { text: 'menu' },
  { text: 'dang ky ve nuoc' },
  { text: 'menu' },
];

describe('two instances sharing Redis', () => {
  it('keeps 200 concurrent users each in order, whichever instance takes each message', async () => {
    // The expected chat, from one user alone on one instance.
    for (const [i, part] of SCRIPT.entries()) expect((await post(bots[0]!.base, 'solo-user', `solo-user-${i}`, part)).status).toBe(200);
    const expected = await mailbox(bots[0]!.base, 'solo-user');

    const users = Array.from({ length: 200 }, (_, i) => `pair-user-${i}`);
    await Promise.all(
      users.map(async (user, u) => {
        for (const [i, part] of SCRIPT.entries()) {
          const bot = bots[(u + i) % 2]!;
          // A full instance answers 503 (back-pressure); the page sends the same message again.
          let r = await post(bot.base, user, `${user}-${i}`, part);
          for (let tries = 0; r.status === 503 && tries < 200; tries++) {
            await new Promise((done) => setTimeout(done, 50));
            r = await post(bot.base, user, `${user}-${i}`, part);
          }
          expect(r.status).toBe(200);
        }
      }),
    );
    for (const user of users) expect(await mailbox(bots[1]!.base, user), user).toEqual(expected);
  }, PROCESS_TEST_TIMEOUT_MS);
});
