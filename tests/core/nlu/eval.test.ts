// The targets, kept by a test: on the dev file (the project's copy), on the held-out file written
// before any tuning and never tuned on, and on the training file the lexicon was tuned with.
// Also the command itself: its last line is one JSON object.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { evaluate, parseEvalFile } from '../../../src/core/nlu/evaluate.ts';
import { PROCESS_TEST_TIMEOUT_MS } from '../../helpers/processes.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const fixture = (name: string) => join(root, 'tests/fixtures/nlu', name);
const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries });
const run = (name: string) => evaluate((t) => nlu.understand(t), parseEvalFile(readFileSync(fixture(name), 'utf8')));

describe('evaluation targets', () => {
  it('dev: accuracy ≥ 0.95, every emergency found, false emergencies ≤ 3%, countries ≥ 0.95', () => {
    const { summary, misses } = run('dev.jsonl');
    expect(summary.n).toBeGreaterThanOrEqual(70);
    expect(summary.accuracy, JSON.stringify(misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(summary.emergencyRecall).toBe(1);
    expect(summary.falseEmergencyRate).toBeLessThanOrEqual(0.03);
    expect(summary.countryAccuracy).toBeGreaterThanOrEqual(0.95);
  });

  it('held-out (never tuned on): the same emergency targets', () => {
    const { summary, misses } = run('held-out.jsonl');
    expect(summary.n).toBeGreaterThanOrEqual(150);
    const danger = misses.filter((m) => m.expected.includes('emergency') !== m.got.emergency.length > 0);
    expect(summary.emergencyRecall, JSON.stringify(danger, null, 1)).toBe(1);
    expect(summary.falseEmergencyRate).toBeLessThanOrEqual(0.03);
    // Not a target, a floor: a drop here means the NLU stopped generalising.
    expect(summary.accuracy).toBeGreaterThanOrEqual(0.85);
  });

  it('training set: what the lexicon was tuned on stays learned', () => {
    const { summary } = run('train.jsonl');
    expect(summary.n).toBeGreaterThanOrEqual(500);
    expect(summary.accuracy).toBeGreaterThanOrEqual(0.97);
    expect(summary.emergencyRecall).toBe(1);
    expect(summary.falseEmergencyRate).toBeLessThanOrEqual(0.01);
    expect(summary.countryAccuracy).toBeGreaterThanOrEqual(0.97);
  });
});

// Fresh batches, each in another voice (domestic workers; factory and construction slang; fishermen,
// scam compounds and detention; indirect self-harm and harmless violent words; English and mixed),
// written and measured before the rules were generalised. The rules were then widened by word
// family, not by line: these keep that work from sliding back.
// fresh-6 (relatives at home; Europe, the Gulf, Africa) and fresh-7 (host-country words, Gen-Z
// spellings) were each written after all tuning and measured once before being tuned on: their
// first-contact figures are in the commits that added them, and are the honest estimate.
// unseen-a (voice typing; messages written for a worker) and unseen-b (one-line cries, danger
// buried in long messages, basic English) were written before the danger classifier was trained
// and measured once, rules alone and rules OR classifier (figures in src/core/nlu/README.md).
describe.each(['fresh-1.jsonl', 'fresh-2.jsonl', 'fresh-3.jsonl', 'fresh-4.jsonl', 'fresh-5.jsonl', 'fresh-6.jsonl', 'fresh-7.jsonl', 'fresh-8.jsonl', 'fresh-9.jsonl', 'fresh-10.jsonl', 'unseen-a.jsonl', 'unseen-b.jsonl', 'unseen-c.jsonl', 'unseen-d.jsonl'])('%s', (name) => {
  it('every emergency found, false emergencies ≤ 3%', () => {
    const { summary, misses } = run(name);
    expect(summary.n).toBeGreaterThanOrEqual(50);
    const danger = misses.filter((m) => m.expected.includes('emergency') !== m.got.emergency.length > 0);
    expect(summary.emergencyRecall, JSON.stringify(danger, null, 1)).toBe(1);
    expect(summary.falseEmergencyRate, JSON.stringify(danger, null, 1)).toBeLessThanOrEqual(0.03);
    // Not a target, a floor.
    expect(summary.accuracy, JSON.stringify(misses, null, 1)).toBeGreaterThanOrEqual(0.95);
    expect(summary.countryAccuracy).toBeGreaterThanOrEqual(0.95);
  });
});

// The batches written outside the code and learned from after their first contact (figures in the
// README): each keeps every emergency, no false alarm, and the accuracy and country it reached
// when it was learned from — measured, so any slide fails. Their first-contact figures were lower.
describe.each([
  { name: 'unseen-e.jsonl', accuracy: 0.9917, country: 0.9818 },
  { name: 'unseen-f.jsonl', accuracy: 0.9625, country: 1 },
  { name: 'unseen-g.jsonl', accuracy: 0.975, country: 0.9394 },
  { name: 'unseen-h.jsonl', accuracy: 0.98, country: 1 },
  { name: 'unseen-i.jsonl', accuracy: 0.965, country: 1 },
  { name: 'unseen-j.jsonl', accuracy: 0.9917, country: 1 },
  { name: 'unseen-k.jsonl', accuracy: 0.97, country: 0.993 },
  { name: 'unseen-l.jsonl', accuracy: 0.9375, country: 0.9752 },
  { name: 'unseen-m.jsonl', accuracy: 0.9875, country: 1 },
  { name: 'unseen-n.jsonl', accuracy: 0.97, country: 0.9902 },
  // Two harmless lines still alarm: unpaid forced overtime asked where to report (other files label
  // that situation an emergency) and a passport the boss won't give back at the contract's end.
  { name: 'unseen-o.jsonl', accuracy: 0.9542, country: 0.9467, falseAlarms: 0.0143 },
  // About twenty lines name no place: the writer knew the country from context.
  { name: 'unseen-p.jsonl', accuracy: 0.985, country: 0.8766 },
  // First contact on main, before anything was learned from it: recall 0.9789 (93/95), false alarms
  // 0.0414 (6/145), accuracy 0.9125, country 0.9388.
  { name: 'unseen-q.jsonl', accuracy: 0.9333, country: 1 },
])('$name', ({ name, accuracy, country, falseAlarms = 0 }) => {
  it(`every emergency found, false alarms ≤ ${falseAlarms}, accuracy ≥ ${accuracy}, countries ≥ ${country}`, () => {
    const { summary, misses } = run(name);
    expect(summary.n).toBeGreaterThanOrEqual(80);
    const danger = misses.filter((m) => m.expected.includes('emergency') !== m.got.emergency.length > 0);
    expect(summary.emergencyRecall, JSON.stringify(danger, null, 1)).toBe(1);
    expect(summary.falseEmergencyRate, JSON.stringify(danger, null, 1)).toBeLessThanOrEqual(falseAlarms);
    expect(summary.accuracy, JSON.stringify(misses, null, 1)).toBeGreaterThanOrEqual(accuracy);
    expect(summary.countryAccuracy, JSON.stringify(misses.filter((m) => m.country), null, 1)).toBeGreaterThanOrEqual(country);
  });
});

describe('evaluate()', () => {
  it('counts by the documented definitions', () => {
    const fake = (t: string) =>
      t === 'a'
        ? { intent: 'emergency', confidence: 1, emergency: ['violence'], topicIntent: 'hotline', country: 'JP' }
        : t === 'b'
          ? { intent: 'hotline', confidence: 1, emergency: ['danger'] }
          : { intent: 'greeting', confidence: 1, emergency: [] };
    const report = evaluate(fake, [
      { text: 'a', intents: ['hotline', 'emergency'], country: 'JP' }, // right, emergency found, country right
      { text: 'b', intents: ['hotline'], country: 'KR' }, // right, false emergency, country wrong
      { text: 'c', intents: ['out_of_scope'] }, // wrong
      { text: 'd', intents: ['emergency'] }, // wrong, emergency missed
    ]);
    expect(report.summary).toEqual({ n: 4, accuracy: 0.5, emergencyRecall: 0.5, falseEmergencyRate: 0.5, countryAccuracy: 0.5 });
    expect(report.perIntent.hotline).toMatchObject({ predicted: 2, correct: 2, expected: 2, found: 2, precision: 1, recall: 1 });
    expect(report.perIntent.emergency).toMatchObject({ predicted: 2, correct: 1, expected: 2, found: 1, precision: 0.5, recall: 0.5 });
    expect(report.confusions).toEqual({ out_of_scope: { greeting: 1 }, emergency: { greeting: 1 } });
    expect(report.misses.map((m) => m.text)).toEqual(['b', 'c', 'd']);
  });

  it('gives danger figures per family, language, marks and length; the concern counts as recognised', () => {
    const fake = (t: string) =>
      t.startsWith('con xin lỗi')
        ? { intent: 'concern', confidence: 0.6, emergency: [] }
        : t.includes('giết')
          ? { intent: 'emergency', confidence: 1, emergency: ['violence'] }
          : { intent: 'out_of_scope', confidence: 1, emergency: [] };
    const report = evaluate(fake, [
      { text: 'con xin lỗi bố mẹ', intents: ['emergency'], family: 'farewell' },
      { text: 'help me', intents: ['emergency'], family: 'farewell' },
      { text: 'deadline giết em =)))', intents: ['out_of_scope'], family: 'hyperbole' },
      { text: 'thu tuc thanh ly hop dong cho nguoi lao dong ve nuoc truoc han nhu the nao vay anh oi em can gap lam vi sap het visa roi ma chua biet phai lam giay to gi o dau', intents: ['contract_liquidation'] },
    ]);
    expect(report.summary).toMatchObject({ emergencyRecall: 0.5, falseEmergencyRate: 0.5, accuracy: 0.25 });
    expect(report.danger.family.farewell).toEqual({ emergencies: 2, found: 1, calm: 0, falseAlarms: 0, recall: 0.5, falseAlarmRate: 0 });
    expect(report.danger.family.hyperbole).toMatchObject({ calm: 1, falseAlarms: 1, falseAlarmRate: 1 });
    expect(report.danger.family.unlabelled).toMatchObject({ calm: 1, falseAlarms: 0 });
    expect(report.danger.language.en).toMatchObject({ emergencies: 1, found: 0 });
    expect(report.danger.diacritics['with marks']).toMatchObject({ emergencies: 1, found: 1, calm: 1 });
    expect(report.danger.diacritics['without marks']).toMatchObject({ calm: 1 });
    expect(Object.keys(report.danger.length).sort()).toEqual(['long (>25 words)', 'short (≤6 words)']);
  });

  it('names the line of a malformed file', () => {
    expect(() => parseEvalFile('{"text":"a","intents":["greeting"]}\n{"text":"b"}\n')).toThrow(/line 2/);
    expect(() => parseEvalFile('{"text":"a","intents":["greeting"]}\nnot json\n')).toThrow(/line 2: not JSON/);
    expect(() => parseEvalFile('{"text":"a","intents":["greeting"],"country":"Japan"}')).toThrow(/line 1/);
  });
});

describe('npm run nlu:eval', () => {
  it('prints per-intent figures, the confusions, and one JSON object as its last line', () => {
    const out = execFileSync('npm', ['run', '-s', 'nlu:eval', '--', fixture('dev.jsonl')], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/precision\s+recall/);
    expect(out).toMatch(/confusions/);
    expect(out).toMatch(/danger by slice[\s\S]*family:[\s\S]*language:[\s\S]*diacritics:[\s\S]*length:/);
    const last = out.trimEnd().split('\n').at(-1)!;
    const summary = JSON.parse(last);
    expect(Object.keys(summary)).toEqual(['n', 'accuracy', 'emergencyRecall', 'falseEmergencyRate', 'countryAccuracy']);
    expect(summary).toEqual(run('dev.jsonl').summary);
  }, PROCESS_TEST_TIMEOUT_MS);

  it('exits with 2 and a message for a missing file', () => {
    const r = spawnSync('npm', ['run', '-s', 'nlu:eval', '--', fixture('no-such-file.jsonl')], { cwd: root, encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no-such-file/);
  }, PROCESS_TEST_TIMEOUT_MS);
});
