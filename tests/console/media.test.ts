// What a worker sends during a hand-off reaches the officer of that mission, and only them: a
// Telegram voice note and photo appear in the transcript (a player, an image) and download with
// their own bytes, scoped and audited; an officer of another mission gets a 404. The officer's PDF
// goes back to the worker as a Telegram document, uploaded as multipart; an erase takes both along.
import { afterEach, describe, expect, it } from 'vitest';
import { addressed } from '../channels/telegram/fixtures.ts';
import { badRequest } from '../channels/telegram/fake-bot-api.ts';
import { startTelegram, type Harness } from '../channels/telegram/harness.ts';
import { addStaff, Client } from './helpers.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
const VOICE = Buffer.from('OggS\0voice note bytes of a worker');
const PHOTO = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5, 6, 7, 8]);

const mediaUrls = (body: string) => [...body.matchAll(/(?:src|href)="(\/console\/chats\/[^/"]+\/media\/[a-f0-9]{24})"/g)].map((m) => m[1]!);

describe('media in the console (Telegram)', () => {
  it('shows a voice note and a photo to the officer of the mission, serves their bytes, hides them from another mission, audits the download, and sends the officer’s PDF back', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_JP');
    await u.text('gặp cán bộ');
    const [handoff] = await h.server.handoff.list();
    expect(handoff?.mission).toBeDefined();
    await addStaff(h.server, 'lan', 'agent', [handoff!.mission!], 'Chị Lan');
    await addStaff(h.server, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
    const lan = new Client(h.server);
    expect((await lan.signIn('lan')).statusCode).toBe(303);
    expect((await lan.post(`/console/chats/${handoff!.id}/claim`)).statusCode).toBe(303);
    await h.settle();

    h.api.addFile('AwACAgUAAxkBAAIBZGdD', VOICE, 'voice/file_7.oga');
    h.api.addFile('AgACAgUAAxkBAAIBY2dD3', PHOTO, 'photos/file_3.jpg');
    expect(await u.send(addressed('voice.json', u.chatId))).toEqual([]);
    expect(await u.send(addressed('photo.json', u.chatId))).toEqual([]);

    const page = await lan.get(`/console/chats/${handoff!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<audio controls preload="metadata" src="\/console\/chats\/[^"]+\/media\/[a-f0-9]{24}"/);
    expect(page.body).toMatch(/<img src="\/console\/chats\/[^"]+\/media\/[a-f0-9]{24}"/);
    const [voiceUrl, photoUrl] = [...new Set(mediaUrls(page.body))];
    expect(voiceUrl).toBeDefined();
    expect(photoUrl).toBeDefined();

    const voice = await lan.get(voiceUrl!, '*/*');
    expect(voice.statusCode).toBe(200);
    expect(voice.rawPayload.equals(VOICE)).toBe(true);
    expect(voice.headers['content-type']).toBe('audio/ogg');
    expect(voice.headers['content-disposition']).toMatch(/^inline; filename=/);
    expect(voice.headers['x-content-type-options']).toBe('nosniff');
    expect(voice.headers['cache-control']).toBe('private, no-store');
    const photo = await lan.get(photoUrl!, '*/*');
    expect(photo.rawPayload.equals(PHOTO)).toBe(true);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect((await lan.get(`${photoUrl!}?download=1`, '*/*')).headers['content-disposition']).toMatch(/^attachment; /);
    // The page that shows them lets them load.
    expect(String(page.headers['content-security-policy'])).toMatch(/media-src 'self'/);

    // Another mission's officer: as if there were nothing there, for the item and the chat's own address alike.
    const minh = new Client(h.server);
    expect((await minh.signIn('minh')).statusCode).toBe(303);
    const hidden = await minh.get(voiceUrl!, '*/*');
    expect(hidden.statusCode).toBe(404);
    expect(hidden.body).not.toContain('OggS');
    expect((await minh.get(`/console/chats/${handoff!.id}/media/${'0'.repeat(24)}`)).statusCode).toBe(404);

    const audit = await h.server.console.services.audit.latest(50);
    const opened = audit.filter((a) => a.action === 'media');
    expect(opened.map((a) => a.by.id)).toEqual(['lan', 'lan']);
    expect(opened.every((a) => a.target === handoff!.id)).toBe(true);

    // The officer's PDF reaches the worker as a Telegram document (multipart, the bytes as sent).
    const sent = await lan.postMultipart(`/console/chats/${handoff!.id}/reply`, { text: 'Em điền mẫu này nhé' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: PDF });
    expect(sent.statusCode, sent.body.slice(0, 400)).toBe(303);
    await h.settle();
    const [doc] = h.api.of('sendDocument');
    expect(doc?.body.chat_id).toBe(String(u.chatId));
    expect(doc?.files).toHaveLength(1);
    expect(doc!.files![0]!.filename).toBe('mau-don.pdf');
    expect(doc!.files![0]!.bytes.equals(PDF)).toBe(true);
    expect(h.api.sent(u.chatId).at(-1)?.body.text).toContain('Em điền mẫu này nhé');
    expect((await h.server.console.services.audit.latest(5)).map((a) => a.action)).toContain('attach');
    // The officer sees what they sent in the transcript, and can open it.
    const after = await lan.get(`/console/chats/${handoff!.id}`);
    const pdfUrl = mediaUrls(after.body).find((x) => x !== voiceUrl && x !== photoUrl);
    expect((await lan.get(pdfUrl!, '*/*')).headers['content-disposition']).toMatch(/^attachment; filename="mau-don.pdf"/);

    // A file that is not one of the four types is refused before anything is kept or sent.
    const before = h.api.calls.length;
    const bad = await lan.postMultipart(`/console/chats/${handoff!.id}/reply`, { text: 'x' }, { field: 'file', name: 'virus.pdf', type: 'application/pdf', bytes: Buffer.from('MZ not a pdf') });
    expect(bad.statusCode).toBe(400);
    await h.settle();
    expect(h.api.calls.length).toBe(before);

    // The worker erases the conversation: what they sent and what the officer attached go with it.
    await h.server.handoff.close(handoff!.id, { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [handoff!.mission!] });
    await h.settle();
    await u.text('xoá dữ liệu');
    await u.press('erase_yes');
    expect((await h.server.media.kept(handoff!.key)).size).toBe(0);
    for (const url of [voiceUrl!, photoUrl!, pdfUrl!]) expect(await h.server.media.get(handoff!.key, url.split('/').pop()!)).toBeUndefined();
  });

  it('removes an officer’s file from the vault as soon as the platform refuses its message', async () => {
    h = await startTelegram();
    const u = h.user();
    const handoff = await u.heldByOfficer('JP');
    await addStaff(h.server, 'lan', 'agent', [handoff.mission!], 'Chị Lan');
    const lan = new Client(h.server);
    expect((await lan.signIn('lan')).statusCode).toBe(303);
    // Telegram refuses the upload for good (a 400 is never retried).
    h.api.failNext('sendDocument', badRequest('wrong file identifier/HTTP URL specified'));
    const sent = await lan.postMultipart(`/console/chats/${handoff.id}/reply`, { text: 'Mẫu đơn' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: PDF });
    expect(sent.statusCode, sent.body.slice(0, 400)).toBe(303);
    await h.settle();
    expect(h.api.of('sendDocument')).toHaveLength(1);
    const letters = (await h.server.store.deadLetters(10)).filter((d) => d.key.user === handoff.key.user);
    expect(letters).toHaveLength(1);
    const id = letters[0]!.message.attachment!.id;
    // Gone at once: the bytes' own key, the index the transcript reads, the download route.
    expect(await h.server.store.mailboxRead(`media:${id}`, handoff.key, 0)).toEqual([]);
    expect((await h.server.media.kept(handoff.key)).has(id)).toBe(false);
    expect((await lan.get(`/console/chats/${handoff.id}/media/${id}`, '*/*')).statusCode).toBe(404);
  });
});
