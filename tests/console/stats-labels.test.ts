// The statistics page's words and filters on their own: every value the recorder can count has a
// name in Vietnamese and English (a value nobody named yet still shows, as itself), periods read
// as people say them, and the filters keep to the person's scope and to pages people can read.
import { beforeAll, describe, expect, it } from 'vitest';
import { EMERGENCY_KINDS, periodLabel, tableHelp, tableTitle, valueKey, valueLabel, VOCABULARY } from '../../src/console/pages/stats-labels.ts';
import { defaultFilters, MAX_PERIODS, parseFilters, statsScope, type FilterContext } from '../../src/console/pages/stats-query.ts';
import { TOPIC_IDS, loadContent } from '../../src/core/content/index.ts';
import { LOCALES, type Locale } from '../../src/core/messages.ts';
import { RETURN_REASONS, SECTORS, SEXES, SPECIAL_SITUATIONS } from '../../src/core/registration.ts';
import type { Translate } from '../../src/core/translate.ts';
import { missionDirectory } from '../../src/handoff/directory.ts';
import { createTranslate, leafKeys, loadResources } from '../../src/i18n/index.ts';
import { METRICS, WAIT_BUCKETS, type Metric } from '../../src/stats/index.ts';

const resources = loadResources(undefined, 'console');
let translate: Translate;
const ctx = (locale: Locale) => ({
  locale,
  t: (k: string, v?: Record<string, string | number>) => translate(locale, k, v),
  has: (k: string) => {
    try {
      translate(locale, k);
      return true;
    } catch {
      return false;
    }
  },
});

beforeAll(async () => {
  translate = await createTranslate({ resources });
});

/** What the recorder writes for each table (src/stats/recorder.ts and the engine's wiring). */
const RECORDED: Record<Metric, readonly string[]> = {
  question: [...TOPIC_IDS, 'not_understood', 'other'],
  handoff: ['asked', 'not_understood', 'emergency'],
  handoff_wait: WAIT_BUCKETS,
  handoff_outcome: ['answered', 'referred', 'no_response', 'false_alarm'],
  emergency: EMERGENCY_KINDS,
  registration: RETURN_REASONS,
  registration_mode: ['voluntary', 'involuntary', 'unknown'],
  registration_timing: ['early', 'on_time', 'late', 'unknown'],
  registration_sector: [...SECTORS, 'not_given'],
  registration_sex: [...SEXES, 'not_given'],
  registration_special: [...SPECIAL_SITUATIONS, 'none'],
};

describe('names of the figures', () => {
  it('names every value the recorder can count, and every table, in both languages', () => {
    for (const locale of LOCALES) {
      const c = ctx(locale);
      for (const metric of Object.keys(METRICS) as Metric[]) {
        expect(tableTitle(c, metric), `${locale} ${metric}`).not.toBe('');
        expect(tableHelp(c, metric), `${locale} ${metric}`).not.toBe('');
        for (const value of [...RECORDED[metric], ...VOCABULARY[metric], 'unknown']) {
          expect(valueKey(c, metric, value), `${locale} ${metric} ${value}`).toBeDefined();
          expect(valueLabel(c, metric, value).trim(), `${locale} ${metric} ${value}`).not.toBe('');
        }
      }
    }
    expect(valueLabel(ctx('vi'), 'registration_sector', 'fishing')).toBe('Đánh bắt cá, thuyền viên');
    expect(valueLabel(ctx('en'), 'handoff_wait', '30mto2h')).toBe('30 min – 2 h');
    expect(valueLabel(ctx('en'), 'question', 'support_fund')).toBe('Overseas Employment Support Fund');
  });

  it('lists every value it names: the tables never leave one out', () => {
    for (const metric of Object.keys(METRICS) as Metric[]) {
      expect(RECORDED[metric].filter((v) => !VOCABULARY[metric].includes(v) && v !== 'other'), metric).toEqual([]);
    }
  });

  it('knows the danger kinds the chat view names', () => {
    expect([...EMERGENCY_KINDS].sort()).toEqual(Object.keys(resources.vi.danger as object).sort());
  });

  it('shows a value nobody has named yet as it is', () => {
    expect(valueKey(ctx('vi'), 'question', 'visa_renewal')).toBeUndefined();
    expect(valueLabel(ctx('vi'), 'question', 'visa_renewal')).toBe('visa_renewal');
    // Not read as a path into the strings file.
    expect(valueLabel(ctx('vi'), 'question', 'stats.title')).toBe('stats.title');
    expect(valueLabel(ctx('en'), 'registration_sector', 'forestry')).toBe('forestry');
  });

  it('every stats string exists in both languages', () => {
    const vi = leafKeys(resources.vi).filter((k) => k.startsWith('stats.'));
    expect(vi.length).toBeGreaterThan(100);
    expect(leafKeys(resources.en).filter((k) => k.startsWith('stats.')).sort()).toEqual(vi.sort());
  });
});

describe('periods', () => {
  it('reads months and ISO weeks as people say them, with their days', () => {
    expect(periodLabel(ctx('vi'), '2026-11')).toEqual({ label: 'Tháng 11/2026', days: '1/11/2026 – 30/11/2026' });
    expect(periodLabel(ctx('en'), '2026-02')).toEqual({ label: 'Feb 2026', days: '1 Feb 2026 – 28 Feb 2026' });
    // 1 January 2026 is a Thursday: week 1 starts on Monday 29 December 2025.
    expect(periodLabel(ctx('vi'), '2026-W01')).toEqual({ label: 'Tuần 1/2026', days: '29/12/2025 – 4/1/2026' });
    expect(periodLabel(ctx('en'), '2020-W53')).toEqual({ label: 'Week 53, 2020', days: '28 Dec 2020 – 3 Jan 2021' });
    expect(periodLabel(ctx('en'), 'whatever')).toEqual({ label: 'whatever', days: '' });
  });
});

describe('filters', () => {
  const content = loadContent();
  const directory = missionDirectory(content);
  const NOW = Date.UTC(2026, 10, 25, 1, 0);
  const context = (role: 'supervisor' | 'admin', missions: string[]): FilterContext => ({
    scope: statsScope({ id: 'x', name: 'x', role, missions }, directory),
    directory,
    countries: content.countries,
    now: NOW,
  });

  it('defaults to this month and the five before, by month', () => {
    expect(defaultFilters(NOW)).toEqual({ country: '', mission: '', from: '2026-06-01', to: '2026-11-25', granularity: 'month' });
    const p = parseFilters({}, context('admin', []));
    expect(p).toMatchObject({ ok: true, query: { from: Date.UTC(2026, 5, 1), to: Date.UTC(2026, 10, 26) - 1, granularity: 'month' } });
    expect(p.ok && 'missions' in p.query).toBe(false);
    // In January, the six months reach back into the year before.
    expect(defaultFilters(Date.UTC(2027, 0, 10)).from).toBe('2026-08-01');
  });

  it("holds a supervisor to their countries' missions, whatever is asked", () => {
    const osaka = context('supervisor', ['jp-osaka']);
    expect(osaka.scope.countries).toEqual(['JP']);
    const japan = osaka.scope.missions!;
    expect(japan.every((m) => m.startsWith('jp-'))).toBe(true);
    expect(parseFilters({}, osaka)).toMatchObject({ ok: true, query: { missions: japan } });
    expect(parseFilters({ country: 'JP' }, osaka)).toMatchObject({ ok: true, query: { country: 'JP', missions: japan } });
    expect(parseFilters({ mission: 'jp-tokyo' }, osaka)).toMatchObject({ ok: true, query: { missions: ['jp-tokyo'] } });
    expect(parseFilters({ country: 'TW' }, osaka)).toMatchObject({ ok: false, status: 403 });
    expect(parseFilters({ mission: 'tw-taipei' }, osaka)).toMatchObject({ ok: false, status: 403 });
    expect(parseFilters({ country: 'unknown' }, osaka)).toMatchObject({ ok: false, status: 403 });
    expect(parseFilters({ mission: ['jp-tokyo', 'tw-taipei'] }, osaka)).toMatchObject({ ok: false, status: 400 });
  });

  it('lets an admin read any country or mission, those without one included', () => {
    const admin = context('admin', []);
    expect(parseFilters({ country: 'unknown' }, admin)).toMatchObject({ ok: true, query: { country: 'unknown' } });
    expect(parseFilters({ mission: 'unknown' }, admin)).toMatchObject({ ok: true, query: { missions: ['unknown'] } });
    expect(parseFilters({ country: 'TW', mission: 'jp-tokyo' }, admin)).toMatchObject({ ok: true, missionDropped: true, filters: { mission: '' }, query: { country: 'TW' } });
    expect(parseFilters({ country: 'ZZ' }, admin)).toMatchObject({ ok: false, status: 400, error: 'badCountry' });
  });

  it(`shows at most ${MAX_PERIODS} periods`, () => {
    const admin = context('admin', []);
    expect(parseFilters({ from: '2022-01-01', to: '2026-12-31' }, admin)).toMatchObject({ ok: true });
    expect(parseFilters({ from: '2021-12-01', to: '2026-12-31' }, admin)).toMatchObject({ ok: false, error: 'tooLong' });
    expect(parseFilters({ from: '2026-01-01', to: '2026-12-31', granularity: 'week' }, admin)).toMatchObject({ ok: true });
    expect(parseFilters({ from: '2025-01-01', to: '2026-12-31', granularity: 'week' }, admin)).toMatchObject({ ok: false, error: 'tooLong' });
    expect(parseFilters({ from: '2026-02-29' }, admin)).toMatchObject({ ok: false, error: 'badDate' });
    expect(parseFilters({ from: '2026-12-01', to: '2026-11-01' }, admin)).toMatchObject({ ok: false, error: 'order' });
  });
});
