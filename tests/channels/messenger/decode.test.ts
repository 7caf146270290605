// The webhook on a bare Fastify app with a recording engine: what each signed fixture becomes as an
// InboundMessage, the order one sender's events are handed over in, and the deadline after which
// the platform is asked to send again.
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { activityToInbound, decodeBody, messagingEventSchema, webhookBodySchema } from '../../../src/channels/messenger/decode.ts';
import { createMessengerChannel } from '../../../src/channels/messenger/index.ts';
import type { InboundPort, ReceiveResult } from '../../../src/core/channel.ts';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { silentLog } from '../../../src/core/ports.ts';
import type { Translate } from '../../../src/core/translate.ts';
import { createTranslate } from '../../../src/i18n/index.ts';
import { APP_SECRET, PAGE, PAGE_TOKEN, T0, USER_A, USER_B, VERIFY_TOKEN, fixture, sign, startGraph, type FakeGraph } from './graph.ts';

let graph: FakeGraph;
let translate: Translate;
let app: FastifyInstance | undefined;
beforeAll(async () => {
  graph = await startGraph();
  translate = await createTranslate();
});
afterAll(() => graph.close());
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function webhook(inbound: InboundPort, ackWithinMs?: number) {
  app = Fastify();
  const channel = createMessengerChannel({
    inbound,
    log: silentLog,
    translate,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    pageToken: PAGE_TOKEN,
    apiBase: graph.base,
    ...(ackWithinMs !== undefined ? { ackWithinMs } : {}),
  });
  await channel.register(app);
  const post = async (raw: Buffer, signature = sign(raw)) => {
    const res = await app!.inject({ method: 'POST', url: '/webhooks/messenger', payload: raw, headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature } });
    return res.statusCode;
  };
  return { post, channel };
}

function recorder(handle: (m: InboundMessage) => Promise<ReceiveResult> = async () => 'accepted') {
  const got: InboundMessage[] = [];
  const port: InboundPort = {
    async receive(m) {
      got.push(m);
      return handle(m);
    },
  };
  return { got, port };
}

const keyA = { channel: 'messenger', account: PAGE, user: USER_A };

describe('fixtures as the engine sees them', () => {
  it.each([
    ['text.json', { type: 'text', text: 'thu tuc thanh ly hop dong o nhat' }],
    ['quick-reply.json', { type: 'choice', id: 'lang_vi' }],
    ['postback.json', { type: 'choice', id: 'staff' }],
    ['get-started.json', { type: 'start' }],
    ['image.json', { type: 'unsupported', kind: 'image' }],
    ['sticker.json', { type: 'unsupported', kind: 'sticker' }],
    ['audio.json', { type: 'unsupported', kind: 'audio' }],
    ['video.json', { type: 'unsupported', kind: 'video' }],
    ['file.json', { type: 'unsupported', kind: 'file' }],
    ['location.json', { type: 'unsupported', kind: 'location' }],
    ['fallback.json', { type: 'unsupported', kind: 'other' }],
    ['image-with-text.json', { type: 'text', text: 'chủ giữ hộ chiếu và nhốt tôi trong phòng, cứu tôi' }],
  ])('%s → %j', async (name, payload) => {
    const { got, port } = recorder();
    const { post } = await webhook(port);
    const f = fixture(name);
    expect(await post(f.raw, f.signature)).toBe(200);
    expect(got).toHaveLength(1);
    const event = (JSON.parse(f.raw.toString('utf8')) as { entry: { messaging: { timestamp: number; message?: { mid: string }; postback?: { mid: string } }[] }[] }).entry[0]!.messaging[0]!;
    const { media: _media, ...message } = got[0]!;
    // The platform's order: the timestamp in milliseconds, room for `seq` below it.
    expect(message).toEqual({ id: event.message?.mid ?? event.postback?.mid, key: keyA, receivedAt: event.timestamp, payload, order: event.timestamp * 1000 });
  });

  it('keeps each attachment as media: its kind, the URL to fetch it by, a location\'s coordinates', async () => {
    const { got, port } = recorder();
    const { post } = await webhook(port);
    for (const name of ['image-with-text.json', 'audio.json', 'file.json', 'location.json', 'sticker.json', 'text.json', 'message-edit.json']) {
      const f = fixture(name);
      expect(await post(f.raw, f.signature)).toBe(200);
    }
    const [photo, audio, file, location, sticker, text, edit] = got;
    expect(photo!.media).toEqual([{ kind: 'image', ref: expect.stringMatching(/^https:\/\/scontent\.xx\.fbcdn\.net\//) }]);
    expect(audio!.media).toEqual([{ kind: 'audio', voice: true, ref: expect.stringMatching(/^https:\/\/cdn\.fbsbx\.com\//) }]);
    expect(file!.media).toMatchObject([{ kind: 'file', ref: expect.stringMatching(/^https:/) }]);
    expect(location!.media).toEqual([{ kind: 'location', location: { lat: 35.6895, lon: 139.6917 } }]);
    expect(sticker!.media).toBeUndefined();
    expect(text!.media).toBeUndefined();
    expect(edit).toMatchObject({ id: 'm_AQHRed1It2Ed3Me4Ss5Ag6Ee7Di8Te9Dm0Es1Sa2Ge3Ed4It5Ed6Me7Ss8Ag9Ee#edit1', payload: { type: 'text', text: 'ông chủ đánh em chảy máu, em sợ lắm' } });
  });

  it.each(['echo.json', 'delivery.json', 'read.json', 'standby.json'])('%s is not handed over', async (name) => {
    const { got, port } = recorder();
    const { post } = await webhook(port);
    const f = fixture(name);
    expect(await post(f.raw, f.signature)).toBe(200);
    expect(got).toEqual([]);
  });

  it('reads payloads we never sent as the button\'s words, a referral as the start\'s parameter, an edit as new text', async () => {
    const { got, port } = recorder();
    const { post } = await webhook(port);
    const base = { sender: { id: USER_A }, recipient: { id: PAGE } };
    const body = {
      object: 'page',
      entry: [
        {
          id: PAGE,
          time: T0,
          messaging: [
            { ...base, timestamp: T0 + 1, postback: { mid: 'm_1', title: 'Hỏi về quỹ hỗ trợ', payload: 'x'.repeat(300) } },
            { ...base, timestamp: T0 + 2, postback: { mid: 'm_2', title: 'Get Started', payload: 'GET_STARTED', referral: { ref: 'poster-osaka', source: 'SHORTLINK', type: 'OPEN_THREAD' } } },
            { ...base, timestamp: T0 + 3, message: { mid: 'm_3', text: 'x', quick_reply: { payload: 'y'.repeat(100) } } },
            { ...base, timestamp: T0 + 4, message_edit: { mid: 'm_3', text: 'em sửa lại', num_edit: 1 } },
            { ...base, timestamp: T0 + 5, message: { mid: 'm_5', is_unsupported: true } },
            { ...base, timestamp: T0 + 6, message: { mid: 'm_6', text: '   ' } },
            { ...base, timestamp: T0 + 7, reaction: { mid: 'm_out_1', action: 'react', reaction: 'love', emoji: '❤' } },
            { sender: {}, timestamp: 'soon' },
          ],
        },
      ],
    };
    expect(await post(Buffer.from(JSON.stringify(body)))).toBe(200);
    expect(got.map((m) => [m.id, m.payload])).toEqual([
      ['m_1', { type: 'text', text: 'Hỏi về quỹ hỗ trợ' }],
      ['m_2', { type: 'start', param: 'poster-osaka' }],
      ['m_3', { type: 'text', text: 'x' }],
      ['m_3#edit1', { type: 'text', text: 'em sửa lại' }],
      ['m_5', { type: 'unsupported', kind: 'other' }],
      ['m_6', { type: 'unsupported', kind: 'other' }],
    ]);
  });
});

describe('the platform\'s order', () => {
  it('orders one sender\'s events by timestamp, then by seq within one millisecond', async () => {
    const { got, port } = recorder();
    const { post } = await webhook(port);
    const base = { sender: { id: USER_A }, recipient: { id: PAGE } };
    const events = [
      { ...base, timestamp: T0 + 2, message: { mid: 'm_late', text: 'c' } },
      { ...base, timestamp: T0 + 1, message: { mid: 'm_seq2', text: 'b', seq: 1002 } },
      { ...base, timestamp: T0 + 1, message: { mid: 'm_seq1', text: 'a', seq: 1001 } },
    ];
    for (const e of events) expect(await post(Buffer.from(JSON.stringify({ object: 'page', entry: [{ id: PAGE, time: T0, messaging: [e] }] })))).toBe(200);
    const order = new Map(got.map((m) => [m.id, m.order]));
    expect([...order.keys()].sort((a, b) => order.get(a)! - order.get(b)!)).toEqual(['m_seq1', 'm_seq2', 'm_late']);
  });
});

describe('handing over', () => {
  it('awaits one sender\'s events in timestamp order, and different senders side by side', async () => {
    const log: string[] = [];
    const gates = new Map<string, () => void>();
    const { port } = recorder(async (m) => {
      log.push(`start ${m.key.user}:${m.id}`);
      await new Promise<void>((resolve) => gates.set(m.id, resolve));
      log.push(`end ${m.key.user}:${m.id}`);
      return 'accepted';
    });
    const { post } = await webhook(port);
    const ev = (user: string, mid: string, ts: number) => ({ sender: { id: user }, recipient: { id: PAGE }, timestamp: ts, message: { mid, text: mid } });
    const body = {
      object: 'page',
      entry: [
        { id: PAGE, time: T0, messaging: [ev(USER_A, 'a2', T0 + 20), ev(USER_A, 'a1', T0 + 10)] },
        { id: PAGE, time: T0, messaging: [ev(USER_B, 'b1', T0 + 15), ev(USER_A, 'a3', T0 + 30)] },
      ],
    };
    const status = post(Buffer.from(JSON.stringify(body)));
    const until = async (id: string) => {
      for (let i = 0; i < 200 && !gates.has(id); i++) await new Promise((r) => setTimeout(r, 5));
      expect(gates.has(id), id).toBe(true);
    };
    await until('a1');
    await until('b1');
    // B's event started while A's first was still being handled; A's second waits for A's first.
    expect(log).toEqual(expect.arrayContaining([`start ${USER_A}:a1`, `start ${USER_B}:b1`]));
    expect(log).toHaveLength(2);
    gates.get('a1')!();
    await until('a2');
    gates.get('b1')!();
    gates.get('a2')!();
    await until('a3');
    gates.get('a3')!();
    expect(await status).toBe(200);
    const a = log.filter((l) => l.includes(USER_A));
    expect(a).toEqual(['a1', 'a2', 'a3'].flatMap((id) => [`start ${USER_A}:${id}`, `end ${USER_A}:${id}`]));
  });

  it('asks for a resend (503) when the turns outlast the deadline, and never answers 200 for an event not yet committed', async () => {
    let release: () => void = () => {};
    const { got, port } = recorder(() => new Promise((resolve) => (release = () => resolve('accepted'))));
    const { post, channel } = await webhook(port, 50);
    const f = fixture('text.json');
    expect(await post(f.raw, f.signature)).toBe(503);
    expect(got).toHaveLength(1);
    release();
    await channel.idle();
  });

  it('passes an engine failure on, so the platform resends the body', async () => {
    const { port } = recorder(async () => {
      throw new Error('store unavailable');
    });
    const { post } = await webhook(port);
    const f = fixture('text.json');
    expect(await post(f.raw, f.signature)).toBeGreaterThanOrEqual(500);
  });
});

describe('reading each event once', () => {
  it('hands the event decodeEvent read to activityToInbound, with the same message as a fresh read', () => {
    for (const name of ['text.json', 'batched.json', 'image-with-text.json', 'location.json']) {
      const body = webhookBodySchema.parse(JSON.parse(fixture(name).raw.toString('utf8')));
      const activities = decodeBody(body).flatMap((d) => (d.kind === 'activity' ? [d.activity] : []));
      expect(activities.length, name).toBeGreaterThan(0);
      const again = vi.spyOn(messagingEventSchema, 'parse');
      try {
        const once = activities.map((a) => activityToInbound(a));
        expect(again, name).not.toHaveBeenCalled();
        // A copy of the raw event was never read: the schema reads it, to the same message.
        const fresh = activities.map((a) => activityToInbound({ ...a, channelData: structuredClone(a.channelData) }));
        expect(again).toHaveBeenCalledTimes(activities.length);
        expect(once, name).toEqual(fresh);
      } finally {
        again.mockRestore();
      }
    }
  });
});
