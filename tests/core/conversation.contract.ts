// The conversation service's promises, run against each store (memory here, Redis in the
// *.redis.test.ts twin): state survives the process, duplicates are dropped, order is kept.
import { describe, expect, it, vi } from 'vitest';
import type { Store } from '../../src/core/ports.ts';
import { choice, start, testEngine, text } from '../helpers/engine.ts';

export function conversationContract(name: string, stores: () => Promise<{ first: Store; second: () => Promise<Store>; done: () => Promise<void> }>) {
  describe(`conversation service on the ${name} store`, () => {
    it('continues at the same step in a new service instance over the same store', async () => {
      const { first, second, done } = await stores();
      try {
        const a = await testEngine(first);
        await a.conversations.preset({ channel: 'test', account: 'a', user: 'u1' }, { locale: 'vi', country: 'JP' });
        const menu = await a.say('u1', start);
        expect(menu.at(-1)?.choices?.map((c) => c.id)).toContain('topic_contract_liquidation');
        const q1 = await a.say('u1', choice('topic_contract_liquidation'));
        const firstQuestion = q1.at(-1)!;
        expect(firstQuestion.choices?.length).toBeGreaterThan(1);

        // Throw the process's objects away: a new engine over the same stored data.
        const b = await testEngine(await second());
        const next = await b.say('u1', text('1'));
        expect(next).toHaveLength(1);
        expect(next[0]!.text).not.toBe(firstQuestion.text);
        const record = await b.store.getConversation({ channel: 'test', account: 'a', user: 'u1' });
        expect(record).toMatchObject({ locale: 'vi', country: 'JP' });
        expect((record?.snapshot as { value: unknown }).value).toBe('topic');
      } finally {
        await done();
      }
    });

    it('answers a duplicate platform message only once', async () => {
      const { first, done } = await stores();
      try {
        const e = await testEngine(first);
        const once = await e.say('u2', text('so dien thoai dai su quan o han'), 'platform-77');
        expect(once.length).toBeGreaterThan(0);
        const again = await e.say('u2', text('so dien thoai dai su quan o han'), 'platform-77');
        expect(again).toEqual([]);
      } finally {
        await done();
      }
    });

    it('answers two concurrent messages of one conversation in the order they came', async () => {
      const { first, done } = await stores();
      try {
        const e = await testEngine(first);
        const key = { channel: 'test', account: 'a', user: 'u3' };
        await e.conversations.preset(key, { locale: 'vi', country: 'TW' });
        await Promise.all([
          e.conversations.receive({ id: 'c1', key, receivedAt: 1, payload: text('duong day nong') }),
          e.conversations.receive({ id: 'c2', key, receivedAt: 2, payload: text('quy ho tro viec lam ngoai nuoc') }),
        ]);
        await e.outbox.flush(key);
        const texts = e.sent.filter((s) => s.key.user === 'u3').map((s) => s.message.text);
        expect(texts).toHaveLength(2);
        expect(texts[0]).toMatch(/1955/);
        expect(texts[1]).not.toMatch(/1955/);
      } finally {
        await done();
      }
    });

    it('answers by the platform\'s order when the later message arrives first (on one instance or two)', async () => {
      const { first, second, done } = await stores();
      try {
        const a = await testEngine(first);
        const b = await testEngine(await second());
        // One record of what the platform received, whichever instance sent it.
        const timeline: string[] = [];
        for (const e of [a, b]) {
          e.outbox.register({ channel: 'test', capabilities: { maxTextLength: 4000, maxButtons: 0, maxButtonLabel: 0 }, send: async (_k, m) => (timeline.push(m.text), { ok: true }) });
        }
        const key = { channel: 'test', account: 'a', user: 'u4' };
        await a.conversations.preset(key, { locale: 'vi', country: 'TW' });
        // The second message (order 2) reaches its instance 5 ms before the first (order 1) reaches the other.
        const later = b.conversations.receive({ id: 'o2', key, receivedAt: 2, order: 2, payload: text('quy ho tro viec lam ngoai nuoc') });
        await new Promise((r) => setTimeout(r, 5));
        const earlier = a.conversations.receive({ id: 'o1', key, receivedAt: 1, order: 1, payload: text('duong day nong') });
        await Promise.all([later, earlier]);
        await Promise.all([a.outbox.flush(key), b.outbox.flush(key)]);
        const texts = timeline;
        expect(texts).toHaveLength(2);
        expect(texts[0]).toMatch(/1955/);
        expect(texts[1]).not.toMatch(/1955/);
      } finally {
        await done();
      }
    });

    it('keeps what the channel asks with the message in the turn’s own write, once: a redelivery writes nothing more', async () => {
      const { first, done } = await stores();
      try {
        const e = await testEngine(first);
        const key = { channel: 'test', account: 'a', user: 'kept' };
        const pushes = vi.spyOn(first, 'mailboxPush');
        const message = { id: 'k1', key, receivedAt: 1, payload: text('menu'), keep: { mailbox: 'channel-log', entry: { id: 501 }, ttlMs: 60_000 } };
        expect(await e.conversations.receive(message)).toBe('accepted');
        expect(await e.conversations.receive(message)).toBe('duplicate');
        expect(await e.conversations.receive({ ...message, id: 'k2', keep: { ...message.keep, entry: { id: 502 } } })).toBe('accepted');
        expect((await first.mailboxRead('channel-log', key, 0)).map((m) => m.item)).toEqual([{ id: 501 }, { id: 502 }]);
        // Written by the commits, not by a push of its own.
        expect(pushes.mock.calls.filter(([name]) => name === 'channel-log')).toEqual([]);
        pushes.mockRestore();
      } finally {
        await done();
      }
    });

    it('asks a flooding conversation to slow down once, but never holds back a message in danger', async () => {
      const { first, done } = await stores();
      try {
        const e = await testEngine(first, { env: { FLOOD_MAX_PER_MINUTE: '3' } });
        const key = { channel: 'test', account: 'a', user: 'flood' };
        await e.conversations.preset(key, { locale: 'vi', country: 'JP' });
        for (let i = 0; i < 3; i++) expect((await e.say('flood', text('menu'))).length).toBeGreaterThan(0);
        const slow = await e.say('flood', text('menu'));
        expect(slow.map((m) => m.text)).toEqual([expect.stringMatching(/chờ khoảng một phút/)]);
        expect(await e.say('flood', text('menu'))).toEqual([]);
        const danger = await e.say('flood', text('cứu em, em bị đánh'));
        expect(danger.map((m) => m.text).join('\n')).toMatch(/110/);
        // Other users are not slowed down.
        await e.conversations.preset({ ...key, user: 'calm' }, { locale: 'vi', country: 'JP' });
        expect((await e.say('calm', text('menu'))).length).toBeGreaterThan(0);
      } finally {
        await done();
      }
    });
  });
}
