// Every webhook of one server (Telegram, Messenger, Zalo Bot, Zalo OA, and the web chat), all
// channels on at once, fed thousands of random and malformed bodies, correctly signed and not:
// each is answered with a 2xx or a 4xx — never a 5xx — and afterwards the server still answers a
// real message on every channel. The platforms' APIs are one local stand-in that accepts anything.
import { createHash, createHmac } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type Server } from '../../src/server.ts';

const TG_SECRET = 'fuzz-telegram-secret-0123';
const FB_SECRET = 'fuzz-messenger-app-secret';
const ZB_SECRET = 'fuzz-zalo-bot-secret';
const OA_APP = '360846524940903967';
const OA_KEY = 'fuzz-oa-secret-key';

let server: Server;
let platform: HttpServer;
let calls = 0;

beforeAll(async () => {
  platform = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      // One body every platform's client reads as success.
      res.end(JSON.stringify({ ok: true, result: { message_id: calls, date: 0, chat: { id: 1, type: 'private' } }, error: 0, message: 'Success', data: { message_id: `m${calls}` }, recipient_id: '1', message_id: `mid.${calls}` }));
    });
  });
  await new Promise<void>((r) => platform.listen(0, '127.0.0.1', () => r()));
  const addr = platform.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  server = await buildServer({
    env: {
      LOG_LEVEL: 'silent',
      WEB_RATE_LIMIT_PER_MINUTE: '1000000',
      FLOOD_MAX_PER_MINUTE: '1000000',
      TELEGRAM_BOT_TOKEN: '123456789:AAfuzzfuzzfuzzfuzzfuzzfuzzfuzz',
      TELEGRAM_WEBHOOK_SECRET: TG_SECRET,
      TELEGRAM_API_ROOT: base,
      MESSENGER_APP_SECRET: FB_SECRET,
      MESSENGER_VERIFY_TOKEN: 'fuzz-verify',
      MESSENGER_PAGE_TOKEN: 'fuzz-page-token',
      MESSENGER_API_BASE: base,
      ZALO_BOT_TOKEN: '1234567:fuzz-zalo-bot-token',
      ZALO_BOT_WEBHOOK_SECRET: ZB_SECRET,
      ZALO_BOT_API_BASE: base,
      ZALO_APP_ID: OA_APP,
      ZALO_OA_SECRET_KEY: OA_KEY,
      ZALO_APP_SECRET: 'fuzz-app-secret',
      ZALO_OA_ACCESS_TOKEN: 'fuzz-access',
      ZALO_OA_REFRESH_TOKEN: 'fuzz-refresh',
      ZALO_OA_API_BASE: base,
      ZALO_OAUTH_BASE: base,
    },
  });
}, 30_000);

afterAll(async () => {
  await server?.close();
  await new Promise((r) => platform.close(r));
});

type Endpoint = 'telegram' | 'messenger' | 'zalo-bot' | 'zalo-oa' | 'web';

/** Headers that authenticate this raw body on this endpoint (or a wrong version of them). */
function headers(endpoint: Endpoint, raw: string, signed: boolean): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json' };
  const wrong = (s: string) => (signed ? s : `${s}x`);
  if (endpoint === 'telegram') h['x-telegram-bot-api-secret-token'] = wrong(TG_SECRET);
  if (endpoint === 'zalo-bot') h['x-bot-api-secret-token'] = wrong(ZB_SECRET);
  if (endpoint === 'messenger') h['x-hub-signature-256'] = `sha256=${createHmac('sha256', signed ? FB_SECRET : 'nope').update(raw).digest('hex')}`;
  if (endpoint === 'zalo-oa') {
    let ts = '';
    try {
      const t = (JSON.parse(raw) as { timestamp?: unknown }).timestamp;
      ts = typeof t === 'string' || typeof t === 'number' ? String(t) : '';
    } catch {
      // not JSON: any signature will do, it must still be a 4xx
    }
    h['x-zevent-signature'] = `mac=${createHash('sha256').update(OA_APP + raw + ts + (signed ? OA_KEY : 'nope')).digest('hex')}`;
  }
  return h;
}

const PATHS: Record<Endpoint, string> = {
  telegram: '/webhooks/telegram',
  messenger: '/webhooks/messenger',
  'zalo-bot': '/webhooks/zalo-bot',
  'zalo-oa': '/webhooks/zalo-oa',
  web: '/api/chat/messages',
};

const text = fc.oneof(fc.string({ maxLength: 200 }), fc.constantFrom('menu', '1', 'cuu toi', 'dang ky ve nuoc', '/start', 'xoa du lieu', ''), fc.string({ minLength: 5000, maxLength: 12_000 }));
const id = fc.oneof(fc.integer(), fc.string({ maxLength: 20 }), fc.constant(null));

/** Bodies shaped like each platform's, with random (often wrong) values inside. */
const shaped: Record<Endpoint, fc.Arbitrary<unknown>> = {
  telegram: fc.record(
    {
      update_id: id,
      message: fc.record({ message_id: id, date: id, chat: fc.record({ id, type: fc.constantFrom('private', 'group', 'channel', 'x') }, { requiredKeys: [] }), from: fc.anything(), text }, { requiredKeys: [] }),
      callback_query: fc.record({ id, data: fc.string({ maxLength: 80 }), from: fc.anything(), message: fc.anything() }, { requiredKeys: [] }),
      edited_message: fc.anything(),
    },
    { requiredKeys: [] },
  ),
  messenger: fc.record(
    {
      object: fc.constantFrom('page', 'instagram', 'x'),
      entry: fc.array(
        fc.record({ id, time: id, messaging: fc.array(fc.record({ sender: fc.record({ id }), recipient: fc.anything(), timestamp: id, message: fc.record({ mid: id, text, quick_reply: fc.anything(), attachments: fc.anything(), is_echo: fc.boolean() }, { requiredKeys: [] }), postback: fc.anything() }, { requiredKeys: [] }), { maxLength: 3 }) }, { requiredKeys: [] }),
        { maxLength: 3 },
      ),
    },
    { requiredKeys: [] },
  ),
  'zalo-bot': fc.record(
    { ok: fc.boolean(), result: fc.anything(), event_name: fc.string({ maxLength: 40 }), message: fc.record({ message_id: id, chat: fc.record({ id, chat_type: fc.string() }, { requiredKeys: [] }), from: fc.anything(), text }, { requiredKeys: [] }) },
    { requiredKeys: [] },
  ),
  'zalo-oa': fc.record(
    { app_id: fc.oneof(fc.constant(OA_APP), id), event_name: fc.constantFrom('user_send_text', 'user_send_image', 'follow', 'unfollow', 'oa_send_text', 'x'), timestamp: fc.oneof(fc.integer({ min: 0 }).map(String), id), sender: fc.record({ id }), recipient: fc.anything(), message: fc.record({ msg_id: id, text, attachments: fc.anything() }, { requiredKeys: [] }) },
    { requiredKeys: [] },
  ),
  web: fc.record({ user: fc.oneof(fc.stringMatching(/^[A-Za-z0-9_-]{8,20}$/), fc.string()), id: fc.oneof(fc.stringMatching(/^[A-Za-z0-9]{1,20}$/), fc.string()), text, choice: fc.string({ maxLength: 70 }), start: fc.boolean(), locale: fc.constantFrom('vi', 'en', 'fr') }, { requiredKeys: [] }),
};

/** A raw body: platform-shaped, any JSON value, or not JSON at all. */
const body = (endpoint: Endpoint) =>
  fc.oneof(
    { weight: 5, arbitrary: shaped[endpoint].map((v) => JSON.stringify(v)) },
    { weight: 2, arbitrary: fc.jsonValue().map((v) => JSON.stringify(v)) },
    { weight: 1, arbitrary: fc.string({ maxLength: 300 }) },
    { weight: 1, arbitrary: fc.constantFrom('', '{', '{"a":', 'null', '[]', '\u0000', '{"update_id": 1e999}') },
  );

describe('every webhook under random input', () => {
  for (const endpoint of Object.keys(PATHS) as Endpoint[]) {
    it(`${endpoint}: never a 5xx, signed or not`, async () => {
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(body(endpoint), fc.boolean(), async (raw, signed) => {
          const res = await server.app.inject({ method: 'POST', url: PATHS[endpoint], payload: raw, headers: headers(endpoint, raw, signed) });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          expect(res.statusCode, `${endpoint} ${signed ? 'signed' : 'unsigned'} ${raw.slice(0, 120)}`).toBeLessThan(500);
        }),
        { numRuns: 450 },
      );
      // The run reached the code behind the checks, not only the signature check.
      expect([...statuses.keys()].some((s) => s >= 200 && s < 300), JSON.stringify([...statuses])).toBe(true);
      expect([...statuses.keys()].some((s) => s >= 400), JSON.stringify([...statuses])).toBe(true);
    }, 120_000);
  }

  it('still answers real messages on every channel afterwards', async () => {
    expect((await server.app.inject({ url: '/healthz' })).statusCode).toBe(200);
    const before = calls;
    const tg = JSON.stringify({ update_id: 9_000_001, message: { message_id: 1, date: 1, chat: { id: 4242, type: 'private' }, from: { id: 4242, is_bot: false, first_name: 'Lan' }, text: 'menu' } });
    expect((await server.app.inject({ method: 'POST', url: PATHS.telegram, payload: tg, headers: headers('telegram', tg, true) })).statusCode).toBe(200);
    const web = await server.app.inject({ method: 'POST', url: PATHS.web, payload: { user: 'after-fuzz-user', id: 'x1', text: 'menu' } });
    expect(web.statusCode).toBe(200);
    expect((web.json() as { messages: unknown[] }).messages.length).toBeGreaterThan(0);
    await server.outbox.idle();
    expect(calls).toBeGreaterThan(before);
  });
});
