// One chat: what the bot collected, the channel's window, the transcript (user, bot, staff), and
// the actions — claim, reply (with canned replies), internal note, transfer, reassign, close,
// export. Every action is audited; a reply the channel would refuse is refused here with why.
import type { TranscriptEntry } from '../../core/conversation.ts';
import type { Handoff, Staff } from '../../handoff/model.ts';
import { HandoffError } from '../../handoff/queue.ts';
import { asStaff } from '../accounts.ts';
import { channelLabel, cityName, countryName, dangerLabel, languageLabel, missionName, priorityBadge, reasonLabel, statusBadge, topicLabel } from '../describe.ts';
import { ago, duration, when } from '../format.ts';
import { html, jsonForScript, raw, type Html } from '../html.ts';
import { BASE, field, type ChatCtx, type ConsolePage } from '../router.ts';
import { canClose, canReassign, canSee, hasRole } from '../scope.ts';
import { openWindowParts, reasonOf } from '../window-text.ts';
import { windowTimeline, type WindowTimeline } from '../windows.ts';

const MAX_REPLY = 2000;
const MAX_NOTE = 2000;

/** Times on a chat are in its mission's time zone: that is where its staff sit. */
function zoneOf(c: ChatCtx): string {
  const m = c.handoff.mission ? c.deps.missions.get(c.handoff.mission) : undefined;
  return m?.timeZone ?? 'Asia/Ho_Chi_Minh';
}

function isOpen(h: Handoff): boolean {
  return h.status === 'waiting' || h.status === 'assigned';
}

function windowText(c: ChatCtx, tl: WindowTimeline): Html {
  const channel = channelLabel(c, c.handoff.key.channel);
  if (!tl.steps) return html`<div class="window">${c.t('window.none', { channel })}</div>`;
  const tz = zoneOf(c);
  const [first, ...rest] = tl.steps;
  if (!first) return html``;
  if (!first.canSend) return html`<div class="window closed">${c.t('window.closed', { channel, reason: reasonOf(c, first) })}</div>`;
  const parts = openWindowParts(c, channel, first, rest, tz);
  return html`<div class="window">${parts.join('; ')}</div>`;
}

function facts(c: ChatCtx): Html {
  const h = c.handoff;
  const tz = zoneOf(c);
  const now = c.deps.clock.now();
  return html`<dl class="facts">
  <dt>${c.t('chat.country')}</dt><dd>${countryName(c, h.country)}</dd>
  <dt>${c.t('chat.city')}</dt><dd>${cityName(c, h.country, h.city) || c.t('chat.unknown')}</dd>
  <dt>${c.t('chat.topic')}</dt><dd>${topicLabel(c, h.topic)}</dd>
  <dt>${c.t('chat.reason')}</dt><dd>${reasonLabel(c, h.reason)}</dd>
  <dt>${c.t('chat.language')}</dt><dd>${languageLabel(c, h.locale)}</dd>
  <dt>${c.t('chat.channel')}</dt><dd>${channelLabel(c, h.key.channel)}</dd>
  <dt>${c.t('chat.mission')}</dt><dd>${missionName(c, h.mission)}</dd>
  <dt>${c.t('chat.since')}</dt><dd>${when(c, h.createdAt, tz)} (${duration(c, now - h.createdAt)})</dd>
  <dt>${c.t('chat.lastMessage')}</dt><dd>${ago(c, now - h.lastUserAt)}</dd>
</dl>`;
}

function transcript(c: ChatCtx, entries: TranscriptEntry[]): Html {
  const tz = zoneOf(c);
  if (entries.length === 0) return html`<p class="muted">${c.t('chat.noTranscript')}</p>`;
  return html`${entries.map(
    (e) => html`<div class="msg ${e.from}"><span class="meta">${c.t(`chat.from.${e.from}`)} · ${when(c, e.at, tz)}</span>${e.text}</div>`,
  )}`;
}

/** The part of the page that changes while staff look at it: fetched again on live notices. */
async function livePart(c: ChatCtx): Promise<Html> {
  const h = c.handoff;
  const tz = zoneOf(c);
  const [entries, tl] = await Promise.all([c.deps.queue.transcript(h), windowTimeline(c.deps.window, h.key, 'agent')]);
  return html`<div class="row" style="margin-bottom:.6rem">${priorityBadge(c, h)} ${statusBadge(c, h)}</div>
${h.alerts.length > 0
    ? html`<div class="alert" role="alert">${c.t('chat.danger')}: ${h.alerts.map((a) => `${a.kinds.map((k) => dangerLabel(c, k)).join(', ')} (${when(c, a.at, tz)})`).join('; ')}</div>`
    : ''}
<div class="grid">
  <section>
    <div class="card"><h2 style="margin-top:0">${c.t('chat.transcript')}</h2><div class="transcript" id="transcript">${transcript(c, entries)}</div></div>
  </section>
  <aside>
    <div class="card"><h2 style="margin-top:0">${c.t('chat.collected')}</h2>${facts(c)}</div>
    <div class="card"><h2 style="margin-top:0">${c.t('chat.window')}</h2>${isOpen(h) ? windowText(c, tl) : html`<span class="muted">${c.t('chat.closedNoWindow')}</span>`}</div>
    ${h.notes.length > 0
      ? html`<div class="card"><h2 style="margin-top:0">${c.t('chat.notes')}</h2><ul class="plain">${h.notes.map((n) => html`<li><span class="small muted">${n.by} · ${when(c, n.at, tz)}</span><br>${n.text}</li>`)}</ul></div>`
      : ''}
    <details class="card"><summary>${c.t('chat.history')}</summary><ul class="plain small">${h.history.map(
      (e) => html`<li>${when(c, e.at, tz)} — ${c.has(`events.${e.event}`) ? c.t(`events.${e.event}`) : e.event}${e.by ? ` · ${e.by}` : ''}${e.detail ? ` · ${e.detail}` : ''}</li>`,
    )}</ul></details>
  </aside>
</div>`;
}

async function reassignTargets(c: ChatCtx): Promise<Staff[]> {
  const all = await c.svc.accounts.list();
  return all.filter((a) => !a.disabled).map(asStaff).filter((s) => canSee(s, c.handoff, c.deps.missions));
}

async function actions(c: ChatCtx, draft?: string): Promise<Html> {
  const h = c.handoff;
  if (!isOpen(h)) return html`<div class="card muted">${c.t('chat.isClosed', { status: c.t(`status.${h.status}`) })}</div>`;
  const me = asStaff(c.staff);
  const token = c.csrf();
  const mine = h.status === 'assigned' && h.assignee?.id === me.id;
  const post = (action: string, label: string, cls = '') =>
    html`<form class="inline" method="post" action="${BASE}/chats/${h.id}/${action}"><input type="hidden" name="_csrf" value="${token}"><button type="submit" class="${cls}">${label}</button></form>`;
  const blocks: Html[] = [];

  if (h.status === 'waiting') blocks.push(html`<div class="card"><p>${c.t('chat.claimHelp')}</p>${post('claim', c.t('chat.claim'))}</div>`);
  else if (!mine) blocks.push(html`<div class="card"><p>${c.t('chat.heldBy', { name: h.assignee?.name ?? '' })}</p></div>`);

  if (mine) {
    const canned = c.deps.canned;
    blocks.push(html`<div class="card"><h2 style="margin-top:0">${c.t('chat.reply')}</h2>
<form method="post" action="${BASE}/chats/${h.id}/reply" id="reply-form">
  <input type="hidden" name="_csrf" value="${token}">
  ${canned.length > 0
    ? html`<label for="canned">${c.t('chat.canned')}</label><select id="canned"><option value="">${c.t('chat.cannedPick')}</option>
    ${canned.map((r) => html`<option value="${r.text[h.locale]}">${r.title[c.locale]}</option>`)}</select>`
    : ''}
  <label for="text">${c.t('chat.replyIn', { language: languageLabel(c, h.locale) })}</label>
  <textarea id="text" name="text" required maxlength="${MAX_REPLY}">${draft ?? ''}</textarea>
  <p class="row"><button type="submit">${c.t('chat.send')}</button></p>
</form></div>`);
  }

  blocks.push(html`<div class="card"><h2 style="margin-top:0">${c.t('chat.note')}</h2>
<form method="post" action="${BASE}/chats/${h.id}/note"><input type="hidden" name="_csrf" value="${token}">
<label for="note">${c.t('chat.noteHelp')}</label><textarea id="note" name="text" required maxlength="${MAX_NOTE}"></textarea>
<p><button type="submit" class="secondary">${c.t('chat.addNote')}</button></p></form></div>`);

  const others = c.deps.missions.all().filter((m) => m.id !== h.mission);
  blocks.push(html`<div class="card"><h2 style="margin-top:0">${c.t('chat.transfer')}</h2>
<form class="inline" method="post" action="${BASE}/chats/${h.id}/transfer"><input type="hidden" name="_csrf" value="${token}">
<select name="mission" aria-label="${c.t('chat.transferTo')}" required><option value="">${c.t('chat.transferTo')}</option>
${others.map((m) => html`<option value="${m.id}">${m.name[c.locale]}</option>`)}</select>
<button type="submit" class="secondary">${c.t('chat.transfer')}</button></form></div>`);

  if (hasRole(me, 'supervisor')) {
    const targets = (await reassignTargets(c)).filter((s) => s.id !== h.assignee?.id);
    if (targets.length > 0) {
      blocks.push(html`<div class="card"><h2 style="margin-top:0">${c.t('chat.reassign')}</h2>
<form class="inline" method="post" action="${BASE}/chats/${h.id}/reassign"><input type="hidden" name="_csrf" value="${token}">
<select name="staff" aria-label="${c.t('chat.reassignTo')}" required><option value="">${c.t('chat.reassignTo')}</option>
${targets.map((s) => html`<option value="${s.id}">${s.name} (${c.t(`roles.${s.role}`)})</option>`)}</select>
<button type="submit" class="secondary">${c.t('chat.reassign')}</button></form></div>`);
    }
  }

  if (canClose(me, h)) blocks.push(html`<div class="card"><p class="small muted">${c.t('chat.closeHelp')}</p>${post('close', c.t('chat.close'), 'danger')}</div>`);
  return html`${blocks}`;
}

const SCRIPT = raw(`
(() => {
  const cfg = JSON.parse(document.getElementById('live-config').textContent);
  const live = document.getElementById('live');
  const canned = document.getElementById('canned');
  const text = document.getElementById('text');
  const scroll = () => { const t = document.getElementById('transcript'); if (t) t.scrollTop = t.scrollHeight; };
  if (canned && text) canned.addEventListener('change', () => { if (canned.value) { text.value = canned.value; text.focus(); } canned.value = ''; });
  scroll();
  let timer = null;
  async function refresh() {
    timer = null;
    try {
      const res = await fetch(cfg.live, { credentials: 'same-origin' });
      if (res.status === 401) { location.reload(); return; }
      if (res.ok) { live.innerHTML = await res.text(); scroll(); }
    } catch (e) { /* next notice */ }
  }
  const events = new EventSource(cfg.events);
  events.addEventListener('change', (ev) => {
    const n = JSON.parse(ev.data);
    if (n.id !== cfg.id) return;
    if (n.status !== cfg.status) document.getElementById('stale').hidden = false;
    if (!timer) timer = setTimeout(refresh, 200);
  });
  events.addEventListener('signed-out', () => { events.close(); location.href = cfg.signIn; });
  setInterval(refresh, 30000);
})();
`);

async function view(c: ChatCtx, opts: { status?: number; error?: string; draft?: string } = {}) {
  const h = c.handoff;
  // What it is about: the topic when the bot knew it, else why it was handed over.
  const subject = h.topic ? topicLabel(c, h.topic) : reasonLabel(c, h.reason);
  return c.page({
    title: `${c.t('chat.title')} · ${subject}`,
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.error ? { flash: { kind: 'error' as const, text: opts.error } } : {}),
    body: html`<p><a href="${BASE}/queue">← ${c.t('nav.queue')}</a></p>
<h1>${c.t('chat.title')}: ${subject} — ${countryName(c, h.country)}</h1>
<div id="stale" class="flash ok" hidden><a href="${BASE}/chats/${h.id}">${c.t('chat.stale')}</a></div>
<div id="live">${await livePart(c)}</div>
<div class="grid"><section>${await actions(c, opts.draft)}</section>
<aside><div class="card"><a class="button secondary" href="${BASE}/chats/${h.id}/export">${c.t('chat.export')}</a></div></aside></div>
<script type="application/json" id="live-config">${jsonForScript({ id: h.id, status: h.status, live: `${BASE}/chats/${h.id}/live`, events: `${BASE}/events`, signIn: `${BASE}/sign-in` })}</script>`,
    script: SCRIPT,
  });
}

/** Opening a chat is audited once per session and chat in a while, not at every reload. */
const OPEN_AUDIT_EVERY_MS = 10 * 60_000;
const lastOpened = new Map<string, number>();

/** The flash message for a refusal from the hand-off desk (flash.<code>). */
function errorKey(err: unknown): string | undefined {
  return err instanceof HandoffError ? `flash.${err.code}` : undefined;
}

export const chatPage: ConsolePage = {
  routes(r) {
    r.chat('GET', '/chats/:id', async (c) => {
      const key = `${c.session.id}:${c.handoff.id}`;
      const now = c.deps.clock.now();
      if ((lastOpened.get(key) ?? -Infinity) < now - OPEN_AUDIT_EVERY_MS) {
        lastOpened.set(key, now);
        if (lastOpened.size > 10_000) lastOpened.clear();
        await c.audit('open', c.handoff.id);
      }
      return view(c);
    });

    r.chat('GET', '/chats/:id/live', async (c) => c.reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send((await livePart(c)).value));

    r.chat('GET', '/chats/:id/export', async (c) => {
      const h = c.handoff;
      const tz = zoneOf(c);
      const entries = await c.deps.queue.transcript(h);
      const lines = [
        `${c.t('chat.title')}: ${h.id}`,
        `${c.t('chat.country')}: ${countryName(c, h.country)}  ${c.t('chat.city')}: ${cityName(c, h.country, h.city) || '-'}`,
        `${c.t('chat.topic')}: ${topicLabel(c, h.topic)}  ${c.t('chat.reason')}: ${reasonLabel(c, h.reason)}`,
        `${c.t('chat.channel')}: ${channelLabel(c, h.key.channel)}  ${c.t('chat.language')}: ${languageLabel(c, h.locale)}`,
        `${c.t('chat.mission')}: ${missionName(c, h.mission)}  (${tz})`,
        '',
        ...entries.map((e) => `[${when(c, e.at, tz)}] ${c.t(`chat.from.${e.from}`)}: ${e.text}`),
        '',
        `${c.t('chat.notes')}:`,
        ...h.notes.map((n) => `[${when(c, n.at, tz)}] ${n.by}: ${n.text}`),
      ];
      await c.audit('export', h.id, { entries: entries.length });
      return c.reply
        .type('text/plain; charset=utf-8')
        .header('content-disposition', `attachment; filename="chat-${h.id.slice(0, 8)}.txt"`)
        .header('cache-control', 'no-store')
        .send(lines.join('\n'));
    });

    r.chat('POST', '/chats/:id/claim', async (c) => {
      try {
        await c.deps.queue.claim(c.handoff.id, asStaff(c.staff));
      } catch (err) {
        const key = errorKey(err);
        if (!key) throw err;
        return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: key.split('.')[1] });
      }
      await c.audit('claim', c.handoff.id);
      return c.redirect(`${BASE}/chats/${c.handoff.id}`, { ok: 'claimed' });
    });

    r.chat('POST', '/chats/:id/reply', async (c) => {
      const text = field(c.req.body, 'text');
      if (text === '' || text.length > MAX_REPLY) return view(c, { status: 400, error: c.t('chat.replyLength', { max: MAX_REPLY }), draft: text.slice(0, MAX_REPLY) });
      try {
        await c.deps.queue.reply(c.handoff.id, asStaff(c.staff), text);
      } catch (err) {
        if (!(err instanceof HandoffError)) throw err;
        const fresh = (await c.deps.queue.get(c.handoff.id)) ?? c.handoff;
        if (err.code === 'window_closed') {
          await c.audit('reply.refused', c.handoff.id, { reason: err.reason ?? err.code });
          const w = (await c.deps.window(fresh.key, 'agent')).window;
          const reason = w ? reasonOf(c, { ...(w.reason ? { reason: w.reason } : {}), ...(w.reasonKey ? { reasonKey: w.reasonKey } : {}) }) : (err.reason ?? '');
          return view({ ...c, handoff: fresh }, { status: 409, error: c.t('handoffErrors.window_closed', { reason }), draft: text });
        }
        return view({ ...c, handoff: fresh }, { status: 409, error: c.t(`handoffErrors.${err.code}`), draft: text });
      }
      await c.audit('reply', c.handoff.id, { length: text.length });
      return c.redirect(`${BASE}/chats/${c.handoff.id}`, { ok: 'replied' });
    });

    r.chat('POST', '/chats/:id/note', async (c) => {
      const text = field(c.req.body, 'text');
      if (text === '' || text.length > MAX_NOTE) return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: 'noteLength' });
      try {
        await c.deps.queue.note(c.handoff.id, asStaff(c.staff), text);
      } catch (err) {
        const key = errorKey(err);
        if (!key) throw err;
        return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: key.split('.')[1] });
      }
      await c.audit('note', c.handoff.id);
      return c.redirect(`${BASE}/chats/${c.handoff.id}`, { ok: 'noted' });
    });

    r.chat('POST', '/chats/:id/transfer', async (c) => {
      const mission = field(c.req.body, 'mission');
      if (!c.deps.missions.get(mission)) return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: 'unknown_mission' });
      const from = c.handoff.mission ?? '';
      try {
        await c.deps.queue.transfer(c.handoff.id, asStaff(c.staff), mission);
      } catch (err) {
        const key = errorKey(err);
        if (!key) throw err;
        return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: key.split('.')[1] });
      }
      await c.audit('transfer', c.handoff.id, { from, to: mission });
      // The chat may now be outside this person's missions: back to their queue.
      const stillVisible = canSee(asStaff(c.staff), { mission }, c.deps.missions);
      return c.redirect(stillVisible ? `${BASE}/chats/${c.handoff.id}` : `${BASE}/queue`, { ok: 'transferred' });
    });

    r.chat('POST', '/chats/:id/reassign', async (c) => {
      if (!hasRole(c.staff, 'supervisor')) return c.fail(403, 'errors.forbidden');
      const target = await c.svc.accounts.get(field(c.req.body, 'staff'));
      if (!target || target.disabled || !canReassign(asStaff(c.staff), asStaff(target), c.handoff, c.deps.missions)) {
        return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: 'badAssignee' });
      }
      try {
        await c.deps.queue.reassign(c.handoff.id, asStaff(c.staff), asStaff(target));
      } catch (err) {
        const key = errorKey(err);
        if (!key) throw err;
        return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: key.split('.')[1] });
      }
      await c.audit('reassign', c.handoff.id, { from: c.handoff.assignee?.id ?? '', to: target.id });
      return c.redirect(`${BASE}/chats/${c.handoff.id}`, { ok: 'reassigned' });
    });

    r.chat('POST', '/chats/:id/close', async (c) => {
      if (!canClose(asStaff(c.staff), c.handoff)) return c.fail(403, 'errors.forbidden');
      try {
        await c.deps.queue.close(c.handoff.id, asStaff(c.staff));
      } catch (err) {
        const key = errorKey(err);
        if (!key) throw err;
        return c.redirect(`${BASE}/chats/${c.handoff.id}`, { error: key.split('.')[1] });
      }
      await c.audit('close', c.handoff.id);
      return c.redirect(`${BASE}/queue`, { ok: 'chatClosed' });
    });
  },
};
