// The real server with the Telegram channel on, its Bot API pointed at a local fake: updates go
// in through POST /webhooks/telegram (the bot's grammY middleware), and what the bot would have sent
// to Telegram is read back from the fake's call log.
import type { LightMyRequestResponse } from 'fastify';
import type { OutboxOptions } from '../../../src/core/outbox.ts';
import type { Clock, Store } from '../../../src/core/ports.ts';
import type { Handoff } from '../../../src/handoff/model.ts';
import type { Logger } from 'pino';
import { buildServer, type Server } from '../../../src/server.ts';
import { FakeBotApi, type ApiCall } from './fake-bot-api.ts';
import { BOT_INFO, TOKEN, addressed, newChatId, type Json } from './fixtures.ts';

export const SECRET = 'test-webhook-secret_0123456789';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

export interface Harness {
  api: FakeBotApi;
  server: Server;
  post(update: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** Waits until every reply committed so far was delivered. */
  settle(): Promise<void>;
  user(chatId?: number): TelegramUser;
  close(): Promise<void>;
}

export async function startTelegram(
  opts: { env?: Record<string, string>; store?: Store; clock?: Clock; /** Shared by several instances. */ api?: FakeBotApi; outbox?: Partial<OutboxOptions>; logger?: Logger } = {},
): Promise<Harness> {
  const api = opts.api ?? (await FakeBotApi.start(TOKEN, BOT_INFO));
  const server = await buildServer({
    env: {
      LOG_LEVEL: 'silent',
      TELEGRAM_BOT_TOKEN: TOKEN,
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_API_ROOT: api.url,
      ...opts.env,
    },
    ...(opts.store ? { store: opts.store } : {}),
    ...(opts.clock ? { clock: opts.clock } : {}),
    ...(opts.outbox ? { outbox: opts.outbox } : {}),
    ...(opts.logger ? { logger: opts.logger } : {}),
  });
  const harness: Harness = {
    api,
    server,
    post: (update, headers = { [SECRET_HEADER]: SECRET }) =>
      server.app.inject({ method: 'POST', url: '/webhooks/telegram', headers, payload: update as Json }),
    settle: () => server.outbox.idle(),
    user: (chatId = newChatId()) => new TelegramUser(harness, chatId),
    async close() {
      await server.close();
      if (!opts.api) await api.close();
    },
  };
  return harness;
}

/** One person in a private chat with the bot. */
export class TelegramUser {
  /** The ids of the messages this user sent (what Telegram would show in the chat). */
  readonly messageIds: number[] = [];
  /** How many buttons this user pressed. */
  presses = 0;

  constructor(
    private readonly h: Harness,
    readonly chatId: number,
  ) {}

  /** Posts an update, expects 200, waits for delivery, and returns what the bot sent this chat. */
  async send(update: Json): Promise<ApiCall[]> {
    const before = this.h.api.sent(this.chatId).length;
    const res = await this.h.post(update);
    if (res.statusCode !== 200) throw new Error(`webhook answered ${res.statusCode}: ${res.body}`);
    const m = update.message as Json | undefined;
    if (m) this.messageIds.push(m.message_id as number);
    if (update.callback_query) this.presses++;
    await this.h.settle();
    return this.h.api.sent(this.chatId).slice(before);
  }

  text(text: string): Promise<ApiCall[]> {
    return this.send(addressed('private-text.json', this.chatId, (u) => ((u.message as Json).text = text)));
  }

  start(payload?: string): Promise<ApiCall[]> {
    return this.send(
      addressed('start.json', this.chatId, (u) => {
        if (payload) (u.message as Json).text = `/start ${payload}`;
      }),
    );
  }

  /** Presses a button of the last keyboard the bot sent to this chat (whoever made it send it). */
  press(data: string): Promise<ApiCall[]> {
    const last = this.lastKeyboard();
    if (!last || !keyboardIds(last).includes(data)) throw new Error(`no button ${data} in ${JSON.stringify(keyboardIds(last))}`);
    const messageId = (last.result as { message_id: number }).message_id;
    return this.send(
      addressed('callback-query.json', this.chatId, (u) => {
        const q = u.callback_query as Json;
        q.data = data;
        (q.message as Json).message_id = messageId;
      }),
    );
  }

  /**
   * Starts a chat in `country`, asks for an officer, and has Chị Lan of its mission take it: the
   * state in which a worker's media is kept for the officer. Returns the hand-off.
   */
  async heldByOfficer(country = 'JP'): Promise<Handoff> {
    await this.start();
    await this.press(`country_${country}`);
    await this.text('gặp cán bộ');
    const [handoff] = await this.h.server.handoff.list();
    await this.h.server.handoff.claim(handoff!.id, { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [handoff!.mission!] });
    await this.h.settle();
    return (await this.h.server.handoff.get(handoff!.id))!;
  }

  /** The choice ids of the last keyboard, in the order they were shown. */
  buttons(): string[] {
    return keyboardIds(this.lastKeyboard());
  }

  private lastKeyboard(): ApiCall | undefined {
    return this.h.api.sent(this.chatId).findLast((c) => c.result !== undefined && c.body.reply_markup !== undefined);
  }
}

export const keyboardIds = (call: ApiCall | undefined): string[] =>
  ((call?.body.reply_markup as { inline_keyboard: { callback_data: string }[][] } | undefined)?.inline_keyboard ?? [])
    .flat()
    .map((b) => b.callback_data);
