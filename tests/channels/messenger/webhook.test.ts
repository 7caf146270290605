// The Messenger webhook through the real HTTP server: the verification handshake, signatures over
// the raw body, every kind of event in the signed fixtures, batches, redeliveries, and a store that
// is down when the platform calls.
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config.ts';
import type { Store } from '../../../src/core/ports.ts';
import { buildServer } from '../../../src/server.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import {
  PAGE,
  T0,
  USER_A,
  USER_B,
  VERIFY_TOKEN,
  asSent,
  envelope,
  fixture,
  messengerServer,
  payloadsOf,
  postbackEvent,
  sign,
  textEvent,
  textOf,
  type MessengerTestServer,
} from './harness.ts';

let server: MessengerTestServer | undefined;
afterEach(async () => {
  await server?.shutdown();
  server = undefined;
});

const keyA = { channel: 'messenger', account: PAGE, user: USER_A };
const keyB = { channel: 'messenger', account: PAGE, user: USER_B };
const vi = (k: string, vars?: Record<string, unknown>) => server!.translate('vi', k, vars);

describe('configuration', () => {
  it('is off without a page token, and a token without its app secret and verify token stops start-up', async () => {
    const plain = await buildServer({ env: { LOG_LEVEL: 'silent' } });
    try {
      expect((await plain.app.inject({ method: 'POST', url: '/webhooks/messenger', payload: {} })).statusCode).toBe(404);
    } finally {
      await plain.close();
    }
    expect(() => loadConfig({ MESSENGER_PAGE_TOKEN: 'EAAG123' })).toThrow(ConfigError);
    expect(() => loadConfig({ MESSENGER_PAGE_TOKEN: 'EAAG123', MESSENGER_VERIFY_TOKEN: 'v' })).toThrow(/MESSENGER_APP_SECRET/);
    expect(() => loadConfig({ MESSENGER_APP_SECRET: 's', MESSENGER_VERIFY_TOKEN: 'v', MESSENGER_PAGE_TOKEN: 'p', MESSENGER_API_BASE: 'not a url' })).toThrow(/MESSENGER_API_BASE/);
    expect(loadConfig({ MESSENGER_APP_SECRET: 's', MESSENGER_VERIFY_TOKEN: 'v', MESSENGER_PAGE_TOKEN: 'p' }).MESSENGER_API_BASE).toMatch(/^https:\/\/graph\.facebook\.com\/v\d+\.\d+$/);
  });
});

describe('the verification handshake', () => {
  it('echoes the challenge for the right token and refuses anything else with 403', async () => {
    server = await messengerServer();
    const get = (q: string) => server!.app.inject({ url: `/webhooks/messenger?${q}` });
    const ok = await get(`hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1158201444`);
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    expect(ok.headers['content-type']).toMatch(/^text\/plain/);
    for (const q of [
      'hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1',
      `hub.mode=unsubscribe&hub.verify_token=${VERIFY_TOKEN}&hub.challenge=1`,
      `hub.mode=subscribe&hub.challenge=1`,
      `hub.mode=subscribe&hub.verify_token=${VERIFY_TOKEN}`,
      '',
    ]) {
      expect((await get(q)).statusCode, q).toBe(403);
    }
  });
});

describe('signatures', () => {
  it('accepts a fixture signed outside the code under test', async () => {
    server = await messengerServer();
    const res = await server.postFixture('text.json');
    expect(res).toEqual({ status: 200, body: 'EVENT_RECEIVED' });
    expect(server.graph.sent().length).toBeGreaterThan(0);
  });

  it('refuses a missing, malformed or wrong signature with 401 and processes nothing', async () => {
    server = await messengerServer();
    const { raw, signature } = fixture('text.json');
    const tampered = Buffer.from(raw.toString('utf8').replace('thanh ly', 'thanh lý'));
    const attempts: [Buffer, string | null][] = [
      [raw, null],
      [raw, ''],
      [raw, signature.replace('sha256=', 'sha1=')],
      [raw, 'sha256=zz'],
      [raw, sign(raw, 'another-app-secret')],
      [raw, `${signature.slice(0, -1)}${signature.endsWith('0') ? '1' : '0'}`],
      [tampered, signature],
      // The signature of the JSON re-serialised is not the signature of the bytes sent.
      [raw, sign(JSON.stringify(JSON.parse(raw.toString('utf8'))))],
    ];
    for (const [body, sig] of attempts) {
      const res = await server.post(body, { signature: sig });
      expect(res.status, String(sig)).toBe(401);
    }
    await server.settle();
    expect(server.graph.requests).toEqual([]);
    expect(await server.store.getConversation(keyA)).toBeUndefined();
  });

  it('answers broken or strange bodies with a 4xx once the signature holds, never a 5xx', async () => {
    server = await messengerServer();
    const bodies = ['{"object":"page","entry":[', 'not json', '', '[]', '{"object":"page"}', '{"object":"page","entry":"x"}', 'null'];
    for (const b of bodies) {
      const res = await server.post(Buffer.from(b));
      expect(res.status, b).toBeGreaterThanOrEqual(400);
      expect(res.status, b).toBeLessThan(500);
    }
    // Signed but sent as another content type: still read from the raw bytes.
    const plain = await server.post(JSON.stringify(envelope(textEvent(USER_A, 'xin chao', T0))), { contentType: 'text/plain' });
    expect(plain.status).toBe(200);
    // Another product's webhook on the same app: acknowledged, not read.
    const ig = await server.post({ object: 'instagram', entry: [{ id: '1', time: T0, messaging: [textEvent(USER_B, 'hi', T0)] }] });
    expect(ig.status).toBe(200);
    await server.settle();
    expect(await server.store.getConversation(keyB)).toBeUndefined();
    // Too big for one webhook body.
    const huge = await server.post(Buffer.from(JSON.stringify(envelope(textEvent(USER_B, 'a'.repeat(2_000_000), T0)))));
    expect(huge.status).toBe(413);
  });
});

describe('events', () => {
  it('starts with Get Started, reads a quick reply and a postback by their payloads', async () => {
    server = await messengerServer();
    await server.postFixture('get-started.json');
    const [first] = server.graph.sent().map(asSent);
    expect(first).toEqual({
      recipient: { id: USER_A },
      messaging_type: 'RESPONSE',
      message: {
        text: vi('language.prompt'),
        quick_replies: [
          { content_type: 'text', title: vi('language.vi'), payload: 'lang_vi' },
          { content_type: 'text', title: vi('language.en'), payload: 'lang_en' },
        ],
      },
    });
    await server.postFixture('quick-reply.json');
    expect((await server.store.getConversation(keyA))?.locale).toBe('vi');
    const before = server.graph.sent().length;
    await server.postFixture('postback.json');
    const after = server.graph.sent().slice(before).map(asSent);
    // The postback's payload "staff" asked for a person: the hand-off is queued.
    expect(after.map(textOf).join('\n')).toContain(vi('handoff.requested'));
    const [h] = await server.handoff.list();
    expect(h?.key).toEqual(keyA);
  });

  it('skips echoes, receipts and standby events without a word', async () => {
    server = await messengerServer();
    for (const name of ['echo.json', 'delivery.json', 'read.json', 'standby.json']) {
      const res = await server.postFixture(name);
      expect(res.status, name).toBe(200);
    }
    expect(server.graph.requests).toEqual([]);
    expect(await server.store.getConversation(keyA)).toBeUndefined();
  });

  it.each([
    ['image.json', 'image'],
    ['sticker.json', 'sticker'],
    ['audio.json', 'audio'],
    ['video.json', 'video'],
    ['file.json', 'file'],
    ['location.json', 'location'],
    ['fallback.json', 'other'],
  ])('answers %s with the polite "what I can read" reply (%s)', async (name, kind) => {
    server = await messengerServer();
    const res = await server.postFixture(name);
    expect(res.status).toBe(200);
    const sent = server.graph.sent().map(asSent);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((m) => m.recipient.id === USER_A && m.messaging_type === 'RESPONSE')).toBe(true);
    expect(sent.map(textOf).join('\n')).toContain(vi(`unsupported.${kind}`));
  });

  it('handles a batch per event: one sender in timestamp order, every sender answered', async () => {
    server = await messengerServer();
    const res = await server.postFixture('batched.json');
    expect(res.status).toBe(200);
    const sent = server.graph.sent().map(asSent);
    const toA = sent.filter((m) => m.recipient.id === USER_A);
    const toB = sent.filter((m) => m.recipient.id === USER_B);
    // A pressed Get Started, then English (listed first in the body, but later by timestamp).
    expect(payloadsOf(toA[0]!)).toEqual(['lang_vi', 'lang_en']);
    expect(textOf(toA[1]!)).toContain(server.translate('en', 'welcome.text').slice(0, 20));
    expect((await server.store.getConversation(keyA))?.locale).toBe('en');
    // B's question was answered, and B's read receipt ignored.
    expect(toB.length).toBeGreaterThan(0);
    expect(await server.store.getConversation(keyB)).toBeDefined();
  });

  it('drops redeliveries: by mid, and by sender, time and payload when a postback has no mid', async () => {
    server = await messengerServer();
    await server.postFixture('text.json');
    const once = server.graph.sent().length;
    await server.postFixture('text.json');
    expect(server.graph.sent().length).toBe(once);

    const pb = envelope(postbackEvent(USER_B, 'GET_STARTED', 'Bắt đầu', T0 + 5, false));
    expect((await server.post(pb)).status).toBe(200);
    await server.settle();
    const afterFirst = server.graph.sent().length;
    expect(afterFirst).toBeGreaterThan(once);
    expect((await server.post(pb)).status).toBe(200);
    await server.settle();
    expect(server.graph.sent().length).toBe(afterFirst);
    // The same button pressed again later is a new event.
    expect((await server.post(envelope(postbackEvent(USER_B, 'GET_STARTED', 'Bắt đầu', T0 + 9, false)))).status).toBe(200);
    await server.settle();
    expect(server.graph.sent().length).toBeGreaterThan(afterFirst);
  });

  it('reads a long message and answers it', async () => {
    server = await messengerServer();
    const res = await server.post(envelope(textEvent(USER_A, `thu tuc thanh ly hop dong ${'a '.repeat(5000)}`, T0)));
    expect(res.status).toBe(200);
    await server.settle();
    expect(server.graph.sent().length).toBeGreaterThan(0);
  });
});

describe('a store that is down', () => {
  it('answers 503 so the platform resends, and the resend is handled exactly once', async () => {
    const down = { on: false };
    const store = failingStore(new MemoryStore(), down);
    server = await messengerServer({ store });
    const { raw, signature } = fixture('text.json');
    down.on = true;
    const refused = await server.post(raw, { signature });
    expect(refused.status).toBe(503);
    down.on = false;
    await server.settle();
    expect(server.graph.requests).toEqual([]);

    const accepted = await server.post(raw, { signature });
    expect(accepted.status).toBe(200);
    await server.settle();
    const replies = server.graph.sent().length;
    expect(replies).toBeGreaterThan(0);
    await server.post(raw, { signature });
    await server.settle();
    expect(server.graph.sent().length).toBe(replies);
  });
});

/** A store whose every call fails while `down.on` (ping answers false), as Redis does when away. */
function failingStore(inner: Store, down: { on: boolean }): Store {
  return new Proxy(inner, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        if (down.on) return prop === 'ping' ? Promise.resolve(false) : Promise.reject(new Error('store unavailable'));
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
}
