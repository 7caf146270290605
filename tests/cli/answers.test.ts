// The answer-level evaluation: its checks (fixed: a held-out file written elsewhere is measured with
// them), its file format, and the dev file's figure on the real engine.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ARTICLE_PREFIX, missingFrom, parseAnswerFile, runAnswerCases } from '../../src/cli/answers.ts';
import { createContentView } from '../../src/core/content-view.ts';
import { loadContent } from '../../src/core/content/index.ts';
import type { ContentView } from '../../src/core/respond.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { testEngine } from '../helpers/engine.ts';

const LONG = 'Đề nghị công ty dịch vụ hoàn tiền ký quỹ khi thanh lý hợp đồng. Bạn được nhận lại khi làm hết hợp đồng.';
const view: ContentView = {
  article: (id, locale) => (id === 'deposit' ? (locale === 'vi' ? `${LONG}\n📖 Nguồn: x` : 'Ask the sending company for your deposit back when you liquidate your contract, please.') : undefined),
  hotlines: () => '',
  countryName: () => undefined,
  urgent: () => '',
};

describe('what a case expects', () => {
  it('article: the beginning of the rendered article, in either language, spaces squeezed', () => {
    expect(missingFrom([`Xin chào.\n\n${LONG.replace('. ', '.\n')}`], { article: ['deposit'] }, view)).toEqual([]);
    expect(missingFrom(['Ask the sending company for your deposit back when you liquidate your contract, please. More.'], { article: ['nope', 'deposit'] }, view)).toEqual([]);
    // The title or a few words of it are not the answer.
    expect(missingFrom([LONG.slice(0, ARTICLE_PREFIX - 10)], { article: ['deposit'] }, view)).toEqual(['article deposit']);
  });

  it('digits: compared with every non-digit removed on both sides', () => {
    expect(missingFrom(['Gọi +84 981 848 484 hoặc 110.'], { digits: ['+84981848484', '110'] }, view)).toEqual([]);
    expect(missingFrom(['Gọi 110.'], { digits: ['119'] }, view)).toEqual(['digits 119']);
  });

  it('words: every entry, any of its alternatives, case and marks ignored, as substrings', () => {
    expect(missingFrom(['Mức hỗ trợ: 10–30 TRIỆU đồng'], { words: ['30 trieu|30 million', 'muc ho tro'] }, view)).toEqual([]);
    expect(missingFrom(['Mức hỗ trợ'], { words: ['triệu|million'] }, view)).toEqual(['words triệu|million']);
  });

  it('a broken line is named, with what is wrong', () => {
    expect(() => parseAnswerFile('{"say": ["x"], "expect": {}}\nnot json')).toThrow(/line 2: not JSON/);
    expect(() => parseAnswerFile('{"say": [], "expect": {}}')).toThrow(/line 1: say/);
    expect(parseAnswerFile('\n{"say": ["x"], "lang": "en", "expect": {"digits": ["1"]}}\n')).toHaveLength(1);
  });
});

describe('the dev file', () => {
  const cases = parseAnswerFile(readFileSync('tests/fixtures/answers/dev.jsonl', 'utf8'));
  const content = loadContent();

  it('has every article reachable by two typed phrasings, the issue table, and first contacts', () => {
    expect(cases.length).toBeGreaterThanOrEqual(120);
    const listed = new Map<string, number>();
    for (const c of cases) for (const id of c.expect.article ?? []) listed.set(id, (listed.get(id) ?? 0) + 1);
    for (const a of content.articles) expect(listed.get(a.id) ?? 0, a.id).toBeGreaterThanOrEqual(2);
    for (const id of listed.keys()) expect(content.articleById.has(id), id).toBe(true);
    expect(cases.filter((c) => c.note?.startsWith('issue table row')).length).toBe(6);
    expect(cases.filter((c) => !c.country && !c.lang).length).toBeGreaterThanOrEqual(15);
  });

  it('is answered in full through the real engine', async () => {
    const engine = await testEngine(new MemoryStore());
    try {
      const report = await runAnswerCases(engine, createContentView(engine.content, engine.translate, { now: () => Date.now() }), cases);
      const missed = report.results.filter((r) => r.missing.length > 0).map((r) => `${r.case.say.join(' / ')}: ${r.missing.join(', ')}`);
      expect(report.summary.rate, missed.join('\n')).toBe(1);
      // Every row of the table is answered.
      expect(report.results.filter((r) => r.case.note?.startsWith('issue table row') && r.missing.length > 0)).toEqual([]);
    } finally {
      await engine.close();
    }
  }, 120_000);
});

// Batches written after the dev file: held-out-2 came from outside (measured once at 0.66, then
// learned from; its numbers are checked as digits, since replies write them as E.164 so a phone
// can tap them), paraphrase.jsonl was written before the fixes it measures (0.733 then),
// held-out-3 to held-out-12 came from outside too (0.70, 0.85, 0.95, 0.788, 0.825, 0.625, 0.817, 0.788, 0.791 and 0.813 at
// first contact, then learned from); fixes.jsonl holds
// paraphrases written for each fix it exposed (no marks, typos, English, the question after a
// story, follow-ups), all answered.
describe.each([
  ['tests/fixtures/answers/held-out-2.jsonl', 0.95],
  ['tests/fixtures/answers/paraphrase.jsonl', 0.9],
  ['tests/fixtures/answers/held-out-3.jsonl', 0.9],
  ['tests/fixtures/answers/held-out-4.jsonl', 0.9],
  ['tests/fixtures/answers/held-out-5.jsonl', 0.9],
  ['tests/fixtures/answers/held-out-6.jsonl', 0.95],
  ['tests/fixtures/answers/held-out-7.jsonl', 0.98],
  ['tests/fixtures/answers/held-out-8.jsonl', 0.988],
  ['tests/fixtures/answers/held-out-9.jsonl', 1],
  ['tests/fixtures/answers/held-out-10.jsonl', 1],
  ['tests/fixtures/answers/held-out-11.jsonl', 0.925],
  ['tests/fixtures/answers/held-out-12.jsonl', 0.913],
  ['tests/fixtures/answers/fixes.jsonl', 1],
])('%s', (file, min) => {
  it(`is answered at a rate of at least ${min} through the real engine`, async () => {
    const cases = parseAnswerFile(readFileSync(file, 'utf8'));
    expect(cases.length).toBeGreaterThanOrEqual(30);
    const engine = await testEngine(new MemoryStore());
    try {
      const report = await runAnswerCases(engine, createContentView(engine.content, engine.translate, { now: () => Date.now() }), cases);
      const missed = report.results.filter((r) => r.missing.length > 0).map((r) => `${r.case.say.join(' / ')}: ${r.missing.join(', ')}`);
      expect(report.summary.rate, missed.join('\n')).toBeGreaterThanOrEqual(min);
    } finally {
      await engine.close();
    }
  }, 120_000);
});
