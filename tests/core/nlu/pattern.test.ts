// The pattern language every rule of the NLU is written in: marks, gaps, negation, anchors and
// clause boundaries behave as the rules assume.
import { describe, expect, it } from 'vitest';
import { analyze } from '../../../src/core/nlu/normalize.ts';
import { PatternIndex, compilePattern, matchAt, wordsOf } from '../../../src/core/nlu/pattern.ts';

const matches = (pattern: string, text: string): boolean => {
  const tokens = analyze(text, 'vi').tokens;
  const p = compilePattern(pattern);
  return tokens.some((_, i) => matchAt(p, tokens, i) >= 0);
};

describe('pattern matching', () => {
  it.each([
    // pattern, text, matches?
    ['thanh ly hop dong', 'Thủ tục THANH LÝ hợp đồng', true],
    ['thanh ly hop dong', 'thu tuc thanh ly hop dong', true],
    // A word written with marks must be typed with the same marks, or none.
    ['hàn quốc', 'ở Hàn Quốc', true],
    ['hàn quốc', 'o han quoc', true],
    ['hàn', 'hết hạn', false],
    ['đánh', 'dành cho em', false],
    ['đánh', 'danh cho em', true],
    // Tone placement does not matter ("hoà" = "hòa").
    ['hòa', 'hoà', true],
    // "=": strict even for a word written without marks.
    ['bị =giam', 'bị giảm lương', false],
    ['bị =giam', 'bi giam', true],
    // "+": must be typed with marks.
    ['+tự +tử', 'tu tu', false],
    ['+tự +tử', 'tự tử', true],
    // Alternatives, gaps.
    ['toi/em bi danh', 'em bi danh', true],
    ['bi * danh', 'bi chu danh', true],
    ['bi * danh', 'bi ong chu danh', true],
    ['bi * danh', 'bi ong chu nha danh', false],
    ['bi *3 danh', 'bi ong chu nha danh', true],
    // Negated last word: a lookahead, satisfied at the end of the clause.
    ['bi danh !gia', 'bi danh gia thap', false],
    ['bi danh !gia', 'bi danh', true],
    ['bi danh !gia', 'bi danh, gia dinh em lo', true],
    // Anchors.
    ['^chao', 'chao ban', true],
    ['^chao', 'em chao ban', false],
    ['ban$', 'chao ban', true],
    // A match never crosses a clause boundary.
    ['bi danh', 'em bi. danh gia', false],
    ['bi * danh', 'bi chu, danh', false],
    // "." (last): the end of the clause.
    ['help me .', 'please help me', true],
    ['help me .', 'help me, please', true],
    ['help me .', 'help me with the form', false],
    // Short numbers.
    ['so # la gi', 'số 1955 là gì', true],
    ['so # la gi', 'so abc la gi', false],
  ])('%s ~ %s → %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });

  it('rejects patterns that cannot be matched sensibly', () => {
    expect(() => compilePattern('* danh')).toThrow();
    expect(() => compilePattern('!khong danh')).toThrow();
    expect(() => compilePattern('danh *')).toThrow();
    expect(() => compilePattern('help . me')).toThrow();
  });

  it('an index finds every phrase of every entry, in reading order', () => {
    const index = new PatternIndex([
      ['ve nuoc|ve que', 'return'],
      ['ho chieu', 'passport'],
    ] as const);
    const found = [...index.scan(analyze('mat ho chieu, muon ve que', 'vi').tokens)].map((m) => [m.value, m.start]);
    expect(found).toEqual([
      ['passport', 1],
      ['return', 4],
    ]);
  });

  it('lists the words of entries, folded, without the syntax', () => {
    expect(wordsOf(['^chào bạn|!gia/dầu * +tự $'])).toEqual(['chao', 'ban', 'gia', 'dau', 'tu']);
  });
});

describe('a pattern that starts with a number as typed', () => {
  it('is found where numbers are, and only that number', () => {
    const index = new PatternIndex([['4321 là', 'line'] as const, ['# ngày', 'days'] as const]);
    const found = (text: string) => [...index.scan(analyze(text, 'vi').tokens)].map((m) => m.value);
    expect(found('4321 là số gì vậy')).toEqual(['line']);
    expect(found('4322 là số gì vậy')).toEqual([]);
    expect(found('nghỉ 10 ngày')).toEqual(['days']);
  });
});
