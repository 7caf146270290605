// Every choice list the flows can emit keeps Messenger's native quick replies (≤ 13, titles ≤ 20
// characters): the welcome (language, country), the menu, every topic's questions, and the lists
// that follow a misunderstanding, a request for a person and an emergency, in both languages. The
// lists are found by walking the real engine: each list seen is opened choice by choice.
import { describe, expect, it } from 'vitest';
import { messengerCapabilities } from '../../../src/channels/messenger/capabilities.ts';
import type { InboundMessage, OutboundMessage } from '../../../src/core/messages.ts';
import { fitsButtons } from '../../../src/core/render.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import { testEngine } from '../../helpers/engine.ts';

type Step = InboundMessage['payload'];
/** Typed messages that open lists no button leads to. */
const TYPED = ['asdf qwerty zxcv', 'gặp cán bộ', 'bi chu danh, bi nhot trong nha', 'xoá dữ liệu'];
const MAX_DEPTH = 9;

describe('Messenger choice lists', () => {
  it('every list the welcome and the topics emit fits quick replies, in Vietnamese and English', async () => {
    const engine = await testEngine(new MemoryStore());
    let users = 0;
    const replay = async (path: Step[]): Promise<OutboundMessage[]> => {
      const user = `walker${++users}`;
      let last: OutboundMessage[] = [];
      for (const step of [{ type: 'start' } as Step, ...path]) last = await engine.say(user, step);
      return last;
    };
    const seen = new Map<string, { path: string; labels: string[] }>();
    const tooBig: string[] = [];
    const queue: Step[][] = [[]];
    while (queue.length > 0) {
      const path = queue.shift()!;
      const replies = await replay(path);
      for (const m of replies) {
        const choices = m.choices ?? [];
        if (choices.length === 0) continue;
        const id = choices.map((c) => c.id).join(' ');
        const where = path.map((s) => (s.type === 'choice' ? s.id : s.type === 'text' ? `"${s.text}"` : s.type)).join(' › ') || 'start';
        if (!fitsButtons(m, messengerCapabilities)) tooBig.push(`${where}: ${choices.map((c) => `${c.label} (${[...c.label].length})`).join(', ')}`);
        // A list is opened once per language (the labels differ; what follows mostly does not).
        const visit = `${id}|${path.some((s) => s.type === 'choice' && s.id === 'lang_en') ? 'en' : 'vi'}`;
        if (seen.has(visit) || path.length >= MAX_DEPTH) continue;
        seen.set(visit, { path: where, labels: choices.map((c) => c.label) });
        for (const c of choices) queue.push([...path, { type: 'choice', id: c.id }]);
        if (id.includes('topic_')) for (const t of TYPED) queue.push([...path, { type: 'text', text: t }]);
      }
    }
    await engine.close();
    expect(tooBig).toEqual([]);
    // The walk reached the welcome, the menu and the topics in both languages.
    const ids = [...seen.keys()].join('\n');
    for (const want of ['lang_vi', 'country_JP', 'topic_hotline', 'o_early', 'reg_agree', 'erase_yes']) expect(ids).toContain(want);
    expect([...seen.keys()].filter((k) => k.endsWith('|en')).length).toBeGreaterThan(5);
    expect(seen.size).toBeGreaterThan(15);
  });
});
