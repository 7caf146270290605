// A whole conversation on Messenger through the webhook and the Send API: Get Started, language and
// country by quick replies, every topic of the menu walked to its answer (by payloads, and by a
// typed digit), then a person: a staff member claims the chat and replies through the Send API —
// as a response inside 24 hours, with the HUMAN_AGENT tag after, refused after 7 days — and closes
// it, and the user is told they are back with the assistant. The topic content is being rewritten,
// so this asserts the structure of the conversation, not the articles' wording.
import { afterEach, describe, expect, it } from 'vitest';
import { HandoffError } from '../../../src/handoff/queue.ts';
import type { Staff } from '../../../src/handoff/model.ts';
import {
  PAGE,
  USER_A,
  asSent,
  envelope,
  messengerServer,
  payloadsOf,
  postbackEvent,
  quickReplyEvent,
  textEvent,
  textOf,
  type MessengerTestServer,
  type SentMessage,
} from './harness.ts';

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const key = { channel: 'messenger', account: PAGE, user: USER_A };
const TOPICS = ['topic_contract_liquidation', 'topic_return_registration', 'topic_support_fund', 'topic_hotline'];

let server: MessengerTestServer | undefined;
afterEach(async () => {
  await server?.shutdown();
  server = undefined;
});

/** One Messenger user: sends events as the platform would and reads what the page sent back. */
class User {
  private seen = 0;
  last: SentMessage | undefined;

  constructor(private readonly s: MessengerTestServer) {}

  /** Messages sent to this user since the last look. */
  news(): SentMessage[] {
    const all = this.s.graph.sent().map(asSent).filter((m) => m.recipient.id === USER_A);
    const fresh = all.slice(this.seen);
    this.seen = all.length;
    if (fresh.length > 0) this.last = fresh.at(-1);
    return fresh;
  }

  async send(event: Record<string, unknown>): Promise<SentMessage[]> {
    // A few seconds between messages, as a person types (and under the flood guard).
    this.s.clock.advance(5_000);
    const res = await this.s.post(envelope({ ...event, timestamp: this.s.clock.now() }));
    expect(res.status).toBe(200);
    await this.s.settle();
    return this.news();
  }

  type(text: string): Promise<SentMessage[]> {
    return this.send(textEvent(USER_A, text, 0));
  }

  /** Taps the quick reply or button carrying `payload`; when the choices went as a numbered list, types its digit. */
  async choose(payload: string): Promise<SentMessage[]> {
    const m = this.last;
    const quick = m?.message.quick_replies?.find((q) => q.payload === payload);
    if (quick) return this.send(quickReplyEvent(USER_A, payload, quick.title, 0));
    const button = m?.message.attachment?.payload.buttons.find((b) => b.payload === payload);
    if (button) return this.send(postbackEvent(USER_A, payload, button.title, 0));
    const pending = (await this.s.store.getConversation(key))?.pending ?? [];
    const n = pending.findIndex((c) => c.id === payload);
    if (n < 0) throw new Error(`"${payload}" is not offered; last message: ${JSON.stringify(m)}`);
    return this.type(String(n + 1));
  }
}

/** Every message the page sends is a well-formed Send API body for this user. */
function expectWellFormed(messages: SentMessage[], type = 'RESPONSE') {
  for (const m of messages) {
    expect(m.recipient).toEqual({ id: USER_A });
    expect(m.messaging_type).toBe(type);
    const text = textOf(m);
    expect(text.length).toBeGreaterThan(0);
    expect(text.length).toBeLessThanOrEqual(m.message.attachment ? 640 : 2000);
    for (const q of m.message.quick_replies ?? []) {
      expect(q.content_type).toBe('text');
      expect([...q.title].length).toBeLessThanOrEqual(20);
    }
    expect((m.message.quick_replies ?? []).length).toBeLessThanOrEqual(13);
  }
}

describe('a Messenger conversation', () => {
  it('reaches every topic and a person with quick replies; the person\'s replies follow the windows', async () => {
    server = await messengerServer();
    const s = server;
    const vi = (k: string, vars?: Record<string, unknown>) => s.translate('vi', k, vars);
    const user = new User(s);

    // Get Started → language → country → menu.
    const hello = await user.send(postbackEvent(USER_A, 'GET_STARTED', 'Bắt đầu', 0));
    expect(payloadsOf(hello.at(-1)!)).toEqual(['lang_vi', 'lang_en']);
    const welcome = await user.choose('lang_vi');
    expect(welcome.map(textOf).join('\n')).toContain(vi('welcome.text').slice(0, 30));
    expect(payloadsOf(user.last!).length === 0 || payloadsOf(user.last!).every((p) => p.startsWith('country_'))).toBe(true);
    const menu = await user.choose('country_JP');
    const menuPayloads = payloadsOf(menu.at(-1)!);
    expect(menuPayloads).toEqual(expect.arrayContaining([...TOPICS, 'staff']));
    expectWellFormed([...hello, ...welcome, ...menu]);

    // Every topic, walked to its answer by tapping the first option at each step.
    for (const topic of TOPICS) {
      const got = await user.choose(topic);
      expect(got.length, topic).toBeGreaterThan(0);
      const seen = [...got];
      for (let step = 0; step < 10; step++) {
        const option = payloadsOf(user.last!).find((p) => p.startsWith('o_') || p.startsWith('country_'));
        if (!option) break;
        seen.push(...(await user.choose(option)));
      }
      expectWellFormed(seen);
      const end = payloadsOf(user.last!);
      // Each topic ends on an answer offering the way back (or, while a topic is being written, the menu itself).
      expect(end.includes('menu') || TOPICS.every((t) => end.includes(t)), `${topic} ends with ${JSON.stringify(end)}`).toBe(true);
      const said = seen.map(textOf).join('\n');
      expect(said.length, topic).toBeGreaterThan(vi('next.prompt').length + 20);
      if (end.includes('menu')) await user.choose('menu');
      expect(payloadsOf(user.last!)).toEqual(expect.arrayContaining(TOPICS));
    }

    // A typed digit selects from the menu just as a tap does.
    const byDigit = await user.type(String(menuPayloads.indexOf('topic_contract_liquidation') + 1));
    expect(byDigit.length).toBeGreaterThan(0);
    expect(payloadsOf(user.last!)).not.toEqual(menuPayloads);
    await user.type('menu');

    // A person: the hand-off is queued for the user's mission.
    const asked = await user.choose('staff');
    expect(asked.map(textOf).join('\n')).toContain(vi('handoff.requested'));
    const [h] = await s.handoff.list();
    expect(h).toMatchObject({ key, status: 'waiting', country: 'JP' });
    expect(h!.mission).toBeDefined();
    const staff: Staff = { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] };

    await s.handoff.claim(h!.id, staff);
    await s.settle();
    const assigned = user.news();
    expect(assigned).toHaveLength(1);
    expectWellFormed(assigned);
    expect(textOf(assigned[0]!)).toContain('Chị Lan');

    // While the person holds the chat the bot says nothing; the user's words reach the person.
    expect(await user.type('em bi cong ty giu ho chieu')).toEqual([]);
    expect((await s.handoff.transcript(h!)).some((e) => e.from === 'user' && e.text === 'em bi cong ty giu ho chieu')).toBe(true);

    // Inside 24 hours: a plain response.
    await s.handoff.reply(h!.id, staff, 'Em làm ở tỉnh nào?');
    await s.settle();
    const inWindow = user.news();
    expect(inWindow).toEqual([
      { recipient: { id: USER_A }, messaging_type: 'RESPONSE', message: { text: vi('handoff.agentSays', { name: 'Chị Lan', text: 'Em làm ở tỉnh nào?' }) } },
    ]);

    // 30 hours after the user's last message: only a person may write, with the HUMAN_AGENT tag.
    s.clock.advance(30 * HOUR);
    await s.handoff.reply(h!.id, staff, 'Chị đã liên hệ công ty của em.');
    await s.settle();
    expect(user.news()).toEqual([
      {
        recipient: { id: USER_A },
        messaging_type: 'MESSAGE_TAG',
        tag: 'HUMAN_AGENT',
        message: { text: vi('handoff.agentSays', { name: 'Chị Lan', text: 'Chị đã liên hệ công ty của em.' }) },
      },
    ]);

    // Past 7 days: refused with the reason the console shows, and nothing reaches the platform.
    s.clock.advance(6 * DAY);
    const before = s.graph.requests.length;
    const refused = await s.handoff.reply(h!.id, staff, 'Em còn ở đó không?').then(
      () => undefined,
      (err: unknown) => err,
    );
    await s.settle();
    // The desk may refuse it up front (it asks the channel's window), or the outbox gives it up.
    const reason =
      refused instanceof HandoffError
        ? (refused as HandoffError & { reason?: string }).reason
        : (await s.store.deadLetters(50)).find((d) => d.key.user === USER_A && d.message.from === 'agent')?.lastError;
    expect(reason).toBe(vi('messenger.window.closed'));
    expect(s.graph.requests.length).toBe(before);

    // The user writes again: the window opens again, and closing the chat is announced to them.
    expect(await user.type('chi oi em van o day')).toEqual([]);
    await s.handoff.reply(h!.id, staff, 'Chị sẽ gọi cho em chiều nay.');
    await s.handoff.close(h!.id, staff);
    await s.settle();
    const closing = user.news();
    expectWellFormed(closing);
    expect(textOf(closing[0]!)).toContain('Chị sẽ gọi cho em chiều nay.');
    const back = closing.at(-1)!;
    expect(textOf(back)).toContain(vi('handoff.closed'));
    expect(payloadsOf(back)).toEqual(expect.arrayContaining(TOPICS));
    // And the assistant answers again.
    expect((await user.choose('topic_hotline')).length).toBeGreaterThan(0);
  });

  it('does not let the bot write after 24 hours, even when a chat is closed late', async () => {
    server = await messengerServer();
    const s = server;
    const user = new User(s);
    await user.send(postbackEvent(USER_A, 'GET_STARTED', 'Bắt đầu', 0));
    await user.choose('lang_vi');
    await user.choose('country_JP');
    await user.choose('staff');
    const [h] = await s.handoff.list();
    const staff: Staff = { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] };
    await s.handoff.claim(h!.id, staff);
    await s.settle();
    user.news();

    s.clock.advance(2 * DAY);
    const before = s.graph.requests.length;
    await s.handoff.close(h!.id, staff);
    await s.settle();
    // The assistant's "you are back with me" would be an automated message outside the window:
    // not sent, and if it was queued, given up with the reason rather than retried.
    expect(s.graph.requests.length).toBe(before);
    expect(await s.store.outboxPeek(key, 10)).toEqual([]);
    const dead = (await s.store.deadLetters(50)).filter((d) => d.key.user === USER_A);
    expect(dead.every((d) => d.lastError === s.translate('vi', 'messenger.window.botClosed'))).toBe(true);
    // The user is with the assistant again all the same, and it answers when they write.
    expect(await s.handoff.isHeld(key)).toBe(false);
    expect((await user.type('menu')).length).toBeGreaterThan(0);
  });
});
