// Random and malformed bodies to both Zalo webhooks, authenticated and not: the answer is always
// a 2xx or a 4xx, never a 5xx, and the server keeps working. Also a 10 kB message is answered.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildServer, type Server } from '../../../src/server.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';
import { BOT_SECRET, botEnv, oaEnv, postBot, postOa, signOa } from './harness.ts';

let server: Server;
let fake: FakeZalo;
beforeAll(async () => {
  fake = await startFakeZalo();
  server = await buildServer({ env: { ...botEnv(fake), ...oaEnv(fake) } });
});
afterAll(async () => {
  await server.close();
  await fake.close();
});

const id = fc.oneof(fc.string({ maxLength: 30 }), fc.integer(), fc.constant(null));
const botUpdate = fc.record(
  {
    event_name: fc.oneof(fc.constantFrom('message.text.received', 'message.image.received', 'message.sticker.received', 'message.unsupported.received'), fc.string()),
    message: fc.oneof(
      fc.record(
        {
          message_id: id,
          chat: fc.oneof(fc.record({ id, chat_type: fc.constantFrom('PRIVATE', 'GROUP', 'x') }, { requiredKeys: [] }), fc.anything()),
          from: fc.anything(),
          text: fc.oneof(fc.string({ maxLength: 300 }), fc.anything()),
          date: fc.oneof(fc.integer(), fc.string()),
        },
        { requiredKeys: [] },
      ),
      fc.anything(),
    ),
  },
  { requiredKeys: [] },
);
const oaEvent = fc.record(
  {
    app_id: id,
    event_name: fc.oneof(fc.constantFrom('user_send_text', 'user_send_image', 'follow', 'unfollow', 'oa_send_text', 'user_submit_info'), fc.string()),
    timestamp: fc.oneof(fc.integer({ min: 0 }).map(String), fc.integer()),
    sender: fc.oneof(fc.record({ id }, { requiredKeys: [] }), fc.anything()),
    recipient: fc.oneof(fc.record({ id }, { requiredKeys: [] }), fc.anything()),
    follower: fc.anything(),
    message: fc.oneof(fc.record({ text: fc.string({ maxLength: 300 }), msg_id: id, attachments: fc.anything() }, { requiredKeys: [] }), fc.anything()),
  },
  { requiredKeys: ['timestamp'] },
);

const noServerError = (status: number) => status < 500;

describe('zalo webhooks under random input', () => {
  it('zalo-bot: random updates with the right secret, random bodies without it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(botUpdate, fc.record({ ok: fc.boolean(), result: fc.oneof(botUpdate, fc.array(botUpdate, { maxLength: 3 })) })), async (body) => {
        expect(noServerError((await postBot(server, body)).statusCode)).toBe(true);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), fc.option(fc.string({ maxLength: 40 })), async (raw, secret) => {
        const res = await postBot(server, raw, secret === null ? {} : { 'x-bot-api-secret-token': secret });
        expect([400, 401]).toContain(res.statusCode);
      }),
      { numRuns: 200 },
    );
  });

  it('zalo-oa: random signed events, random unsigned bodies', async () => {
    await fc.assert(
      fc.asyncProperty(oaEvent, async (event) => {
        expect(noServerError((await postOa(server, event)).statusCode)).toBe(true);
      }),
      { numRuns: 300 },
    );
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 500 }), fc.option(fc.string({ maxLength: 80 })), async (raw, sig) => {
        const res = await postOa(server, raw, sig);
        expect([400, 401]).toContain(res.statusCode);
      }),
      { numRuns: 200 },
    );
    await server.outbox.idle();
    expect((await server.app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });

  it('answers a 10 kB message on both', async () => {
    const long = `thanh ly hop dong ${'a '.repeat(5000)}`;
    const before = fake.botTexts().length;
    const bot = await postBot(server, { event_name: 'message.text.received', message: { message_id: 'long-1', chat: { id: 'long-chat', chat_type: 'PRIVATE' }, from: { id: 'long-chat' }, text: long } });
    expect(bot.statusCode).toBe(200);
    const event = { app_id: '1', event_name: 'user_send_text', timestamp: '1750316131602', sender: { id: '99887766' }, recipient: { id: '579745863508352884' }, message: { text: long, msg_id: 'long-oa-1' } };
    const raw = JSON.stringify(event);
    const oa = await postOa(server, raw, signOa(raw, event.timestamp));
    expect(oa.statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.botTexts().length).toBeGreaterThan(before);
    expect(fake.oaSends().some((s) => (s.body.recipient as { message_id?: string }).message_id === 'long-oa-1')).toBe(true);
  });
});
