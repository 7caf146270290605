// Return registrations for the mission's staff: the list of their missions' registrations with
// filters, search, sort and pages; a record with every answer in the officer's language, its
// history (who, when) and the status moves allowed from where it stands; the filtered list as CSV.
// Before a status change the page says whether the notice can still reach the user on their app
// (the channel's window for a bot message): if not, it says so and the change is still allowed.
// The registrations desk holds every call to the person's missions; outside them it is a 403.
import { REGISTRATION_STATUSES, RETURN_REASONS, SPECIAL_SITUATIONS, type RegistrationStatus } from '../../core/registration.ts';
import { RegistrationError, STATUS_MOVES, isUrgent, type Registration } from '../../registration/model.ts';
import { asStaff } from '../accounts.ts';
import { channelLabel, languageLabel } from '../describe.ts';
import { ago } from '../format.ts';
import { html, raw, type Html } from '../html.ts';
import { BASE, field, type ConsolePage, type StaffCtx } from '../router.ts';
import { openWindowParts, reasonOf } from '../window-text.ts';
import { windowTimeline } from '../windows.ts';
import {
  age,
  contact,
  contractEnd,
  dateTime,
  day,
  missionLabel,
  passport,
  place,
  province,
  reasonLabel,
  returnDate,
  sectorLabel,
  sexLabel,
  specialLabel,
  statusBadge,
  statusLabel,
  zoneOf,
} from './registrations-labels.ts';
import { emptyFilters, hasDetailFilters, listQuery, PAGE_SIZE, parseList, registrationView, type ListFilters, type RegistrationView } from './registrations-query.ts';

const LIST = `${BASE}/registrations`;
const MAX_NOTE = 500;
/** A reference (K7M3QX) or a record id: anything else names nothing. */
const REF_OR_ID = /^[A-Za-z0-9-]{1,64}$/;
/** Opening a record is audited once per session and record in a while, not at every reload (as a chat is). */
const OPEN_AUDIT_EVERY_MS = 10 * 60_000;
const lastOpened = new Map<string, number>();

const STYLE = raw(`
.reg-filters .main { display: grid; grid-template-columns: minmax(12rem, 3fr) minmax(10rem, 1.2fr) auto auto; gap: .5rem 1rem; align-items: end; }
.reg-filters .more { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .4rem 1rem; align-items: end; margin-top: .6rem; }
.reg-filters label { margin: 0 0 .25rem; }
.reg-filters input:not([type=checkbox]), .reg-filters select { width: 100%; }
.reg-filters fieldset { border: 1px solid var(--line); border-radius: .5rem; padding: .3rem .8rem .5rem; margin: .6rem 0 0; }
.reg-filters legend { font-weight: 600; padding: 0 .3rem; }
.reg-filters .checks { display: flex; flex-wrap: wrap; gap: .1rem 1.2rem; }
.reg-filters .checks label { font-weight: 400; display: inline-flex; align-items: center; gap: .35rem; min-height: 2.2rem; margin: 0; }
.reg-filters .checks input { width: 1.15rem; height: 1.15rem; min-height: 0; }
.reg-filters summary { cursor: pointer; margin-top: .6rem; min-height: 2.2rem; }
.badge.reg-received { background: var(--warn-bg); }
.badge.reg-contacted { background: #e8f0fb; color: var(--accent); }
.badge.reg-travel_arranged { background: var(--ok-bg); color: var(--ok); }
.badge.reg-returned, .badge.reg-withdrawn { color: var(--muted); }
.badge.urgent { background: #fff0e0; border-color: #d9822b; color: #8a4b08; }
tr.urgent td:first-child { border-left: 4px solid #d9822b; }
table.regs td { overflow-wrap: anywhere; }
table.regs td.ref { white-space: nowrap; }
.pager { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; justify-content: space-between; margin-top: .8rem; }
.status-form .moves { display: flex; flex-wrap: wrap; gap: .5rem; margin-top: .6rem; }
ol.history { list-style: none; padding: 0; margin: 0; }
ol.history li { padding: .4rem 0; border-bottom: 1px solid var(--line); }
@media (max-width: 900px) {
  .reg-filters .main { grid-template-columns: 1fr 1fr; }
  table.regs thead { display: none; }
  table.regs tr { display: block; border-bottom: 1px solid var(--line); padding: .4rem 0; }
  table.regs td { display: block; border: 0; padding: .15rem .6rem; }
  table.regs td[data-label]::before { content: attr(data-label) ": "; color: var(--muted); font-size: .85rem; }
}
`);

function viewOf(c: StaffCtx): RegistrationView {
  return registrationView(asStaff(c.staff), c.deps.missions);
}

function options(items: { value: string; label: string }[], selected: readonly string[]): Html {
  return html`${items.map((o) => html`<option value="${o.value}"${selected.includes(o.value) ? raw(' selected') : ''}>${o.label}</option>`)}`;
}

function checks(name: string, items: { value: string; label: string }[], picked: string[]): Html {
  return html`<div class="checks">${items.map(
    (o) => html`<label><input type="checkbox" name="${name}" value="${o.value}"${picked.includes(o.value) ? raw(' checked') : ''}> ${o.label}</label>`,
  )}</div>`;
}

function filterForm(c: StaffCtx, view: RegistrationView, f: ListFilters): Html {
  const admin = view.missions === undefined;
  const countries = (view.countries ?? c.deps.countries.map((x) => x.code))
    .map((code) => ({ value: code, label: c.deps.countries.find((x) => x.code === code)?.name[c.locale] ?? code }))
    .sort((a, b) => a.label.localeCompare(b.label, c.locale));
  const missions = c.deps.missions.all().filter((m) => view.missions === undefined || view.missions.includes(m.id));
  return html`<form class="card reg-filters" method="get" action="${LIST}" id="reg-filters">
<div class="main">
  <div><label for="q">${c.t('registrations.filter.search')}</label><input id="q" name="q" type="search" value="${f.q}" maxlength="100" placeholder="${c.t('registrations.filter.searchHint')}"></div>
  <div><label for="sort">${c.t('registrations.filter.sort')}</label><select id="sort" name="sort">${options(
    [
      { value: 'urgent', label: c.t('registrations.sort.urgent') },
      { value: 'newest', label: c.t('registrations.sort.newest') },
      { value: 'oldest', label: c.t('registrations.sort.oldest') },
    ],
    [f.sort],
  )}</select></div>
  <div><button type="submit">${c.t('registrations.filter.apply')}</button></div>
  <div><a class="button secondary" href="${LIST}">${c.t('registrations.filter.clear')}</a></div>
</div>
<details${hasDetailFilters(f) ? raw(' open') : ''}><summary>${c.t('registrations.filter.more')}</summary>
<div class="more">
  <div><label for="country">${c.t('registrations.filter.country')}</label><select id="country" name="country"><option value="">${c.t(admin ? 'registrations.filter.allCountries' : 'registrations.filter.allMyCountries')}</option>${options(countries, f.country)}</select></div>
  <div><label for="mission">${c.t('registrations.filter.mission')}</label><select id="mission" name="mission"><option value="">${c.t(admin ? 'registrations.filter.allMissions' : 'registrations.filter.allMyMissions')}</option>${options(
    missions.map((m) => ({ value: m.id, label: m.name[c.locale] })),
    f.mission,
  )}</select></div>
  <div><label for="from">${c.t('registrations.filter.sentFrom')}</label><input id="from" name="from" type="date" value="${f.from}"></div>
  <div><label for="to">${c.t('registrations.filter.sentTo')}</label><input id="to" name="to" type="date" value="${f.to}"></div>
  <div><label for="returnFrom">${c.t('registrations.filter.returnFrom')}</label><input id="returnFrom" name="returnFrom" type="date" value="${f.returnFrom}"></div>
  <div><label for="returnTo">${c.t('registrations.filter.returnTo')}</label><input id="returnTo" name="returnTo" type="date" value="${f.returnTo}"></div>
</div>
<fieldset><legend>${c.t('registrations.filter.status')}</legend>${checks('status', REGISTRATION_STATUSES.map((s) => ({ value: s, label: statusLabel(c, s) })), f.status)}</fieldset>
<fieldset><legend>${c.t('registrations.filter.reason')}</legend>${checks('reason', RETURN_REASONS.map((r) => ({ value: r, label: reasonLabel(c, r) })), f.reason)}</fieldset>
<fieldset><legend>${c.t('registrations.filter.special')}</legend>${checks(
    'special',
    [...SPECIAL_SITUATIONS, 'none'].map((s) => ({ value: s, label: specialLabel(c, s) })),
    f.special,
  )}<p class="small muted" style="margin:.2rem 0 0">${c.t('registrations.filter.specialHelp')}</p></fieldset>
<p class="small muted">${c.t('registrations.filter.datesHelp')}</p>
</details>
</form>`;
}

function rows(c: StaffCtx, list: Registration[], showMission: boolean): Html {
  if (list.length === 0) return html`<tr><td colspan="${showMission ? 8 : 7}" class="muted">${c.t('registrations.none')}</td></tr>`;
  return html`${list.map((r) => {
    const where = place(c, r);
    const urgent = isUrgent(r);
    const href = `${LIST}/${r.ref}`;
    return html`<tr class="${urgent ? 'urgent' : ''}" data-ref="${r.ref}">
  <td class="ref" data-label="${c.t('registrations.col.ref')}"><a href="${href}"><strong>${r.ref}</strong></a>${urgent ? html` <span class="badge urgent">${c.t('registrations.urgent')}</span>` : ''}</td>
  <td data-label="${c.t('registrations.col.name')}">${r.data.fullName}</td>
  <td data-label="${c.t('registrations.col.status')}">${statusBadge(c, r.status)}</td>
  <td data-label="${c.t('registrations.col.reason')}">${reasonLabel(c, r.data.reason)}${r.data.special.length > 0 ? html`<br><span class="small">${r.data.special.map((s) => specialLabel(c, s)).join(', ')}</span>` : ''}</td>
  <td data-label="${c.t('registrations.col.where')}">${where.country} · ${where.city}</td>
  ${showMission ? html`<td data-label="${c.t('registrations.col.mission')}">${missionLabel(c, r.mission)}</td>` : ''}
  <td data-label="${c.t('registrations.col.sent')}">${dateTime(c, r.createdAt, zoneOf(c, r.mission))}</td>
  <td data-label="${c.t('registrations.col.returnDate')}">${returnDate(c, r)}</td>
</tr>`;
  })}`;
}

/** A RegistrationError as the console answers it; anything else is not ours to handle. */
function refusal(c: StaffCtx, err: unknown) {
  if (!(err instanceof RegistrationError)) throw err;
  if (err.code === 'forbidden') return c.fail(403, 'errors.forbidden');
  if (err.code === 'not_found') return c.fail(404, 'registrations.notFound');
  if (err.code === 'invalid_filter') return c.fail(400, 'registrations.errors.badValue');
  return c.fail(409, 'registrations.errors.badMove');
}

async function listPage(c: StaffCtx) {
  const view = viewOf(c);
  const parsed = parseList(c.req.query, { view, directory: c.deps.missions, countries: c.deps.countries });
  const intro = html`<style>${STYLE}</style><h1>${c.t('registrations.title')}</h1><p class="muted">${c.t('registrations.intro')}</p>`;
  if (!parsed.ok) {
    if (parsed.status === 403) return c.fail(403, 'errors.forbidden');
    return c.page({
      status: 400,
      title: c.t('registrations.title'),
      flash: { kind: 'error', text: c.t(`registrations.errors.${parsed.error}`) },
      body: html`${intro}${filterForm(c, view, { ...emptyFilters(), ...parsed.filters, page: 1 })}`,
    });
  }
  const { filters } = parsed;
  let result: { total: number; items: Registration[] };
  try {
    result = await c.deps.registrations.service.list(view.scope, parsed.filter);
  } catch (err) {
    return refusal(c, err);
  }
  const pages = Math.max(1, Math.ceil(result.total / PAGE_SIZE));
  const showMission = view.missions === undefined || view.missions.length > 1;
  const query = listQuery(filters, { page: 1 });
  const first = result.total === 0 ? 0 : (filters.page - 1) * PAGE_SIZE + 1;
  const last = Math.min(result.total, filters.page * PAGE_SIZE);
  const pageLink = (page: number, label: string, rel: string) => {
    const q = listQuery(filters, { page });
    return html`<a class="button secondary" rel="${rel}" href="${LIST}${q ? `?${q}` : ''}">${label}</a>`;
  };
  return c.page({
    title: c.t('registrations.title'),
    body: html`${intro}${filterForm(c, view, filters)}
<div class="row" style="justify-content:space-between;margin-bottom:.6rem">
  <p id="reg-summary" style="margin:0"><strong>${c.t('registrations.count', { n: result.total })}</strong>${result.total > 0 ? html` <span class="muted">· ${c.t('registrations.showing', { first, last })}</span>` : ''}</p>
  <a class="button secondary" id="reg-csv" href="${LIST}.csv${query ? `?${query}` : ''}">${c.t('registrations.csv')}</a>
</div>
<table class="regs"><thead><tr><th>${c.t('registrations.col.ref')}</th><th>${c.t('registrations.col.name')}</th><th>${c.t('registrations.col.status')}</th><th>${c.t('registrations.col.reason')}</th><th>${c.t('registrations.col.where')}</th>${showMission ? html`<th>${c.t('registrations.col.mission')}</th>` : ''}<th>${c.t('registrations.col.sent')}</th><th>${c.t('registrations.col.returnDate')}</th></tr></thead>
<tbody id="reg-rows">${rows(c, result.items, showMission)}</tbody></table>
${pages > 1
  ? html`<nav class="pager" aria-label="${c.t('registrations.pages')}">
  <span>${filters.page > 1 ? pageLink(filters.page - 1, c.t('registrations.previous'), 'prev') : ''}</span>
  <span class="muted">${c.t('registrations.page', { page: filters.page, pages })}</span>
  <span>${filters.page < pages ? pageLink(filters.page + 1, c.t('registrations.next'), 'next') : ''}</span>
</nav>`
  : ''}`,
  });
}

/** Whether a status notice can reach the user now (a bot message on their channel), and until when. */
async function reach(c: StaffCtx, r: Registration): Promise<{ canSend: boolean; text: Html }> {
  const tl = await windowTimeline(c.deps.window, r.key, 'bot');
  const channel = channelLabel(c, r.key.channel);
  const tz = zoneOf(c, r.mission);
  const now = c.deps.clock.now();
  const last = tl.lastUserAt !== undefined ? html`<p class="small muted" style="margin:.3rem 0 0">${c.t('registrations.notice.lastMessage', { ago: ago(c, now - tl.lastUserAt) })}</p>` : '';
  const [first, ...rest] = tl.steps ?? [];
  if (!first) return { canSend: true, text: html`<div class="window" id="notice-window">${c.t('registrations.notice.noWindow', { channel })}</div>${last}` };
  if (!first.canSend) {
    return {
      canSend: false,
      text: html`<div class="window closed" id="notice-window" role="status">${c.t('registrations.notice.refused', { channel, reason: reasonOf(c, first) })}</div>${last}`,
    };
  }
  const parts = openWindowParts(c, channel, first, rest, tz);
  return { canSend: true, text: html`<div class="window" id="notice-window">${c.t('registrations.notice.willSend')} ${parts.join('; ')}</div>${last}` };
}

/** The label of a move's button: forward, back a step (a slip corrected), withdrawn, or reopened. */
function moveLabel(c: StaffCtx, from: RegistrationStatus, to: RegistrationStatus): string {
  if (to === 'withdrawn') return c.t('registrations.move.withdraw');
  if (from === 'withdrawn') return c.t('registrations.move.reopen');
  const back = REGISTRATION_STATUSES.indexOf(to) < REGISTRATION_STATUSES.indexOf(from);
  return c.t(back ? 'registrations.move.back' : 'registrations.move.forward', { status: statusLabel(c, to) });
}

async function statusCard(c: StaffCtx, r: Registration): Promise<Html> {
  const moves = STATUS_MOVES[r.status];
  const notice = await reach(c, r);
  const userLanguage = languageLabel(c, r.locale);
  return html`<div class="card"><h2 style="margin-top:0">${c.t('registrations.changeStatus')}</h2>
<p style="margin:0 0 .5rem">${c.t('registrations.now')}: ${statusBadge(c, r.status)}</p>
${notice.text}
${notice.canSend ? '' : html`<p class="small" id="notice-advice">${c.t('registrations.notice.stillAllowed')}</p>`}
<form class="status-form" method="post" action="${LIST}/${r.ref}/status">
  <input type="hidden" name="_csrf" value="${c.csrf()}">
  <input type="hidden" name="from" value="${r.status}">
  <label for="note">${c.t('registrations.note')}</label>
  <textarea id="note" name="note" maxlength="${MAX_NOTE}" style="min-height:4rem" placeholder="${c.t('registrations.noteHint')}"></textarea>
  <div class="moves">${moves.map(
    (to) =>
      html`<button type="submit" name="status" value="${to}" class="${to === 'withdrawn' ? 'danger' : REGISTRATION_STATUSES.indexOf(to) < REGISTRATION_STATUSES.indexOf(r.status) || r.status === 'withdrawn' ? 'secondary' : ''}">${moveLabel(c, r.status, to)}</button>`,
  )}</div>
</form>
<details style="margin-top:.6rem"><summary class="small">${c.t('registrations.notice.preview', { language: userLanguage })}</summary>
<ul class="plain small">${moves.map((to) => html`<li><strong>${statusLabel(c, to)}</strong>: ${c.deps.botTranslate(r.locale, `registration.notify.${to}`, { ref: r.ref })}</li>`)}</ul></details>
</div>`;
}

function history(c: StaffCtx, r: Registration): Html {
  const tz = zoneOf(c, r.mission);
  return html`<div class="card"><h2 style="margin-top:0">${c.t('registrations.history')}</h2><ol class="history" id="reg-history">${[...r.history].reverse().map(
    (e) => html`<li><strong>${e.event === 'updated' ? c.t('registrations.event.updated') : statusLabel(c, e.event)}</strong><br>
<span class="small muted">${dateTime(c, e.at, tz)} · ${e.by.kind === 'staff' ? e.by.name : c.t('registrations.event.byUser')}</span>${e.note ? html`<br><span class="small">${e.note}</span>` : ''}</li>`,
  )}</ol></div>`;
}

function facts(rows: [string, Html | string][]): Html {
  return html`<dl class="facts">${rows.map(([label, value]) => html`<dt>${label}</dt><dd>${value}</dd>`)}</dl>`;
}

async function recordPage(c: StaffCtx, r: Registration) {
  const d = r.data;
  const tz = zoneOf(c, r.mission);
  const now = c.deps.clock.now();
  const where = place(c, r);
  const none = c.t('registrations.value.none');
  const person = facts([
    [c.t('registrations.field.fullName'), d.fullName],
    [c.t('registrations.field.birthDate'), c.t('registrations.value.birth', { date: day(c, d.birthDate), age: age(d.birthDate, now, tz) })],
    [c.t('registrations.field.sex'), d.sex ? sexLabel(c, d.sex) : c.t('registrations.value.notAsked')],
    [c.t('registrations.field.passport'), passport(c, r)],
    [c.t('registrations.field.contact'), contact(c, r)],
    [c.t('registrations.field.province'), province(c, r, c.deps.registrations.provinceName)],
  ]);
  const work = facts([
    [c.t('registrations.field.country'), where.country],
    [c.t('registrations.field.city'), where.city],
    [c.t('registrations.field.employer'), d.employer ?? c.t('registrations.value.unknown')],
    [c.t('registrations.field.sector'), d.sector ? sectorLabel(c, d.sector) : c.t('registrations.value.notAsked')],
    [c.t('registrations.field.contractEnd'), contractEnd(c, r)],
  ]);
  const going = facts([
    [c.t('registrations.field.reason'), reasonLabel(c, d.reason)],
    [c.t('registrations.field.special'), d.special.length > 0 ? d.special.map((s) => specialLabel(c, s)).join(', ') : none],
    [c.t('registrations.field.returnDate'), returnDate(c, r)],
  ]);
  const record = facts([
    [c.t('registrations.field.ref'), html`<strong>${r.ref}</strong>`],
    [c.t('registrations.field.mission'), missionLabel(c, r.mission)],
    [c.t('registrations.field.channel'), channelLabel(c, r.key.channel)],
    [c.t('registrations.field.language'), languageLabel(c, r.locale)],
    [c.t('registrations.field.sent'), dateTime(c, r.createdAt, tz)],
    [c.t('registrations.field.updated'), `${dateTime(c, r.updatedAt, tz)} (${ago(c, now - r.updatedAt)})`],
  ]);
  const card = (title: string, body: Html) => html`<div class="card"><h2 style="margin-top:0">${title}</h2>${body}</div>`;
  return c.page({
    title: `${c.t('registrations.record')} ${r.ref}`,
    body: html`<style>${STYLE}</style><p><a href="${LIST}">← ${c.t('registrations.title')}</a></p>
<h1>${c.t('registrations.record')} ${r.ref} — ${d.fullName}</h1>
<div class="row" style="margin-bottom:.8rem">${statusBadge(c, r.status)}${isUrgent(r) ? html` <span class="badge urgent">${c.t('registrations.urgent')}</span> <span class="small muted">${c.t('registrations.urgentWhy')}</span>` : ''}</div>
<div class="grid">
  <section id="reg-record">${card(c.t('registrations.section.person'), person)}${card(c.t('registrations.section.work'), work)}${card(c.t('registrations.section.return'), going)}${card(c.t('registrations.section.record'), record)}</section>
  <aside>${await statusCard(c, r)}${history(c, r)}</aside>
</div>`,
  });
}

export const registrationsPage: ConsolePage = {
  nav: { href: LIST, labelKey: 'nav.registrations', least: 'agent' },
  routes(r) {
    r.staff('GET', '/registrations', 'agent', listPage);

    r.staff('GET', '/registrations.csv', 'agent', async (c) => {
      const view = viewOf(c);
      const parsed = parseList(c.req.query, { view, directory: c.deps.missions, countries: c.deps.countries });
      if (!parsed.ok) return c.fail(parsed.status, parsed.status === 403 ? 'errors.forbidden' : `registrations.errors.${parsed.error}`);
      const { filters, filter } = parsed;
      const desk = c.deps.registrations.service;
      let csv: string;
      let total: number;
      try {
        csv = await desk.exportCsv(view.scope, filter, c.locale);
        total = (await desk.list(view.scope, { ...filter, offset: 0, limit: 1 })).total;
      } catch (err) {
        return refusal(c, err);
      }
      const detail: Record<string, string | number | boolean> = { rows: total, sort: filters.sort };
      for (const name of ['status', 'reason', 'special', 'country', 'mission'] as const) if (filters[name].length > 0) detail[name] = filters[name].join(',');
      for (const name of ['from', 'to', 'returnFrom', 'returnTo'] as const) if (filters[name]) detail[name] = filters[name];
      // What was searched may be a name or a passport number: the log says a search was made, not what.
      if (filters.q) detail.search = true;
      await c.audit('export', 'registrations', detail);
      const today = new Date(c.deps.clock.now()).toISOString().slice(0, 10);
      return c.reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="registrations_${today}.csv"`)
        .header('cache-control', 'no-store')
        .send(csv);
    });

    r.staff('GET', '/registrations/:ref', 'agent', async (c) => {
      const ref = (c.req.params as { ref?: string }).ref ?? '';
      if (!REF_OR_ID.test(ref)) return c.fail(404, 'registrations.notFound');
      let record: Registration;
      try {
        record = await c.deps.registrations.service.get(viewOf(c).scope, ref);
      } catch (err) {
        return refusal(c, err);
      }
      const key = `${c.session.id}:${record.id}`;
      const now = c.deps.clock.now();
      if ((lastOpened.get(key) ?? -Infinity) < now - OPEN_AUDIT_EVERY_MS) {
        lastOpened.set(key, now);
        if (lastOpened.size > 10_000) lastOpened.clear();
        await c.audit('open', record.id, { registration: record.ref });
      }
      return recordPage(c, record);
    });

    r.staff('POST', '/registrations/:ref/status', 'agent', async (c) => {
      const ref = (c.req.params as { ref?: string }).ref ?? '';
      if (!REF_OR_ID.test(ref)) return c.fail(404, 'registrations.notFound');
      const to = field(c.req.body, 'status');
      const seen = field(c.req.body, 'from');
      const note = field(c.req.body, 'note');
      const { scope } = viewOf(c);
      const desk = c.deps.registrations.service;
      let record: Registration;
      try {
        record = await desk.get(scope, ref);
      } catch (err) {
        return refusal(c, err);
      }
      const back = `${LIST}/${record.ref}`;
      if (!(REGISTRATION_STATUSES as readonly string[]).includes(to)) return c.fail(400, 'registrations.errors.badValue');
      if (note.length > MAX_NOTE) return c.redirect(back, { error: 'registrationNoteLength' });
      // The officer chose from the status they saw; if it moved since, they look again first.
      if (seen !== '' && seen !== record.status) return c.redirect(back, { error: 'registrationStale' });
      const reachable = (await c.deps.window(record.key, 'bot')).window?.canSend ?? true;
      const from = record.status;
      try {
        await desk.setStatus(scope, record.id, to as RegistrationStatus, { id: c.staff.id, name: c.staff.name }, note || undefined);
      } catch (err) {
        if (err instanceof RegistrationError && err.code === 'invalid_status_change') return c.redirect(back, { error: 'registrationBadMove' });
        return refusal(c, err);
      }
      await c.audit('status', record.id, { registration: record.ref, from, to, notified: reachable });
      return c.redirect(back, { ok: reachable ? 'registrationStatus' : 'registrationStatusUnreachable' });
    });
  },
};
