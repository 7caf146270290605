import { afterEach, describe, expect, it } from 'vitest';
import { TRANSCRIPT } from '../../../src/core/conversation.ts';
import { unpackEntries } from '../../../src/core/transcript-codec.ts';
import { buildServer, type Server } from '../../../src/server.ts';

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function web() {
  server = await buildServer({ env: { LOG_LEVEL: 'silent' } });
  let n = 0;
  const user = `webuser${Date.now()}`;
  let last = 0;
  const post = async (part: Record<string, unknown>, id = `id${++n}`) => {
    const res = await server!.app.inject({ method: 'POST', url: `/api/chat/messages?after=${last}`, payload: { user, id, ...part } });
    const body = res.json() as { messages: { text: string; choices: { id: string; label: string }[] }[]; last: number; result: string };
    if (res.statusCode === 200) last = body.last;
    return { status: res.statusCode, ...body };
  };
  return { post, user };
}

describe('web chat', () => {
  it('serves the page and health', async () => {
    server = await buildServer({ env: { LOG_LEVEL: 'silent' } });
    const page = await server.app.inject({ url: '/chat' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expect(page.body).toContain('name="viewport"');
    expect(page.body).toContain('Gõ câu hỏi');
    expect((await server.app.inject({ url: '/chat?lang=en' })).body).toContain('Type your question');
    expect((await server.app.inject({ url: '/healthz' })).json()).toEqual({ ok: true });
    expect((await server.app.inject({ url: '/readyz' })).statusCode).toBe(200);
  });

  it('reaches the main menu and a topic answer, by button, by digit and by typing', async () => {
    const { post } = await web();
    const lang = await post({ start: true });
    expect(lang.messages[0]!.choices.map((c) => c.id)).toEqual(['lang_vi', 'lang_en']);
    const country = await post({ choice: 'lang_vi' });
    expect(country.messages.at(-1)!.text).toMatch(/nước nào/);
    const menu = await post({ text: 'dai loan' });
    expect(menu.messages.at(-1)!.choices.map((c) => c.id)).toContain('topic_hotline');
    const hotlines = await post({ text: '4' });
    expect(hotlines.messages[0]!.text).toContain('1955');
    const typed = await post({ text: 'thu tuc thanh ly hop dong' });
    expect(typed.messages[0]!.text.length).toBeGreaterThan(20);
  });

  it('a user who keeps writing: mailbox and transcript keep their newest entries, and the page reads on from where it was', async () => {
    server = await buildServer({ env: { LOG_LEVEL: 'silent', MAILBOX_MAX_ENTRIES: '10', FLOOD_MAX_PER_MINUTE: '1000' } });
    const user = `webuser${Date.now()}`;
    let last = 0;
    const post = async (part: Record<string, unknown>, id: string) => {
      const res = await server!.app.inject({ method: 'POST', url: `/api/chat/messages?after=${last}`, payload: { user, id, ...part } });
      const body = res.json() as { messages: { text: string }[]; last: number; reset?: boolean };
      expect(res.statusCode).toBe(200);
      last = body.last;
      return body;
    };
    await post({ start: true }, 's');
    await post({ choice: 'lang_vi' }, 'l');
    await post({ text: 'dai loan' }, 'c');
    for (let i = 0; i < 12; i++) {
      const seenBefore = last;
      const got = await post({ text: i % 2 ? 'menu' : 'đường dây nóng' }, `m${i}`);
      // Each answer arrives after the position the page had, never as a "start again".
      expect(got.reset).toBeUndefined();
      expect(got.messages.length).toBeGreaterThan(0);
      expect(got.last).toBeGreaterThan(seenBefore);
    }
    expect(last).toBeGreaterThan(10);
    const key = { channel: 'web', account: 'default', user };
    const mailbox = await server.store.mailboxRead('web', key, 0);
    expect(mailbox).toHaveLength(10);
    expect(mailbox.at(-1)!.seq).toBe(last);
    // A page opened again (after=0) gets what is kept, numbered as before; one that is up to date, nothing.
    const reopened = (await server.app.inject({ url: `/api/chat/messages?user=${user}&after=0` })).json() as { messages: unknown[]; last: number; reset?: boolean };
    expect(reopened.last).toBe(last);
    expect(reopened.messages.length).toBeGreaterThan(0);
    expect(reopened.messages.length).toBeLessThanOrEqual(10);
    const upToDate = (await server.app.inject({ url: `/api/chat/messages?user=${user}&after=${last}` })).json() as { messages: unknown[]; reset?: boolean };
    expect(upToDate).toMatchObject({ messages: [] });
    expect(upToDate.reset).toBeUndefined();
    // The transcript staff read keeps the newest 10 too, the latest answer last.
    const transcript = await server.store.mailboxRead<unknown>(TRANSCRIPT, key, 0);
    expect(transcript).toHaveLength(10);
    expect(transcript[0]!.seq).toBeGreaterThan(1);
    expect(unpackEntries([transcript.at(-1)!.item], {})[0]!.from).toBe('bot');
  });

  it('drops a retried POST with the same id', async () => {
    const { post } = await web();
    await post({ start: true }, 'same');
    const again = await post({ start: true }, 'same');
    expect(again.result).toBe('duplicate');
    expect(again.messages).toEqual([]);
  });

  it('answers bad input with a 4xx, never a 5xx', async () => {
    server = await buildServer({ env: { LOG_LEVEL: 'silent' } });
    const bad = [
      { payload: 'not json', headers: { 'content-type': 'application/json' } },
      { payload: { user: 'x', id: '1', text: 'hi' } },
      { payload: { user: 'useruser1', id: '1' } },
      { payload: { user: 'useruser1', id: '1', text: 'a', choice: 'b' } },
      { payload: { user: 'useruser1', id: '1', text: 'x'.repeat(70_000) } },
    ];
    for (const b of bad) {
      const res = await server.app.inject({ method: 'POST', url: '/api/chat/messages', ...b });
      expect(res.statusCode, JSON.stringify(b).slice(0, 60)).toBeGreaterThanOrEqual(400);
      expect(res.statusCode).toBeLessThan(500);
    }
    expect((await server.app.inject({ url: '/api/chat/messages?user=%00' })).statusCode).toBe(400);
  });

  it('reads a 10 kB message and answers it', async () => {
    const { post } = await web();
    const res = await post({ text: `thanh ly hop dong ${'a '.repeat(5000)}` });
    expect(res.status).toBe(200);
    expect(res.messages.length).toBeGreaterThan(0);
  });
});

describe('web chat erasure', () => {
  it('tells the page to clear its screen after the chat is erased, and shows the confirmation', async () => {
    const { post } = await web();
    await post({ start: true });
    await post({ choice: 'lang_vi' });
    await post({ text: 'dai loan' });
    const before = await post({ text: 'xoa du lieu' });
    expect(before.messages.at(-1)!.choices.map((c) => c.id)).toContain('erase_yes');
    const erased = (await post({ choice: 'erase_yes' })) as Awaited<ReturnType<typeof post>> & { reset?: boolean };
    expect(erased.reset).toBe(true);
    expect(erased.messages.map((m) => m.text).join('\n')).toMatch(/xoá/i);
    // The next read continues from the fresh mailbox without another reset.
    const next = (await post({ text: 'menu' })) as Awaited<ReturnType<typeof post>> & { reset?: boolean };
    expect(next.reset).toBeUndefined();
    expect(next.messages.length).toBeGreaterThan(0);
  });
});

describe('web chat delivery', () => {
  it('shows a reply once when the outbox delivered it twice (an outage between the write and its ack)', async () => {
    const { createWebChannel } = await import('../../../src/channels/web/adapter.ts');
    const { MemoryStore } = await import('../../../src/store/memory.ts');
    const Fastify = (await import('fastify')).default;
    const store = new MemoryStore();
    const web = createWebChannel({ inbound: { receive: async () => 'accepted' }, store, clock: { now: () => 0 }, translate: () => 'x', flush: async () => {}, mailboxTtlMs: 60_000 });
    const app = Fastify();
    await web.register(app);
    const key = { channel: 'web', account: 'default', user: 'retrieduser1' };
    const msg = (text: string) => ({ text, from: 'bot' as const, priority: 'normal' as const });
    await web.sender.send(key, msg('một'), { now: 0, itemId: 'a' });
    const first = (await app.inject({ url: '/api/chat/messages?user=retrieduser1&after=0' })).json() as { messages: { text: string }[]; last: number };
    expect(first.messages.map((m) => m.text)).toEqual(['một']);
    await web.sender.send(key, msg('một'), { now: 0, itemId: 'a' });
    await web.sender.send(key, msg('hai'), { now: 0, itemId: 'b' });
    await web.sender.send(key, msg('hai'), { now: 0, itemId: 'b' });
    const next = (await app.inject({ url: `/api/chat/messages?user=retrieduser1&after=${first.last}` })).json() as { messages: { text: string }[] };
    expect(next.messages.map((m) => m.text)).toEqual(['hai']);
    const all = (await app.inject({ url: '/api/chat/messages?user=retrieduser1&after=0' })).json() as { messages: { text: string; item?: string }[] };
    expect(all.messages.map((m) => m.text)).toEqual(['một', 'hai']);
    expect(all.messages.every((m) => m.item === undefined)).toBe(true);
    await app.close();
  });
});

describe('web chat rate limit', () => {
  it('answers a flood from one address with 429 and a clear message, and does not slow another address', async () => {
    server = await buildServer({ env: { LOG_LEVEL: 'silent', WEB_RATE_LIMIT_PER_MINUTE: '3' } });
    const post = (ip: string, n: number) =>
      server!.app.inject({ method: 'POST', url: '/api/chat/messages', remoteAddress: ip, payload: { user: `flooder-${ip.replace(/\./g, '')}`, id: `f${n}`, text: 'menu' } });
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) codes.push((await post('203.0.113.7', i)).statusCode);
    expect(codes).toEqual([200, 200, 200, 429, 429]);
    const limited = await post('203.0.113.7', 9);
    expect(limited.json()).toMatchObject({ error: 'rate_limited' });
    expect((await post('198.51.100.2', 1)).statusCode).toBe(200);
    // The page says so in the user's language instead of leaving the message hanging.
    expect((await server!.app.inject({ url: '/chat' })).body).toContain('Bạn gửi nhanh quá');
  });
});
