// People Messenger names only by a user_ref — a guest of the website chat plugin, someone who
// ticked the checkbox plugin — through the signed webhook: their messages and postbacks are a
// conversation, and every reply goes to `recipient: {user_ref}`.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../src/core/translate.ts';
import { serverTranslate } from '../../helpers/translate.ts';
import { envelope, messengerServer, PAGE, payloadsOf, asSent, type MessengerTestServer } from './harness.ts';

let t: Translate;
let s: MessengerTestServer | undefined;
beforeAll(async () => {
  t = await serverTranslate();
});
afterEach(async () => {
  await s?.shutdown();
  s = undefined;
});

const GUEST = 'guest_5f2c9a41e7b3';
let seq = 0;
const mid = () => `m_guest${++seq}${'g'.repeat(40)}`;

describe('Messenger: people known only by a user_ref', () => {
  it('a chat-plugin guest writes and taps: answered to recipient {user_ref}, one conversation', async () => {
    s = await messengerServer();
    const at = s.clock.now();
    const first = { sender: { user_ref: GUEST }, recipient: { id: PAGE }, timestamp: at, message: { mid: mid(), text: 'xin chào' } };
    expect((await s.post(envelope(first))).status).toBe(200);
    await s.settle();
    const sent = s.graph.sent();
    expect(sent.length).toBeGreaterThan(0);
    for (const b of sent) expect(b.recipient).toEqual({ user_ref: GUEST });
    const offered = payloadsOf(asSent(sent.at(-1)!));
    expect(offered.length).toBeGreaterThan(0);

    // A postback from the guest (a button of that reply) is their choice, in the same conversation.
    const before = sent.length;
    const tap = { sender: { user_ref: GUEST }, recipient: { id: PAGE }, timestamp: at + 1, postback: { mid: mid(), title: 'Nhật Bản', payload: 'country_JP' } };
    expect((await s.post(envelope(tap))).status).toBe(200);
    await s.settle();
    const after = s.graph.sent().slice(before);
    expect(after.length).toBeGreaterThan(0);
    for (const b of after) expect(b.recipient).toEqual({ user_ref: GUEST });
    const record = await s.store.getConversation({ channel: 'messenger', account: PAGE, user: `ref.${GUEST}` });
    expect(record?.country).toBe('JP');
    // A redelivery of the postback changes nothing.
    const count = s.graph.sent().length;
    expect((await s.post(envelope(tap))).status).toBe(200);
    await s.settle();
    expect(s.graph.sent().length).toBe(count);
  });

  it('a ticked checkbox plugin (optin with a user_ref) starts a conversation, answered by user_ref', async () => {
    s = await messengerServer();
    const optin = { recipient: { id: PAGE }, timestamp: s.clock.now(), optin: { ref: 'signup-page', user_ref: 'cb_77a1d0' } };
    expect((await s.post(envelope(optin))).status).toBe(200);
    await s.settle();
    const sent = s.graph.sent();
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.every((b) => JSON.stringify(b.recipient) === JSON.stringify({ user_ref: 'cb_77a1d0' }))).toBe(true);
    // A start, as the Get Started button is: the first step of the welcome, not "I can't read that".
    expect(JSON.stringify(sent)).not.toContain(t('vi', 'unsupported.other'));
    expect(await s.store.getConversation({ channel: 'messenger', account: PAGE, user: 'ref.cb_77a1d0' })).toBeDefined();
  });

  it('an event with neither an id nor a user_ref is skipped, the rest of the body still answered', async () => {
    s = await messengerServer();
    const at = s.clock.now();
    const nobody = { sender: {}, recipient: { id: PAGE }, timestamp: at, message: { mid: mid(), text: 'xin chào' } };
    const guest = { sender: { user_ref: GUEST }, recipient: { id: PAGE }, timestamp: at, message: { mid: mid(), text: 'xin chào' } };
    expect((await s.post(envelope(nobody, guest))).status).toBe(200);
    await s.settle();
    const sent = s.graph.sent();
    expect(sent.length).toBeGreaterThan(0);
    for (const b of sent) expect(b.recipient).toEqual({ user_ref: GUEST });
  });
});
