// The queue: open chats of the missions a person may see, emergencies first and then whoever has
// waited longest, with how long they have waited. The page listens to /console/events and fetches
// its rows again when a chat in its scope changes (and every 30 s, so waiting times move).
import type { Handoff, WithdrawnLine } from '../../handoff/model.ts';
import { asStaff } from '../accounts.ts';
import { channelLabel, countryName, cityName, languageLabel, missionName, priorityBadge, reasonLabel, statusBadge, topicLabel } from '../describe.ts';
import { ago, duration, staffTimeZone, when } from '../format.ts';
import { html, jsonForScript, raw, type Html } from '../html.ts';
import { BASE, type ConsolePage, type StaffCtx } from '../router.ts';
import { visibleMissions } from '../scope.ts';

/** The missions this person's list shows: all they may see, or the one they picked among them. */
function shown(c: StaffCtx): { visible: string[] | undefined; picked: string | undefined } {
  const visible = visibleMissions(asStaff(c.staff), c.deps.missions);
  const q = (c.req.query as Record<string, unknown>).mission;
  const picked = typeof q === 'string' && q !== '' && (visible === undefined ? c.deps.missions.get(q) !== undefined : visible.includes(q)) ? q : undefined;
  return { visible: picked ? [picked] : visible, picked };
}

/** Chats their users withdrew (erased) this shift: one anonymous line each, so an alerted officer knows. */
function withdrawnRows(c: StaffCtx, lines: readonly WithdrawnLine[]): Html {
  const tz = staffTimeZone(c.staff, c.deps.missions);
  return html`${lines.map(
    (l) => html`<tr class="withdrawn"><td colspan="7" class="muted">${c.t(`queue.withdrawn.${l.status}_${l.priority}`, { country: countryName(c, l.country), at: when(c, l.at, tz) })}</td></tr>`,
  )}`;
}

function rows(c: StaffCtx, list: Handoff[], withdrawn: readonly WithdrawnLine[]): Html {
  const now = c.deps.clock.now();
  if (list.length === 0) return html`<tr><td colspan="7" class="muted">${c.t('queue.empty')}</td></tr>${withdrawnRows(c, withdrawn)}`;
  return html`${list.map((h) => {
    const place = [countryName(c, h.country), cityName(c, h.country, h.city)].filter(Boolean).join(' · ');
    const mine = h.assignee?.id === c.staff.id;
    return html`<tr class="${h.priority === 'emergency' ? 'emergency' : ''}" data-id="${h.id}">
  <td data-label="${c.t('queue.waiting')}"><strong>${duration(c, now - h.createdAt)}</strong><br><span class="small muted">${c.t('queue.lastMessage')}: ${ago(c, now - h.lastUserAt)}</span></td>
  <td data-label="${c.t('queue.status')}">${priorityBadge(c, h)} ${statusBadge(c, h)}${mine ? html` <span class="badge">${c.t('queue.mine')}</span>` : ''}</td>
  <td data-label="${c.t('queue.topic')}">${topicLabel(c, h.topic)}<br><span class="small muted">${reasonLabel(c, h.reason)}</span></td>
  <td data-label="${c.t('queue.where')}">${place}</td>
  <td data-label="${c.t('queue.mission')}">${missionName(c, h.mission)}</td>
  <td data-label="${c.t('queue.channel')}">${channelLabel(c, h.key.channel)} · ${languageLabel(c, h.locale)}</td>
  <td><a class="button${h.priority === 'emergency' ? '' : ' secondary'}" href="${BASE}/chats/${h.id}">${c.t('queue.open')}</a></td>
</tr>`;
  })}${withdrawnRows(c, withdrawn)}`;
}

function doneRows(c: StaffCtx, list: Handoff[]): Html {
  const tz = staffTimeZone(c.staff, c.deps.missions);
  if (list.length === 0) return html`<p class="muted">${c.t('queue.noneClosed')}</p>`;
  return html`<table><thead><tr><th>${c.t('queue.closedAt')}</th><th>${c.t('queue.status')}</th><th>${c.t('queue.topic')}</th><th>${c.t('queue.mission')}</th><th><span class="sr">${c.t('queue.open')}</span></th></tr></thead><tbody>
${list.map((h) => html`<tr><td>${when(c, h.updatedAt, tz)}</td><td>${statusBadge(c, h)}</td><td>${topicLabel(c, h.topic)}</td><td>${missionName(c, h.mission)}</td><td><a href="${BASE}/chats/${h.id}">${c.t('queue.open')}</a></td></tr>`)}
</tbody></table>`;
}

// The mission filter applies when picked. A listener here, not an onchange attribute: the CSP
// (script-src-attr 'none') blocks inline handlers, and the form's button shows only without script.
const SCRIPT = raw(`
(() => {
  const mission = document.getElementById('mission');
  if (mission) mission.addEventListener('change', () => mission.form.submit());
  const cfg = JSON.parse(document.getElementById('live-config').textContent);
  const body = document.getElementById('queue-rows');
  const banner = document.getElementById('alert');
  const status = document.getElementById('live-status');
  const title = document.title;
  let timer = null;
  async function refresh() {
    timer = null;
    try {
      const res = await fetch(cfg.rows, { headers: { accept: 'text/html' }, credentials: 'same-origin' });
      if (res.status === 401) { location.reload(); return; }
      if (res.ok) body.innerHTML = await res.text();
    } catch (e) { /* the next event or tick tries again */ }
  }
  const soon = () => { if (!timer) timer = setTimeout(refresh, 250); };
  const events = new EventSource(cfg.events);
  events.addEventListener('change', (ev) => {
    const n = JSON.parse(ev.data);
    if (n.alert) {
      banner.hidden = false;
      banner.textContent = cfg.alertText;
      document.title = '(!) ' + title;
    }
    soon();
  });
  events.addEventListener('signed-out', () => { events.close(); location.href = cfg.signIn; });
  events.onopen = () => { status.textContent = cfg.liveText; };
  events.onerror = () => { status.textContent = cfg.offlineText; };
  document.addEventListener('visibilitychange', () => { if (!document.hidden) document.title = title; });
  setInterval(refresh, 30000);
})();
`);

export const queuePage: ConsolePage = {
  nav: { href: `${BASE}/queue`, labelKey: 'nav.queue', least: 'agent' },
  routes(r) {
    r.staff('GET', '/queue', 'agent', async (c) => {
      const { visible, picked } = shown(c);
      const all = visibleMissions(asStaff(c.staff), c.deps.missions);
      const [list, done, withdrawn] = await Promise.all([c.deps.queue.list(visible), c.deps.queue.listDone(visible, 20), c.deps.queue.withdrawn(visible)]);
      const choices = c.deps.missions.all().filter((m) => all === undefined || all.includes(m.id));
      const rowsUrl = `${BASE}/queue/rows${picked ? `?mission=${encodeURIComponent(picked)}` : ''}`;
      const emergencies = list.filter((h) => h.priority === 'emergency').length;
      return c.page({
        title: c.t('queue.title'),
        body: html`<h1>${c.t('queue.title')}</h1>
<div id="alert" class="alert" role="alert"${emergencies > 0 ? '' : raw(' hidden')}>${emergencies > 0 ? c.t('queue.emergencies', { n: emergencies }) : ''}</div>
<div class="row" style="justify-content:space-between;margin-bottom:.6rem">
  ${choices.length > 1
    ? html`<form class="inline" method="get" action="${BASE}/queue"><label for="mission" style="margin:0">${c.t('queue.mission')}</label>
      <select id="mission" name="mission"><option value="">${c.t('queue.allMine')}</option>
      ${choices.map((m) => html`<option value="${m.id}"${m.id === picked ? raw(' selected') : ''}>${m.name[c.locale]}</option>`)}</select>
      <noscript><button type="submit">${c.t('queue.filter')}</button></noscript></form>`
    : html`<span>${choices[0]?.name[c.locale] ?? ''}</span>`}
  <span id="live-status" class="small muted">${c.t('queue.connecting')}</span>
</div>
<table class="queue"><thead><tr><th>${c.t('queue.waiting')}</th><th>${c.t('queue.status')}</th><th>${c.t('queue.topic')}</th><th>${c.t('queue.where')}</th><th>${c.t('queue.mission')}</th><th>${c.t('queue.channel')}</th><th><span class="sr">${c.t('queue.open')}</span></th></tr></thead>
<tbody id="queue-rows">${rows(c, list, withdrawn)}</tbody></table>
<details style="margin-top:1.2rem"><summary>${c.t('queue.recentlyClosed')}</summary>${doneRows(c, done)}</details>
<script type="application/json" id="live-config">${jsonForScript({
          rows: rowsUrl,
          events: `${BASE}/events`,
          signIn: `${BASE}/sign-in`,
          alertText: c.t('queue.newEmergency'),
          liveText: c.t('queue.live'),
          offlineText: c.t('queue.reconnecting'),
        })}</script>`,
        script: SCRIPT,
      });
    });

    r.staff('GET', '/queue/rows', 'agent', async (c) => {
      const { visible } = shown(c);
      const [list, withdrawn] = await Promise.all([c.deps.queue.list(visible), c.deps.queue.withdrawn(visible)]);
      return c.reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(rows(c, list, withdrawn).value);
    });
  },
};
