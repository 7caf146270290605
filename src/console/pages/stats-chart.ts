// The statistics page's charts: Chart.js from the installed package, served by the console itself
// (the CSP allows scripts from 'self' and inline only, and a consular network may not reach a CDN),
// and the inline script that draws one chart per table from figures already suppressed on the
// server — the page never carries a count under 5, so no script, tooltip or "view source" shows one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { SMALL_CELL } from '../../stats/index.ts';
import { raw } from '../html.ts';

export interface ChartLibrary {
  version: string;
  /** The path under the console where the page loads it (versioned, so it can be cached for long). */
  path: string;
  body: Buffer;
}

let library: ChartLibrary | undefined;

/** Chart.js's browser build (UMD, minified), read once from node_modules. */
export function chartLibrary(): ChartLibrary {
  if (library) return library;
  // The package's exports map hides dist/; its main entry sits next to the browser build.
  const main = createRequire(import.meta.url).resolve('chart.js');
  const dist = dirname(main);
  const { version } = JSON.parse(readFileSync(join(dist, '..', 'package.json'), 'utf8')) as { version: string };
  library = { version, path: `/assets/chart-${version}.umd.min.js`, body: readFileSync(join(dist, 'chart.umd.min.js')) };
  return library;
}

/** One row of a chart: its label, what is drawn, and which cells are "<5". */
export interface ChartRow {
  label: string;
  /** Counts as drawn: a suppressed cell is 0. */
  drawn: number[];
  small: boolean[];
  /** Its colour in the palette: its place in the table, so the legend reads in the table's order. */
  color: number;
}

export interface ChartTable {
  id: string;
  title: string;
  periods: string[];
  rows: ChartRow[];
}

/**
 * A suppressed cell is drawn as nothing (0), never as a bar of some height: any height we picked
 * would state a number we are hiding, or show 1–4 as different from 0. The tooltip says "<5", the
 * caption under each chart says that small figures are left out, and the table beside it shows
 * "<5" in their place. A row with nothing to draw is left out of the chart (it stays in the table).
 */
export function chartRow(label: string, counts: readonly number[], color: number): ChartRow {
  const small = counts.map((n) => n < SMALL_CELL);
  return { label, drawn: counts.map((n, i) => (small[i] ? 0 : n)), small, color };
}

/** Whether a table has anything to draw. */
export const drawable = (rows: readonly ChartRow[]) => rows.some((r) => r.drawn.some((n) => n > 0));

// Okabe–Ito colours: told apart by people with colour-blindness, and in greyscale print.
const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#8C6D1F', '#1c2430', '#999999', '#F0E442'];

/**
 * One period: horizontal bars by value (the longest reads first). Several periods: a column per
 * period, stacked by value, so both the trend and the mix read at a glance. No animation: a
 * chart that is still moving cannot be read (or screenshotted) yet.
 */
export const CHART_SCRIPT = raw(`
(() => {
  const cfg = JSON.parse(document.getElementById('stats-data').textContent);
  if (typeof Chart === 'undefined') return; // the tables carry every figure anyway
  const palette = ${JSON.stringify(PALETTE)};
  Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
  Chart.defaults.font.size = 14;
  Chart.defaults.color = '#1c2430';
  const label = (ds, i) => ds.label + ': ' + (ds.small[i] ? cfg.suppressed : ds.data[i].toLocaleString(cfg.locale));
  for (const t of cfg.tables) {
    const canvas = document.getElementById('chart-' + t.id);
    if (!canvas) continue;
    const rows = t.rows.filter((r) => r.drawn.some((n) => n > 0));
    const single = t.periods.length === 1;
    const data = single
      ? { labels: rows.map((r) => r.label), datasets: [{ label: t.periods[0], data: rows.map((r) => r.drawn[0]), small: rows.map((r) => r.small[0]), backgroundColor: rows.map((r) => palette[r.color % palette.length]) }] }
      : { labels: t.periods, datasets: rows.map((r) => ({ label: r.label, data: r.drawn, small: r.small, backgroundColor: palette[r.color % palette.length] })) };
    const count = { beginAtZero: true, ticks: { precision: 0 } };
    new Chart(canvas, {
      type: 'bar',
      data,
      options: {
        indexAxis: single ? 'y' : 'x',
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        interaction: single ? { mode: 'nearest', intersect: true } : { mode: 'index', intersect: false },
        plugins: {
          legend: { display: !single, position: 'bottom' },
          tooltip: { callbacks: { label: (ctx) => single ? ctx.label + ': ' + ctx.dataset.data[ctx.dataIndex].toLocaleString(cfg.locale) : label(ctx.dataset, ctx.dataIndex) } },
        },
        scales: single ? { x: count } : { x: { stacked: true }, y: { ...count, stacked: true } },
      },
    });
    canvas.dataset.drawn = 'true';
  }
})();
`);
