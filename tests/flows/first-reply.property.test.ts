// The first rule of the product: the first reply answers, and never asks what the message already
// said. Over messages built from the content's own slot phrases (with or without marks, after a
// story, with or without a country named), the first turn's replies never ask a tree question
// whose answer the message gave (one option of it fits the slots read), and never ask for the
// country when the message named one.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/index.ts';
import { createNlu } from '../../src/core/nlu/index.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { testEngine, type TestEngine } from '../helpers/engine.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

/**
 * What each tree question asks, written here rather than read from the trees' `when:` (which is
 * what is tested): the slot, and its values grouped by the answer they give. A message that gave
 * values of one group only has answered that question.
 */
const ASKED: Record<string, Record<string, { slot: string; groups: string[][] }>> = {
  contract_liquidation: {
    ended: { slot: 'ended', groups: [['term'], ['early']] },
    why: { slot: 'case', groups: [['closed'], ['abuse'], ['wages'], ['illness', 'accident'], ['own'], ['undocumented']] },
  },
  return_registration: {
    where: { slot: 'stage', groups: [['returned'], ['abroad']] },
    passport: { slot: 'passport', groups: [['lost'], ['kept']] },
  },
  support_fund: {
    case: { slot: 'case', groups: [['accident', 'illness'], ['closed'], ['abuse'], ['death'], ['retraining'], ['wages', 'dispute']] },
  },
};
const phrases = [
  ...new Set(Object.values(ASKED).flatMap((nodes) => Object.values(nodes).flatMap(({ slot, groups }) => groups.flat().flatMap((v) => content.slots[slot]?.[v] ?? [])))),
].filter((p) => !p.includes('*'));

/** What a worker asks after saying their case: each topic, a number (which depends on the country), something vague. */
const QUESTIONS = ['thì thanh lý hợp đồng thế nào', 'em muốn về nước', 'quỹ có hỗ trợ không', 'giờ em phải làm gì', 'cho em xin số điện thoại', 'em cần hỏi về hợp đồng'];
const STORIES = ['', 'Em sang làm được hai năm rồi. ', 'chào ad, ', 'Dạ em hỏi chút ạ, '];
const PLACES = ['', 'ở Nhật ', 'bên Đài Loan ', 'o Han Quoc ', 'ở Malaysia '];

const strip = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');

/** The tree questions (both languages) the message answered. */
function answeredQuestions(slots: Record<string, string[]> | undefined): string[] {
  const asks: string[] = [];
  for (const [topic, nodes] of Object.entries(ASKED)) {
    for (const [id, { slot, groups }] of Object.entries(nodes)) {
      const given = slots?.[slot]?.filter((v) => groups.flat().includes(v)) ?? [];
      if (given.length === 0 || !groups.some((g) => given.every((v) => g.includes(v)))) continue;
      const ask = content.dialogues.get(topic)?.nodes[id]?.ask;
      if (ask) asks.push(ask.vi, ask.en);
    }
  }
  return asks;
}

describe('the first reply never asks what the message said', () => {
  let engine: TestEngine;
  let n = 0;
  beforeAll(async () => {
    engine = await testEngine(new MemoryStore());
  });
  afterAll(async () => {
    await engine.close();
  });

  it('knows every tree question it checks, and phrases for every value', () => {
    for (const [topic, nodes] of Object.entries(ASKED)) {
      for (const [id, { slot, groups }] of Object.entries(nodes)) {
        expect(content.dialogues.get(topic)?.nodes[id]?.ask, `${topic}:${id}`).toBeDefined();
        for (const v of groups.flat()) expect(content.slots[slot]?.[v]?.length ?? 0, `${slot}=${v}`).toBeGreaterThan(0);
      }
    }
  });

  it('over case, contract and stage phrases, with and without marks, a story and a country', async () => {
    const country = engine.translate('vi', 'country.prompt');
    const local = engine.translate('vi', 'country.promptForLocal');
    expect(country.length).toBeGreaterThan(10);
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...phrases),
        fc.constantFrom(...QUESTIONS),
        fc.constantFrom(...STORIES),
        fc.constantFrom(...PLACES),
        fc.boolean(),
        async (p, question, story, place, marks) => {
          const typed = `${story}${place}${p}, ${question}`;
          const text = marks ? typed : strip(typed);
          const understood = nlu.understand(text);
          const replies = (await engine.say(`prop-${++n}`, { type: 'text', text })).map((m) => m.text).join('\n');
          for (const ask of answeredQuestions(understood.slots)) expect(replies, `${text} → asked "${ask}"`).not.toContain(ask);
          if (understood.country) {
            expect(replies, `${text} → asked the country`).not.toContain(country);
            expect(replies, `${text} → asked the country`).not.toContain(local);
          }
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);
});
