// A kill between a turn's commit and the opening of its hand-off: the emergency reply ("staff were
// alerted") is committed with the hand-off's intent, so when the instance dies right after the
// commit, another instance's recovery opens the hand-off; the platform's redelivery of the same
// update is a duplicate and opens nothing twice.
import { describe, expect, it } from 'vitest';
import { RedisStore } from '../../src/store/redis.ts';
import { BOT_INFO, TOKEN, addressed, newChatId } from '../channels/telegram/fixtures.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { startTelegram } from '../channels/telegram/harness.ts';
import { dropPrefix, testPrefix, testTarget } from '../helpers/redis.ts';

describe('a kill between commit and hand-off', () => {
  it('the intent left by the commit is completed by the other instance; nothing doubled', async () => {
    const api = await FakeBotApi.start(TOKEN, BOT_INFO);
    const prefix = testPrefix();
    const connect = () => RedisStore.connect({ ...testTarget(), prefix });
    const a = await startTelegram({ api, store: await connect() });
    const b = await startTelegram({ api, store: await connect() });
    try {
      // The fault hook: instance A dies the moment after its commit, before the hand-off opens.
      let died = false;
      a.server.handoff.open = async () => {
        died = true;
        throw new Error('killed after the commit');
      };
      const chatId = newChatId();
      const update = addressed('private-text.json', chatId, (u) => ((u.message as Record<string, unknown>).text = 'cứu em, em bị đánh'));
      await a.post(update);
      expect(died).toBe(true);
      await a.close();
      expect(await b.server.handoff.list()).toHaveLength(0);

      // The platform sends the update again (the 200 was lost with the process): a duplicate.
      expect((await b.post(update)).statusCode).toBe(200);
      // B's recovery (as its timer runs it) finds the intent and opens the hand-off.
      await b.server.outbox.recover();
      await b.settle();
      const open = await b.server.handoff.list();
      expect(open.map((h) => ({ user: h.key.user, priority: h.priority }))).toEqual([{ user: String(chatId), priority: 'emergency' }]);
      // Done once: a second round of recovery opens nothing more.
      await b.server.outbox.recover();
      expect(await b.server.handoff.list()).toHaveLength(1);
      expect(await b.server.store.intents({ channel: 'telegram', account: open[0]!.key.account, user: String(chatId) })).toEqual([]);
      // The emergency reply went out once.
      const texts = api.sent(chatId).filter((c) => c.result !== undefined).map((c) => String(c.body.text));
      expect(new Set(texts).size).toBe(texts.length);
      expect(texts.length).toBeGreaterThan(0);
    } finally {
      await b.close();
      await api.close();
      await dropPrefix(prefix);
    }
  });
});
