// An officer's file reaching a Zalo Bot Platform worker, through the console and the local Zalo
// stand-in: the platform takes no uploads, so after the reply's text comes one message with a line
// saying what the file is and a signed link to this server; the link gives the exact bytes as a
// download, a changed link gives nothing, and the worker's erase leaves it leading nowhere. Without
// a public address there is no link to give: the console says files cannot go on this channel.
import { afterEach, describe, expect, it } from 'vitest';
import { zaloBotKey } from '../../../src/channels/zalo/bot/adapter.ts';
import { buildServer, type Server } from '../../../src/server.ts';
import { claimedBy } from '../../console/helpers.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';
import { BOT_TOKEN, botEnv, PDF, postBot } from './harness.ts';

let server: Server | undefined;
let fake: FakeZalo | undefined;
afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = undefined;
  fake = undefined;
});

const PUBLIC = 'https://bot.example.org';
const CHAT = '6ede9afa66b88fe6d6a9';
let seq = 0;
const say = (s: Server, text: string) =>
  postBot(s, { event_name: 'message.text.received', message: { message_id: `bf-${++seq}`, date: Date.now() + seq, chat: { id: CHAT, chat_type: 'PRIVATE' }, from: { id: CHAT, display_name: 'Lan' }, text } });

async function heldByLan(env: Record<string, string>) {
  fake = await startFakeZalo();
  server = await buildServer({ env: botEnv(fake, env) });
  const s = server;
  const key = zaloBotKey(BOT_TOKEN, CHAT);
  await s.handoff.open({ key, reason: 'asked', priority: 'normal', locale: 'vi', country: 'JP', at: Date.now() });
  const [h] = await s.handoff.list();
  const lan = await claimedBy(s, h!, 'lan', 'Chị Lan');
  return { s, f: fake, key, h: h!, lan };
}

describe('an officer’s file on the Zalo Bot Platform', () => {
  it('goes as a signed link after the text; the link gives the exact bytes, a changed one nothing, and none after the erase', async () => {
    const { s, f, key, h, lan } = await heldByLan({ PUBLIC_URL: PUBLIC });
    const before = f.botTexts().length;
    const sent = await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'Em điền mẫu này nhé' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: PDF });
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303);
    await s.outbox.idle();

    const texts = f.botTexts().slice(before);
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain('Em điền mẫu này nhé');
    const [line, link] = texts[1]!.split('\n');
    expect(line).toBe(s.translate('vi', 'media.fileLink', { name: 'mau-don.pdf' }));
    expect(link).toMatch(/^https:\/\/bot\.example\.org\/zalo-bot\/files\?f=[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    const path = link!.slice(PUBLIC.length);

    const got = await s.app.inject({ url: path });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^attachment; filename="mau-don.pdf"/);
    expect(got.headers['cache-control']).toBe('private, no-store');

    // A changed signature, or another item's id under the same signature: nothing, the same 404.
    const [payload, mac] = path.split('?f=').pop()!.split('.');
    const flipped = `${mac!.slice(0, -1)}${mac!.endsWith('A') ? 'B' : 'A'}`;
    const [channel, account, user] = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as string[];
    const otherItem = Buffer.from(JSON.stringify([channel, account, user, '0'.repeat(24)])).toString('base64url');
    for (const bad of [`/zalo-bot/files?f=${payload}.${flipped}`, `/zalo-bot/files?f=${otherItem}.${mac}`, '/zalo-bot/files?f=x', '/zalo-bot/files']) {
      const res = await s.app.inject({ url: bad });
      expect(res.statusCode, bad).toBe(404);
      expect(res.rawPayload.includes(PDF.subarray(0, 8))).toBe(false);
    }

    // The worker erases the chat: the link leads nowhere.
    await s.handoff.close(h.id, { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h.mission!] });
    await s.outbox.idle();
    expect((await say(s, 'xoá dữ liệu')).statusCode).toBe(200);
    await s.outbox.idle();
    expect((await say(s, '1')).statusCode).toBe(200);
    await s.outbox.idle();
    expect(await s.store.getConversation(key)).toBeUndefined();
    expect((await s.app.inject({ url: path })).statusCode).toBe(404);
  });

  it('without a public address, the console offers no file and refuses one with the reason', async () => {
    const { s, f, key, h, lan } = await heldByLan({});
    const page = await lan.get(`/console/chats/${h.id}`);
    expect(page.body).not.toContain('type="file"');
    const before = f.requests.length;
    const res = await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'Mẫu' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: PDF });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('không nhận tệp gửi từ bảng điều khiển');
    await s.outbox.idle();
    expect(f.requests.length).toBe(before);
    expect((await s.media.kept(key)).size).toBe(0);
  });
});
