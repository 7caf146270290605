// The OA sender against a fake Zalo, with a hand-cranked clock: free replies by message_id (8 per
// user message, 48 h), consultation messages by user_id up to 7 days, refusal with a reason after
// that; the window the console reads; an expired token renewed once; temporary failures retryable.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloHttp } from '../../../src/channels/zalo/client.ts';
import { createZaloOaChannel, type ZaloOaChannel } from '../../../src/channels/zalo/oa/adapter.ts';
import type { SendContext } from '../../../src/core/channel.ts';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { silentLog } from '../../../src/core/ports.ts';
import { createTranslate } from '../../../src/i18n/index.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import { ManualClock } from '../../handoff/fixtures.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 2, 2, 8, 0);
const key = { channel: 'zalo-oa', account: '579745863508352884', user: '4143066041574136869' };
const text = (t: string, over: Partial<OutboundMessage> = {}): OutboundMessage => ({ text: t, from: 'bot', priority: 'normal', ...over });

let fake: FakeZalo;
let clock: ManualClock;
let oa: ZaloOaChannel;

beforeEach(async () => {
  fake = await startFakeZalo();
  clock = new ManualClock(T0);
  oa = createZaloOaChannel({
    inbound: { receive: async () => 'accepted' },
    store: new MemoryStore(clock),
    clock,
    log: silentLog,
    translate: await createTranslate(),
    http: createZaloHttp({ minIntervalMs: 0, sleep: async () => {} }),
    settings: {
      appId: 'app1',
      oaSecretKey: 'oa-secret',
      appSecret: 'app-secret',
      accessToken: 'access-1',
      refreshToken: 'refresh-1',
      apiBase: fake.base,
      oauthBase: fake.base,
    },
  });
});
afterEach(async () => {
  await oa.stop();
  await fake.close();
});

const ctx = (over: Partial<SendContext> = {}): SendContext => ({ now: clock.now(), lastUserAt: T0, lastUserMessageId: 'msg-1', ...over });
const recipients = () => fake.oaSends().map((r) => r.body.recipient);

describe('zalo-oa windows', () => {
  it('replies by message_id inside 48 hours, 8 per user message, then as consultation', async () => {
    for (let i = 0; i < 9; i++) expect(await oa.sender.send(key, text(`trả lời ${i}`), ctx())).toMatchObject({ ok: true });
    expect(recipients().slice(0, 8)).toEqual(Array.from({ length: 8 }, () => ({ message_id: 'msg-1' })));
    expect(recipients()[8]).toEqual({ user_id: key.user });
    // A new user message opens a new count.
    await oa.sender.send(key, text('mới'), ctx({ lastUserMessageId: 'msg-2' }));
    expect(recipients().at(-1)).toEqual({ message_id: 'msg-2' });
  });

  it('after 48 hours a staff reply goes as consultation until 7 days, then is refused with the reason', async () => {
    clock.advance(47 * HOUR);
    expect(oa.sender.window(ctx({ now: clock.now() }), 'agent')).toEqual({
      canSend: true,
      mode: 'FREE_REPLY',
      until: T0 + 48 * HOUR,
      then: { mode: 'CONSULTATION', until: T0 + 7 * 24 * HOUR },
    });

    clock.advance(2 * HOUR);
    const agent = text('Chị Lan: em gửi giúp chị bản hợp đồng nhé', { from: 'agent' });
    expect(oa.sender.window(ctx({ now: clock.now() }), 'agent')).toEqual({ canSend: true, mode: 'CONSULTATION', until: T0 + 7 * 24 * HOUR });
    expect(await oa.sender.send(key, agent, ctx({ now: clock.now() }))).toMatchObject({ ok: true });
    expect(recipients().at(-1)).toEqual({ user_id: key.user });

    clock.advance(6 * 24 * HOUR);
    const closed = oa.sender.window(ctx({ now: clock.now() }), 'agent');
    expect(closed).toMatchObject({ canSend: false, reasonKey: 'zalo.window.closed' });
    expect(closed.reason).toContain('2026-03-02 08:00 UTC');
    expect(closed.reason).toContain('2026-03-09 08:00 UTC');
    const calls = fake.requests.length;
    const refused = await oa.sender.send(key, agent, ctx({ now: clock.now() }));
    expect(refused).toEqual({ ok: false, retryable: false, reason: closed.reason });
    expect(fake.requests.length).toBe(calls);
  });

  it('without a user message id (a follow, an erased conversation) it writes as consultation', async () => {
    await oa.sender.send(key, text('Chào mừng'), ctx({ lastUserMessageId: 'zoa:follow:u:1' }));
    await oa.sender.send(key, text('Đã xoá'), { now: clock.now() });
    expect(recipients()).toEqual([{ user_id: key.user }, { user_id: key.user }]);
  });

  it('a free reply Zalo refuses (quota or window by its own count) is sent once more as consultation', async () => {
    fake.override = (r) => ((r.body.recipient as Record<string, string>).message_id ? { body: { error: -230, message: 'User has not interacted in the last 48 hours' } } : undefined);
    expect(await oa.sender.send(key, text('xin chào'), ctx())).toMatchObject({ ok: true });
    expect(fake.oaCalls().map((r) => r.body.recipient)).toEqual([{ message_id: 'msg-1' }, { user_id: key.user }]);
  });
});

describe('zalo-oa send', () => {
  it('an expired token is renewed once and the send succeeds', async () => {
    fake.validAccess = 'access-2';
    fake.validRefresh = 'refresh-1';
    expect(await oa.sender.send(key, text('xin chào'), ctx())).toMatchObject({ ok: true });
    const calls = fake.oaCalls();
    expect(calls.map((c) => c.headers['access_token'])).toEqual(['access-1', fake.validAccess]);
    expect(fake.refreshCalls).toBe(1);
    // The next send uses the renewed token straight away.
    await oa.sender.send(key, text('lần hai'), ctx());
    expect(fake.oaCalls().at(-1)!.headers['access_token']).toBe(fake.validAccess);
    expect(fake.refreshCalls).toBe(1);
  });

  it('two sends refused at once make one refresh call', async () => {
    fake.validAccess = 'access-2';
    fake.oauthDelayMs = 50;
    const results = await Promise.all([
      oa.sender.send(key, text('một'), ctx()),
      oa.sender.send({ ...key, user: '42' }, text('hai'), ctx()),
    ]);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(fake.refreshCalls).toBe(1);
  });

  it('HTTP 200 with a non-zero error is a failure; 5xx and rate limits are retryable', async () => {
    fake.override = () => ({ body: { error: -201, message: 'Parameters are invalid' } });
    expect(await oa.sender.send(key, text('x'), ctx({ lastUserMessageId: undefined }))).toEqual({
      ok: false,
      retryable: false,
      reason: 'zalo-oa send failed (error -201): Parameters are invalid',
    });
    fake.override = () => ({ status: 503, body: 'busy' });
    expect(await oa.sender.send(key, text('x'), ctx())).toMatchObject({ ok: false, retryable: true });
    fake.override = () => ({ status: 429, body: {}, headers: { 'retry-after': '3' } });
    expect(await oa.sender.send(key, text('x'), ctx())).toMatchObject({ ok: false, retryable: true, retryAfterMs: 3000 });
  });

  it('a long message retried after a failure does not send its first parts twice', async () => {
    const long = text(Array.from({ length: 3 }, (_, i) => `${i}`.repeat(1500)).join('\n\n'));
    // The second part fails (beyond the client's own retries) until Zalo recovers.
    let down = true;
    fake.override = (r) => (down && String((r.body.message as { text: string }).text).startsWith('1') ? { status: 500, body: {} } : undefined);
    const first = await oa.sender.send(key, long, ctx());
    expect(first).toMatchObject({ ok: false, retryable: true });
    down = false;
    const second = await oa.sender.send(key, long, ctx());
    expect(second.ok).toBe(true);
    expect(fake.oaTexts().map((t) => t[0])).toEqual(['0', '1', '2']);
  });
});
