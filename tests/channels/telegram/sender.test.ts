// The sending half against a local Bot API: what a failed part means for the outbox, a retry that
// resumes where it stopped, and erasing a conversation deleting its messages from the chat.
import { GrammyError, HttpError } from 'grammy';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/channels/telegram/bot.ts';
import { MESSAGE_LOG } from '../../../src/channels/telegram/capabilities.ts';
import { MessageLog, decodeLogged } from '../../../src/channels/telegram/message-log.ts';
import type { TelegramConfig } from '../../../src/channels/telegram/config.ts';
import { createTelegramSender, sendFailure, type TelegramSender } from '../../../src/channels/telegram/sender.ts';
import type { ConversationKey, OutboundMessage } from '../../../src/core/messages.ts';
import { silentLog, type Clock } from '../../../src/core/ports.ts';
import { createTranslate } from '../../../src/i18n/index.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import { FakeBotApi, badRequest, tooManyRequests } from './fake-bot-api.ts';
import { BOT_INFO, TOKEN } from './fixtures.ts';

class Clockwork implements Clock {
  constructor(public t: number) {}
  now() {
    return this.t;
  }
}

const HOUR = 3600_000;
const key = (user: string): ConversationKey => ({ channel: 'telegram', account: '7000000001', user });
const msg = (text: string): OutboundMessage => ({ text, from: 'bot', priority: 'normal' });

let api: FakeBotApi;
let store: MemoryStore;
let clock: Clockwork;
let sender: TelegramSender;

async function setUp(maxRetryDelaySeconds = 0) {
  api = await FakeBotApi.start(TOKEN, BOT_INFO);
  clock = new Clockwork(Date.UTC(2026, 10, 25, 1));
  store = new MemoryStore(clock);
  const config: TelegramConfig = { token: TOKEN, botId: '7000000001', apiRoot: api.url, mode: 'webhook', maxRetryDelaySeconds, apiTimeoutSeconds: 20, webhookTimeoutMs: 10_000 };
  const bot = createBot(config, BOT_INFO as never);
  sender = createTelegramSender({ api: bot.api, store, clock, log: silentLog, translate: await createTranslate(), eraseFallbackMs: 50 });
}

beforeEach(async () => setUp());
afterEach(async () => {
  await sender.stop();
  await api.close();
});

describe('sending to Telegram', () => {
  it('sends a long answer in parts, and a retry after a failed part resumes after the parts already sent', async () => {
    const paragraph = (n: number) => `Bước ${n}. ${'Mang hộ chiếu, hợp đồng và giấy xác nhận của chủ. '.repeat(60).trim()}`;
    const text = [paragraph(1), paragraph(2), paragraph(3)].join('\n\n');
    api.failNext('sendMessage', { status: 200, body: { ok: true, result: { message_id: 1, date: 0, chat: { id: 5012345678, type: 'private' }, text: '' } } });
    api.failNext('sendMessage', tooManyRequests(30));
    const first = await sender.send(key('5012345678'), msg(text), { now: clock.now() });
    expect(first).toEqual({ ok: false, retryable: true, reason: 'telegram 429: Too Many Requests: retry after 30', retryAfterMs: 30_000 });

    const second = await sender.send(key('5012345678'), msg(text), { now: clock.now() });
    expect(second.ok).toBe(true);
    const texts = api.sent(5012345678).map((c) => c.body.text as string);
    // Part 1 once, part 2 twice (refused, then sent), part 3 once.
    expect(texts).toHaveLength(4);
    expect(texts[1]).toBe(texts[2]);
    expect(new Set(texts).size).toBe(3);
    expect(texts.every((t) => t.length <= 4096)).toBe(true);
    expect(second.ok && second.platformIds).toEqual(['1', ...api.sent(5012345678).slice(2).map((c) => String((c.result as { message_id: number }).message_id))]);
  });

  it('knows an item Telegram confirmed (every part’s message_id logged), and not one whose last part never got an answer', async () => {
    const k = key('5012345678');
    const paragraph = (n: number) => `Bước ${n}. ${'Mang hộ chiếu, hợp đồng và giấy xác nhận của chủ. '.repeat(60).trim()}`;
    const long = msg([paragraph(1), paragraph(2)].join('\n\n'));
    const sent = await sender.send(k, msg('xin chào'), { now: clock.now(), itemId: 'item-1' });
    expect(sent).toMatchObject({ ok: true });
    // Logged as soon as Telegram answered, before any ack: a holder killed before its ack leaves the proof.
    expect((await store.mailboxRead<unknown>(MESSAGE_LOG, k, 0)).map((e) => decodeLogged(e.item))).toEqual([{ id: expect.any(Number), at: clock.now(), item: 'item-1' }]);
    expect(await sender.delivered!(k, 'item-1', msg('xin chào'))).toBe(true);
    expect(await sender.delivered!(k, 'item-never-sent', msg('xin chào'))).toBe(false);
    api.failNext('sendMessage', { status: 200, body: { ok: true, result: { message_id: 77, date: 0, chat: { id: 5012345678, type: 'private' }, text: '' } } });
    api.failNext('sendMessage', { status: 502, body: { ok: false, error_code: 502, description: 'Bad Gateway' } });
    expect(await sender.send(k, long, { now: clock.now(), itemId: 'item-2' })).toMatchObject({ ok: false });
    // The part that went out is logged though the message failed.
    expect((await store.mailboxRead<unknown>(MESSAGE_LOG, k, 0)).map((e) => decodeLogged(e.item)?.id)).toContain(77);
    expect(await sender.delivered!(k, 'item-2', long)).toBe(false);
    expect(await sender.send(k, long, { now: clock.now(), itemId: 'item-2' })).toMatchObject({ ok: true });
    expect(await sender.delivered!(k, 'item-2', long)).toBe(true);
  });

  it('reports failures as the outbox needs them: 429 and 5xx retry, a blocked bot does not', async () => {
    api.failNext('sendMessage', { status: 403, body: { ok: false, error_code: 403, description: 'Forbidden: bot was blocked by the user' } });
    expect(await sender.send(key('5012345678'), msg('xin chào'), { now: 0 })).toEqual({
      ok: false,
      retryable: false,
      reason: 'telegram 403: Forbidden: bot was blocked by the user',
    });
    const err = (code: number, description: string, parameters = {}) =>
      new GrammyError('call failed', { ok: false, error_code: code, description, parameters }, 'sendMessage', {});
    expect(sendFailure(err(502, 'Bad Gateway'))).toMatchObject({ retryable: true });
    expect(sendFailure(err(429, 'Too Many Requests: retry after 4', { retry_after: 4 }))).toMatchObject({ retryable: true, retryAfterMs: 4000 });
    expect(sendFailure(err(400, 'Bad Request: chat not found'))).toMatchObject({ retryable: false });
    expect(sendFailure(new HttpError('Network request failed', new Error('ECONNRESET')))).toMatchObject({ retryable: true, reason: 'telegram unreachable' });
  });

  it('waits out a short retry_after itself (auto-retry) and sends once', async () => {
    await sender.stop();
    await api.close();
    await setUp(5);
    api.failNext('sendMessage', tooManyRequests(1));
    const result = await sender.send(key('5012345678'), msg('Số tổng đài: +84981848484'), { now: 0 });
    expect(result.ok).toBe(true);
    expect(api.sent(5012345678).map((c) => c.body.text)).toEqual(['Số tổng đài: +84981848484', 'Số tổng đài: +84981848484']);
  });
});

describe('erasing a Telegram conversation', () => {
  it('deletes the messages of the last 48 hours (the bot’s and the user’s) once the confirmation is out, then says so', async () => {
    const k = key('5012345678');
    // An old exchange Telegram no longer lets a bot delete, then a recent one.
    await sender.send(k, msg('tin cũ'), { now: clock.now() });
    await store.mailboxPush(MESSAGE_LOG, k, { id: 40, at: clock.now() }, 48 * HOUR);
    clock.t += 47 * HOUR;
    await store.mailboxPush(MESSAGE_LOG, k, { id: 41, at: clock.now() }, 48 * HOUR);
    await sender.send(k, msg('Xoá toàn bộ cuộc trò chuyện?'), { now: clock.now() });
    await store.mailboxPush(MESSAGE_LOG, k, { id: 42, at: clock.now() }, 48 * HOUR);
    const recentBotId = (api.sent(5012345678).at(-1)!.result as { message_id: number }).message_id;
    clock.t += 2 * HOUR;

    await sender.forget!(k);
    expect(api.of('deleteMessages')).toEqual([]);
    await store.deleteConversation(k);
    await sender.send(k, msg('Đã xoá cuộc trò chuyện.'), { now: clock.now() });
    await sender.idle();

    expect(api.of('deleteMessages').map((c) => c.body)).toEqual([{ chat_id: 5012345678, message_ids: [41, 42, recentBotId] }]);
    const note = api.sent(5012345678).at(-1)!;
    expect(note.body.text).toMatch(/^Mình đã xoá 3 tin nhắn gần đây/);
    // The log left behind holds only what was sent after the erase: the confirmation and the note.
    const left = await new MessageLog(store).entries(k);
    expect(left.map((e) => e.id)).toEqual(api.sent(5012345678).slice(-2).map((c) => (c.result as { message_id: number }).message_id));
  });

  it('deletes a message sent just before the erase, its id logged by the send itself', async () => {
    const k = key('5012345678');
    await sender.send(k, msg('Xoá toàn bộ cuộc trò chuyện?'), { now: clock.now() });
    const unlogged = (api.sent(5012345678).at(-1)!.result as { message_id: number }).message_id;
    expect((await store.mailboxRead<unknown>(MESSAGE_LOG, k, 0)).map((e) => decodeLogged(e.item)?.id)).toEqual([unlogged]);
    await sender.forget!(k);
    await store.deleteConversation(k);
    await sender.send(k, msg('Đã xoá cuộc trò chuyện.'), { now: clock.now() });
    await sender.idle();
    expect(api.of('deleteMessages').map((c) => c.body)).toEqual([{ chat_id: 5012345678, message_ids: [unlogged] }]);
  });

  it('deletes one by one when Telegram refuses the batch, and cleans up even if no send follows', async () => {
    const k = key('5012345679');
    for (const id of [7, 8, 9]) await store.mailboxPush(MESSAGE_LOG, k, { id, at: clock.now() }, 48 * HOUR);
    api.failNext('deleteMessages', badRequest("message can't be deleted for everyone"));
    api.failNext('deleteMessage', badRequest('message to delete not found'));
    await sender.forget!(k);
    // No confirmation goes out on this instance: the fallback timer runs the deletion.
    await new Promise((r) => setTimeout(r, 120));
    await sender.idle();
    expect(api.of('deleteMessage').map((c) => c.body.message_id)).toEqual([7, 8, 9]);
    expect(api.sent(5012345679).at(-1)!.body.text).toMatch(/^Mình đã xoá 2 tin nhắn/);
  });

  it('touches nothing outside private chats, and nothing when there is nothing to delete', async () => {
    await sender.send(key('-1001234567890'), msg('Hãy nhắn riêng cho mình.'), { now: clock.now() });
    expect(await store.mailboxRead(MESSAGE_LOG, key('-1001234567890'), 0)).toEqual([]);
    await sender.forget!(key('-1001234567890'));
    await sender.forget!(key('5012345670'));
    await sender.stop();
    expect(api.of('deleteMessages')).toEqual([]);
    expect(api.of('deleteMessage')).toEqual([]);
  });
});
