// The Telegram channel end to end, offline: realistic updates through the real grammY
// middleware on the app's webhook route, and the Bot API calls the bot makes captured by a
// local server at TELEGRAM_API_ROOT. Navigation is by buttons and digits; assertions are on
// structure (ids, keyboards, which interface string) so content rewrites do not break them.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_LOG } from '../../../src/channels/telegram/capabilities.ts';
import { MessageLog } from '../../../src/channels/telegram/message-log.ts';
import type { ConversationKey } from '../../../src/core/messages.ts';
import type { Lease, LockOptions } from '../../../src/core/ports.ts';
import type { Translate } from '../../../src/core/translate.ts';
import { captureLogs } from '../../helpers/log-capture.ts';
import { serverTranslate } from '../../helpers/translate.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import { buildServer, type Server } from '../../../src/server.ts';
import { tooManyRequests, type ApiCall } from './fake-bot-api.ts';
import { UNSUPPORTED_UPDATES, addressed, fixture, newChatId, type Json } from './fixtures.ts';
import { SECRET, SECRET_HEADER, keyboardIds, startTelegram, type Harness, type TelegramUser } from './harness.ts';

let t: Translate;
let h: Harness | undefined;
let plain: Server | undefined;
beforeAll(async () => {
  // The server fills the 24/7 line into strings that name it, from content: so does this copy.
  t = await serverTranslate();
});
afterEach(async () => {
  await h?.close();
  await plain?.close();
  h = undefined;
  plain = undefined;
});

const ACCOUNT = '7000000001';
const keyOf = (chatId: number) => ({ channel: 'telegram', account: ACCOUNT, user: String(chatId) });
const MENU = ['topic_contract_liquidation', 'topic_return_registration', 'topic_support_fund', 'topic_hotline', 'staff'];
const textOf = (c: ApiCall | undefined) => (c?.body.text as string | undefined) ?? '';
const idOf = (c: ApiCall) => (c.result as { message_id: number }).message_id;

async function until(check: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Chooses `id` on the last keyboard by pressing it, or by typing its number. */
async function choose(u: TelegramUser, id: string, by: 'button' | 'digit'): Promise<ApiCall[]> {
  if (by === 'button') return u.press(id);
  const n = u.buttons().indexOf(id);
  if (n < 0) throw new Error(`no choice ${id} in ${JSON.stringify(u.buttons())}`);
  return u.text(String(n + 1));
}

/**
 * Welcome → Japan → every topic (each dialogue followed to an answer) → hotlines → a person.
 * Returns every keyboard shown, so two ways of choosing can be compared.
 */
async function tour(u: TelegramUser, by: 'button' | 'digit'): Promise<string[][]> {
  const keyboards: string[][] = [];
  const note = (replies: ApiCall[]) => {
    expect(replies.length).toBeGreaterThan(0);
    for (const r of replies) {
      expect(r.body.chat_id).toBe(u.chatId);
      expect(textOf(r).length).toBeLessThanOrEqual(4096);
      expect(r.body.link_preview_options).toEqual({ is_disabled: true });
      if (r.body.reply_markup) keyboards.push(keyboardIds(r));
    }
    return replies;
  };

  const welcome = note(await u.start());
  expect(welcome).toHaveLength(1);
  expect(textOf(welcome[0])).toBe(`${t('vi', 'welcome.text')}\n\n${t('vi', 'country.prompt')}`);
  expect(keyboardIds(welcome[0])).toContain('country_JP');
  expect(keyboardIds(welcome[0]).at(-1)).toBe('country_other');

  const menu = note(await choose(u, 'country_JP', by));
  expect(textOf(menu.at(-1))).toBe(t('vi', 'menu.prompt'));
  expect(menu.at(-1)!.body.reply_markup).toEqual({
    inline_keyboard: MENU.map((id) => [{ text: t('vi', id === 'staff' ? 'menu.staff' : `menu.${id.slice(6)}`), callback_data: id }]),
  });

  const source = t('vi', 'content.source', { source: '§', reviewed: '§' }).split('§')[0]!;
  for (const topic of ['topic_contract_liquidation', 'topic_return_registration', 'topic_support_fund']) {
    let replies = note(await choose(u, topic, by));
    for (let depth = 0; u.buttons().some((b) => b.startsWith('o_')); depth++) {
      expect(depth, `${topic} never reached an answer`).toBeLessThan(8);
      replies = note(await choose(u, u.buttons().find((b) => b.startsWith('o_'))!, by));
    }
    // An answer from content, with its source line, and the way on.
    expect(replies.map(textOf).join('\n'), topic).toContain(source);
    expect(u.buttons()).toContain('menu');
    note(await choose(u, 'menu', by));
    expect(u.buttons()).toEqual(MENU);
  }

  const hotlines = note(await choose(u, 'topic_hotline', by));
  // The 24/7 citizen-protection line, bare +E.164 so Telegram makes it tappable.
  expect(hotlines.map(textOf).join('\n')).toMatch(/(^|\s)\+84981848484(\s|$)/);
  expect(u.buttons()).toContain('staff');

  const person = note(await choose(u, 'staff', by));
  expect(person.map(textOf).join('\n')).toContain(t('vi', 'handoff.requested'));
  return keyboards;
}

describe('Telegram webhook: the door', () => {
  it('refuses a wrong or missing secret with 401 and processes nothing', async () => {
    h = await startTelegram();
    const chatId = newChatId();
    const update = addressed('private-text.json', chatId);
    const attempts: Record<string, string>[] = [{}, { [SECRET_HEADER]: 'wrong' }, { [SECRET_HEADER]: `${SECRET}x` }, { [SECRET_HEADER]: SECRET.toUpperCase() }];
    for (const headers of attempts) {
      const res = await h.post(update, headers);
      expect(res.statusCode, JSON.stringify(headers)).toBe(401);
    }
    // Checked before the body is read: garbage without the secret is a 401, not a 400.
    const garbage = await h.server.app.inject({ method: 'POST', url: '/webhooks/telegram', payload: '{not json', headers: { 'content-type': 'application/json', [SECRET_HEADER]: 'wrong' } });
    expect(garbage.statusCode).toBe(401);
    await h.settle();
    expect(await h.server.store.getConversation(keyOf(chatId))).toBeUndefined();
    expect(h.api.sent(chatId)).toEqual([]);
    // Not even marked as seen: the genuine delivery is handled.
    expect((await h.post(update)).statusCode).toBe(200);
    await h.settle();
    expect(h.api.sent(chatId)).toHaveLength(1);
  });

  it('answers a body that is not an update with 400, never 5xx', async () => {
    h = await startTelegram();
    const headers = { [SECRET_HEADER]: SECRET };
    const bad = [
      { payload: 'not json', headers: { ...headers, 'content-type': 'application/json' } },
      { payload: '', headers: { ...headers, 'content-type': 'application/json' } },
      { payload: '[]', headers: { ...headers, 'content-type': 'application/json' } },
      { payload: '{"message":{"text":"hi"}}', headers: { ...headers, 'content-type': 'application/json' } },
      { payload: '{"update_id":"1"}', headers: { ...headers, 'content-type': 'application/json' } },
      { payload: 'update_id=1', headers: { ...headers, 'content-type': 'text/plain' } },
    ];
    for (const b of bad) {
      const res = await h.server.app.inject({ method: 'POST', url: '/webhooks/telegram', ...b });
      expect(res.statusCode, b.payload).toBe(400);
    }
    const odd = await h.server.app.inject({ method: 'POST', url: '/webhooks/telegram', payload: '<update/>', headers: { ...headers, 'content-type': 'application/xml' } });
    expect(odd.statusCode).toBeGreaterThanOrEqual(400);
    expect(odd.statusCode).toBeLessThan(500);
  });

  it('is not mounted without a token, and the server starts without it', async () => {
    plain = await buildServer({ env: { LOG_LEVEL: 'silent' } });
    expect((await plain.app.inject({ method: 'POST', url: '/webhooks/telegram', payload: fixture('private-text.json') })).statusCode).toBe(404);
  });

  it('registers the command menu in vi and en at start-up', async () => {
    h = await startTelegram();
    await until(() => h!.api.of('setMyCommands').length === 3);
    const commands = (lng: 'vi' | 'en') =>
      ['start', 'menu', 'help', 'staff', 'language', 'delete'].map((command) => ({ command, description: t(lng, `commands.${command}`) }));
    expect(h.api.of('setMyCommands').map((c) => c.body)).toEqual([
      { commands: commands('vi'), scope: { type: 'all_private_chats' } },
      { commands: commands('vi'), scope: { type: 'all_private_chats' }, language_code: 'vi' },
      { commands: commands('en'), scope: { type: 'all_private_chats' }, language_code: 'en' },
    ]);
    expect(h.api.of('getMe')).toHaveLength(1);
    // Not asked to: the webhook is left as it is.
    expect(h.api.of('setWebhook')).toEqual([]);
  });

  it('sets the webhook with the secret when configured to', async () => {
    h = await startTelegram({ env: { TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/webhooks/telegram' } });
    await until(() => h!.api.of('setWebhook').length === 1);
    expect(h.api.of('setWebhook')[0]!.body).toEqual({
      url: 'https://bot.example.org/webhooks/telegram',
      secret_token: SECRET,
      allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'],
      drop_pending_updates: false,
    });
  });
});

describe('Telegram webhook: a conversation', () => {
  it('reaches every topic and a person by buttons, each press answered, exactly as by typed digits', async () => {
    h = await startTelegram();
    const byButton = h.user();
    const buttons = await tour(byButton, 'button');
    const answered = h.api.of('answerCallbackQuery').map((c) => c.body.callback_query_id);
    expect(answered.length).toBe(byButton.presses);
    expect(byButton.presses).toBe(buttons.length - 1);
    expect(new Set(answered).size).toBe(answered.length);

    const byDigit = h.user();
    const digits = await tour(byDigit, 'digit');
    expect(digits).toEqual(buttons);
    expect(h.api.of('answerCallbackQuery')).toHaveLength(answered.length);
  });

  it('asks the language first when Telegram does not say it, and /start with a payload works like /start', async () => {
    h = await startTelegram();
    const u = h.user();
    const replies = await u.send(
      addressed('start-payload.json', u.chatId, (upd) => delete ((upd.message as Json).from as Json).language_code),
    );
    expect(replies.map((r) => r.body)).toEqual([
      {
        chat_id: u.chatId,
        text: t('vi', 'language.prompt'),
        link_preview_options: { is_disabled: true },
        reply_markup: {
          inline_keyboard: [
            [
              { text: t('vi', 'language.vi'), callback_data: 'lang_vi' },
              { text: t('vi', 'language.en'), callback_data: 'lang_en' },
            ],
          ],
        },
      },
    ]);
    const english = await u.press('lang_en');
    expect(textOf(english.at(-1))).toContain(t('en', 'country.prompt'));
  });

  it('handles a redelivered update once: one reply, one turn', async () => {
    h = await startTelegram();
    const u = h.user();
    const update = addressed('start.json', u.chatId);
    expect(await u.send(update)).toHaveLength(1);
    const again = await h.post(update);
    expect(again.statusCode).toBe(200);
    await h.settle();
    expect(h.api.sent(u.chatId)).toHaveLength(1);
    // A redelivered button press too.
    const press = addressed('callback-query.json', u.chatId, (upd) => ((upd.callback_query as Json).data = 'country_JP'));
    expect(await u.send(press)).toHaveLength(1);
    expect((await h.post(press)).statusCode).toBe(200);
    await h.settle();
    expect(h.api.sent(u.chatId)).toHaveLength(2);
  });

  it.each(UNSUPPORTED_UPDATES)('answers %s politely (%s) in the user’s language and carries on', async (name, kind) => {
    h = await startTelegram();
    const u = h.user();
    const first = await u.send(addressed(name, u.chatId));
    expect(first).toHaveLength(1);
    expect(textOf(first[0]).startsWith(t('vi', `unsupported.${kind}`))).toBe(true);
    // The conversation goes on: the question that followed still works.
    expect(keyboardIds(first[0])).toContain('country_JP');
    // Mid-conversation, in English: the same reply, then the question again.
    const en = h.user();
    await en.send(addressed('start.json', en.chatId, (upd) => (((upd.message as Json).from as Json).language_code = 'en')));
    await en.press('country_TW');
    const later = await en.send(addressed(name, en.chatId, (upd) => ((((upd.message ?? upd.edited_message) as Json).from as Json).language_code = 'en')));
    expect(later).toHaveLength(1);
    // What a person can see or hear is offered to an officer, one tap away; the rest gets the polite line.
    if (['image', 'audio', 'video', 'file', 'location'].includes(kind)) {
      expect(textOf(later[0])).toBe(t('en', `media.offer.${kind}`));
      expect(keyboardIds(later[0])).toEqual(['staff', 'continue']);
    } else {
      expect(textOf(later[0]).startsWith(t('en', `unsupported.${kind}`))).toBe(true);
      expect(keyboardIds(later[0])).toEqual(MENU);
    }
  });

  it('tells a group that addresses it to write privately, and stays out of group chatter', async () => {
    h = await startTelegram();
    const group = -1001234567890;
    for (const name of ['group-mention.json', 'group-command.json']) {
      const res = await h.post(addressed(name, 0));
      expect(res.statusCode).toBe(200);
    }
    await h.settle();
    expect(h.api.sent(group).map(textOf)).toEqual([t('vi', 'unsupported.group'), t('vi', 'unsupported.group')]);
    expect(h.api.sent(group).every((c) => c.body.reply_markup === undefined)).toBe(true);
  });

  it.each(['group-chatter.json', 'group-service.json', 'private-pinned.json', 'bot-message.json', 'channel-post.json', 'edited-channel-post.json', 'my-chat-member.json', 'message-reaction.json'])(
    'accepts %s with 200 and says nothing',
    async (name) => {
      h = await startTelegram();
      await until(() => h!.api.of('setMyCommands').length === 3);
      const before = h.api.calls.length;
      const res = await h.post(addressed(name, newChatId()));
      expect(res.statusCode).toBe(200);
      await h.settle();
      expect(h.api.calls.slice(before)).toEqual([]);
    },
  );

  it('always answers a callback query, even one it cannot use', async () => {
    h = await startTelegram();
    await until(() => h!.api.of('setMyCommands').length === 3);
    const u = h.user();
    const game = addressed('callback-game.json', u.chatId);
    const inGroup = addressed('callback-query.json', u.chatId, (upd) => {
      ((upd.callback_query as Json).message as Json).chat = { id: -1001234567890, title: 'Hội lao động', type: 'supergroup' };
    });
    await u.send(game);
    expect((await h.post(inGroup)).statusCode).toBe(200);
    await h.settle();
    // Answered beside the turn, not before it.
    await until(() => h!.api.of('answerCallbackQuery').length === 2);
    expect(h.api.of('answerCallbackQuery').map((c) => c.body.callback_query_id)).toEqual([
      (game.callback_query as Json).id,
      (inGroup.callback_query as Json).id,
    ]);
    expect(h.api.sent(-1001234567890)).toEqual([]);
    expect(textOf(h.api.sent(u.chatId)[0]).startsWith(t('vi', 'unsupported.other'))).toBe(true);
  });

  it('acknowledges an update that has an update_id but content it cannot read (200), sends nothing, and logs the field, never the content', async () => {
    const { lines, stream } = captureLogs();
    h = await startTelegram({ logger: createLogger(loadConfig({ LOG_LEVEL: 'info', LOG_SALT: 'test-salt-test-salt' }), stream) });
    const u = h.user();
    const broken: [string, (m: Json) => void][] = [
      ['message.chat', (m) => delete m.chat],
      ['message.chat.id', (m) => ((m.chat as Json).id = 'Nguyễn Văn A')],
      ['message.date', (m) => (m.date = 'hôm qua')],
      ['message.from.is_bot', (m) => ((m.from as Json).is_bot = 'no')],
    ];
    for (const [field, breakIt] of broken) {
      const update = addressed('private-text.json', u.chatId, (upd) => breakIt(upd.message as Json));
      const res = await h.post(update);
      expect(res.statusCode, field).toBe(200);
      const line = lines.map((l) => JSON.parse(l) as Json).find((l) => l.update === update.update_id);
      expect(line, field).toMatchObject({ reason: 'malformed update', field });
    }
    // A callback query whose button data is a number, not a string: acknowledged the same way.
    const press = { update_id: 900000001, callback_query: { id: '4382', from: { id: u.chatId, is_bot: false, first_name: 'Lan' }, data: 7 } };
    expect((await h.post(press)).statusCode).toBe(200);
    await h.settle();
    expect(h.api.sent(u.chatId)).toEqual([]);
    const all = lines.join('\n');
    expect(all).toContain('"field":"callback_query.');
    for (const personal of ['Nguyễn Văn A', 'hôm qua', String(u.chatId), (fixture('private-text.json').message as Json).text as string]) expect(all).not.toContain(personal);
    // A body without update_id is not an update at all: 400, as before.
    expect((await h.post({ message: (fixture('private-text.json') as Json).message })).statusCode).toBe(400);
  });

  it('accepts an update with fields and a message kind it has never seen (200, a polite reply)', async () => {
    h = await startTelegram();
    const u = h.user();
    const update = addressed('private-text.json', u.chatId, (upd) => {
      const m = upd.message as Json;
      delete m.text;
      m.hologram = { file_id: 'HoLoGrAm', file_unique_id: 'x' };
      upd.brand_new_field = { nested: [1, 2, 3] };
    });
    const replies = await u.send(update);
    expect(textOf(replies[0]).startsWith(t('vi', 'unsupported.other'))).toBe(true);
  });
});

describe('Telegram webhook: delivery', () => {
  it('waits out a 429 with a short retry_after and delivers once (auto-retry)', async () => {
    h = await startTelegram();
    const u = h.user();
    h.api.failNext('sendMessage', tooManyRequests(1));
    const replies = await u.start();
    expect(replies).toHaveLength(2);
    expect(replies[1]!.body).toEqual(replies[0]!.body);
    expect(await h.server.store.deadLetters(10)).toEqual([]);
  });

  it('hands a long retry_after back to the outbox, which sends it when the wait is over', async () => {
    h = await startTelegram({ env: { TELEGRAM_MAX_RETRY_DELAY_SECONDS: '0' } });
    const u = h.user();
    h.api.failNext('sendMessage', tooManyRequests(1));
    const replies = await u.start();
    expect(replies).toHaveLength(2);
    expect(replies[1]!.body).toEqual(replies[0]!.body);
    expect(await h.server.store.deadLetters(10)).toEqual([]);
  });

  it('answers 503 while the store is down (Telegram retries), and loses nothing', async () => {
    const store = new FlakyStore();
    h = await startTelegram({ store });
    const u = h.user();
    const update = addressed('start.json', u.chatId);
    store.down = true;
    const res = await h.post(update);
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    store.down = false;
    const replies = await u.send(update);
    expect(replies).toHaveLength(1);
    expect(keyboardIds(replies[0])).toContain('country_JP');
  });
});

describe('Telegram webhook: slow turns', () => {
  it('answers 503 when a turn outlasts the webhook timeout; the redelivery finds it done and sends nothing more', async () => {
    const store = new FlakyStore();
    h = await startTelegram({ store, env: { TELEGRAM_WEBHOOK_TIMEOUT_MS: '1000' } });
    const u = h.user();
    const update = addressed('start.json', u.chatId);
    store.lockDelayMs = 1500;
    const res = await h.post(update);
    expect(res.statusCode).toBe(503);
    store.lockDelayMs = 0;
    await until(() => h!.api.sent(u.chatId).length === 1);
    expect((await h.post(update)).statusCode).toBe(200);
    await h.settle();
    expect(h.api.sent(u.chatId)).toHaveLength(1);
  });
});

describe('Telegram webhook: button presses', () => {
  it('does not wait for answerCallbackQuery: with the API slow to answer it, the reply to the press goes out first', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    const before = h.api.sent(u.chatId).length;
    let repliesWhenAnswered = -1;
    // answerCallbackQuery is held until the reply has gone out, or at most 2 s (under the client's
    // 3 s give-up): a turn that waited for it would find no reply sent when it is answered.
    h.api.behaviour.hold = (method) =>
      method === 'answerCallbackQuery'
        ? Promise.race([until(() => h!.api.sent(u.chatId).length > before, 2000).catch(() => undefined), new Promise((r) => setTimeout(r, 2000))]).then(() => {
            repliesWhenAnswered = h!.api.sent(u.chatId).length - before;
          })
        : undefined;
    const replies = await u.press('country_JP');
    expect(replies.length).toBeGreaterThan(0);
    await until(() => repliesWhenAnswered >= 0);
    expect(h.api.of('answerCallbackQuery')).toHaveLength(1);
    expect(repliesWhenAnswered).toBeGreaterThan(0);
  });
});

describe('Telegram: a person, and erasing', () => {
  it('hands the chat to staff on request, delivers their replies through sendMessage, and returns to the bot on close', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_JP');
    const asked = await u.text('gặp cán bộ');
    expect(asked.map(textOf).join('\n')).toContain(t('vi', 'handoff.requested'));
    const [handoff] = await h.server.handoff.list();
    expect(handoff).toMatchObject({ key: keyOf(u.chatId), status: 'waiting', country: 'JP' });
    const staff = { id: 'lan', name: 'Chị Lan', role: 'agent' as const, missions: [handoff!.mission!] };

    await h.server.handoff.claim(handoff!.id, staff);
    await h.settle();
    expect(textOf(h.api.sent(u.chatId).at(-1))).toContain('Chị Lan');

    // While a person holds the chat the bot stays silent; the words go to the officer.
    expect(await u.text('em bị nợ lương ba tháng')).toEqual([]);
    expect(await u.text('1')).toEqual([]);
    const transcript = await h.server.handoff.transcript(handoff!);
    expect(transcript.map((e) => e.text)).toContain('em bị nợ lương ba tháng');

    await h.server.handoff.reply(handoff!.id, staff, 'Em gửi giúp chị bản hợp đồng nhé.');
    await h.settle();
    const reply = h.api.sent(u.chatId).at(-1)!;
    expect(reply.body).toEqual({
      chat_id: u.chatId,
      text: t('vi', 'handoff.agentSays', { name: 'Chị Lan', text: 'Em gửi giúp chị bản hợp đồng nhé.' }),
      link_preview_options: { is_disabled: true },
    });

    await h.server.handoff.close(handoff!.id, staff);
    await h.settle();
    const back = h.api.sent(u.chatId).at(-1)!;
    expect(textOf(back).startsWith(t('vi', 'handoff.closed'))).toBe(true);
    expect(keyboardIds(back)).toEqual(MENU);
    // The bot answers again, by button.
    const hotlines = await u.press('topic_hotline');
    expect(hotlines.map(textOf).join('\n')).toContain('+84981848484');
  });

  it('/staff asks for a person too', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_TW');
    const asked = await u.send(addressed('command-staff.json', u.chatId));
    expect(asked.map(textOf).join('\n')).toContain(t('vi', 'handoff.requested'));
    expect((await h.server.handoff.list()).map((x) => x.key)).toEqual([keyOf(u.chatId)]);
  });

  it('on erase, deletes the chat’s messages (the bot’s and the user’s) after the confirmation, then says so', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_JP');
    await u.press('topic_hotline');
    await u.text('cảm ơn');
    const confirm = await u.text('/delete');
    expect(confirm.map((c) => c.body)).toEqual([
      {
        chat_id: u.chatId,
        text: t('vi', 'privacy.confirm'),
        link_preview_options: { is_disabled: true },
        reply_markup: {
          inline_keyboard: [
            [
              { text: t('vi', 'privacy.yes'), callback_data: 'erase_yes' },
              { text: t('vi', 'privacy.no'), callback_data: 'erase_no' },
            ],
          ],
        },
      },
    ]);
    const botIds = h.api.sent(u.chatId).map(idOf);
    const userIds = [...u.messageIds];

    const after = await u.press('erase_yes');
    expect(textOf(after[0])).toBe(t('vi', 'privacy.erased'));
    const deletions = h.api.of('deleteMessages');
    expect(deletions.map((c) => c.body)).toEqual([{ chat_id: u.chatId, message_ids: [...userIds, ...botIds].sort((a, b) => a - b) }]);
    // Deleted after the confirmation went out, and the user is told how many.
    expect(h.api.calls.indexOf(deletions[0]!)).toBeGreaterThan(h.api.calls.indexOf(after[0]!));
    expect(after).toHaveLength(2);
    expect(textOf(after[1])).toBe(t('vi', 'telegram.deleted', { n: userIds.length + botIds.length }));

    // Erased with the conversation: nothing but what was sent after the erase remains.
    expect(await h.server.store.getConversation(keyOf(u.chatId))).toBeUndefined();
    const log = await new MessageLog(h.server.store).entries(keyOf(u.chatId));
    expect(log.map((e) => e.id)).toEqual(after.map(idOf));
  });

  it('keeps everything when the user says no', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.text('xoá dữ liệu');
    const kept = await u.press('erase_no');
    expect(textOf(kept[0]).startsWith(t('vi', 'privacy.kept'))).toBe(true);
    const { api } = h;
    // Closing runs any deletion still pending: there must be none.
    await h.close();
    h = undefined;
    expect(api.of('deleteMessages')).toEqual([]);
    expect(api.of('deleteMessage')).toEqual([]);
  });
});

describe('Telegram polling', () => {
  it('reads updates with @grammyjs/runner when TELEGRAM_MODE=polling, after removing the webhook', async () => {
    h = await startTelegram({ env: { TELEGRAM_MODE: 'polling', TELEGRAM_WEBHOOK_SECRET: '' } });
    const chatId = newChatId();
    h.api.queueUpdate(addressed('start.json', chatId));
    await until(() => h!.api.sent(chatId).length === 1, 5000);
    expect(keyboardIds(h.api.sent(chatId)[0])).toContain('country_JP');
    expect(h.api.of('deleteWebhook')).toHaveLength(1);
    expect((await h.post(fixture('start.json'))).statusCode).toBe(404);
  });
});

/** A memory store that can be switched off, as Redis going away looks to the app. */
class FlakyStore extends MemoryStore {
  down = false;
  /** Holds each turn this long before it starts (a slow store, a busy chat). */
  lockDelayMs = 0;
  private check(): void {
    if (this.down) throw new Error('connection lost');
  }
  override async ping(): Promise<boolean> {
    return !this.down;
  }
  override async withLock<T>(key: ConversationKey, opts: LockOptions, fn: (lease: Lease) => Promise<T>): Promise<T> {
    this.check();
    if (this.lockDelayMs > 0 && (opts.scope ?? 'turn') === 'turn') await new Promise((r) => setTimeout(r, this.lockDelayMs));
    return super.withLock(key, opts, fn);
  }
  override async mailboxPush<T>(name: string, key: ConversationKey, item: T, ttlMs: number): Promise<number> {
    this.check();
    return super.mailboxPush(name, key, item, ttlMs);
  }
}
