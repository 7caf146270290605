// Reading the counters back as tables people can read: one table per question the ministry asks
// (questions per topic, hand-offs and waiting times, emergencies, registrations by reason, mode,
// timing, sector, sex and special situation), rows by value and columns by period. Any cell under
// SMALL_CELL is shown as "<5" on the page and in the export, so a rare case cannot point to a person.
import type { Store } from '../core/ports.ts';
import { METRICS, parseField, type Metric } from './model.ts';
import { bucketsBetween, type Granularity } from './periods.ts';
import { STATS_PREFIX } from './recorder.ts';

export const SMALL_CELL = 5;
export const SUPPRESSED = '<5';

export interface ReportQuery {
  from: number;
  to: number;
  granularity: Granularity;
  /** Only this country's / these missions' figures (a supervisor sees their countries' missions). */
  country?: string;
  missions?: readonly string[];
}

export interface Table {
  metric: Metric;
  dimension: string;
  periods: string[];
  rows: { value: string; counts: number[]; total: number }[];
}

export interface Report {
  periods: string[];
  tables: Table[];
}

export async function readReport(store: Store, q: ReportQuery): Promise<Report> {
  const periods = bucketsBetween(q.from, q.to, q.granularity);
  const tables = new Map<Metric, Map<string, number[]>>();
  for (const m of Object.keys(METRICS) as Metric[]) tables.set(m, new Map());
  for (const [i, period] of periods.entries()) {
    const counters = await store.countersRead(`${STATS_PREFIX}${period}`);
    for (const [f, n] of Object.entries(counters)) {
      const p = parseField(f);
      if (!p) continue;
      if (q.country && p.country !== q.country) continue;
      if (q.missions && !q.missions.includes(p.mission)) continue;
      const rows = tables.get(p.metric)!;
      const counts = rows.get(p.value) ?? periods.map(() => 0);
      counts[i]! += n;
      rows.set(p.value, counts);
    }
  }
  return {
    periods,
    tables: [...tables].map(([metric, rows]) => ({
      metric,
      dimension: METRICS[metric],
      periods,
      rows: [...rows]
        .map(([value, counts]) => ({ value, counts, total: counts.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.total - a.total || a.value.localeCompare(b.value)),
    })),
  };
}

/** A count as it may be shown: under SMALL_CELL it becomes "<5". */
export function shown(n: number): string {
  return n < SMALL_CELL ? SUPPRESSED : String(n);
}

/** The report as CSV for spreadsheets: UTF-8 with a BOM (Excel then shows Vietnamese), small cells suppressed. */
export function reportCsv(report: Report, label: (metric: Metric, value: string) => string = (_m, v) => v): string {
  const lines = [['metric', 'value', ...report.periods, 'total'].map(csvCell).join(',')];
  for (const t of report.tables) {
    for (const r of t.rows) {
      lines.push([t.metric, label(t.metric, r.value), ...r.counts.map(shown), shown(r.total)].map(csvCell).join(','));
    }
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function csvCell(s: string): string {
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
