// The sending half on its own, against a local server answering like the Send API: the 24-hour and
// 7-day windows with a fake clock, the exact request bodies, and how platform errors become
// "retry later" or "final" results for the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMessengerChannel } from '../../../src/channels/messenger/index.ts';
import type { SendContext } from '../../../src/core/channel.ts';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { silentLog } from '../../../src/core/ports.ts';
import type { Translate } from '../../../src/core/translate.ts';
import { createTranslate } from '../../../src/i18n/index.ts';
import { APP_SECRET, GRAPH_ERRORS, PAGE, PAGE_TOKEN, T0, USER_A, VERIFY_TOKEN, startGraph, type FakeGraph } from './graph.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const key = { channel: 'messenger', account: PAGE, user: USER_A };
const bot = (text: string, extra: Partial<OutboundMessage> = {}): OutboundMessage => ({ text, from: 'bot', priority: 'normal', ...extra });
const agent = (text: string): OutboundMessage => ({ text, from: 'agent', priority: 'agent' });
const at = (sinceUser: number): SendContext => ({ now: T0 + sinceUser, lastUserAt: T0, lastUserMessageId: 'm_last' });

let graph: FakeGraph;
let translate: Translate;
let channel: ReturnType<typeof createMessengerChannel>;

beforeAll(async () => {
  graph = await startGraph();
  translate = await createTranslate();
  channel = createMessengerChannel({
    inbound: { receive: async () => 'accepted' },
    log: silentLog,
    translate,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    pageToken: PAGE_TOKEN,
    apiBase: graph.base,
  });
});
afterAll(() => graph.close());

const lastSent = () => graph.sent().at(-1);

describe('windows (fake clock)', () => {
  it('lets the bot answer only inside 24 hours of the user\'s last message', () => {
    expect(channel.sender.window(at(0), 'bot')).toEqual({ canSend: true, mode: 'RESPONSE', until: T0 + DAY });
    expect(channel.sender.window(at(DAY - 1), 'bot')).toMatchObject({ canSend: true, mode: 'RESPONSE' });
    const closed = channel.sender.window(at(DAY), 'bot');
    expect(closed).toEqual({ canSend: false, reasonKey: 'messenger.window.botClosed', reason: translate('vi', 'messenger.window.botClosed') });
  });

  it('lets a person answer for 24 hours, then with HUMAN_AGENT up to 7 days, then nobody', () => {
    expect(channel.sender.window(at(3 * HOUR), 'agent')).toEqual({
      canSend: true,
      mode: 'RESPONSE',
      until: T0 + DAY,
      then: { mode: 'HUMAN_AGENT', until: T0 + 7 * DAY },
    });
    expect(channel.sender.window(at(DAY), 'agent')).toEqual({ canSend: true, mode: 'HUMAN_AGENT', until: T0 + 7 * DAY });
    expect(channel.sender.window(at(7 * DAY - 1), 'agent')).toMatchObject({ canSend: true, mode: 'HUMAN_AGENT' });
    expect(channel.sender.window(at(7 * DAY), 'agent')).toEqual({ canSend: false, reasonKey: 'messenger.window.closed', reason: translate('vi', 'messenger.window.closed') });
  });

  it('has its reasons in every language the console speaks', () => {
    for (const k of ['messenger.window.botClosed', 'messenger.window.closed', 'messenger.window.refused', 'messenger.send.unreachable']) {
      expect(translate('en', k)).not.toBe(translate('vi', k));
    }
  });

  it('answers as a response when the user\'s last message is unknown (just erased)', () => {
    expect(channel.sender.window({ now: T0 }, 'bot')).toEqual({ canSend: true, mode: 'RESPONSE' });
  });
});

describe('send', () => {
  it('posts a bot reply as RESPONSE, to the user, with the page token and its appsecret proof', async () => {
    const r = await channel.sender.send(key, bot('Xin chào'), at(HOUR));
    expect(r).toEqual({ ok: true, platformIds: [expect.stringMatching(/^m_out_/)] });
    const req = graph.requests.at(-1)!;
    expect(req.method).toBe('POST');
    expect(req.path).toBe('/v25.0/me/messages');
    expect(req.query.get('access_token')).toBe(PAGE_TOKEN);
    expect(req.query.get('appsecret_proof')).toMatch(/^[0-9a-f]{64}$/);
    expect(req.body).toEqual({ recipient: { id: USER_A }, messaging_type: 'RESPONSE', message: { text: 'Xin chào' } });
  });

  it('tags a staff reply HUMAN_AGENT after 24 hours and refuses it after 7 days without calling the platform', async () => {
    await channel.sender.send(key, agent('Chị Lan: Em gửi hợp đồng cho chị nhé'), at(30 * HOUR));
    expect(lastSent()).toEqual({
      recipient: { id: USER_A },
      messaging_type: 'MESSAGE_TAG',
      tag: 'HUMAN_AGENT',
      message: { text: 'Chị Lan: Em gửi hợp đồng cho chị nhé' },
    });
    await channel.sender.send(key, agent('Chị Lan: còn trong 24 giờ'), at(2 * HOUR));
    expect(lastSent()).toEqual({ recipient: { id: USER_A }, messaging_type: 'RESPONSE', message: { text: 'Chị Lan: còn trong 24 giờ' } });

    const before = graph.requests.length;
    const late = await channel.sender.send(key, agent('Chị Lan: quá muộn'), at(7 * DAY + 1));
    expect(late).toEqual({ ok: false, retryable: false, reason: translate('vi', 'messenger.window.closed') });
    const botLate = await channel.sender.send(key, bot('Menu'), at(25 * HOUR));
    expect(botLate).toEqual({ ok: false, retryable: false, reason: translate('vi', 'messenger.window.botClosed') });
    expect(graph.requests.length).toBe(before);
  });

  it('turns the platform\'s window refusal (10/2018278) into a final failure with the reason', async () => {
    graph.failNext(GRAPH_ERRORS.outsideWindow);
    const r = await channel.sender.send(key, bot('Menu'), at(HOUR));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.retryable).toBe(false);
    expect(r.reason).toContain(translate('vi', 'messenger.window.refused'));
    expect(r.reason).toContain('2018278');
  });

  it('retries rate limits (613, 4), temporary faults and the network; not an unreachable user (551)', async () => {
    for (const e of [GRAPH_ERRORS.rateLimited, GRAPH_ERRORS.appRateLimited, GRAPH_ERRORS.serverError]) {
      graph.failNext(e);
      const r = await channel.sender.send(key, bot('Xin chào'), at(HOUR));
      expect(r, JSON.stringify(e.body)).toMatchObject({ ok: false, retryable: true });
    }
    graph.failNext({ ...GRAPH_ERRORS.rateLimited, headers: { 'x-business-use-case-usage': JSON.stringify({ [PAGE]: [{ type: 'messenger', call_count: 100, estimated_time_to_regain_access: 2 }] }) } });
    expect(await channel.sender.send(key, bot('Xin chào'), at(HOUR))).toMatchObject({ ok: false, retryable: true, retryAfterMs: 60_000 });
    graph.failNext({ status: 429, body: 'slow down', headers: { 'retry-after': '3' } });
    expect(await channel.sender.send(key, bot('Xin chào'), at(HOUR))).toMatchObject({ ok: false, retryable: true, retryAfterMs: 3000 });

    graph.failNext(GRAPH_ERRORS.unavailable);
    const gone = await channel.sender.send(key, bot('Xin chào'), at(HOUR));
    expect(gone).toMatchObject({ ok: false, retryable: false });
    expect(!gone.ok && gone.reason).toContain(translate('vi', 'messenger.send.unreachable'));

    const offline = createMessengerChannel({
      inbound: { receive: async () => 'accepted' },
      log: silentLog,
      translate,
      appSecret: APP_SECRET,
      verifyToken: VERIFY_TOKEN,
      pageToken: PAGE_TOKEN,
      apiBase: 'http://127.0.0.1:1/v25.0',
    });
    const r = await offline.sender.send(key, bot('Xin chào'), at(HOUR));
    expect(r).toMatchObject({ ok: false, retryable: true });
    expect(!r.ok && r.reason).not.toContain(PAGE_TOKEN);
  });

  it('resumes a long message after the parts already delivered when a retry follows a failure', async () => {
    const para = (n: number) => `Bước ${n}: hồ sơ gồm hộ chiếu, hợp đồng lao động và giấy xác nhận của công ty. `.repeat(25);
    const long = bot([para(1), para(2), para(3)].join('\n\n'));
    // The first part goes, the second hits a rate limit.
    graph.requests.length = 0;
    const ok = { status: 200, body: { recipient_id: USER_A, message_id: 'm_out_part1' } };
    graph.failNext(ok, GRAPH_ERRORS.rateLimited);
    const first = await channel.sender.send(key, long, at(HOUR));
    expect(first).toMatchObject({ ok: false, retryable: true });
    const retry = await channel.sender.send(key, long, at(HOUR));
    expect(retry.ok).toBe(true);
    const texts = graph.sent().map((b) => (b.message as { text: string }).text);
    expect(texts.length).toBe(4);
    // Part 2 was tried twice; part 1 was not sent again.
    expect(texts[1]).toBe(texts[2]);
    expect(new Set(texts).size).toBe(3);
    expect(texts.every((t) => t.length <= 2000)).toBe(true);
    expect(texts.map((t) => t.slice(0, 6))).toEqual(['Bước 1', 'Bước 2', 'Bước 2', 'Bước 3']);
    // Once delivered in full, the same message sent again goes out whole.
    graph.requests.length = 0;
    await channel.sender.send(key, long, at(HOUR));
    expect(graph.sent().length).toBe(3);
  });
});
