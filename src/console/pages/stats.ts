// Statistics for the missions and the ministry (supervisors and admins): anonymous counts of
// questions per topic, hand-offs and their waits, emergencies, and returning workers' profiles,
// per week or month, filtered by country, mission and period within the person's scope. One chart
// per table for a glance, the same figures in an accessible table under it, and a CSV of exactly
// what the page shows. Any cell under 5 is "<5" everywhere: page, chart and export.
import { readReport, shown, SMALL_CELL, SUPPRESSED, type Metric, type Report } from '../../stats/index.ts';
import { UNKNOWN } from '../../stats/model.ts';
import { toCsv } from '../../registration/csv.ts';
import { asStaff } from '../accounts.ts';
import { html, jsonForScript, raw, type Html } from '../html.ts';
import { BASE, type ConsolePage, type StaffCtx } from '../router.ts';
import { chartLibrary, chartRow, CHART_SCRIPT, drawable, type ChartTable } from './stats-chart.ts';
import { day, dimensionLabel, ORDERED, periodLabel, tableHelp, tableTitle, valueLabel, VOCABULARY } from './stats-labels.ts';
import { filtersQuery, parseFilters, statsScope, type StatsFilters, type StatsScope } from './stats-query.ts';

interface RowView {
  value: string;
  label: string;
  counts: number[];
  total: number;
  color: number;
}

interface TableView {
  metric: Metric;
  dimension: string;
  rows: RowView[];
}

interface PeriodView {
  id: string;
  label: string;
  days: string;
}

/**
 * A report's tables as the page and the CSV show them: every value of the table's vocabulary (so
 * a row's presence says nothing), then any other value counted. Rows of 5 and more come largest
 * first; rows under 5 follow by name — sorting them by size would rank what "<5" hides.
 */
function tablesOf(c: StaffCtx, report: Report): TableView[] {
  return report.tables.map((t) => {
    const counted = new Map(t.rows.map((r) => [r.value, r.counts]));
    const values = [...VOCABULARY[t.metric], ...t.rows.map((r) => r.value).filter((v) => !VOCABULARY[t.metric].includes(v))];
    let rows = values.map((value): RowView => {
      const counts = counted.get(value) ?? report.periods.map(() => 0);
      return { value, label: valueLabel(c, t.metric, value), counts, total: counts.reduce((a, b) => a + b, 0), color: 0 };
    });
    if (!ORDERED.has(t.metric)) {
      const byName = (a: RowView, b: RowView) => a.label.localeCompare(b.label, c.locale);
      const big = rows.filter((r) => r.total >= SMALL_CELL).sort((a, b) => b.total - a.total || byName(a, b));
      const small = rows.filter((r) => r.total < SMALL_CELL).sort(byName);
      rows = [...big, ...small];
    }
    // Colours follow the rows: the largest gets the first, and the legend reads like the table.
    return { metric: t.metric, dimension: t.dimension, rows: rows.map((r, color) => ({ ...r, color })) };
  });
}

function periodsOf(c: StaffCtx, report: Report): PeriodView[] {
  return report.periods.map((id) => ({ id, ...periodLabel(c, id) }));
}

function cell(c: StaffCtx, n: number): Html {
  return n < SMALL_CELL ? html`<td class="num suppressed" title="${c.t('stats.suppressedTitle')}">${SUPPRESSED}</td>` : html`<td class="num">${shown(n)}</td>`;
}

function tableSection(c: StaffCtx, t: TableView, periods: PeriodView[], chart: ChartTable): Html {
  const title = tableTitle(c, t.metric);
  const weekly = periods.some((p) => p.id.includes('-W'));
  return html`<section class="card stats-table" id="t-${t.metric}" aria-labelledby="h-${t.metric}">
<h2 id="h-${t.metric}">${title}</h2>
<p class="muted small">${tableHelp(c, t.metric)}</p>
${drawable(chart.rows)
  ? html`<div class="chart-box" style="height:${periods.length === 1 ? Math.max(8, 3 + chart.rows.filter((r) => r.drawn[0]! > 0).length * 2.2) : 19}rem"><canvas id="chart-${t.metric}" role="img" aria-label="${c.t('stats.chartLabel', { title })}"></canvas></div>
<p class="small muted">${c.t('stats.chartNote')}</p>`
  : html`<p class="muted nothing-drawn">${c.t('stats.nothingToDraw')}</p>`}
<div class="table-scroll" tabindex="0"><table class="stats">
<caption class="sr-only">${title}</caption>
<thead><tr><th scope="col">${dimensionLabel(c, t.dimension)}</th>${periods.map((p) => html`<th scope="col" class="num" title="${p.days}">${p.label}${weekly ? html`<br><span class="small muted">${p.days}</span>` : ''}</th>`)}<th scope="col" class="num">${c.t('stats.total')}</th></tr></thead>
<tbody>${t.rows.map((r) => html`<tr data-value="${r.value}"><th scope="row">${r.label}</th>${r.counts.map((n) => cell(c, n))}${cell(c, r.total)}</tr>`)}</tbody>
</table></div>
</section>`;
}

function options(items: { value: string; label: string }[], selected: string): Html {
  return html`${items.map((o) => html`<option value="${o.value}"${o.value === selected ? raw(' selected') : ''}>${o.label}</option>`)}`;
}

function countryName(c: StaffCtx, code: string): string {
  if (code === UNKNOWN) return c.t('stats.unknownCountry');
  return c.deps.countries.find((x) => x.code === code)?.name[c.locale] ?? code;
}

function missionLabel(c: StaffCtx, id: string): string {
  if (id === UNKNOWN) return c.t('stats.noMission');
  return c.deps.missions.get(id)?.name[c.locale] ?? id;
}

function filterForm(c: StaffCtx, scope: StatsScope, f: StatsFilters): Html {
  const admin = scope.missions === undefined;
  const countryCodes = scope.countries ?? c.deps.countries.map((x) => x.code);
  const countries = countryCodes.map((code) => ({ value: code, label: countryName(c, code) })).sort((a, b) => a.label.localeCompare(b.label, c.locale));
  if (admin) countries.push({ value: UNKNOWN, label: c.t('stats.unknownCountry') });
  const missions = c.deps.missions.all().filter((m) => scope.missions === undefined || scope.missions.includes(m.id));
  const byCountry = [...new Set(missions.map((m) => m.country))];
  return html`<form class="card stats-filters" method="get" action="${BASE}/stats">
<div><label for="country">${c.t('stats.country')}</label><select id="country" name="country">${options([{ value: '', label: c.t(admin ? 'stats.allCountries' : 'stats.allMyCountries') }, ...countries], f.country)}</select></div>
<div><label for="mission">${c.t('stats.mission')}</label><select id="mission" name="mission"><option value="">${c.t(admin ? 'stats.allMissions' : 'stats.allMyMissions')}</option>
${byCountry.map((code) => html`<optgroup label="${countryName(c, code)}">${options(missions.filter((m) => m.country === code).map((m) => ({ value: m.id, label: m.name[c.locale] })), f.mission)}</optgroup>`)}
${admin ? options([{ value: UNKNOWN, label: c.t('stats.noMission') }], f.mission) : ''}</select></div>
<div><label for="from">${c.t('stats.from')}</label><input id="from" name="from" type="date" value="${f.from}" required></div>
<div><label for="to">${c.t('stats.to')}</label><input id="to" name="to" type="date" value="${f.to}" required></div>
<div><label for="granularity">${c.t('stats.granularity')}</label><select id="granularity" name="granularity">${options(
    [
      { value: 'month', label: c.t('stats.byMonth') },
      { value: 'week', label: c.t('stats.byWeek') },
    ],
    f.granularity,
  )}</select></div>
<div><button type="submit">${c.t('stats.show')}</button></div>
</form>`;
}

/** "Nhật Bản · mọi cơ quan · 01/06/2026 – 25/11/2026, theo tháng". */
function summary(c: StaffCtx, scope: StatsScope, f: StatsFilters): string {
  const admin = scope.missions === undefined;
  const where = f.country ? countryName(c, f.country) : c.t(admin ? 'stats.allCountries' : 'stats.allMyCountries');
  const who = f.mission ? missionLabel(c, f.mission) : c.t(admin ? 'stats.allMissions' : 'stats.allMyMissions');
  const from = Date.parse(`${f.from}T00:00:00Z`);
  const to = Date.parse(`${f.to}T00:00:00Z`);
  return c.t('stats.summary', { where, who, from: day(c, from), to: day(c, to), by: c.t(f.granularity === 'week' ? 'stats.byWeek' : 'stats.byMonth') });
}

const STYLE = raw(`
.stats-filters { display: grid; grid-template-columns: repeat(auto-fit, minmax(10.5rem, 1fr)); gap: .4rem 1rem; align-items: end; }
.stats-filters label { margin: 0 0 .25rem; }
.stats-filters select, .stats-filters input { width: 100%; }
.stats-toc { display: flex; flex-wrap: wrap; gap: .3rem 1rem; margin: 0 0 1rem; font-size: .92rem; }
.chart-box { position: relative; width: 100%; margin: .4rem 0; }
.table-scroll { overflow-x: auto; }
table.stats th[scope="row"] { font-size: 1rem; color: var(--ink); font-weight: 500; min-width: 11rem; }
/* The label column stays put while the periods scroll under it, so a row is never read without its name. */
table.stats th[scope="row"], table.stats thead th:first-child { position: sticky; left: 0; background: var(--card); z-index: 1; }
.table-scroll:focus-visible { outline: 3px solid var(--accent); }
table.stats .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.stats td.suppressed { color: var(--muted); }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
`);

function scopeOf(c: StaffCtx): StatsScope {
  return statsScope(asStaff(c.staff), c.deps.missions);
}

function parse(c: StaffCtx) {
  const scope = scopeOf(c);
  const parsed = parseFilters(c.req.query, { scope, directory: c.deps.missions, countries: c.deps.countries, now: c.deps.clock.now() });
  return { scope, parsed };
}

export const statsPage: ConsolePage = {
  nav: { href: `${BASE}/stats`, labelKey: 'nav.stats', least: 'supervisor' },
  routes(r) {
    const lib = chartLibrary();

    r.staff('GET', lib.path, 'supervisor', async (c) =>
      c.reply.type('application/javascript; charset=utf-8').header('cache-control', 'private, max-age=31536000, immutable').send(lib.body),
    );

    r.staff('GET', '/stats', 'supervisor', async (c) => {
      const { scope, parsed } = parse(c);
      const intro = html`<h1>${c.t('stats.title')}</h1><p class="muted">${c.t('stats.intro')}</p><style>${STYLE}</style>`;
      if (!parsed.ok) {
        if (parsed.status === 403) return c.fail(403, 'errors.forbidden');
        return c.page({
          status: 400,
          title: c.t('stats.title'),
          flash: { kind: 'error', text: c.t(`stats.errors.${parsed.error}`) },
          body: html`${intro}${filterForm(c, scope, parsed.filters)}`,
        });
      }
      const { filters } = parsed;
      const report = await readReport(c.deps.store, parsed.query);
      const periods = periodsOf(c, report);
      const tables = tablesOf(c, report);
      const charts: ChartTable[] = tables.map((t) => ({
        id: t.metric,
        title: tableTitle(c, t.metric),
        periods: periods.map((p) => p.label),
        rows: t.rows.map((row) => chartRow(row.label, row.counts, row.color)),
      }));
      return c.page({
        title: c.t('stats.title'),
        body: html`${intro}${filterForm(c, scope, filters)}
<div class="row" style="justify-content:space-between;margin-bottom:.8rem">
  <p id="stats-summary" style="margin:0"><strong>${summary(c, scope, filters)}</strong>${parsed.missionDropped ? html`<br><span class="small">${c.t('stats.missionDropped')}</span>` : ''}</p>
  <a class="button secondary" id="stats-csv" href="${BASE}/stats.csv?${filtersQuery(filters)}">${c.t('stats.csv')}</a>
</div>
<p class="small muted">${c.t('stats.suppressionNote', { n: SMALL_CELL })}</p>
<nav class="stats-toc" aria-label="${c.t('stats.tablesNav')}">${tables.map((t) => html`<a href="#t-${t.metric}">${tableTitle(c, t.metric)}</a>`)}</nav>
${tables.map((t, i) => tableSection(c, t, periods, charts[i]!))}
<script src="${BASE}${lib.path}"></script>
<script type="application/json" id="stats-data">${jsonForScript({ locale: c.locale, suppressed: SUPPRESSED, tables: charts })}</script>`,
        script: CHART_SCRIPT,
      });
    });

    r.staff('GET', '/stats.csv', 'supervisor', async (c) => {
      const { parsed } = parse(c);
      if (!parsed.ok) return c.fail(parsed.status, parsed.status === 403 ? 'errors.forbidden' : `stats.errors.${parsed.error}`);
      const { filters } = parsed;
      const report = await readReport(c.deps.store, parsed.query);
      const periods = periodsOf(c, report);
      const tables = tablesOf(c, report);
      const rows: string[][] = [[c.t('stats.csvTable'), c.t('stats.csvValue'), ...periods.map((p) => p.label), c.t('stats.total')]];
      for (const t of tables) {
        const title = tableTitle(c, t.metric);
        for (const row of t.rows) rows.push([title, row.label, ...row.counts.map(shown), shown(row.total)]);
      }
      await c.audit('export', 'statistics', {
        from: filters.from,
        to: filters.to,
        granularity: filters.granularity,
        country: filters.country || 'all',
        mission: filters.mission || 'all',
        rows: rows.length - 1,
      });
      const name = ['statistics', filters.from, filters.to, filters.granularity, filters.country, filters.mission].filter(Boolean).join('_');
      return c.reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="${name}.csv"`)
        .header('cache-control', 'no-store')
        .send(toCsv(rows));
    });
  },
};
