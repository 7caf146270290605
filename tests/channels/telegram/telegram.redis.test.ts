// The Telegram channel on a real Redis: two instances behind one webhook address see one update
// redelivered to the other and send one reply; erasing deletes the chat's messages and leaves no
// message log behind in Redis.
import { afterEach, describe, expect, it } from 'vitest';
import { MESSAGE_LOG } from '../../../src/channels/telegram/capabilities.ts';
import { MessageLog } from '../../../src/channels/telegram/message-log.ts';
import { connectTestStore, dropPrefix, testPrefix } from '../../helpers/redis.ts';
import { FakeBotApi } from './fake-bot-api.ts';
import { BOT_INFO, TOKEN, addressed } from './fixtures.ts';
import { keyboardIds, startTelegram, type Harness } from './harness.ts';

const open: Harness[] = [];
const prefixes: string[] = [];
let api: FakeBotApi | undefined;
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  await api?.close();
  api = undefined;
  for (const p of prefixes.splice(0)) await dropPrefix(p);
});

async function instance(prefix: string): Promise<Harness> {
  const h = await startTelegram({ store: await connectTestStore(prefix), api: api! });
  open.push(h);
  return h;
}

describe('Telegram on Redis', () => {
  it('one reply for an update redelivered to another instance', { timeout: 30_000 }, async () => {
    api = await FakeBotApi.start(TOKEN, BOT_INFO);
    const prefix = testPrefix();
    prefixes.push(prefix);
    const [a, b] = [await instance(prefix), await instance(prefix)];
    const chatId = a.user().chatId;
    const update = addressed('start.json', chatId);
    expect((await a.post(update)).statusCode).toBe(200);
    expect((await b.post(update)).statusCode).toBe(200);
    await a.settle();
    await b.settle();
    expect(api.sent(chatId)).toHaveLength(1);
    expect(keyboardIds(api.sent(chatId)[0])).toContain('country_JP');
  });

  it('erasing deletes the chat’s messages and the message log with the conversation', async () => {
    api = await FakeBotApi.start(TOKEN, BOT_INFO);
    const prefix = testPrefix();
    prefixes.push(prefix);
    const h = await instance(prefix);
    const u = h.user();
    await u.start();
    await u.press('country_TW');
    await u.text('/delete');
    const before = api.sent(u.chatId).map((c) => (c.result as { message_id: number }).message_id);
    const after = await u.press('erase_yes');
    expect(api.of('deleteMessages').map((c) => c.body)).toEqual([
      { chat_id: u.chatId, message_ids: [...u.messageIds, ...before].sort((x, y) => x - y) },
    ]);
    const key = { channel: 'telegram', account: '7000000001', user: String(u.chatId) };
    expect(await h.server.store.getConversation(key)).toBeUndefined();
    const log = await new MessageLog(h.server.store).entries(key);
    expect(log.map((e) => e.id)).toEqual(after.map((c) => (c.result as { message_id: number }).message_id));
  });
});
