// The chat view and its actions, end to end through HTTP: what the bot collected, the transcript,
// claim → reply → note → close, canned replies, transfer, export, the channel's window (a reply
// past it refused with the reason), the audit trail, and the dead-letter list.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/core/channel.ts';
import type { ConversationKey } from '../../src/core/messages.ts';
import type { Server } from '../../src/server.ts';
import { addStaff, Client, consoleServer, request } from './helpers.ts';

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const HOUR = 3600_000;

/** A channel with Messenger's rules: 24 h of standard messaging, then a person may go on for 7 days. */
function windowedSender(sent: string[]): ChannelSender {
  return {
    channel: 'windowed',
    capabilities: { maxTextLength: 2000, maxButtons: 0, maxButtonLabel: 0 },
    async send(_key, message) {
      sent.push(message.text);
      return { ok: true };
    },
    window(ctx, from) {
      if (ctx.lastUserAt === undefined) return { canSend: false, reason: 'the user has not written' };
      const age = ctx.now - ctx.lastUserAt;
      if (age < 24 * HOUR) return { canSend: true, mode: 'RESPONSE', until: ctx.lastUserAt + 24 * HOUR };
      if (from === 'agent' && age < 7 * 24 * HOUR) return { canSend: true, mode: 'HUMAN_AGENT', until: ctx.lastUserAt + 7 * 24 * HOUR };
      return { canSend: false, reason: 'more than 7 days since the user last wrote' };
    },
  };
}

async function userWrote(s: Server, key: ConversationKey, at: number): Promise<void> {
  await s.store.commitTurn(key, {
    record: { flowVersion: 1, snapshot: undefined, pending: [], locale: 'vi', country: 'JP', updatedAt: at, lastUserAt: at },
    recordTtlMs: 30 * 24 * HOUR,
    messageId: `m-${at}`,
    dedupeTtlMs: 1000,
    outbox: [],
  });
}

describe('the chat view', () => {
  it('shows the context, and takes a chat through claim, reply, note and close — each audited', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    await addStaff(server, 'boss', 'admin', []);
    // A real conversation through the web chat: the user picks Japan and asks for a person.
    const web = async (body: Record<string, unknown>) =>
      server!.app.inject({ method: 'POST', url: '/api/chat/messages', payload: { user: 'worker-0001', id: `m${Math.random()}`.replace('.', ''), locale: 'vi', ...body } });
    await web({ start: true });
    await web({ choice: 'country_JP' });
    await web({ text: 'cho em gặp cán bộ' });
    const [h] = await server.handoff.list(['jp-tokyo']);
    expect(h).toBeDefined();

    const lan = new Client(server);
    await lan.signIn('lan');
    const page = await lan.get(`/console/chats/${h!.id}`);
    expect(page.statusCode).toBe(200);
    for (const text of ['Nhật Bản', 'người dùng xin gặp cán bộ', 'tiếng Việt', 'Web chat', 'cho em gặp cán bộ', 'Đại sứ quán Việt Nam tại Tokyo', 'không giới hạn thời gian trả lời']) {
      expect(page.body).toContain(text);
    }
    expect(page.body).toContain('Nhận cuộc trò chuyện');
    // No reply box before the chat is taken.
    expect(page.body).not.toContain('id="reply-form"');

    expect((await lan.post(`/console/chats/${h!.id}/claim`)).headers.location).toContain('ok=claimed');
    const held = await lan.get(`/console/chats/${h!.id}`);
    expect(held.body).toContain('id="reply-form"');
    const replied = await lan.post(`/console/chats/${h!.id}/reply`, { text: 'Chào em, chị là cán bộ lãnh sự.' });
    expect(replied.headers.location).toContain('ok=replied');
    await lan.post(`/console/chats/${h!.id}/note`, { text: 'Đã gọi điện cho công ty.' });
    // The user sees the reply on the web chat.
    const mailbox = await server.app.inject({ method: 'GET', url: '/api/chat/messages?user=worker-0001&after=0' });
    expect(mailbox.body).toContain('Chào em, chị là cán bộ lãnh sự.');
    const view = await lan.get(`/console/chats/${h!.id}`);
    expect(view.body).toContain('Đã gọi điện cho công ty.');
    expect(view.body).toContain('Chào em, chị là cán bộ lãnh sự.');

    const exported = await lan.get(`/console/chats/${h!.id}/export`);
    expect(exported.headers['content-type']).toContain('text/plain');
    expect(exported.headers['content-disposition']).toContain('attachment');
    expect(exported.body).toContain('cho em gặp cán bộ');

    expect((await lan.post(`/console/chats/${h!.id}/close`, { outcome: 'answered' })).headers.location).toContain('ok=chatClosed');
    expect(await server.handoff.list()).toEqual([]);
    // Back with the bot: the user's next message gets the bot's answer.
    const back = await web({ text: 'menu' });
    expect(JSON.parse(back.body).messages.length).toBeGreaterThan(0);

    const admin = new Client(server);
    await admin.signIn('boss');
    const audit = await admin.get('/console/audit?who=lan');
    for (const action of ['đăng nhập', 'mở cuộc trò chuyện', 'nhận', 'trả lời', 'ghi chú', 'tải nội dung', 'kết thúc']) expect(audit.body).toContain(`<td>${action}</td>`);
    // Who and what, never the words.
    expect(audit.body).not.toContain('Chào em');
    expect(audit.body).not.toContain('Đã gọi điện');
    // The agent cannot read the audit log.
    expect((await lan.get('/console/audit')).statusCode).toBe(403);
  }, 20_000);

  it('offers canned replies in the user’s language and titles in the officer’s', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await server.handoff.open(request({ user: 'english-user', locale: 'en' }));
    const [h] = await server.handoff.list();
    const lan = new Client(server);
    await lan.signIn('lan');
    await lan.post(`/console/chats/${h!.id}/claim`);
    const page = await lan.get(`/console/chats/${h!.id}`);
    const canned = server.content.canned;
    expect(canned.length).toBeGreaterThan(0);
    const first = canned[0]!;
    expect(page.body).toContain(`>${escape(first.title.vi)}</option>`);
    expect(page.body).toContain(`value="${escape(first.text.en)}"`);
  });

  it('shows the channel window and refuses a reply past it, with the reason', async () => {
    const sent: string[] = [];
    server = await consoleServer();
    server.outbox.register(windowedSender(sent));
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    const key = { channel: 'windowed', account: 'page', user: 'psid-1' };
    const now = Date.now();
    await userWrote(server, key, now - 21 * HOUR);
    await server.handoff.open({ ...request({ user: 'x' }), key });
    const [h] = await server.handoff.list();
    const lan = new Client(server);
    await lan.signIn('lan');
    const page = await lan.get(`/console/chats/${h!.id}?lang=en`);
    expect(page.body).toMatch(/windowed: 3 h left in the 24 h window \(RESPONSE, until [^)]+\); then HUMAN_AGENT until /);
    await lan.post(`/console/chats/${h!.id}/claim`);
    expect((await lan.post(`/console/chats/${h!.id}/reply`, { text: 'Inside the window' })).statusCode).toBe(303);
    await server.outbox.flush(key);
    expect(sent.at(-1)).toContain('Inside the window');

    // Eight days later: nothing may be sent, and the console says why and keeps the text.
    await userWrote(server, key, now - 8 * 24 * HOUR);
    const closed = await lan.get(`/console/chats/${h!.id}`);
    expect(closed.body).toContain('no more messages can be sent — more than 7 days since the user last wrote');
    const refused = await lan.post(`/console/chats/${h!.id}/reply`, { text: 'Too late for this' });
    expect(refused.statusCode).toBe(409);
    expect(refused.body).toContain('more than 7 days since the user last wrote');
    expect(refused.body).toContain('Too late for this</textarea>');
    expect(await server.store.outboxPeek(key, 10)).toEqual([]);
  });

  it('transfers a chat to another mission, where it waits for that mission', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await addStaff(server, 'osaka', 'agent', ['jp-osaka']);
    await server.handoff.open(request({ user: 'moved-user' }));
    const [h] = await server.handoff.list();
    const lan = new Client(server);
    await lan.signIn('lan');
    const res = await lan.post(`/console/chats/${h!.id}/transfer`, { mission: 'jp-osaka', reason: 'Em ấy làm ở Nagoya, thuộc khu vực Osaka.' });
    expect(res.headers.location).toBe('/console/queue?ok=transferred');
    expect((await lan.get(`/console/chats/${h!.id}`)).statusCode).toBe(403);
    const osaka = new Client(server);
    await osaka.signIn('osaka');
    expect((await osaka.get('/console/queue')).body).toContain(h!.id);
    // The receiving officers read first why the chat is theirs.
    const there = await osaka.get(`/console/chats/${h!.id}`);
    expect(there.body).toContain('Được chuyển đến đây từ Đại sứ quán Việt Nam tại Tokyo');
    expect(there.body).toContain('Em ấy làm ở Nagoya, thuộc khu vực Osaka.');
  });

  it('lists dead letters for supervisors, only those of their missions', async () => {
    server = await consoleServer();
    await addStaff(server, 'hoa', 'supervisor', ['jp-tokyo']);
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await server.handoff.open(request({ user: 'tokyo-dead' }));
    await server.handoff.open(request({ user: 'taipei-dead', country: 'TW' }));
    const item = (user: string, text: string) => ({
      id: `dl-${user}`,
      key: { channel: 'web', account: 'web', user },
      message: { text, from: 'agent' as const, priority: 'agent' as const },
      attempts: 5,
      enqueuedAt: Date.now(),
      lastError: 'HTTP 500 from the platform',
    });
    await server.store.deadLetter(item('tokyo-dead', 'Tin cho người ở Tokyo'), 60_000);
    await server.store.deadLetter(item('taipei-dead', 'Tin cho người ở Đài Bắc'), 60_000);
    const hoa = new Client(server);
    await hoa.signIn('hoa');
    const page = await hoa.get('/console/dead-letters');
    expect(page.body).toContain('Tin cho người ở Tokyo');
    expect(page.body).toContain('HTTP 500 from the platform');
    expect(page.body).not.toContain('Đài Bắc');
    const lan = new Client(server);
    await lan.signIn('lan');
    expect((await lan.get('/console/dead-letters')).statusCode).toBe(403);
  });

  it('escapes what users write: a message can never become markup in the console', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await server.handoff.open(request({ user: 'xss-user' }));
    const [h] = await server.handoff.list();
    await server.store.mailboxPush('transcript', h!.key, { from: 'user', text: '<script>alert(1)</script><img src=x onerror=alert(2)>', at: Date.now() }, 60_000);
    const lan = new Client(server);
    await lan.signIn('lan');
    const page = await lan.get(`/console/chats/${h!.id}`);
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  });
});

function escape(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
