// What the statistics page calls each figure, in the staff member's language: the tables, every
// value the recorder can count, and the periods. Each table always lists its whole vocabulary
// (a row at "<5" whether the count is 0 or 3), so the presence of a row never tells that a rare
// case happened; a value the vocabulary does not know yet is still shown, under its own name.
import { TOPIC_IDS } from '../../core/content/index.ts';
import type { HandoffReason } from '../../core/effects.ts';
import { OUTCOMES } from '../../handoff/model.ts';
import { RETURN_REASONS, SECTORS, SEXES, SPECIAL_SITUATIONS } from '../../core/registration.ts';
import { WAIT_BUCKETS, type Metric, type RegistrationFacts } from '../../stats/index.ts';
import type { Ctx } from '../router.ts';

type C = Pick<Ctx, 't' | 'has' | 'locale'>;

// Records, not arrays, so the compiler says when a reason, mode or timing is added and not listed.
const HANDOFF_REASONS: Record<HandoffReason, true> = { asked: true, not_understood: true, emergency: true };
const MODES: Record<RegistrationFacts['mode'], true> = { voluntary: true, involuntary: true, unknown: true };
const TIMINGS: Record<RegistrationFacts['timing'], true> = { early: true, on_time: true, late: true, unknown: true };

/** The danger kinds the chat view names (console strings `danger.*`); a test keeps both lists equal. */
export const EMERGENCY_KINDS = ['violence', 'confinement', 'sexual_abuse', 'self_harm', 'arrest', 'trafficking', 'danger'] as const;

/** Every value each table lists, in the order people read them. */
export const VOCABULARY: Record<Metric, readonly string[]> = {
  question: [...TOPIC_IDS, 'not_understood'],
  handoff: Object.keys(HANDOFF_REASONS),
  handoff_wait: WAIT_BUCKETS,
  handoff_outcome: OUTCOMES,
  emergency: EMERGENCY_KINDS,
  registration: RETURN_REASONS,
  registration_mode: Object.keys(MODES),
  registration_timing: Object.keys(TIMINGS),
  registration_sector: [...SECTORS, 'not_given'],
  registration_sex: [...SEXES, 'not_given'],
  registration_special: [...SPECIAL_SITUATIONS, 'none'],
};

/** Tables whose rows have a natural order (a scale, a sequence): kept in it, not sorted by size. */
export const ORDERED: ReadonlySet<Metric> = new Set(['handoff_wait', 'registration_mode', 'registration_timing']);

/**
 * Where a value's name is looked up, first found wins. Names the console already gives elsewhere
 * (topics, hand-off reasons, danger kinds) are reused, so the queue and the statistics agree.
 */
const SOURCES: Record<Metric, readonly string[]> = {
  question: ['stats.values.question', 'topics'],
  handoff: ['reasons'],
  handoff_wait: ['stats.values.wait'],
  handoff_outcome: ['outcomes'],
  emergency: ['danger'],
  registration: ['stats.values.reason'],
  registration_mode: ['stats.values.mode'],
  registration_timing: ['stats.values.timing'],
  registration_sector: ['stats.values.sector'],
  registration_sex: ['stats.values.sex'],
  registration_special: ['stats.values.special'],
};

/** The string that names a counted value: its name in this table, or a shared one (unknown, other…). */
export function valueKey(c: Pick<C, 'has'>, metric: Metric, value: string): string | undefined {
  // Stored values are plain ids; anything else is shown as it is rather than read as a key path.
  if (!/^[A-Za-z0-9_-]{1,48}$/.test(value)) return undefined;
  return [...SOURCES[metric], 'stats.values.common'].map((prefix) => `${prefix}.${value}`).find((key) => c.has(key));
}

/** A counted value in words, or as stored when nobody has named it yet. */
export function valueLabel(c: C, metric: Metric, value: string): string {
  const key = valueKey(c, metric, value);
  return key ? c.t(key) : value;
}

export const tableTitle = (c: C, metric: Metric) => c.t(`stats.tables.${metric}.title`);
export const tableHelp = (c: C, metric: Metric) => c.t(`stats.tables.${metric}.help`);
export const dimensionLabel = (c: C, dimension: string) => (c.has(`stats.dimensions.${dimension}`) ? c.t(`stats.dimensions.${dimension}`) : dimension);

const DAY = 86_400_000;

/** A period as people say it ("11/2026", "Nov 2026", "Tuần 48/2026"), and the days it covers. */
export function periodLabel(c: C, period: string): { label: string; days: string } {
  const month = /^(\d{4})-(\d{2})$/.exec(period);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    const first = Date.UTC(y, m - 1, 1);
    const last = Date.UTC(y, m, 0);
    return { label: c.t('stats.period.month', { month: monthName(c, m), m, year: y }), days: c.t('stats.period.days', { from: day(c, first), to: day(c, last) }) };
  }
  const week = /^(\d{4})-W(\d{2})$/.exec(period);
  if (week) {
    const [y, w] = [Number(week[1]), Number(week[2])];
    // ISO weeks: week 1 is the one with 4 January; weeks start on Monday.
    const jan4 = Date.UTC(y, 0, 4);
    const monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY + (w - 1) * 7 * DAY;
    return { label: c.t('stats.period.week', { week: w, year: y }), days: c.t('stats.period.days', { from: day(c, monday), to: day(c, monday + 6 * DAY) }) };
  }
  return { label: period, days: '' };
}

function monthName(c: C, m: number): string {
  return c.t('stats.period.monthNames').split(',')[m - 1] ?? String(m);
}

/** A calendar day (UTC, as the buckets are counted) in the staff member's way of writing dates. */
export function day(c: C, ms: number): string {
  const d = new Date(ms);
  return c.t('stats.period.date', { d: d.getUTCDate(), m: d.getUTCMonth() + 1, month: monthName(c, d.getUTCMonth() + 1), year: d.getUTCFullYear() });
}
