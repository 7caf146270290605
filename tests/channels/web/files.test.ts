// An officer's file reaching a web chat worker: the reply arrives with a download link of that
// conversation only; the link gives the exact bytes as a download to the browser holding the
// conversation's id, nothing to another id, and nothing once retention has passed or the worker
// erased the chat.
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type Server } from '../../../src/server.ts';
import { addStaff, Client } from '../../console/helpers.ts';
import { ManualClock, TOKYO_WED_10AM } from '../../handoff/fixtures.ts';

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const DAY = 24 * 3600_000;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n\u00e2\u00e3 binary \u0000\u00ff tail\n%%EOF\n', 'latin1');

type WebReply = { text: string; from: string; file?: { name: string; mime: string; size: number; url: string } };

async function webWorkerHeldByLan(clock: ManualClock) {
  server = await buildServer({ env: { LOG_LEVEL: 'silent', RETENTION_DAYS: '30' }, clock });
  const s = server;
  const user = 'webworker-files-1';
  let n = 0;
  let last = 0;
  const post = async (part: Record<string, unknown>) => {
    const res = await s.app.inject({ method: 'POST', url: `/api/chat/messages?after=${last}`, payload: { user, id: `m${++n}`, ...part } });
    expect(res.statusCode).toBe(200);
    last = (res.json() as { last: number }).last;
  };
  await post({ start: true });
  await post({ choice: 'lang_vi' });
  await post({ text: 'nhat ban' });
  await post({ text: 'cho em gặp cán bộ' });
  const [h] = await s.handoff.list();
  expect(h?.key).toEqual({ channel: 'web', account: 'default', user });
  await addStaff(s, 'lan', 'agent', [h!.mission!], 'Chị Lan');
  const lan = new Client(s);
  expect((await lan.signIn('lan')).statusCode).toBe(303);
  expect((await lan.post(`/console/chats/${h!.id}/claim`)).statusCode).toBe(303);
  await s.outbox.idle();
  const poll = async (): Promise<WebReply[]> => {
    const res = await s.app.inject({ url: `/api/chat/messages?user=${user}&after=${last}` });
    const body = res.json() as { messages: WebReply[]; last: number };
    last = body.last;
    return body.messages;
  };
  await poll();
  return { s, user, h: h!, lan, post, poll };
}

describe('an officer’s file in the web chat', () => {
  it('arrives as a download link of that conversation, with the exact bytes, and expires with retention', async () => {
    const clock = new ManualClock(TOKYO_WED_10AM);
    const { s, user, h, lan, poll } = await webWorkerHeldByLan(clock);
    // The console offers files on the web chat, up to the media limit (10 MB).
    expect((await lan.get(`/console/chats/${h.id}`)).body).toContain('10.0 MB');
    const sent = await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'Em điền mẫu này nhé' }, { field: 'file', name: 'mẫu đơn.pdf', type: 'application/pdf', bytes: PDF });
    expect(sent.statusCode, sent.body.slice(0, 300)).toBe(303);
    await s.outbox.idle();

    const [reply] = (await poll()).filter((m) => m.from === 'agent');
    expect(reply!.text).toContain('Em điền mẫu này nhé');
    expect(reply!.file).toMatchObject({ name: 'mẫu đơn.pdf', mime: 'application/pdf', size: PDF.length });
    const url = reply!.file!.url;
    expect(url).toMatch(new RegExp(`^/api/chat/files/[a-f0-9]{24}\\?user=${user}$`));

    const got = await s.app.inject({ url });
    expect(got.statusCode).toBe(200);
    expect(got.rawPayload.equals(PDF)).toBe(true);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toBe(`attachment; filename="m_u __n.pdf"; filename*=UTF-8''${encodeURIComponent('mẫu đơn.pdf')}`);
    expect(got.headers['x-content-type-options']).toBe('nosniff');
    expect(got.headers['cache-control']).toBe('private, no-store');

    // Another browser's conversation id, or none, or an id it was not given: nothing, and the same answer.
    const id = url.split('/').pop()!.split('?')[0]!;
    for (const other of [`/api/chat/files/${id}?user=webworker-files-2`, `/api/chat/files/${id}`, `/api/chat/files/${'0'.repeat(24)}?user=${user}`, `/api/chat/files/..%2F..?user=${user}`]) {
      const res = await s.app.inject({ url: other });
      expect(res.statusCode, other).toBe(404);
      expect(res.rawPayload.includes(PDF.subarray(0, 8))).toBe(false);
    }

    // The page draws the link.
    const page = (await s.app.inject({ url: '/chat' })).body;
    // The page saves it from a blob: no address with the chat's id is left in history or downloads.
    expect(page).toContain('fetch(msg.file.url');
    expect(page).toContain('URL.createObjectURL');
    expect(page).not.toContain('a.href = msg.file.url');
    expect(page).toContain('Tải tệp xuống');

    // Retention (30 days) passes: the link leads nowhere.
    clock.advance(29 * DAY);
    expect((await s.app.inject({ url })).statusCode).toBe(200);
    clock.advance(2 * DAY);
    expect((await s.app.inject({ url })).statusCode).toBe(404);
  });

  it('is gone with the worker’s erase', async () => {
    const clock = new ManualClock(TOKYO_WED_10AM);
    const { s, h, lan, post, poll } = await webWorkerHeldByLan(clock);
    await lan.postMultipart(`/console/chats/${h.id}/reply`, { text: 'Mẫu' }, { field: 'file', name: 'mau.pdf', type: 'application/pdf', bytes: PDF });
    await s.outbox.idle();
    const url = (await poll()).find((m) => m.file)!.file!.url;
    expect((await s.app.inject({ url })).statusCode).toBe(200);
    await s.handoff.close(h.id, { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h.mission!] });
    await s.outbox.idle();
    await post({ text: 'xoá dữ liệu' });
    await post({ choice: 'erase_yes' });
    expect((await s.app.inject({ url })).statusCode).toBe(404);
    expect((await s.media.kept(h.key)).size).toBe(0);
  });
});
