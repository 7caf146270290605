// The hand-off desk inside the real engine: a request from the dialogue lands in the mission's
// queue, the bot falls silent while staff hold the chat, and comes back when they close it.
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.ts';
import type { Staff } from '../../src/handoff/model.ts';
import { choice, start, testEngine, text, type TestEngine } from '../helpers/engine.ts';

const key = { channel: 'test', account: 'a', user: 'worker' };
let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe('hand-off in the engine', () => {
  it('queues, relays in silence, raises on danger, and returns the user to the bot', async () => {
    engine = await testEngine(new MemoryStore());
    await engine.conversations.preset(key, { locale: 'vi', country: 'JP', city: 'osaka' });
    const asked = await engine.say('worker', text('cho em gặp cán bộ'));
    expect(asked.map((m) => m.text).join('\n')).toMatch(/cán bộ/);

    const [h] = await engine.handoff.list();
    expect(h).toMatchObject({ status: 'waiting', country: 'JP', city: 'osaka', reason: 'asked', locale: 'vi' });
    expect(h?.mission).toBeDefined();
    const staff: Staff = { id: 's1', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] };

    await engine.handoff.claim(h!.id, staff);
    await engine.outbox.flush(key);
    expect(engine.sent.at(-1)?.message).toMatchObject({ from: 'agent' });

    // While staff hold the chat the bot says nothing of its own.
    expect(await engine.say('worker', text('dạ em muốn hỏi về tiền ký quỹ'))).toEqual([]);
    expect(await engine.say('worker', text('1'))).toEqual([]);
    // Danger is still detected: the chat becomes an emergency, and nothing is said by the bot.
    expect(await engine.say('worker', text('chủ nhà đánh em'))).toEqual([]);
    const [raised] = await engine.handoff.list();
    expect(raised?.priority).toBe('emergency');
    expect(raised?.alerts[0]?.kinds.length).toBeGreaterThan(0);

    await engine.handoff.reply(h!.id, staff, 'Em đang ở đâu?');
    await engine.outbox.flush(key);
    expect(engine.sent.at(-1)?.message.text).toContain('Em đang ở đâu?');

    const transcript = await engine.handoff.transcript(raised!);
    expect(transcript.filter((t) => t.from === 'user').map((t) => t.text)).toContain('chủ nhà đánh em');

    await engine.handoff.close(h!.id, staff);
    await engine.outbox.flush(key);
    const back = engine.sent.at(-1)!.message;
    expect(back.choices?.map((c) => c.id)).toContain('topic_contract_liquidation');
    // The bot answers again.
    expect((await engine.say('worker', text('menu'))).length).toBeGreaterThan(0);
  });

  it('an emergency escalates with priority and erasing the chat forgets its hand-off', async () => {
    engine = await testEngine(new MemoryStore());
    await engine.conversations.preset(key, { locale: 'vi', country: 'TW' });
    await engine.say('worker', text('cuu em voi, chu nha nhot em trong phong'));
    const [h] = await engine.handoff.list();
    expect(h).toMatchObject({ priority: 'emergency', reason: 'emergency', country: 'TW' });
    await engine.say('worker', text('xoá dữ liệu'));
    await engine.say('worker', { type: 'choice', id: 'erase_yes' });
    expect(await engine.handoff.list()).toEqual([]);
  });

  it('keeps what the worker chose and what they were offered, labelled in both languages', async () => {
    engine = await testEngine(new MemoryStore());
    await engine.say('worker', start);
    await engine.say('worker', choice('lang_vi'));
    const shown = await engine.say('worker', choice('country_JP'));
    expect(shown.at(-1)?.choices?.length).toBeGreaterThan(1);
    // A number typed for an option counts as choosing it.
    await engine.say('worker', text('1'));
    await engine.say('worker', text('cho em gặp cán bộ'));
    const [h] = await engine.handoff.list();
    const entries = await engine.handoff.transcript(h!);
    const chose = entries.filter((e) => e.choice);
    expect(chose.map((e) => e.choice).slice(0, 2)).toEqual(['lang_vi', 'country_JP']);
    expect(chose[1]?.text).toBe('Nhật Bản');
    expect(chose[2]?.text).toBe('1');
    const offeredJapan = entries.find((e) => e.offered?.some((o) => o.id === 'country_JP'))?.offered?.find((o) => o.id === 'country_JP');
    expect(offeredJapan?.label).toEqual({ vi: 'Nhật Bản', en: 'Japan' });
    // No id in brackets anywhere staff read.
    expect(entries.map((e) => e.text).join('\n')).not.toMatch(/\[(country|topic|lang)_/);
  });

  it('an old button tapped while an officer holds the chat: told once, and the officer sees what was tapped', async () => {
    engine = await testEngine(new MemoryStore());
    await engine.conversations.preset(key, { locale: 'vi', country: 'JP' });
    const menu = await engine.say('worker', text('menu'));
    const old = menu.at(-1)!.choices![0]!;
    await engine.say('worker', text('cho em gặp cán bộ'));
    const [h] = await engine.handoff.list();
    await engine.handoff.claim(h!.id, { id: 's1', name: 'Chị Lan', role: 'agent', missions: [h!.mission!] });
    await engine.outbox.flush(key);
    const before = engine.sent.length;
    await engine.say('worker', choice(old.id));
    await engine.say('worker', choice(old.id));
    await engine.outbox.flush(key);
    const told = engine.sent.slice(before).map((s) => s.message);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ from: 'bot' });
    expect(told[0]!.text).toContain('Chị Lan đang trả lời bạn');
    const entries = await engine.handoff.transcript(h!);
    // The button is no longer among those shown: staff name it from the message that offered it.
    expect(entries.filter((e) => e.from === 'user' && e.choice === old.id)).toHaveLength(2);
    expect(entries.find((e) => e.offered?.some((o) => o.id === old.id))?.offered?.find((o) => o.id === old.id)?.label.vi).toBe(old.label);
  });
});
