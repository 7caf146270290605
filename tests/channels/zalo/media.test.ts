// Zalo through the webhooks: people who write to the OA without following it (anonymous_send_*)
// are a conversation answered in their anonymous conversation; words sent with an attachment are
// read for danger; and while an officer holds the chat, an OA attachment or a Bot Platform voice
// note is fetched from Zalo's CDN (a local stand-in) and kept, a 30 MB file refused whole with a
// clear line, and no other host ever fetched.
import { afterEach, describe, expect, it } from 'vitest';
import { zaloBotKey } from '../../../src/channels/zalo/bot/adapter.ts';
import type { ConversationKey } from '../../../src/core/messages.ts';
import type { Staff } from '../../../src/handoff/model.ts';
import { buildServer, type Server } from '../../../src/server.ts';
import { expectEmergencyRaised, watchConsole, type AlertWatch } from '../../helpers/alerts.ts';
import { startCdn, type Cdn } from '../../helpers/cdn.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';
import { BOT_TOKEN, botEnv, fixture, OA_ID, oaEnv, postBot, postOa } from './harness.ts';

let server: Server | undefined;
let fake: FakeZalo | undefined;
let cdn: Cdn | undefined;
let watch: AlertWatch | undefined;
afterEach(async () => {
  watch?.stop();
  await server?.close();
  await fake?.close();
  await cdn?.close();
  server = undefined;
  fake = undefined;
  cdn = undefined;
  watch = undefined;
});

const ANON = { anonymous_id: 'a9f0c3e2b1d84e7f', conversation_id: 'c2b8f1d0e4a6' };
const FOLLOWER = '4143066041574136869';
const textOf = (r: { body: Record<string, unknown> }) => String((r.body.message as { text: string }).text);

async function held(s: Server, key: ConversationKey): Promise<{ id: string; staff: Staff }> {
  await s.handoff.open({ key, reason: 'asked', priority: 'normal', locale: 'vi', country: 'TW', at: Date.now() });
  const h = (await s.handoff.list()).find((x) => x.key.user === key.user)!;
  const staff: Staff = { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h.mission!] };
  await s.handoff.claim(h.id, staff);
  await s.outbox.idle();
  return { id: h.id, staff };
}

describe('Zalo OA: people who write without following the OA', () => {
  it('are answered through the anonymous message call, in their conversation, never by user_id', async () => {
    fake = await startFakeZalo();
    server = await buildServer({ env: oaEnv(fake) });
    expect((await postOa(server, fixture('oa/anonymous_send_text.json'))).statusCode).toBe(200);
    await server.outbox.idle();
    const sent = fake.anonymousSends();
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) expect(r.body.recipient).toEqual(ANON);
    expect(fake.oaCalls()).toEqual([]);
    // Their conversation is kept like any other, under both ids.
    const key = { channel: 'zalo-oa', account: OA_ID, user: `anon.${ANON.anonymous_id}.${ANON.conversation_id}` };
    expect(await server.store.getConversation(key)).toBeDefined();
    // A redelivery changes nothing.
    const before = fake.anonymousSends().length;
    expect((await postOa(server, fixture('oa/anonymous_send_text.json'))).statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.anonymousSends().length).toBe(before);
  });

  it('an anonymous image sent with words asking for help raises the emergency and alerts the console', async () => {
    fake = await startFakeZalo();
    server = await buildServer({ env: oaEnv(fake) });
    watch = watchConsole(server);
    expect((await postOa(server, fixture('oa/anonymous_send_image.json'))).statusCode).toBe(200);
    await server.outbox.idle();
    await expectEmergencyRaised(server, watch, fake.anonymousSends().map(textOf), `anon.${ANON.anonymous_id}.${ANON.conversation_id}`, ['unsupported.image', 'media.offer.image']);
  });

  it('an anonymous event without a conversation id is acknowledged and not answered', async () => {
    fake = await startFakeZalo();
    server = await buildServer({ env: oaEnv(fake) });
    const event = fixture('oa/anonymous_send_text.json');
    delete (event.message as Record<string, unknown>).conversation_id;
    expect((await postOa(server, event)).statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.requests.filter((r) => r.path.includes('/oa/message'))).toEqual([]);
  });
});

describe('Zalo OA: words with an attachment are read for danger', () => {
  it('a file sent with words asking for help raises the emergency and alerts the console', async () => {
    fake = await startFakeZalo();
    server = await buildServer({ env: oaEnv(fake) });
    watch = watchConsole(server);
    expect((await postOa(server, fixture('oa/user_send_file_text.json'))).statusCode).toBe(200);
    await server.outbox.idle();
    await expectEmergencyRaised(server, watch, fake.oaTexts(), FOLLOWER, ['unsupported.file', 'media.offer.file']);
  });
});

describe('Zalo media while an officer holds the chat', () => {
  it('OA: keeps a voice note and a photo from the CDN, refuses a 30 MB file whole, fetches no other host', async () => {
    fake = await startFakeZalo();
    cdn = await startCdn();
    server = await buildServer({ env: oaEnv(fake, { ZALO_MEDIA_HOSTS: cdn.origin }) });
    const key = { channel: 'zalo-oa', account: OA_ID, user: FOLLOWER };
    const { id } = await held(server, key);
    const voice = Buffer.from('#!AMR voice note bytes');
    const voiceUrl = cdn.put('/voice/note.amr', voice, { mime: 'audio/amr' });
    const photoUrl = cdn.put('/photo/p.jpg', Buffer.from('JFIF photo'), { mime: 'image/jpeg' });
    const bigUrl = cdn.put('/files/passport-scan.pdf', Buffer.alloc(30 * 1024 * 1024), { mime: 'application/pdf' });
    const before = fake.oaTexts().length;

    const audio = fixture('oa/user_send_audio.json');
    (audio.message as { attachments: { payload: { url: string } }[] }).attachments[0]!.payload.url = voiceUrl;
    const image = fixture('oa/user_send_image.json');
    (image.message as { attachments: { payload: { url: string } }[] }).attachments[0]!.payload.url = photoUrl;
    expect((await postOa(server, audio)).statusCode).toBe(200);
    expect((await postOa(server, image)).statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.oaTexts().length).toBe(before);

    const h = (await server.handoff.get(id))!;
    const items = (await server.handoff.transcript(h)).flatMap((e) => e.media ?? []);
    const note = items.find((m) => m.kind === 'audio')!;
    const kept = await server.media.get(key, note.id);
    expect(kept).toMatchObject({ kind: 'audio', mime: 'audio/amr', size: voice.length });
    expect(Buffer.from(kept!.data, 'base64').equals(voice)).toBe(true);
    expect(await server.media.get(key, items.find((m) => m.kind === 'image')!.id)).toMatchObject({ kind: 'image', mime: 'image/jpeg' });

    const big = fixture('oa/user_send_file.json');
    (big.message as { attachments: { payload: { url: string } }[] }).attachments[0]!.payload.url = bigUrl;
    expect((await postOa(server, big)).statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.oaTexts().slice(before)).toEqual([server.translate('vi', 'media.tooLarge', { mb: 10 })]);
    const file = (await server.handoff.transcript(h)).flatMap((e) => e.media ?? []).find((m) => m.kind === 'file')!;
    expect(await server.media.get(key, file.id)).toBeUndefined();

    // The fixtures' own URLs name hosts outside the allow-list: never requested.
    const plain = fixture('oa/user_send_video.json');
    expect((await postOa(server, plain)).statusCode).toBe(200);
    await server.outbox.idle();
    expect(cdn.requested).toEqual(['/voice/note.amr', '/photo/p.jpg', '/files/passport-scan.pdf']);
  });

  it('Bot Platform: keeps a voice note (message.voice.received) from the CDN', async () => {
    fake = await startFakeZalo();
    cdn = await startCdn();
    server = await buildServer({ env: botEnv(fake, { ZALO_MEDIA_HOSTS: cdn.origin }) });
    const update = fixture('bot/voice.json');
    const chat = ((update.message as Record<string, unknown>).chat as { id: string }).id;
    const key = zaloBotKey(BOT_TOKEN, chat);
    const { id } = await held(server, key);
    const voice = Buffer.from('ftypM4A zalo voice');
    (update.message as Record<string, unknown>).voice_url = cdn.put('/voice/note.m4a', voice, { mime: 'audio/mp4' });
    const before = fake.botTexts().length;
    expect((await postBot(server, update)).statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.botTexts().length).toBe(before);
    const h = (await server.handoff.get(id))!;
    const note = (await server.handoff.transcript(h)).flatMap((e) => e.media ?? []).find((m) => m.kind === 'audio')!;
    expect(note).toMatchObject({ voice: true });
    const kept = await server.media.get(key, note.id);
    expect(kept).toMatchObject({ kind: 'audio', mime: 'audio/mp4', size: voice.length });
  });

  it('Bot Platform: a 30 MB photo is refused whole with a clear line, nothing kept', async () => {
    fake = await startFakeZalo();
    cdn = await startCdn();
    server = await buildServer({ env: botEnv(fake, { ZALO_MEDIA_HOSTS: cdn.origin }) });
    const update = fixture('bot/image.json');
    const chat = ((update.message as Record<string, unknown>).chat as { id: string }).id;
    const key = zaloBotKey(BOT_TOKEN, chat);
    const { id } = await held(server, key);
    (update.message as Record<string, unknown>).photo_url = cdn.put('/photo/scan.jpg', Buffer.alloc(30 * 1024 * 1024), { mime: 'image/jpeg' });
    const before = fake.botTexts().length;
    expect((await postBot(server, update)).statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.botTexts().slice(before)).toEqual([server.translate('vi', 'media.tooLarge', { mb: 10 })]);
    const h = (await server.handoff.get(id))!;
    const photo = (await server.handoff.transcript(h)).flatMap((e) => e.media ?? []).find((m) => m.kind === 'image')!;
    expect(await server.media.get(key, photo.id)).toBeUndefined();
    expect((await server.media.kept(key)).size).toBe(0);
  });
});
