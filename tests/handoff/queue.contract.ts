// The hand-off queue's promises, run on each store (memory here, Redis in the *.redis.test.ts twin).
import { describe, expect, it } from 'vitest';
import type { SendWindow } from '../../src/core/channel.ts';
import type { HandoffRequest } from '../../src/core/conversation.ts';
import type { SystemEvent } from '../../src/core/effects.ts';
import type { ConversationKey } from '../../src/core/messages.ts';
import { silentLog, type Store } from '../../src/core/ports.ts';
import { HandoffError, HandoffQueue } from '../../src/handoff/queue.ts';
import { HandoffSweeper } from '../../src/handoff/sweeper.ts';
import { ManualClock, missions, taipeiAgent, tokyoAgent, TOKYO_SAT_10AM, TOKYO_WED_10AM } from './fixtures.ts';

const translate = (locale: string, key: string, vars?: Record<string, unknown>) =>
  key === 'handoff.days' ? 'T2,T3,T4,T5,T6,T7,CN' : `${locale}:${key}${vars ? JSON.stringify(vars) : ''}`;
const user = (id: string): ConversationKey => ({ channel: 'telegram', account: 'bot', user: id });
const request = (id: string, over: Partial<HandoffRequest> = {}): HandoffRequest => ({
  key: user(id),
  reason: 'asked',
  priority: 'normal',
  locale: 'vi',
  country: 'JP',
  at: 0,
  ...over,
});

function queueOn(store: Store, clock: ManualClock, window?: (key: ConversationKey, from: 'bot' | 'agent') => Promise<SendWindow | undefined>) {
  const notified: { key: ConversationKey; event: SystemEvent }[] = [];
  const queue = new HandoffQueue({
    ...(window ? { window } : {}),
    store,
    clock,
    log: silentLog,
    translate,
    missions,
    emergencyLines: (locale, country) => `${locale}:lines:${country}`,
    notify: async (key, event) => {
      notified.push({ key, event });
    },
    kick: () => {},
    options: { offerAfterMs: 15 * 60_000, expireAfterMs: 24 * 3600_000, retentionMs: 7 * 24 * 3600_000 },
  });
  return { queue, notified };
}

const texts = async (store: Store, key: ConversationKey) => (await store.outboxPeek(key, 50)).map((i) => i.message.text);

export function queueContract(name: string, make: () => Promise<{ store: Store; second?: () => Promise<Store>; done: () => Promise<void> }>) {
  describe(`hand-off queue on the ${name} store`, () => {
    const run = (fn: (store: Store, clock: ManualClock, second?: () => Promise<Store>) => Promise<void>) => async () => {
      const { store, second, done } = await make();
      try {
        await fn(store, new ManualClock(TOKYO_WED_10AM), second);
      } finally {
        await done();
      }
    };

    it(
      'puts emergencies first, then whoever waited longest, and keeps one open hand-off per conversation',
      run(async (store, clock) => {
        const { queue } = queueOn(store, clock);
        await queue.open(request('a'));
        clock.advance(60_000);
        await queue.open(request('b'));
        clock.advance(60_000);
        await queue.open(request('c', { priority: 'emergency', reason: 'emergency' }));
        await queue.open(request('a'));
        expect((await queue.list()).map((h) => h.key.user)).toEqual(['c', 'a', 'b']);
        // An emergency in a chat already queued raises it.
        clock.advance(60_000);
        await queue.open(request('b', { priority: 'emergency', reason: 'emergency' }));
        const list = await queue.list();
        expect(list.map((h) => h.key.user)).toEqual(['b', 'c', 'a']);
        expect(list[0]!.history.map((e) => e.event)).toEqual(['waiting', 'raised']);
      }),
    );

    it(
      'routes by country and city and shows each mission only its own chats',
      run(async (store, clock) => {
        const { queue } = queueOn(store, clock);
        await queue.open(request('tokyo-user'));
        await queue.open(request('osaka-user', { city: 'osaka' }));
        await queue.open(request('taipei-user', { country: 'TW' }));
        await queue.open(request('nowhere-user', { country: undefined }));
        expect((await queue.list(['jp-tokyo'])).map((h) => h.key.user)).toEqual(['tokyo-user']);
        expect((await queue.list(['jp-osaka'])).map((h) => h.key.user)).toEqual(['osaka-user']);
        expect((await queue.list(['tw-taipei'])).map((h) => h.key.user)).toEqual(['taipei-user']);
        expect((await queue.list()).find((h) => h.key.user === 'nowhere-user')?.mission).toBeUndefined();
      }),
    );

    it(
      'claim → reply → close: the user hears each step, the bot is silent meanwhile, then is back',
      run(async (store, clock) => {
        const { queue, notified } = queueOn(store, clock);
        await queue.open(request('u'));
        const [h] = await queue.list(['jp-tokyo']);
        expect(await queue.isHeld(user('u'))).toBe(false);
        await expect(queue.reply(h!.id, tokyoAgent, 'chào em')).rejects.toMatchObject({ code: 'not_assigned_to_you' });
        await queue.claim(h!.id, tokyoAgent);
        expect(await queue.isHeld(user('u'))).toBe(true);
        await expect(queue.claim(h!.id, taipeiAgent)).rejects.toBeInstanceOf(HandoffError);
        await queue.reply(h!.id, tokyoAgent, 'Chào em, chị là cán bộ lãnh sự.');
        expect(await texts(store, user('u'))).toEqual([
          'vi:handoff.assigned{"name":"Chị Lan","mission":"Đại sứ quán tại Tokyo"}',
          'vi:handoff.agentSays{"name":"Chị Lan","text":"Chào em, chị là cán bộ lãnh sự."}',
        ]);
        expect((await store.outboxPeek(user('u'), 5)).map((i) => i.message.from)).toEqual(['agent', 'agent']);
        await queue.relay(user('u'), { text: 'dạ em cảm ơn', at: clock.now(), emergency: [] });
        await queue.close(h!.id, tokyoAgent);
        expect(await queue.isHeld(user('u'))).toBe(false);
        expect(await queue.list()).toEqual([]);
        expect(notified).toEqual([{ key: user('u'), event: { type: 'handoff.closed' } }]);
        const done = await queue.get(h!.id);
        expect(done?.status).toBe('closed');
        expect(done?.history.map((e) => e.event)).toEqual(['waiting', 'assigned', 'closed']);
        await expect(queue.reply(h!.id, tokyoAgent, 'x')).rejects.toMatchObject({ code: 'closed' });
        const transcript = await queue.transcript(done!);
        expect(transcript.map((t) => t.from)).toEqual(['agent', 'agent']);
      }),
    );

    it(
      'raises a held chat to emergency when danger is detected in what the user writes',
      run(async (store, clock) => {
        const { queue } = queueOn(store, clock);
        await queue.open(request('a'));
        await queue.open(request('u'));
        const mine = (await queue.list()).find((h) => h.key.user === 'u')!;
        await queue.claim(mine.id, tokyoAgent);
        await queue.relay(user('u'), { text: 'họ đánh em', at: clock.now(), emergency: ['violence'] });
        const [top] = await queue.list();
        expect(top?.key.user).toBe('u');
        expect(top?.priority).toBe('emergency');
        expect(top?.alerts).toEqual([{ at: clock.now(), kinds: ['violence'] }]);
      }),
    );

    it(
      'outside office hours, an emergency is told when staff answer without the numbers again (its answer just gave them)',
      run(async (store, clock) => {
        clock.t = TOKYO_SAT_10AM;
        const { queue } = queueOn(store, clock);
        await queue.open({ ...request('sos'), priority: 'emergency', reason: 'emergency' });
        const [sos] = await texts(store, user('sos'));
        expect(sos).toContain('vi:handoff.offHoursEmergency');
        expect(sos).not.toContain('vi:lines:');
      }),
    );

    it(
      'outside office hours tells the user when staff answer and the 24/7 lines, and counts waiting from the opening',
      run(async (store, clock) => {
        clock.t = TOKYO_SAT_10AM;
        const { queue, notified } = queueOn(store, clock);
        await queue.open(request('weekend'));
        const [text] = await texts(store, user('weekend'));
        expect(text).toContain('vi:handoff.offHours');
        expect(text).toContain('"next":"08:30 T2 30/11"');
        expect(text).toContain('vi:lines:JP');
        // Saturday and Sunday pass: nobody is offered anything before Monday 08:30 + 15 min.
        const sweeper = new HandoffSweeper(queue, store, silentLog);
        clock.advance(40 * 3600_000);
        expect(await sweeper.runOnce()).toEqual({ offered: 0, expired: 0, purged: 0 });
        clock.t = Date.UTC(2026, 10, 29, 23, 46);
        expect(await sweeper.runOnce()).toEqual({ offered: 1, expired: 0, purged: 0 });
        expect(notified).toEqual([{ key: user('weekend'), event: { type: 'handoff.timeout' } }]);
        // Offered once only.
        expect(await sweeper.runOnce()).toEqual({ offered: 0, expired: 0, purged: 0 });
      }),
    );

    it(
      'expires chats nobody took, lets the user cancel, and purges old records',
      run(async (store, clock) => {
        const { queue } = queueOn(store, clock);
        const sweeper = new HandoffSweeper(queue, store, silentLog);
        await queue.open(request('old'));
        await queue.open(request('cancels'));
        await queue.cancel(user('cancels'));
        expect((await queue.list()).map((h) => h.key.user)).toEqual(['old']);
        clock.advance(16 * 60_000);
        expect(await sweeper.runOnce()).toMatchObject({ offered: 1 });
        clock.advance(24 * 3600_000);
        expect(await sweeper.runOnce()).toMatchObject({ expired: 1 });
        expect(await queue.list()).toEqual([]);
        clock.advance(8 * 24 * 3600_000);
        expect(await sweeper.runOnce()).toMatchObject({ purged: 2 });
      }),
    );

    it(
      'transfers a chat to another mission, which then sees it waiting',
      run(async (store, clock) => {
        const { queue } = queueOn(store, clock);
        await queue.open(request('u'));
        const [h] = await queue.list(['jp-tokyo']);
        await queue.claim(h!.id, tokyoAgent);
        await queue.transfer(h!.id, tokyoAgent, 'jp-osaka');
        expect(await queue.list(['jp-tokyo'])).toEqual([]);
        const [moved] = await queue.list(['jp-osaka']);
        expect(moved).toMatchObject({ status: 'waiting', mission: 'jp-osaka' });
        expect(moved?.assignee).toBeUndefined();
        await expect(queue.transfer(h!.id, tokyoAgent, 'nowhere')).rejects.toMatchObject({ code: 'unknown_mission' });
      }),
    );

    it(
      'forgets every hand-off of a conversation that was erased',
      run(async (store, clock) => {
        const { queue } = queueOn(store, clock);
        await queue.open(request('u'));
        await queue.cancel(user('u'));
        await queue.open(request('u'));
        await queue.open(request('other'));
        await queue.forget(user('u'));
        expect((await queue.list()).map((h) => h.key.user)).toEqual(['other']);
        expect(await queue.isHeld(user('u'))).toBe(false);
      }),
    );

    it(
      'refuses a staff reply past the channel window with its reason, and queues no notice the channel would refuse',
      run(async (store, clock) => {
        let open = true;
        const { queue } = queueOn(store, clock, async (_key, from) =>
          open ? { canSend: true, mode: 'RESPONSE', until: clock.now() + 3600_000 } : { canSend: from === 'bot', reason: 'more than 7 days since the user last wrote' },
        );
        await queue.open(request('u'));
        const [h] = await queue.list();
        await queue.claim(h!.id, tokyoAgent);
        await queue.reply(h!.id, tokyoAgent, 'trong hạn');
        const items = await store.outboxPeek(user('u'), 10);
        // Staff messages leave ahead of ordinary bot replies when the channel is rate limited.
        expect(items.map((i) => i.message.priority)).toEqual(['agent', 'agent']);
        open = false;
        await expect(queue.reply(h!.id, tokyoAgent, 'quá hạn')).rejects.toMatchObject({ code: 'window_closed', reason: 'more than 7 days since the user last wrote' });
        // Given to someone else: the "officer X has taken your chat" notice would be refused, so it is not queued.
        await queue.reassign(h!.id, { ...tokyoAgent, id: 'sup', role: 'supervisor' }, { ...tokyoAgent, id: 'other', name: 'Anh Nam' });
        expect(await store.outboxPeek(user('u'), 10)).toHaveLength(2);
        const after = await queue.get(h!.id);
        expect(after?.assignee).toEqual({ id: 'other', name: 'Anh Nam' });
        expect(after?.history.at(-1)).toMatchObject({ event: 'assigned', by: 'sup', detail: 'other' });
      }),
    );

    it(
      'lists closed and expired chats, newest first, by mission',
      run(async (store, clock) => {
        const { queue } = queueOn(store, clock);
        await queue.open(request('a'));
        await queue.open(request('b', { country: 'TW' }));
        const [a] = await queue.list(['jp-tokyo']);
        const [b] = await queue.list(['tw-taipei']);
        await queue.claim(a!.id, tokyoAgent);
        await queue.close(a!.id, tokyoAgent);
        clock.advance(60_000);
        await queue.claim(b!.id, taipeiAgent);
        await queue.close(b!.id, taipeiAgent);
        expect((await queue.listDone()).map((h) => h.key.user)).toEqual(['b', 'a']);
        expect((await queue.listDone(['jp-tokyo'])).map((h) => h.key.user)).toEqual(['a']);
      }),
    );

    it(
      'is shared by two instances over the same store',
      run(async (store, clock, second) => {
        if (!second) return;
        const a = queueOn(store, clock).queue;
        const b = queueOn(await second(), clock).queue;
        await a.open(request('u'));
        const [h] = await b.list(['jp-tokyo']);
        await b.claim(h!.id, tokyoAgent);
        expect(await a.isHeld(user('u'))).toBe(true);
        await expect(a.claim(h!.id, { ...tokyoAgent, id: 'someone-else' })).rejects.toMatchObject({ code: 'already_assigned' });
      }),
    );
  });
}
