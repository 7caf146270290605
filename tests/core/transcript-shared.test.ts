// What staff read of a conversation is what the worker was sent, word for word, however the
// transcript keeps it: replies from content alone once for all conversations (by the hash of
// their words), anything personal in the entry itself, and entries written whole before.
import { afterEach, describe, expect, it } from 'vitest';
import { TRANSCRIPT, type TranscriptEntry } from '../../src/core/conversation.ts';
import { fromContentAlone, packEntry, sharedIdsOf, unpackEntries } from '../../src/core/transcript-codec.ts';
import type { Staff } from '../../src/handoff/model.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { choice, start, testEngine, text, type TestEngine } from '../helpers/engine.ts';

let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe('the transcript staff read', () => {
  it('equals what the worker was sent: a choice list, an article, the hotlines, and an officer’s words', async () => {
    const store = new MemoryStore();
    engine = await testEngine(store);
    const key = { channel: 'test', account: 'a', user: 'w1' };
    // An entry as the version before wrote it, whole: still read.
    await store.mailboxPush<TranscriptEntry>(TRANSCRIPT, key, { from: 'bot', text: 'Tin cũ', at: 1 }, 60_000);
    await engine.say('w1', start);
    await engine.say('w1', choice('lang_vi'));
    await engine.say('w1', choice('country_JP'));
    // Asked twice: the second time the menu and the numbers are kept once, for every conversation.
    for (let i = 0; i < 2; i++) {
      await engine.say('w1', text('so dien thoai dai su quan'));
      await engine.say('w1', text('cho e hoi thu tuc thanh ly hd'));
      await engine.say('w1', text('menu'));
    }
    await engine.say('w1', text('cho em gặp cán bộ'));
    const [h] = await engine.handoff.list();
    const staff: Staff = { id: 's1', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] };
    await engine.handoff.claim(h!.id, staff);
    await engine.handoff.reply(h!.id, staff, 'Chị Lan đây, em ở Osaka phải không?');
    await engine.outbox.flush(key);

    const read = await engine.handoff.transcript(h!);
    const said = read.filter((e) => e.from !== 'user');
    expect(said[0]).toMatchObject({ from: 'bot', text: 'Tin cũ' });
    expect(said.slice(1).map((e) => e.text)).toEqual(engine.sent.map((s) => s.message.text));
    // Options as the worker saw them, by id and label.
    const menus = said.slice(1).map((e) => e.offered?.map((o) => [o.id, o.label.vi]));
    expect(menus).toEqual(engine.sent.map((s) => s.message.choices?.map((c) => [c.id, c.label])));
    expect(read.some((e) => e.lost)).toBe(false);

    const raw = (await store.mailboxRead<unknown>(TRANSCRIPT, key, 0)).map((e) => e.item);
    const ids = sharedIdsOf(raw);
    expect(ids.length).toBeGreaterThan(0);
    // What is shared holds nothing the worker or the officer wrote.
    const shared = Object.values(await store.sharedTextsGet(ids)).join('\n');
    expect(shared).toMatch(/Nhật Bản|ĐSQ/);
    for (const words of ['so dien thoai', 'thanh ly hd', 'Chị Lan', 'Osaka phải không']) expect(shared).not.toContain(words);
    // The officer's words and the worker's stay in the conversation, erased with it.
    expect(JSON.stringify(raw)).toContain('Osaka phải không');
    // A hotline reply is a kilobyte of words: kept once, the entry is a few dozen bytes.
    const hotlines = raw.find((e) => Array.isArray(e) && e[0] === 'B');
    expect(JSON.stringify(hotlines).length).toBeLessThan(40);
  });
});

describe('the stored form of transcript entries', () => {
  it('reads back what was packed, and marks a shared text no longer kept', () => {
    const user: TranscriptEntry = { from: 'user', text: '1', at: 5, choice: 'country_JP' };
    const bot: TranscriptEntry = { from: 'bot', text: 'Chọn một', at: 6, offered: [{ id: 'menu', label: { vi: 'Menu chính', en: 'Main menu' } }] };
    expect(unpackEntries([packEntry(user), packEntry(bot)], {})).toEqual([user, bot]);
    expect(unpackEntries([packEntry(bot, 'abc')], {})).toEqual([{ from: 'bot', text: '', at: 6, lost: true }]);
  });

  it('shares only replies with nothing from the turn in them', () => {
    expect(fromContentAlone([{ type: 'articles', ids: ['deposit-refund'], country: 'JP' }, { type: 'ask', key: 'next.prompt', choices: [{ id: 'menu', key: 'choices.menu' }] }])).toBe(true);
    expect(fromContentAlone([{ type: 'say', key: 'x', vars: { country: { text: { vi: 'Nhật Bản', en: 'Japan' } } } }])).toBe(true);
    // A registration's reference or date is the worker's own.
    expect(fromContentAlone([{ type: 'say', key: 'registration.done', vars: { ref: 'K7QM' } }])).toBe(false);
    expect(fromContentAlone([{ type: 'say', key: 'x', vars: { day: { key: 'registration.value.day', vars: { d: '3' } } } }])).toBe(false);
    expect(fromContentAlone([{ type: 'ask', key: 'x', choices: [{ id: 'a', key: 'y', vars: { n: 2 } }] }])).toBe(false);
    expect(fromContentAlone([{ type: 'registration.status' }])).toBe(false);
  });
});
