// Media through the signed Messenger webhook while an officer holds the chat: the attachment URL
// is fetched at once from the platform's CDN (a local stand-in here) and kept with the
// conversation; a file over the limit is refused whole with a clear line to the worker; a URL on
// any other host is never fetched; an erase leaves nothing behind.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../src/core/translate.ts';
import type { Staff } from '../../../src/handoff/model.ts';
import { startCdn, type Cdn } from '../../helpers/cdn.ts';
import { serverTranslate } from '../../helpers/translate.ts';
import { asSent, envelope, messengerServer, PAGE, textOf, USER_A, type MessengerTestServer } from './harness.ts';

let t: Translate;
let s: MessengerTestServer | undefined;
let cdn: Cdn | undefined;
beforeAll(async () => {
  t = await serverTranslate();
});
afterEach(async () => {
  await s?.shutdown();
  await cdn?.close();
  s = undefined;
  cdn = undefined;
});

let seq = 0;
function attachmentEvent(user: string, at: number, attachments: unknown[], text?: string): Record<string, unknown> {
  return { sender: { id: user }, recipient: { id: PAGE }, timestamp: at, message: { mid: `m_media${++seq}${'y'.repeat(40)}`, ...(text ? { text } : {}), attachments } };
}

async function held(server: MessengerTestServer) {
  const key = { channel: 'messenger', account: PAGE, user: USER_A };
  await server.handoff.open({ key, reason: 'asked', priority: 'normal', locale: 'vi', country: 'JP', at: server.clock.now() });
  const [h] = await server.handoff.list();
  const staff: Staff = { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] };
  await server.handoff.claim(h!.id, staff);
  await server.settle();
  return { h: h!, staff, key };
}

describe('Messenger media while an officer holds the chat', () => {
  it('keeps a voice clip and a photo from the CDN, refuses a 30 MB file whole, fetches no other host, and an erase removes them', async () => {
    cdn = await startCdn();
    s = await messengerServer({ env: { MESSENGER_MEDIA_HOSTS: cdn.origin } });
    const { h, staff } = await held(s);
    const voice = Buffer.from('ftypM4A voice clip bytes');
    const photo = Buffer.from('\xff\xd8\xff\xe0 JFIF photo bytes', 'latin1');
    const clipUrl = cdn.put('/v/t59.3654-21/audioclip-1795568407000-3412.mp4', voice, { mime: 'audio/mp4' });
    const photoUrl = cdn.put('/v/t1.15752-9/467382910_n.jpg', photo, { mime: 'image/jpeg' });
    const bigUrl = cdn.put('/v/t59.2708-21/hop-dong.pdf', Buffer.alloc(30 * 1024 * 1024), { mime: 'application/pdf' });
    const sneakyUrl = cdn.put('/v/t59.2708-21/undeclared.pdf', Buffer.alloc(10 * 1024 * 1024 + 1), { declare: false });
    const before = s.graph.sent().length;

    const at = s.clock.now();
    expect((await s.post(envelope(attachmentEvent(USER_A, at, [{ type: 'audio', payload: { url: clipUrl } }])))).status).toBe(200);
    expect((await s.post(envelope(attachmentEvent(USER_A, at + 1, [{ type: 'image', payload: { url: photoUrl } }])))).status).toBe(200);
    await s.settle();
    expect(s.graph.sent().length).toBe(before);

    const transcript = await s.handoff.transcript(h);
    const items = transcript.flatMap((e) => e.media ?? []);
    const clip = items.find((m) => m.kind === 'audio')!;
    const pic = items.find((m) => m.kind === 'image')!;
    expect(clip).toMatchObject({ voice: true, ref: clipUrl });
    const keptClip = await s.media.get(h.key, clip.id);
    expect(keptClip).toMatchObject({ kind: 'audio', mime: 'audio/mp4', size: voice.length });
    expect(Buffer.from(keptClip!.data, 'base64').equals(voice)).toBe(true);
    expect(Buffer.from((await s.media.get(h.key, pic.id))!.data, 'base64').equals(photo)).toBe(true);

    // 30 MB declared by the CDN: refused on the header, the worker told in one line, nothing kept.
    expect((await s.post(envelope(attachmentEvent(USER_A, at + 2, [{ type: 'file', payload: { url: bigUrl } }])))).status).toBe(200);
    await s.settle();
    const refused = s.graph.sent().slice(before).map((b) => textOf(asSent(b)));
    expect(refused).toEqual([t('vi', 'media.tooLarge', { mb: 10 })]);
    // Undeclared and too large once read: cut off at the limit, also refused whole.
    expect((await s.post(envelope(attachmentEvent(USER_A, at + 3, [{ type: 'file', payload: { url: sneakyUrl } }])))).status).toBe(200);
    await s.settle();
    expect(s.graph.sent().slice(before).map((b) => textOf(asSent(b)))).toEqual([t('vi', 'media.tooLarge', { mb: 10 }), t('vi', 'media.tooLarge', { mb: 10 })]);
    const files = (await s.handoff.transcript(h)).flatMap((e) => e.media ?? []).filter((m) => m.kind === 'file');
    expect(files).toHaveLength(2);
    for (const f of files) expect(await s.media.get(h.key, f.id)).toBeUndefined();

    // A URL on a host that is not the platform's (or an internal address) is never requested.
    const elsewhere = await startCdn();
    try {
      const trap = elsewhere.put('/latest/meta-data/', Buffer.from('secret'));
      expect((await s.post(envelope(attachmentEvent(USER_A, at + 4, [{ type: 'image', payload: { url: trap } }])))).status).toBe(200);
      await s.settle();
      expect(elsewhere.requested).toEqual([]);
    } finally {
      await elsewhere.close();
    }
    expect(cdn.requested).toEqual([
      '/v/t59.3654-21/audioclip-1795568407000-3412.mp4',
      '/v/t1.15752-9/467382910_n.jpg',
      '/v/t59.2708-21/hop-dong.pdf',
      '/v/t59.2708-21/undeclared.pdf',
    ]);

    // The user erases the conversation: the media goes with it.
    await s.handoff.close(h.id, staff);
    await s.settle();
    expect((await s.post(envelope({ sender: { id: USER_A }, recipient: { id: PAGE }, timestamp: at + 5, message: { mid: `m_erase${'z'.repeat(40)}`, text: 'xoá dữ liệu' } }))).status).toBe(200);
    await s.settle();
    expect((await s.post(envelope({ sender: { id: USER_A }, recipient: { id: PAGE }, timestamp: at + 6, message: { mid: `m_erase2${'z'.repeat(40)}`, text: 'Có', quick_reply: { payload: 'erase_yes' } } }))).status).toBe(200);
    await s.settle();
    expect(await s.media.get(h.key, clip.id)).toBeUndefined();
    expect(await s.media.get(h.key, pic.id)).toBeUndefined();
  });

  it('fetches nothing with the default hosts when a body names a local address', async () => {
    cdn = await startCdn();
    s = await messengerServer();
    await held(s);
    const url = cdn.put('/x.jpg', Buffer.from('x'));
    expect((await s.post(envelope(attachmentEvent(USER_A, s.clock.now(), [{ type: 'image', payload: { url } }])))).status).toBe(200);
    await s.settle();
    expect(cdn.requested).toEqual([]);
  });
});
