// Driving the real server as Zalo would: signed webhook calls in, replies read back from the fake
// Zalo at the configured bases, seen as a user sees them (text, and the options they can tap or
// type). Navigation is by what the user sees, never by article wording.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { oaSignature } from '../../../src/channels/zalo/oa/signature.ts';
import type { Server } from '../../../src/server.ts';
import type { FakeZalo } from './fake-zalo.ts';

export const BOT_TOKEN = '1234567:bot-test-token';
export const BOT_SECRET = 'webhook-secret-1';
export const OA_APP_ID = '360846524940903967';
export const OA_ID = '579745863508352884';
export const OA_SECRET_KEY = 'oa-secret-key';

/** A small PDF with bytes that a text round trip would change (exact-bytes checks). */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n\u00e2\u00e3 binary \u0000\u00ff tail\n%%EOF\n', 'latin1');

export const fixture = (path: string): Record<string, unknown> =>
  JSON.parse(readFileSync(new URL(`../../fixtures/zalo/${path}`, import.meta.url), 'utf8')) as Record<string, unknown>;

export const rawFixture = (path: string): string => readFileSync(new URL(`../../fixtures/zalo/${path}`, import.meta.url), 'utf8');

export function botEnv(fake: FakeZalo, extra: Record<string, string> = {}): Record<string, string> {
  return { LOG_LEVEL: 'silent', ZALO_BOT_TOKEN: BOT_TOKEN, ZALO_BOT_WEBHOOK_SECRET: BOT_SECRET, ZALO_BOT_API_BASE: fake.base, ...extra };
}

export function oaEnv(fake: FakeZalo, extra: Record<string, string> = {}): Record<string, string> {
  return {
    LOG_LEVEL: 'silent',
    ZALO_APP_ID: OA_APP_ID,
    ZALO_OA_SECRET_KEY: OA_SECRET_KEY,
    ZALO_APP_SECRET: 'app-secret',
    ZALO_OA_ACCESS_TOKEN: 'access-1',
    ZALO_OA_REFRESH_TOKEN: 'refresh-1',
    ZALO_OA_API_BASE: fake.base,
    ZALO_OAUTH_BASE: fake.base,
    ...extra,
  };
}

/** What the user can do with a message: tap a button (its payload) or type a digit. */
export interface Option {
  label: string;
  /** What the user's app sends back when they pick it. */
  answer: string;
}

export interface Reply {
  text: string;
  options: Option[];
}

export function numbered(text: string): Option[] {
  return [...text.matchAll(/^(\d{1,2})\. (.+)$/gm)].map((m) => ({ label: m[2]!.trim(), answer: m[1]! }));
}

export interface Chat {
  /** Sends a text as the user; resolves with the replies delivered to the platform. */
  say(text: string): Promise<Reply[]>;
}

/** Posts a Bot Platform update for `chatId` and reads back what sendMessage received. */
export function botChat(server: Server, fake: FakeZalo, chatId: string): Chat {
  let n = 0;
  return {
    async say(text) {
      const before = fake.botTexts().length;
      const update = {
        event_name: 'message.text.received',
        message: { message_id: `${chatId}-${++n}`, date: Date.now(), chat: { id: chatId, chat_type: 'PRIVATE' }, from: { id: chatId, display_name: 'Lan' }, text },
      };
      const res = await postBot(server, update);
      expect(res.statusCode).toBe(200);
      await server.outbox.idle();
      return fake.botTexts().slice(before).map((t) => ({ text: t, options: numbered(t) }));
    },
  };
}

export function postBot(server: Server, body: unknown, headers: Record<string, string> = { 'x-bot-api-secret-token': BOT_SECRET }) {
  return server.app.inject({
    method: 'POST',
    url: '/webhooks/zalo-bot',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Signs a raw OA event body as Zalo does; `timestamp` must be the one inside the body. */
export function signOa(raw: string, timestamp: string, secret = OA_SECRET_KEY): string {
  return oaSignature(OA_APP_ID, raw, timestamp, secret);
}

export function postOa(server: Server, event: Record<string, unknown> | string, signature?: string | null) {
  const raw = typeof event === 'string' ? event : JSON.stringify(event);
  let timestamp = '';
  try {
    timestamp = String((JSON.parse(raw) as { timestamp?: unknown }).timestamp ?? '');
  } catch {
    // broken JSON on purpose: signed with an empty timestamp
  }
  const sig = signature === undefined ? `mac=${signOa(raw, timestamp)}` : signature;
  return server.app.inject({
    method: 'POST',
    url: '/webhooks/zalo-oa',
    headers: { 'content-type': 'application/json', ...(sig === null ? {} : { 'x-zevent-signature': sig }) },
    payload: raw,
  });
}

export interface OaChat extends Chat {
  follow(): Promise<Reply[]>;
  /** The msg_id of the user's last message. */
  lastMsgId(): string;
}

/** Sends OA webhook events from user `userId` and reads back what /message/cs accepted. */
export function oaChat(server: Server, fake: FakeZalo, userId: string, clock: () => number = Date.now): OaChat {
  let n = 0;
  let last = '';
  async function send(event: Record<string, unknown>): Promise<Reply[]> {
    const before = fake.oaSends().length;
    const res = await postOa(server, event);
    expect(res.statusCode).toBe(200);
    await server.outbox.idle();
    return fake.oaSends().slice(before).map((r) => {
      const message = r.body.message as { text: string; attachment?: { payload: { buttons: { title: string; payload: string }[] } } };
      const buttons = message.attachment?.payload.buttons;
      return {
        text: message.text,
        options: buttons ? buttons.map((b) => ({ label: b.title, answer: b.payload })) : numbered(message.text),
      };
    });
  }
  return {
    async say(text) {
      last = `${userId.slice(-6)}msg${++n}`;
      return send({
        app_id: OA_APP_ID,
        user_id_by_app: `app-${userId}`,
        event_name: 'user_send_text',
        timestamp: String(clock()),
        sender: { id: userId },
        recipient: { id: OA_ID },
        message: { text, msg_id: last },
      });
    },
    follow() {
      return send({ oa_id: OA_ID, follower: { id: userId }, user_id_by_app: `app-${userId}`, event_name: 'follow', source: 'oa_profile', app_id: OA_APP_ID, timestamp: String(clock()) });
    },
    lastMsgId: () => last,
  };
}

export const pick = (reply: Reply | undefined, label: string): string => {
  const found = reply?.options.find((o) => o.label === label);
  if (!found) throw new Error(`no option "${label}" in: ${reply?.options.map((o) => o.label).join(' | ')}`);
  return found.answer;
};

/**
 * Opens every topic of the main menu and follows its first options (or the country asked for)
 * until the dialogue offers the way back to the menu, or shows the menu again: the topic was
 * answered (or said it is still being written). Returns the texts seen per topic.
 */
export async function walkEveryTopic(chat: Chat, labels: { menu: string; staff: string; country: string }): Promise<Map<string, string[]>> {
  const seen = new Map<string, string[]>();
  const menu = (await chat.say('menu')).at(-1)!;
  const topics = menu.options.filter((o) => o.label !== labels.staff);
  expect(topics.length).toBeGreaterThanOrEqual(4);
  const atMenu = (r: Reply | undefined) =>
    !!r && (r.options.some((o) => o.label === labels.menu) || topics.every((t) => r.options.some((o) => o.label === t.label)));
  for (const topic of topics) {
    const start = (await chat.say('menu')).at(-1)!;
    let replies = await chat.say(pick(start, topic.label));
    expect(replies.length, `topic ${topic.label} got no answer`).toBeGreaterThan(0);
    const texts = replies.map((r) => r.text);
    for (let step = 0; step < 8 && !atMenu(replies.at(-1)); step++) {
      const last = replies.at(-1);
      expect(last?.options.length, `topic ${topic.label} stopped without a way on: ${last?.text.slice(0, 80)}`).toBeGreaterThan(0);
      const country = last!.options.find((o) => o.label === labels.country);
      replies = await chat.say((country ?? last!.options[0]!).answer);
      texts.push(...replies.map((r) => r.text));
    }
    expect(atMenu(replies.at(-1)), `topic ${topic.label} never led back to the menu`).toBe(true);
    seen.set(topic.label, texts);
  }
  return seen;
}
