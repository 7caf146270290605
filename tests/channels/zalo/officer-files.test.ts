// An officer's file reaching a Zalo OA follower, through the console and the local Zalo stand-in:
// uploaded first (an image to the image upload, which answers attachment_id; a document to the file
// upload, which answers token), then sent as the image or file message that names it — after the
// reply's text. Zalo's own limits (1 MB for an image, 5 MB for a file) are what the console offers;
// an upload Zalo refuses goes to Failed messages and the file leaves the vault.
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type Server } from '../../../src/server.ts';
import { addStaff, claimedBy, Client } from '../../console/helpers.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';
import { OA_ID, oaChat, oaEnv, PDF } from './harness.ts';

let server: Server | undefined;
let fake: FakeZalo | undefined;
afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = undefined;
  fake = undefined;
});

const FOLLOWER = '4143066041574136869';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR png body')]);

/** A follower in Taiwan asks for a person on the OA and Chị Lan of Taipei takes the chat in the console. */
async function heldByLan() {
  fake = await startFakeZalo();
  server = await buildServer({ env: oaEnv(fake) });
  const key = { channel: 'zalo-oa', account: OA_ID, user: FOLLOWER };
  await server.conversations.preset(key, { locale: 'vi', country: 'TW' });
  await oaChat(server, fake, FOLLOWER).say('cho em gặp cán bộ');
  const [h] = await server.handoff.list();
  expect(h?.key.user).toBe(FOLLOWER);
  const lan = await claimedBy(server, h!, 'lan', 'Chị Lan');
  return { s: server, f: fake, key, h: h!, lan };
}

describe('an officer’s file on the Zalo OA', () => {
  it('a PDF: the text, then the file upload (multipart, exact bytes, access token), then a file message naming its token', async () => {
    const { s, f, key, h, lan } = await heldByLan();
    const page = await lan.get(`/console/chats/${h.id}`);
    // The console offers files up to Zalo's 5 MB (below the 10 MB media limit).
    expect(page.body).toContain('type="file"');
    expect(page.body).toContain('5.0 MB');
    const before = f.requests.length;
    const sent = await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'Em điền mẫu này nhé' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: PDF });
    expect(sent.statusCode, sent.body.slice(0, 400)).toBe(303);
    await s.outbox.idle();

    const calls = f.requests.slice(before);
    expect(calls.map((c) => c.path)).toEqual(['/v3.0/oa/message/cs', '/v2.0/oa/upload/file', '/v3.0/oa/message/cs']);
    expect((calls[0]!.body.message as { text: string }).text).toContain('Em điền mẫu này nhé');
    const upload = calls[1]!;
    expect(upload.headers['access_token']).toBe(f.validAccess);
    expect(upload.parts).toHaveLength(1);
    expect(upload.parts![0]).toMatchObject({ name: 'file', filename: 'mau-don.pdf', type: 'application/pdf' });
    expect(upload.parts![0]!.bytes.equals(PDF)).toBe(true);
    const token = (upload.answer!.body as { data: { token: string } }).data.token;
    // Addressed as the text was (a free reply quoting the worker's message while it lasts).
    expect(calls[2]!.body).toEqual({ recipient: calls[0]!.body.recipient, message: { attachment: { type: 'file', payload: { token } } } });
    expect((calls[2]!.answer!.body as { error: number }).error).toBe(0);
    expect(await s.store.deadLetters(5)).toEqual([]);
    // Sent: the officer's copy stays with the conversation for the transcript.
    expect([...(await s.media.kept(key)).values()].map((m) => m.name)).toEqual(['mau-don.pdf']);
  });

  it('a photo: the image upload answers attachment_id, sent in a media template', async () => {
    const { s, f, h, lan } = await heldByLan();
    const before = f.requests.length;
    expect((await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: '' }, { field: 'file', name: 'thong-bao.png', type: 'image/png', bytes: PNG })).statusCode).toBe(303);
    await s.outbox.idle();
    const calls = f.requests.slice(before);
    const upload = calls.find((c) => c.path === '/v2.0/oa/upload/image')!;
    expect(upload.parts![0]).toMatchObject({ name: 'file', filename: 'thong-bao.png', type: 'image/png' });
    expect(upload.parts![0]!.bytes.equals(PNG)).toBe(true);
    const attachmentId = (upload.answer!.body as { data: { attachment_id: string } }).data.attachment_id;
    expect(calls.at(-1)!.body.message).toEqual({
      attachment: { type: 'template', payload: { template_type: 'media', elements: [{ media_type: 'image', attachment_id: attachmentId }] } },
    });
    expect((calls.at(-1)!.answer!.body as { error: number }).error).toBe(0);
    expect(f.uploadCalls('file')).toEqual([]);
  });

  it('an image over Zalo’s 1 MB is refused by the console before anything is kept or sent', async () => {
    const { s, f, key, h, lan } = await heldByLan();
    const big = Buffer.concat([PNG, Buffer.alloc(1024 * 1024)]);
    const before = f.requests.length;
    const res = await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'ảnh' }, { field: 'file', name: 'to.png', type: 'image/png', bytes: big });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('1.0 MB');
    await s.outbox.idle();
    expect(f.requests.length).toBe(before);
    expect((await s.media.kept(key)).size).toBe(0);
  });

  it('an upload Zalo refuses goes to Failed messages with Zalo’s reason, and the file leaves the vault at once', async () => {
    const { s, f, key, h, lan } = await heldByLan();
    // Zalo says no to the file (as it would past its own limit): the text went, the file cannot.
    f.uploadLimits.file = 16;
    expect((await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'Mẫu đơn' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: PDF })).statusCode).toBe(303);
    await s.outbox.idle();
    expect(f.uploadCalls('file')).toHaveLength(1);
    expect(f.oaSends().filter((r) => (r.body.message as { attachment?: { type: string } }).attachment?.type === 'file')).toEqual([]);
    const letters = (await s.store.deadLetters(5)).filter((d) => d.key.user === FOLLOWER);
    expect(letters).toHaveLength(1);
    expect(letters[0]!.lastError).toMatch(/error -201.*File size exceeds the limit/);
    const id = letters[0]!.message.attachment!.id;
    expect(await s.store.mailboxRead(`media:${id}`, key, 0)).toEqual([]);
    expect((await s.media.kept(key)).size).toBe(0);
    // The console's Failed messages page (a supervisor's) lists it with the reason.
    await addStaff(s, 'ha', 'supervisor', [h.mission!], 'Anh Hà');
    const ha = new Client(s);
    expect((await ha.signIn('ha')).statusCode).toBe(303);
    const failed = await ha.get('/console/dead-letters');
    expect(failed.statusCode).toBe(200);
    expect(failed.body).toContain('File size exceeds the limit');
  });

  it('an expired access token on the upload is renewed once and the upload repeated', async () => {
    const { s, f, h, lan } = await heldByLan();
    // Zalo has moved on to a new token: the first upload is refused with -216.
    f.validAccess = 'access-rotated';
    f.validRefresh = 'refresh-1';
    expect((await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'Mẫu' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: PDF })).statusCode).toBe(303);
    await s.outbox.idle();
    expect(f.refreshCalls).toBe(1);
    const fileSends = f.oaSends().filter((r) => (r.body.message as { attachment?: { type: string } }).attachment?.type === 'file');
    expect(fileSends).toHaveLength(1);
    expect(await s.store.deadLetters(5)).toEqual([]);
  });
});
