// The Zalo Bot Platform through the real server: the webhook's secret, every event kind from the
// fixtures, bare and wrapped bodies, deduplication, numbered choices picked by digit and by words,
// long replies split, a whole conversation through every topic and to a staff member whose reply
// leaves through sendMessage; and long polling.
import { afterEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../../src/handoff/model.ts';
import { buildServer, type Server } from '../../../src/server.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';
import { BOT_SECRET, botChat, botEnv, fixture, numbered, pick, postBot, walkEveryTopic } from './harness.ts';

let server: Server | undefined;
let fake: FakeZalo | undefined;
afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = undefined;
  fake = undefined;
});

async function start(extra: Record<string, string> = {}) {
  fake = await startFakeZalo();
  server = await buildServer({ env: botEnv(fake, extra) });
  return { server, fake };
}

const chatId = (p: string) => `${p}${Math.random().toString(16).slice(2, 10)}`;

describe('zalo-bot webhook', () => {
  it('refuses a missing or wrong secret with 401, broken JSON with 400, and never calls the platform', async () => {
    const { server, fake } = await start();
    const update = fixture('bot/text.json');
    expect((await postBot(server, update, {})).statusCode).toBe(401);
    expect((await postBot(server, update, { 'x-bot-api-secret-token': `${BOT_SECRET}x` })).statusCode).toBe(401);
    expect((await postBot(server, update, { 'x-bot-api-secret-token': '' })).statusCode).toBe(401);
    expect((await postBot(server, '{"event_name": "message.text', { 'x-bot-api-secret-token': BOT_SECRET })).statusCode).toBe(400);
    const empty = await server.app.inject({ method: 'POST', url: '/webhooks/zalo-bot', headers: { 'x-bot-api-secret-token': BOT_SECRET } });
    expect(empty.statusCode).toBe(400);
    const plain = await server.app.inject({ method: 'POST', url: '/webhooks/zalo-bot', headers: { 'x-bot-api-secret-token': BOT_SECRET, 'content-type': 'text/plain' }, payload: 'hello' });
    expect(plain.statusCode).toBe(400);
    await server.outbox.idle();
    expect(fake.botCalls('sendMessage')).toEqual([]);
  });

  it('answers every event kind politely, bare or wrapped, and never with a 5xx', async () => {
    const { server, fake } = await start();
    for (const file of ['text', 'text-wrapped', 'image', 'voice', 'sticker', 'unsupported', 'unknown-event', 'group-text']) {
      const res = await postBot(server, fixture(`bot/${file}.json`));
      expect(res.statusCode, file).toBe(200);
      await server.outbox.idle();
    }
    const byChat = (id: string) => fake.botCalls('sendMessage').filter((c) => c.body.chat_id === id).map((c) => String(c.body.text));
    const user = byChat('6ede9afa66b88fe6d6a9');
    // Two texts, an image, a voice note, a sticker, an unsupported message and an unknown event: each answered.
    expect(user.length).toBeGreaterThanOrEqual(7);
    // What a person can see or hear is offered to an officer.
    expect(user.join('\n')).toContain(server.translate('vi', 'media.offer.image'));
    expect(user.join('\n')).toContain(server.translate('vi', 'media.offer.audio'));
    expect(user.join('\n')).toContain(server.translate('vi', 'unsupported.sticker'));
    expect(user.join('\n')).toContain(server.translate('vi', 'unsupported.other'));
    // A group gets the "write to me privately" answer.
    expect(byChat('g-81c2ab0f77e1').join('\n')).toContain(server.translate('vi', 'unsupported.group'));
    // Authentic JSON that is not an update is acknowledged and ignored.
    expect((await postBot(server, { hello: 'world' })).statusCode).toBe(200);
  });

  it('drops a redelivered update (same event and message id)', async () => {
    const { server, fake } = await start();
    await postBot(server, fixture('bot/text.json'));
    await server.outbox.idle();
    const sent = fake.botCalls('sendMessage').length;
    expect(sent).toBeGreaterThan(0);
    await postBot(server, fixture('bot/text.json'));
    await server.outbox.idle();
    expect(fake.botCalls('sendMessage').length).toBe(sent);
  });

  it('numbers every choice; a digit or the label words (without diacritics) select it', async () => {
    const { server, fake } = await start();
    const byDigit = botChat(server, fake, chatId('d'));
    const byWords = botChat(server, fake, chatId('w'));
    const first = (await byDigit.say('xin chào')).at(-1)!;
    await byWords.say('xin chào');
    expect(first.options.length).toBeGreaterThanOrEqual(2);
    expect(first.text).toMatch(/^1\. /m);
    expect(first.text).toMatch(/^2\. /m);
    // The same option picked two ways leads to the same answer.
    const option = first.options[1]!;
    const typed = option.label.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toLowerCase();
    expect(typed).not.toBe(option.label);
    const a = await byDigit.say(option.answer);
    const b = await byWords.say(typed);
    expect(a.length).toBeGreaterThan(0);
    expect(b.map((r) => r.text)).toEqual(a.map((r) => r.text));
    expect(a.at(-1)!.options.length).toBeGreaterThan(0);
    expect(a.every((r) => [...r.text].length <= 2000)).toBe(true);
  });

  it('splits a reply longer than 2000 characters into several messages', async () => {
    const { server, fake } = await start();
    const chat = botChat(server, fake, chatId('s'));
    await chat.say('xin chào');
    await chat.say('1');
    // A staff member's long reply is the one text whose length we choose.
    const replies = await chat.say('cho em gặp cán bộ');
    await ensureCountry(chat, replies, server);
    const [h] = await server.handoff.list();
    const staff: Staff = { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] };
    await server.handoff.claim(h!.id, staff);
    const long = Array.from({ length: 5 }, (_, i) => `Đoạn ${i + 1}: ${'giấy tờ cần mang theo khi về nước '.repeat(20).trim()}.`).join('\n\n');
    const before = fake.botTexts().length;
    await server.handoff.reply(h!.id, staff, long);
    await server.outbox.idle();
    const parts = fake.botTexts().slice(before);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.every((p) => [...p].length <= 2000)).toBe(true);
    expect(parts.join(' ')).toContain('Đoạn 5');
  });
});

/** When the dialogue asks the country before a hand-off, answer it by digit (Đài Loan). */
async function ensureCountry(chat: { say(t: string): Promise<{ text: string; options: { label: string; answer: string }[] }[]> }, replies: { options: { label: string; answer: string }[] }[], server: Server) {
  for (let i = 0; i < 3 && (await server.handoff.list()).length === 0; i++) {
    const last = replies.at(-1);
    const country = last?.options.find((o) => /Đài Loan/.test(o.label));
    if (!country) break;
    replies = await chat.say(country.answer);
  }
  expect(await server.handoff.list()).toHaveLength(1);
}

describe('zalo-bot conversation', () => {
  it('reaches every topic by digits, and a person whose reply goes out through sendMessage', async () => {
    const { server, fake } = await start();
    const id = chatId('w');
    const chat = botChat(server, fake, id);
    await chat.say('xin chào');
    await chat.say('1');

    const topics = await walkEveryTopic(chat, {
      menu: server.translate('vi', 'choices.menu'),
      staff: server.translate('vi', 'menu.staff'),
      country: 'Đài Loan',
    });
    expect(topics.size).toBeGreaterThanOrEqual(4);
    // At least the topics with published content answer at length (others may say they are being written).
    expect(Math.max(...[...topics.values()].flat().map((t) => t.length))).toBeGreaterThan(200);
    expect(fake.botCalls('sendMessage').every((c) => c.body.chat_id === id)).toBe(true);

    // To a person.
    const asked = await chat.say('cho em gặp cán bộ');
    await ensureCountry(chat, asked, server);
    const [h] = await server.handoff.list();
    expect(h).toMatchObject({ status: 'waiting', key: { channel: 'zalo-bot', account: '1234567', user: id } });
    const staff: Staff = { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] };
    const before = fake.botTexts().length;
    await server.handoff.claim(h!.id, staff);
    await server.outbox.idle();
    expect(fake.botTexts().slice(before).join('\n')).toContain('Chị Lan');

    // While the person holds the chat the bot is silent; the message reaches the desk.
    expect(await chat.say('dạ em muốn hỏi về tiền bảo hiểm')).toEqual([]);
    expect((await server.handoff.transcript(h!)).some((t) => t.from === 'user' && t.text.includes('tiền bảo hiểm'))).toBe(true);

    const mark = fake.botTexts().length;
    await server.handoff.reply(h!.id, staff, 'Em đang làm ở thành phố nào?');
    await server.outbox.idle();
    const staffReply = fake.botCalls('sendMessage').slice(-1)[0]!;
    expect(staffReply.body).toMatchObject({ chat_id: id });
    expect(String(staffReply.body.text)).toContain('Em đang làm ở thành phố nào?');
    expect(fake.botTexts().length).toBe(mark + 1);

    await server.handoff.close(h!.id, staff);
    await server.outbox.idle();
    const back = fake.botTexts().at(-1)!;
    expect(numbered(back).map((o) => o.label)).toContain(server.translate('vi', 'menu.hotline'));
    expect((await chat.say('menu')).length).toBeGreaterThan(0);
  });
});

describe('zalo-bot long polling', () => {
  it('deletes the webhook, takes one update per call, treats 408 as nothing new, and replies', async () => {
    fake = await startFakeZalo();
    const id = chatId('p');
    const update = (n: number, text: string) => ({
      event_name: 'message.text.received',
      message: { message_id: `${id}-${n}`, date: Date.now(), chat: { id, chat_type: 'PRIVATE' }, from: { id }, text },
    });
    fake.updates.push(update(1, 'xin chào'), update(2, '1'));
    server = await buildServer({ env: botEnv(fake, { ZALO_BOT_MODE: 'polling', ZALO_BOT_WEBHOOK_SECRET: '' }) });
    await fake.waitFor(() => fake!.botTexts().length >= 2);
    await fake.waitFor(() => fake!.botCalls('getUpdates').length >= 4);
    expect(fake.requests[0]!.path).toBe('/bot1234567:bot-test-token/deleteWebhook');
    const texts = fake.botTexts();
    expect(numbered(texts[0]!).length).toBeGreaterThanOrEqual(2);
    expect(numbered(texts.at(-1)!).map((o) => o.label)).toContain(server.translate('vi', 'menu.hotline'));
    // In polling mode there is no webhook route.
    expect((await postBot(server, update(3, 'hi'))).statusCode).toBe(404);
  });

  it('registers the webhook with its secret at the public https address', async () => {
    const { fake } = await start({ PUBLIC_URL: 'https://bot.example.org/' });
    await fake.waitFor(() => fake.botCalls('setWebhook').length === 1);
    expect(fake.botCalls('setWebhook')[0]!.body).toEqual({ url: 'https://bot.example.org/webhooks/zalo-bot', secret_token: BOT_SECRET });
  });

  it('refuses to start a webhook without a secret', async () => {
    fake = await startFakeZalo();
    await expect(buildServer({ env: botEnv(fake, { ZALO_BOT_WEBHOOK_SECRET: '' }) })).rejects.toThrow(/ZALO_BOT_WEBHOOK_SECRET/);
    await expect(buildServer({ env: botEnv(fake, { ZALO_BOT_WEBHOOK_SECRET: 'short' }) })).rejects.toThrow(/ZALO_BOT_WEBHOOK_SECRET/);
  });
});
