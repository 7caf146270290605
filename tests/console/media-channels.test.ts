// The "done when", on Messenger, the Zalo OA and the Zalo Bot Platform (Telegram's is
// media.test.ts, the web chat takes no files from workers): through each signed webhook, with
// payloads shaped as the platform sends them and the bytes on a local stand-in of its CDN, a voice
// note and a photo sent during a hand-off appear in the console as a player and an image that the
// officer of the mission opens — another mission's officer gets 404 — and the worker's erase,
// through the same webhook, leaves the officer nothing to open. Several attachments in one message
// (Messenger's and the OA's form of an album) get one answer.
import { afterEach, describe, expect, it } from 'vitest';
import { zaloBotKey } from '../../src/channels/zalo/bot/adapter.ts';
import type { ConversationKey } from '../../src/core/messages.ts';
import { buildServer, type Server } from '../../src/server.ts';
import { envelope, messengerServer, PAGE, quickReplyEvent, textEvent, USER_A, type MessengerTestServer } from '../channels/messenger/harness.ts';
import { startFakeZalo, type FakeZalo } from '../channels/zalo/fake-zalo.ts';
import { BOT_TOKEN, botEnv, fixture, OA_ID, oaEnv, postBot, postOa } from '../channels/zalo/harness.ts';
import { startCdn, type Cdn } from '../helpers/cdn.ts';
import { addStaff, Client } from './helpers.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of closers.splice(0).reverse()) await c();
});

const VOICE = Buffer.from('#!AMR voice note of the worker');
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, ...Buffer.from(' photo of the contract')]);

/** One platform, driven through its webhook. */
interface Driver {
  server: Server;
  key: ConversationKey;
  /** The worker sends a voice note, then a photo (the CDN's URLs). */
  sendMedia(voiceUrl: string, photoUrl: string): Promise<void>;
  /** One message carrying two photos; resolves with the number of replies the worker got (absent: the platform sends one photo per event). */
  sendAlbum?(urls: [string, string]): Promise<number>;
  /** The worker asks to erase and confirms. */
  erase(): Promise<void>;
  settle(): Promise<void>;
}

let seq = 0;

async function messenger(cdn: Cdn): Promise<Driver> {
  const s: MessengerTestServer = await messengerServer({ env: { MESSENGER_MEDIA_HOSTS: cdn.origin } });
  closers.push(() => s.shutdown());
  const event = (attachments: unknown[]) => ({ sender: { id: USER_A }, recipient: { id: PAGE }, timestamp: s.clock.now() + ++seq, message: { mid: `m_ch${seq}${'q'.repeat(40)}`, attachments } });
  const post = async (body: Record<string, unknown>) => expect((await s.post(envelope(body))).status).toBe(200);
  return {
    server: s,
    key: { channel: 'messenger', account: PAGE, user: USER_A },
    async sendMedia(voiceUrl, photoUrl) {
      await post(event([{ type: 'audio', payload: { url: voiceUrl } }]));
      await post(event([{ type: 'image', payload: { url: photoUrl } }]));
    },
    async sendAlbum(urls) {
      const before = s.graph.sent().length;
      await post(event(urls.map((url) => ({ type: 'image', payload: { url } }))));
      await s.settle();
      return s.graph.sent().length - before;
    },
    async erase() {
      await post(textEvent(USER_A, 'xoá dữ liệu', s.clock.now() + ++seq));
      await s.settle();
      await post(quickReplyEvent(USER_A, 'erase_yes', 'Có', s.clock.now() + ++seq));
    },
    settle: () => s.settle(),
  };
}

async function zaloOa(cdn: Cdn): Promise<Driver> {
  const fake: FakeZalo = await startFakeZalo();
  const s = await buildServer({ env: oaEnv(fake, { ZALO_MEDIA_HOSTS: cdn.origin }) });
  closers.push(() => fake.close(), () => s.close());
  const user = '4143066041574136869';
  const event = (name: string, message: Record<string, unknown>) => ({
    app_id: '360846524940903967',
    user_id_by_app: '552177279717587730',
    event_name: name,
    timestamp: String(Date.now() + ++seq),
    sender: { id: user },
    recipient: { id: OA_ID },
    message: { msg_id: `oa-ch-${seq}`, ...message },
  });
  const withUrl = (name: string, url: string) => {
    const e = fixture(`oa/${name}.json`);
    const m = e.message as { msg_id: string; attachments: { payload: { url: string } }[] };
    m.attachments[0]!.payload.url = url;
    m.msg_id = `oa-ch-${++seq}`;
    e.timestamp = String(Date.now() + seq);
    return e;
  };
  const post = async (body: Record<string, unknown>) => expect((await postOa(s, body)).statusCode).toBe(200);
  return {
    server: s,
    key: { channel: 'zalo-oa', account: OA_ID, user },
    async sendMedia(voiceUrl, photoUrl) {
      await post(withUrl('user_send_audio', voiceUrl));
      await post(withUrl('user_send_image', photoUrl));
    },
    async sendAlbum(urls) {
      const before = fake.oaSends().length;
      await post(event('user_send_image', { text: '', attachments: urls.map((url) => ({ type: 'image', payload: { thumbnail: url, url } })) }));
      await s.outbox.idle();
      return fake.oaSends().length - before;
    },
    async erase() {
      await post(event('user_send_text', { text: 'xoá dữ liệu' }));
      await s.outbox.idle();
      // The OA button sends its payload back as the user's text.
      await post(event('user_send_text', { text: '#c:erase_yes' }));
    },
    settle: () => s.outbox.idle(),
  };
}

async function zaloBot(cdn: Cdn): Promise<Driver> {
  const fake: FakeZalo = await startFakeZalo();
  const s = await buildServer({ env: botEnv(fake, { ZALO_MEDIA_HOSTS: cdn.origin }) });
  closers.push(() => fake.close(), () => s.close());
  const chat = '6ede9afa66b88fe6d6a9';
  const withUrl = (name: string, field: string, url: string) => {
    const e = fixture(`bot/${name}.json`);
    const m = e.message as Record<string, unknown>;
    m[field] = url;
    m.message_id = `bot-ch-${++seq}`;
    m.date = Date.now() + seq;
    return e;
  };
  const textUpdate = (text: string) => ({
    event_name: 'message.text.received',
    message: { message_id: `bot-ch-${++seq}`, date: Date.now() + seq, chat: { id: chat, chat_type: 'PRIVATE' }, from: { id: chat, display_name: 'Lan' }, text },
  });
  const post = async (body: unknown) => expect((await postBot(s, body)).statusCode).toBe(200);
  return {
    server: s,
    key: zaloBotKey(BOT_TOKEN, chat),
    async sendMedia(voiceUrl, photoUrl) {
      await post(withUrl('voice', 'voice_url', voiceUrl));
      await post(withUrl('image', 'photo_url', photoUrl));
    },
    async erase() {
      await post(textUpdate('xoá dữ liệu'));
      await s.outbox.idle();
      // No buttons: the confirmation is the first of the numbered choices.
      await post(textUpdate('1'));
    },
    settle: () => s.outbox.idle(),
  };
}

const mediaUrls = (body: string) => [...new Set([...body.matchAll(/(?:src|href)="(\/console\/chats\/[^/"]+\/media\/[a-f0-9]{24})"/g)].map((m) => m[1]!))];

describe.each([
  ['Messenger', messenger],
  ['Zalo OA', zaloOa],
  ['Zalo Bot', zaloBot],
] as const)('media in the console on %s', (_name, drive) => {
  it('a voice note and a photo during a hand-off: played and opened by the mission’s officer only; gone after the worker’s erase', async () => {
    const cdn = await startCdn();
    closers.push(() => cdn.close());
    const d = await drive(cdn);
    const s = d.server;
    await s.handoff.open({ key: d.key, reason: 'asked', priority: 'normal', locale: 'vi', country: 'JP', at: Date.now() });
    const [h] = await s.handoff.list();
    await addStaff(s, 'lan', 'agent', [h!.mission!], 'Chị Lan');
    await addStaff(s, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
    const lan = new Client(s);
    expect((await lan.signIn('lan')).statusCode).toBe(303);
    expect((await lan.post(`/console/chats/${h!.id}/claim`)).statusCode).toBe(303);
    await d.settle();

    await d.sendMedia(cdn.put(`/voice/${++seq}.amr`, VOICE, { mime: 'audio/amr' }), cdn.put(`/photo/${++seq}.jpg`, PHOTO, { mime: 'image/jpeg' }));
    await d.settle();

    const page = await lan.get(`/console/chats/${h!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<audio controls preload="metadata" src="\/console\/chats\/[^"]+\/media\/[a-f0-9]{24}"/);
    expect(page.body).toMatch(/<img src="\/console\/chats\/[^"]+\/media\/[a-f0-9]{24}"/);
    const urls = mediaUrls(page.body);
    expect(urls).toHaveLength(2);
    const opened = await Promise.all(urls.map((u) => lan.get(u, '*/*')));
    expect(opened.map((r) => r.statusCode)).toEqual([200, 200]);
    const bodies = opened.map((r) => r.rawPayload);
    expect(bodies.some((b) => b.equals(VOICE))).toBe(true);
    expect(bodies.some((b) => b.equals(PHOTO))).toBe(true);
    // A player seeks in parts.
    const cookie = [...lan.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const part = await s.app.inject({ url: urls[0]!, headers: { cookie, accept: '*/*', range: 'bytes=0-3' }, remoteAddress: lan.address });
    expect(part.statusCode).toBe(206);
    expect(part.rawPayload.length).toBe(4);

    const minh = new Client(s);
    expect((await minh.signIn('minh')).statusCode).toBe(303);
    for (const u of urls) {
      const hidden = await minh.get(u, '*/*');
      expect(hidden.statusCode).toBe(404);
      expect(hidden.rawPayload.includes(VOICE.subarray(0, 8))).toBe(false);
    }
    const audit = (await s.console.services.audit.latest(50)).filter((a) => a.action === 'media');
    expect(audit.map((a) => a.by.id)).toEqual(['lan', 'lan']);

    await s.handoff.close(h!.id, { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] });
    await d.settle();
    await d.erase();
    await d.settle();
    expect((await s.media.kept(d.key)).size).toBe(0);
    expect(await s.store.getConversation(d.key)).toBeUndefined();
    for (const u of urls) expect((await lan.get(u, '*/*')).statusCode).toBe(404);
  });

});

// The Zalo Bot Platform sends one photo per event: it has no albums to answer.
describe.each([
  ['Messenger', messenger],
  ['Zalo OA', zaloOa],
] as const)('an album on %s', (_name, drive) => {
  it('several photos in one message get one answer', async () => {
    const cdn = await startCdn();
    closers.push(() => cdn.close());
    const d = await drive(cdn);
    expect(await d.sendAlbum!([cdn.put('/a/1.jpg', PHOTO), cdn.put('/a/2.jpg', PHOTO)])).toBe(1);
  });
});
