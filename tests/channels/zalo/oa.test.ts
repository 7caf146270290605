// A Zalo Official Account through the real server: the webhook signature (good, bad, missing, over
// the raw bytes), every event kind from the fixtures, deduplication by msg_id, buttons whose press
// comes back as text, numbered lists beyond five choices, token renewal, and a whole conversation
// through every topic and to a staff member, with the messaging windows on a hand-cranked clock.
import { afterEach, describe, expect, it } from 'vitest';
import type { Staff } from '../../../src/handoff/model.ts';
import { buildServer, type Server } from '../../../src/server.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';
import { fixture, oaChat, oaEnv, OA_APP_ID, pick, postOa, rawFixture, signOa, walkEveryTopic, type Reply } from './harness.ts';

const HOUR = 3600_000;

/**
 * Real time plus a jump forward when the test says so: a frozen clock would also freeze the
 * shared send-rate windows (counted in the store by this clock), and sends would wait forever.
 */
class JumpingClock {
  private offset = 0;
  now(): number {
    return Date.now() + this.offset;
  }
  advance(ms: number): void {
    this.offset += ms;
  }
}
let server: Server | undefined;
let fake: FakeZalo | undefined;
afterEach(async () => {
  await server?.close();
  await fake?.close();
  server = undefined;
  fake = undefined;
});

async function start(opts: { clock?: JumpingClock } = {}) {
  fake = await startFakeZalo();
  server = await buildServer({ env: oaEnv(fake), ...(opts.clock ? { clock: opts.clock } : {}) });
  return { server, fake };
}

const userId = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;

describe('zalo-oa webhook signature', () => {
  it('accepts a good signature, with or without mac=, computed over the raw bytes', async () => {
    const { server, fake } = await start();
    const raw = rawFixture('oa/user_send_text.json');
    const ts = String(fixture('oa/user_send_text.json').timestamp);
    // The fixture file as stored (indented, with a final newline): re-serialising would break it.
    expect((await postOa(server, raw, signOa(raw, ts))).statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.oaSends().length).toBeGreaterThan(0);
    const other = { ...fixture('oa/user_send_text.json'), message: { text: 'menu', msg_id: 'second-1' } };
    const body = JSON.stringify(other);
    expect((await postOa(server, body, `MAC=${signOa(body, ts).toUpperCase()}`)).statusCode).toBe(200);
  });

  it('refuses a missing, wrong or replayed-with-changes signature with 401, and broken JSON with 400', async () => {
    const { server, fake } = await start();
    const event = fixture('oa/user_send_text.json');
    const raw = JSON.stringify(event);
    const ts = String(event.timestamp);
    expect((await postOa(server, raw, null)).statusCode).toBe(401);
    expect((await postOa(server, raw, '')).statusCode).toBe(401);
    expect((await postOa(server, raw, signOa(raw, ts, 'another-secret'))).statusCode).toBe(401);
    expect((await postOa(server, raw, 'mac=not-hex')).statusCode).toBe(401);
    // A signature for one body does not cover another.
    const tampered = raw.replace('Xin chào', 'Xin chao!');
    expect((await postOa(server, tampered, signOa(raw, ts))).statusCode).toBe(401);
    // Nor for another timestamp.
    const later = JSON.stringify({ ...event, timestamp: String(Number(ts) + 1) });
    expect((await postOa(server, later, signOa(later, ts))).statusCode).toBe(401);
    const noTimestamp = JSON.stringify({ ...event, timestamp: undefined });
    expect((await postOa(server, noTimestamp, signOa(noTimestamp, ''))).statusCode).toBe(401);
    expect((await postOa(server, '{"event_name": "user_send_text"', 'mac=00')).statusCode).toBe(400);
    await server.outbox.idle();
    expect(fake.oaCalls()).toEqual([]);
  });
});

describe('zalo-oa events', () => {
  it('answers text and every media kind politely; follow welcomes; unfollow, echoes, form submissions and receipts send nothing', async () => {
    const { server, fake } = await start();
    const silent = ['oa/unfollow.json', 'oa/oa_send_text.json', 'oa/user_submit_info.json', 'oa/user_seen_message.json'];
    for (const file of silent) {
      expect((await postOa(server, fixture(file))).statusCode, file).toBe(200);
      await server.outbox.idle();
    }
    expect(fake.oaCalls()).toEqual([]);

    const welcome = await postOa(server, fixture('oa/follow.json'));
    expect(welcome.statusCode).toBe(200);
    await server.outbox.idle();
    expect(fake.oaSends()).toHaveLength(1);
    // A follow has no message to reply to: the welcome goes by user id.
    expect(fake.oaSends()[0]!.body.recipient).toEqual({ user_id: '4143066041574136869' });

    const media: [string, string][] = [
      // What a person can see or hear is offered to an officer.
      ['image', 'media.offer.image'],
      ['gif', 'media.offer.image'],
      ['sticker', 'unsupported.sticker'],
      ['audio', 'media.offer.audio'],
      ['video', 'media.offer.video'],
      ['file', 'media.offer.file'],
      ['location', 'media.offer.location'],
      ['link', 'unsupported.other'],
    ];
    for (const [kind, key] of media) {
      const event = fixture(`oa/user_send_${kind}.json`);
      const before = fake.oaSends().length;
      expect((await postOa(server, event)).statusCode, kind).toBe(200);
      await server.outbox.idle();
      const sent = fake.oaSends().slice(before);
      expect(sent.map((s) => (s.body.message as { text: string }).text).join('\n'), kind).toContain(server.translate('vi', key));
      // Replies quote the user's message: free inside 48 hours.
      expect(sent[0]!.body.recipient, kind).toEqual({ message_id: (event.message as { msg_id: string }).msg_id });
    }
  });

  it('drops a redelivered event with the same msg_id', async () => {
    const { server, fake } = await start();
    await postOa(server, fixture('oa/user_send_text.json'));
    await server.outbox.idle();
    const sent = fake.oaSends().length;
    expect(sent).toBeGreaterThan(0);
    await postOa(server, fixture('oa/user_send_text.json'));
    await server.outbox.idle();
    expect(fake.oaSends().length).toBe(sent);
  });

  it('sends up to five choices as buttons whose press maps back to the choice; more as a numbered list', async () => {
    const { server, fake } = await start();
    const chat = oaChat(server, fake, userId());
    const first = (await chat.say('xin chào')).at(-1)!;
    expect(first.options.length).toBeGreaterThanOrEqual(2);
    const asButtons = (r: Reply) => r.options.every((o) => o.answer.startsWith('#c:'));

    // Walk until a list of more than five choices and one of at most five were both seen.
    let many: Reply | undefined;
    let few: Reply | undefined;
    let current = first;
    for (let i = 0; i < 4 && (!many || !few); i++) {
      if (current.options.length > 5) many ??= current;
      else if (current.options.length > 0) few ??= current;
      current = (await chat.say(current.options[0]!.answer)).at(-1)!;
    }
    if (!few) few = (await chat.say('menu')).at(-1)!;
    expect(few.options.length).toBeLessThanOrEqual(5);
    expect(asButtons(few)).toBe(true);
    const sentFew = fake.oaSends().find((s) => (s.body.message as { text: string }).text === few!.text)!;
    expect((sentFew.body.message as { attachment: { payload: { buttons: { type: string }[] } } }).attachment.payload.buttons.every((b) => b.type === 'oa.query.hide')).toBe(true);
    // The countries offered are more than five.
    expect(many).toBeDefined();
    expect(asButtons(many!)).toBe(false);
    expect(many!.text).toMatch(/^6\. /m);

    // A pressed button (its payload as the user's text) selects exactly like typing the digit.
    const pressed = await chat.say(few.options[0]!.answer);
    const menuAgain = (await chat.say('menu')).at(-1)!;
    const typed = await chat.say('1');
    expect(pressed.length).toBeGreaterThan(0);
    expect(typed.map((r) => r.text)).toEqual(pressed.map((r) => r.text));
    expect(menuAgain.options.length).toBeGreaterThan(0);
  });

  it('renews an expired access token once and delivers the reply', async () => {
    const { server, fake } = await start();
    fake.validAccess = 'access-expired-elsewhere';
    const replies = await oaChat(server, fake, userId()).say('xin chào');
    expect(replies.length).toBeGreaterThan(0);
    expect(fake.refreshCalls).toBe(1);
    expect(fake.oaCalls()[0]!.headers['access_token']).toBe('access-1');
    expect(fake.oaSends().every((s) => s.headers['access_token'] === fake.validAccess)).toBe(true);
  });
});

describe('zalo-oa conversation', () => {
  it('reaches every topic and a person; staff replies go out by message id, then as consultation, then are refused', async () => {
    const clock = new JumpingClock();
    const { server, fake } = await start({ clock });
    const user = userId();
    const chat = oaChat(server, fake, user, () => clock.now());
    await chat.follow();
    await chat.say('xin chào');
    const topics = await walkEveryTopic(chat, {
      menu: server.translate('vi', 'choices.menu'),
      staff: server.translate('vi', 'menu.staff'),
      country: 'Đài Loan',
    });
    expect(topics.size).toBeGreaterThanOrEqual(4);
    expect(Math.max(...[...topics.values()].flat().map((t) => t.length))).toBeGreaterThan(200);

    // To a person, by the menu's button.
    const menu = (await chat.say('menu')).at(-1)!;
    let replies = await chat.say(pick(menu, server.translate('vi', 'menu.staff')));
    for (let i = 0; i < 3 && (await server.handoff.list()).length === 0; i++) {
      const country = replies.at(-1)?.options.find((o) => o.label === 'Đài Loan');
      if (!country) break;
      replies = await chat.say(country.answer);
    }
    const [h] = await server.handoff.list();
    expect(h).toMatchObject({ key: { channel: 'zalo-oa', user }, status: 'waiting' });
    const staff: Staff = { id: 'minh', name: 'Anh Minh', role: 'agent', missions: [h!.mission!] };
    await server.handoff.claim(h!.id, staff);
    await server.outbox.idle();
    expect(String((fake.oaSends().at(-1)!.body.message as { text: string }).text)).toContain('Anh Minh');

    expect(await chat.say('em bị giữ hộ chiếu')).toEqual([]);
    const lastMsg = chat.lastMsgId();

    // Inside 48 hours: a free reply quoting the user's last message.
    await server.handoff.reply(h!.id, staff, 'Chủ giữ hộ chiếu từ khi nào em?');
    await server.outbox.idle();
    const free = fake.oaSends().at(-1)!;
    expect(free.body.recipient).toEqual({ message_id: lastMsg });
    expect(String((free.body.message as { text: string }).text)).toContain('Chủ giữ hộ chiếu từ khi nào em?');

    // Three days later: a consultation message by user id.
    clock.advance(72 * HOUR);
    await server.handoff.reply(h!.id, staff, 'Em còn cần giúp không?');
    await server.outbox.idle();
    const consultation = fake.oaSends().at(-1)!;
    expect(consultation.body.recipient).toEqual({ user_id: user });
    expect(String((consultation.body.message as { text: string }).text)).toContain('Em còn cần giúp không?');

    // Past seven days: nothing reaches Zalo, and the reason is given.
    clock.advance(5 * 24 * HOUR);
    const calls = fake.oaCalls().length;
    const outcome = await server.handoff.reply(h!.id, staff, 'Chị gọi lại cho em nhé').then(
      () => undefined,
      (err: unknown) => err,
    );
    await server.outbox.idle();
    expect(fake.oaCalls().length).toBe(calls);
    const expected = server.translate('vi', 'zalo.window.closedSince', { last: '', until: '' }).slice(0, 20);
    if (outcome === undefined) {
      // A desk that does not check windows first: the outbox refuses it and keeps the reason.
      expect((await server.store.deadLetters(10)).at(-1)?.lastError).toContain(expected);
    } else {
      expect(outcome).toMatchObject({ code: 'window_closed' });
      expect((outcome as { reason?: string }).reason).toContain(expected);
    }

    // The user writes again: the window reopens and the staff reply goes out for free.
    await chat.say('dạ em đây');
    await server.handoff.reply(h!.id, staff, 'Chị gọi lại cho em nhé');
    await server.outbox.idle();
    expect(fake.oaSends().at(-1)!.body.recipient).toEqual({ message_id: chat.lastMsgId() });

    await server.handoff.close(h!.id, staff);
    await server.outbox.idle();
    expect(fake.oaSends().at(-1)!.body.recipient).toEqual({ message_id: chat.lastMsgId() });
    expect((await chat.say('menu')).length).toBeGreaterThan(0);
    expect(OA_APP_ID).toBe('360846524940903967');
  });
});
