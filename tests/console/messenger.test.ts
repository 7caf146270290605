// The console in front of a real channel: a Messenger user (the platform faked at its HTTP
// boundary) asks for a person; the officer sees Messenger's windows in the chat view, answers as a
// RESPONSE inside 24 hours and with the HUMAN_AGENT tag after, and past 7 days is refused with
// Messenger's reason — in the console's words, with nothing sent to the platform.
import { afterEach, describe, expect, it } from 'vitest';
import { createTranslate } from '../../src/i18n/index.ts';
import { envelope, GRAPH_ERRORS, messengerServer, PAGE, textEvent, USER_A, type MessengerTestServer } from '../channels/messenger/harness.ts';
import { addStaff, Client } from './helpers.ts';

const HOUR = 3600_000;
let s: MessengerTestServer | undefined;
afterEach(async () => {
  await s?.shutdown();
  s = undefined;
});

describe('the console with Messenger', () => {
  it('shows the windows, tags late replies HUMAN_AGENT, and refuses past 7 days with the reason', async () => {
    s = await messengerServer();
    const vi = await createTranslate();
    await addStaff(s, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    const key = { channel: 'messenger', account: PAGE, user: USER_A };
    await s.conversations.preset(key, { locale: 'vi', country: 'JP' });
    await s.post(envelope(textEvent(USER_A, 'cho em gặp cán bộ', s.clock.now())));
    await s.settle();
    const [h] = await s.handoff.list(['jp-tokyo']);
    expect(h).toBeDefined();
    const sentText = () => s!.graph.sent().map((m) => ((m.message as { text?: string }).text ?? ''));

    const signedIn = async () => {
      const c = new Client(s!);
      expect((await c.signIn('lan')).statusCode).toBe(303);
      return c;
    };
    let lan = await signedIn();
    const first = await lan.get(`/console/chats/${h!.id}`);
    expect(first.body).toMatch(/Messenger: còn 24 giờ trong khung 24 giờ \(RESPONSE, đến [^)]+\); sau đó HUMAN_AGENT đến /);
    await lan.post(`/console/chats/${h!.id}/claim`);
    expect((await lan.post(`/console/chats/${h!.id}/reply`, { text: 'Em làm ở tỉnh nào?' })).statusCode).toBe(303);
    await s.settle();
    expect(s.graph.sent().at(-1)).toMatchObject({ recipient: { id: USER_A }, messaging_type: 'RESPONSE' });
    expect(sentText().at(-1)).toContain('Em làm ở tỉnh nào?');

    // 30 hours later (sessions are 12 h: sign in again): only a person may write, tagged.
    s.clock.advance(30 * HOUR);
    lan = await signedIn();
    const late = (await lan.get(`/console/chats/${h!.id}`)).body;
    expect(late).toMatch(/Messenger: còn 6 ngày trong khung 7 ngày \(HUMAN_AGENT, đến [^)]+\); sau đó không gửi được nữa \(Đã quá 7 ngày/);
    await lan.post(`/console/chats/${h!.id}/reply`, { text: 'Chị đã liên hệ công ty của em.' });
    await s.settle();
    expect(s.graph.sent().at(-1)).toMatchObject({ messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' });

    // Past 7 days: the console says why, refuses, and the platform hears nothing.
    s.clock.advance(6 * 24 * HOUR);
    lan = await signedIn();
    const reason = vi('vi', 'messenger.window.closed');
    const closed = await lan.get(`/console/chats/${h!.id}`);
    expect(closed.body).toContain(`Messenger: không gửi được nữa — ${escape(reason)}`);
    const before = s.graph.requests.length;
    const refused = await lan.post(`/console/chats/${h!.id}/reply`, { text: 'Em còn ở đó không?' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain(escape(reason));
    await s.settle();
    expect(s.graph.requests.length).toBe(before);

    // The user writes again: the window opens, the officer answers and closes, the user is told.
    await s.post(envelope(textEvent(USER_A, 'chị ơi em vẫn ở đây', s.clock.now())));
    await s.settle();
    expect((await lan.post(`/console/chats/${h!.id}/reply`, { text: 'Chị sẽ gọi cho em chiều nay.' })).statusCode).toBe(303);
    expect((await lan.post(`/console/chats/${h!.id}/close`, { outcome: 'answered' })).statusCode).toBe(303);
    await s.settle();
    expect(sentText().join('\n')).toContain('Chị sẽ gọi cho em chiều nay.');
    expect(sentText().join('\n')).toContain(vi('vi', 'handoff.closed'));
  }, 60_000);
});

function escape(x: string): string {
  return x.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

describe('an officer’s file on Messenger', () => {
  /** A Messenger worker in Japan asks for a person and Chị Lan of Tokyo takes the chat. */
  async function heldByLan() {
    s = await messengerServer();
    await addStaff(s, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    const key = { channel: 'messenger', account: PAGE, user: USER_A };
    await s.conversations.preset(key, { locale: 'vi', country: 'JP' });
    await s.post(envelope(textEvent(USER_A, 'cho em gặp cán bộ', s.clock.now())));
    await s.settle();
    const [h] = await s.handoff.list(['jp-tokyo']);
    const lan = new Client(s);
    expect((await lan.signIn('lan')).statusCode).toBe(303);
    await lan.post(`/console/chats/${h!.id}/claim`);
    await s.settle();
    return { server: s, key, h, lan };
  }

  it('reaches the worker as a Send API upload: the text, then the PDF with its exact bytes, to that recipient, as a file', async () => {
    // The server is also the file's `s`, which the suite's clean-up closes.
    const { server: s, key, h, lan } = await heldByLan();
    const before = s.graph.requests.length;

    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\n\u00e2\u00e3\u00cf\u00d3 binary \u0000\u00ff tail\n%%EOF\n', 'latin1');
    const sent = await lan.postMultipart(`/console/chats/${h!.id}/reply`, { text: 'Em điền mẫu này nhé' }, { field: 'file', name: 'mau-don.pdf', type: 'application/pdf', bytes: pdf });
    expect(sent.statusCode, sent.body.slice(0, 400)).toBe(303);
    await s.settle();

    const calls = s.graph.requests.slice(before).filter((r) => r.path.endsWith('/me/messages'));
    expect(calls).toHaveLength(2);
    expect(calls[0]!.body).toMatchObject({ recipient: { id: USER_A }, messaging_type: 'RESPONSE' });
    expect((calls[0]!.body.message as { text: string }).text).toContain('Em điền mẫu này nhé');
    const upload = calls[1]!;
    expect(upload.query.get('access_token')).toBeTruthy();
    expect(upload.body).toEqual({ recipient: { id: USER_A }, messaging_type: 'RESPONSE', message: { attachment: { type: 'file', payload: { is_reusable: false } } } });
    expect(upload.files).toHaveLength(1);
    expect(upload.files![0]).toMatchObject({ name: 'filedata', filename: 'mau-don.pdf', type: 'application/pdf' });
    expect(upload.files![0]!.bytes.equals(pdf)).toBe(true);
    // Sent: the officer's copy stays with the conversation for the transcript.
    expect([...(await s.media.kept(key)).values()].map((m) => m.name)).toEqual(['mau-don.pdf']);
  });

  it('sends a photo as an image attachment, and a refused upload leaves no file behind', async () => {
    // The server is also the file's `s`, which the suite's clean-up closes.
    const { server: s, key, h, lan } = await heldByLan();
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('IHDR png body')]);
    const before = s.graph.requests.length;
    // The text goes out, then the platform refuses the upload for good (the person is not available).
    s.graph.failNext({ status: 200, body: { recipient_id: USER_A, message_id: 'm_text' } }, GRAPH_ERRORS.unavailable);
    expect((await lan.postMultipart(`/console/chats/${h!.id}/reply`, { text: '' }, { field: 'file', name: 'thong-bao.png', type: 'image/png', bytes: png })).statusCode).toBe(303);
    await s.settle();
    const upload = s.graph.requests.slice(before).find((r) => r.files?.length);
    expect(upload?.body.message).toEqual({ attachment: { type: 'image', payload: { is_reusable: false } } });
    expect(upload?.files![0]!.bytes.equals(png)).toBe(true);
    expect((await s.store.deadLetters(5)).some((d) => d.message.attachment?.name === 'thong-bao.png')).toBe(true);
    expect((await s.media.kept(key)).size).toBe(0);
  });
});
