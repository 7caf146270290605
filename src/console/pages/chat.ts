// One chat on one screen: a bar of actions that stays in view (claim, transfer, close, export),
// the transcript scrolling in its own pane with the reply box right under it, and beside them what
// the assistant collected. Every action is audited and returns the officer to where they were
// (post, redirect, get the same anchor); with script on, the live stream refreshes the parts that
// change. A reply the channel would refuse is refused here with why.
import type { Staff } from '../../handoff/model.ts';
import { isOutcome, OUTCOMES } from '../../handoff/model.ts';
import { HandoffError } from '../../handoff/queue.ts';
import { asStaff } from '../accounts.ts';
import { cannedText, fillCanned } from '../canned.ts';
import { channelLabel, countryName, languageLabel, missionName, reasonLabel, topicLabel } from '../describe.ts';
import { when } from '../format.ts';
import { html, jsonForScript, raw, type Html } from '../html.ts';
import { BASE, field, type ChatCtx, type ConsolePage } from '../router.ts';
import { canClose, canReassign, canSee, hasRole } from '../scope.ts';
import type { OutboundAttachment } from '../../core/messages.ts';
import { attachmentId, attachmentName, sniffAttachment, type Upload } from '../attachments.ts';
import { entryLine, sizeText } from '../transcript-view.ts';
import { reasonOf } from '../window-text.ts';
import { historyList, isOpen, liveParts, livePartsFragment, placeText, zoneOf } from './chat-parts.ts';

const MAX_REPLY = 2000;
const ACCEPT = '.pdf,.jpg,.jpeg,.png,.docx,application/pdf,image/jpeg,image/png,application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** The largest image and file this chat's channel takes from an officer: the platform's limit or the media limit, whichever is lower. */
function attachLimit(c: ChatCtx): { image: number; file: number } | undefined {
  const media = c.deps.media;
  const platform = media?.attachmentLimits(c.handoff.key.channel);
  if (!media || !platform) return undefined;
  return { image: Math.min(platform.image, media.vault.maxBytes), file: Math.min(platform.file, media.vault.maxBytes) };
}

/** The file sent with the form, when there is one. */
function uploadOf(body: unknown, name: string): Upload | undefined {
  const v = (body as Record<string, unknown> | undefined)?.[name];
  return v && typeof v === 'object' && Buffer.isBuffer((v as Upload).bytes) ? (v as Upload) : undefined;
}

/** Checks and keeps an officer's file with the conversation; says why when it cannot go. */
async function keepAttachment(c: ChatCtx, upload: Upload): Promise<{ ok: true; attachment: OutboundAttachment } | { ok: false; error: string }> {
  const limits = attachLimit(c);
  const channel = channelLabel(c, c.handoff.key.channel);
  if (!limits || !c.deps.media) return { ok: false, error: c.t('chat.media.noFiles', { channel }) };
  const type = sniffAttachment(upload.bytes);
  if (!type) return { ok: false, error: c.t('chat.media.badType') };
  const max = limits[type.kind];
  if (upload.bytes.length > max) return { ok: false, error: c.t('chat.media.tooBig', { max: sizeText(max), channel }) };
  const attachment: OutboundAttachment = { id: attachmentId(), kind: type.kind, mime: type.mime, name: attachmentName(upload.filename, type), size: upload.bytes.length };
  await c.deps.media.vault.put(c.handoff.key, { id: attachment.id, kind: type.kind, mime: type.mime, name: attachment.name, bytes: upload.bytes });
  return { ok: true, attachment };
}
const MAX_NOTE = 2000;
const MAX_TRANSFER_REASON = 500;

/** Where each action returns the officer on the page. */
const ANCHOR = { reply: '#reply', note: '#note', top: '#chat' } as const;

async function reassignTargets(c: ChatCtx): Promise<Staff[]> {
  const all = await c.svc.accounts.list();
  return all.filter((a) => !a.disabled).map(asStaff).filter((s) => canSee(s, c.handoff, c.deps.missions));
}

function hidden(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** Claim, transfer, close and export: always in view. */
function actionBar(c: ChatCtx, token: string, status: Html): Html {
  const h = c.handoff;
  const me = asStaff(c.staff);
  const parts: Html[] = [html`<span id="chat-status">${status}</span>`];
  if (isOpen(h)) {
    if (h.status === 'waiting') {
      parts.push(html`<form class="inline" method="post" action="${BASE}/chats/${h.id}/claim">${hidden(token)}<button type="submit">${c.t('chat.claim')}</button></form>`);
    }
    const others = c.deps.missions.all().filter((m) => m.id !== h.mission);
    parts.push(html`<details><summary class="button secondary">${c.t('chat.transfer')}</summary><div class="pop">
<form method="post" action="${BASE}/chats/${h.id}/transfer">${hidden(token)}
<label for="transfer-mission">${c.t('chat.transferTo')}</label>
<select id="transfer-mission" name="mission" required><option value="">—</option>${others.map((m) => html`<option value="${m.id}">${m.name[c.locale]}</option>`)}</select>
<label for="transfer-reason">${c.t('chat.transferWhy')}</label>
<textarea id="transfer-reason" name="reason" required maxlength="${MAX_TRANSFER_REASON}"></textarea>
<p class="small muted">${c.t('chat.transferHelp')}</p>
<button type="submit">${c.t('chat.transfer')}</button></form></div></details>`);
    if (canClose(me, h)) {
      const emergency = h.priority === 'emergency';
      parts.push(html`<details class="right"><summary class="button danger">${c.t('chat.close')}</summary><div class="pop">
<form method="post" action="${BASE}/chats/${h.id}/close">${hidden(token)}
<fieldset><legend>${c.t('chat.outcome')}</legend>${OUTCOMES.map(
        (o, i) => html`<label class="opt"><input type="radio" name="outcome" value="${o}" required${i === 0 && !emergency ? raw(' checked') : ''}> ${c.t(`outcomes.${o}`)}</label>`,
      )}</fieldset>
${emergency ? html`<label class="opt"><input type="checkbox" name="confirm" value="yes" required> ${c.t('chat.confirmEmergencyClose')}</label>` : ''}
<p class="small muted">${c.t('chat.closeHelp')}</p>
<button type="submit" class="danger">${emergency ? c.t('chat.closeEmergency') : c.t('chat.close')}</button></form></div></details>`);
    }
  }
  parts.push(html`<a class="button secondary spacer" href="${BASE}/chats/${h.id}/export">${c.t('chat.export')}</a>`);
  return html`<div class="chat-bar" role="group" aria-label="${c.t('chat.actions')}">${parts}</div>`;
}

/** Under the transcript: the reply box for the officer holding the chat, else who holds it or how to take it. */
async function replyBox(c: ChatCtx, token: string, draft?: string): Promise<Html> {
  const h = c.handoff;
  if (!isOpen(h)) return html`<p class="muted reply-box">${c.t('chat.isClosed', { status: c.t(`status.${h.status}`) })}${h.outcome ? ` — ${c.t(`outcomes.${h.outcome}`)}` : ''}</p>`;
  const me = asStaff(c.staff);
  if (h.status === 'waiting') return html`<p class="muted reply-box" id="reply">${c.t('chat.claimHelp')}</p>`;
  if (h.assignee?.id !== me.id) return html`<p class="muted reply-box" id="reply">${c.t('chat.heldBy', { name: h.assignee?.name ?? '' })}</p>`;
  const { replies } = await c.svc.canned.forMission(h.mission);
  const mission = h.mission ? c.deps.missions.get(h.mission) : undefined;
  const values = {
    officer: c.staff.name,
    mission: mission?.name[h.locale] ?? '',
    missionLines: h.mission ? (c.deps.missionLines?.(h.mission, h.locale) ?? '') : '',
  };
  const files = attachLimit(c);
  return html`<form class="reply-box" method="post" action="${BASE}/chats/${h.id}/reply" id="reply-form"${files ? raw(' enctype="multipart/form-data"') : ''}>${hidden(token)}
<label for="text" id="reply">${c.t('chat.replyIn', { language: languageLabel(c, h.locale) })}</label>
<textarea id="text" name="text"${files ? '' : raw(' required')} maxlength="${MAX_REPLY}">${draft ?? ''}</textarea>
${files ? html`<label for="file" class="small">${c.t('chat.media.attach', { max: sizeText(files.file) })}</label> <input type="file" id="file" name="file" accept="${ACCEPT}">` : ''}
<div class="row"><button type="submit">${c.t('chat.send')}</button>
${replies.length > 0
  ? html`<select id="canned" aria-label="${c.t('chat.canned')}"><option value="">${c.t('chat.cannedPick')}</option>
${replies.map((r) => html`<option value="${fillCanned(cannedText(r, h.locale), values)}">${r.title[c.locale] || cannedText(r, c.locale).slice(0, 40)}</option>`)}</select>`
  : ''}${hasRole(c.staff, 'supervisor') && h.mission ? html`<a class="small" href="${BASE}/canned?mission=${h.mission}">${c.t('canned.edit')}</a>` : ''}</div>
</form>`;
}

/** What else there is to do, beside the conversation: notes and (for supervisors) giving the chat to someone. */
async function sideActions(c: ChatCtx, token: string): Promise<Html> {
  const h = c.handoff;
  const blocks: Html[] = [];
  if (isOpen(h)) {
    blocks.push(html`<div class="card"><h2 id="note">${c.t('chat.note')}</h2>
<form method="post" action="${BASE}/chats/${h.id}/note">${hidden(token)}
<label for="note-text" class="small">${c.t('chat.noteHelp')}</label><textarea id="note-text" name="text" required maxlength="${MAX_NOTE}" style="min-height:3.5rem"></textarea>
<p style="margin:.4rem 0 0"><button type="submit" class="secondary">${c.t('chat.addNote')}</button></p></form></div>`);
  }
  if (isOpen(h) && hasRole(c.staff, 'supervisor')) {
    const targets = (await reassignTargets(c)).filter((s) => s.id !== h.assignee?.id);
    if (targets.length > 0) {
      blocks.push(html`<div class="card"><h2>${c.t('chat.reassign')}</h2>
<form class="inline" method="post" action="${BASE}/chats/${h.id}/reassign">${hidden(token)}
<select name="staff" aria-label="${c.t('chat.reassignTo')}" required><option value="">${c.t('chat.reassignTo')}</option>
${targets.map((s) => html`<option value="${s.id}">${s.name} (${c.t(`roles.${s.role}`)})</option>`)}</select>
<button type="submit" class="secondary">${c.t('chat.reassign')}</button></form></div>`);
    }
  }
  return html`${blocks}`;
}

const SCRIPT = raw(`
(() => {
  const cfg = JSON.parse(document.getElementById('live-config').textContent);
  const canned = document.getElementById('canned');
  const text = document.getElementById('text');
  const pane = () => document.getElementById('transcript');
  const atBottom = () => { const t = pane(); return !t || t.scrollHeight - t.scrollTop - t.clientHeight < 40; };
  const toBottom = () => { const t = pane(); if (t) t.scrollTop = t.scrollHeight; };
  if (canned && text) canned.addEventListener('change', () => { if (canned.value) { text.value = canned.value; text.focus(); } canned.value = ''; });
  toBottom();
  // Enter in the reply box is a new line; Ctrl+Enter sends, as in most chat consoles.
  if (text) text.addEventListener('keydown', (e) => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); text.form.requestSubmit(); } });
  let timer = null;
  async function refresh() {
    timer = null;
    try {
      const res = await fetch(cfg.live, { credentials: 'same-origin' });
      if (res.status === 401) { location.reload(); return; }
      if (!res.ok) return;
      const follow = atBottom();
      const t = document.createElement('template');
      t.innerHTML = await res.text();
      for (const part of t.content.querySelectorAll('[data-part]')) {
        const into = document.getElementById(part.dataset.part);
        if (into) into.innerHTML = part.innerHTML;
      }
      if (follow) toBottom();
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
  const token = c.csrf();
  const live = await liveParts(c);
  return c.page({
    title: `${c.t('chat.title')} · ${subject}`,
    fill: true,
    ...(opts.status ? { status: opts.status } : {}),
    ...(opts.error ? { flash: { kind: 'error' as const, text: opts.error } } : {}),
    body: html`<div class="chat-head" id="chat"><h1>${c.t('chat.title')}: ${subject} — ${countryName(c, h.country)}</h1><a href="${BASE}/queue">← ${c.t('nav.queue')}</a></div>
<div id="stale" class="flash ok" hidden><a href="${BASE}/chats/${h.id}">${c.t('chat.stale')}</a></div>
${actionBar(c, token, live.status)}
<div class="chat-panes">
  <section class="conversation" aria-labelledby="h-transcript">
    <h2 id="h-transcript" class="sr">${c.t('chat.transcript')}</h2>
    <div id="alerts">${live.alerts}</div>
    <div class="transcript" id="transcript" tabindex="0" role="log" aria-labelledby="h-transcript">${live.transcript}</div>
    ${await replyBox(c, token, opts.draft)}
  </section>
  <aside class="chat-side" aria-label="${c.t('chat.collected')}">
    <div id="side-live">${live.side}</div>
    ${await sideActions(c, token)}
    ${historyList(c)}
  </aside>
</div>
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

/** Runs a desk action; a refusal goes back to the chat with its flash message. */
async function act(c: ChatCtx, fn: () => Promise<unknown>): Promise<ReturnType<ChatCtx['redirect']> | undefined> {
  try {
    await fn();
    return undefined;
  } catch (err) {
    const key = errorKey(err);
    if (!key) throw err;
    return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.top}`, { error: key.split('.')[1] });
  }
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

    r.chat('GET', '/chats/:id/live', async (c) =>
      c.reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(livePartsFragment(await liveParts(c)).value),
    );

    r.chat('GET', '/chats/:id/export', async (c) => {
      const h = c.handoff;
      const tz = zoneOf(c);
      const entries = await c.deps.queue.transcript(h);
      const lines = [
        `${c.t('chat.title')}: ${h.id}`,
        `${c.t('chat.country')}: ${countryName(c, h.country)}  ${c.t('chat.city')}: ${placeText(c, entries)}`,
        `${c.t('chat.topic')}: ${topicLabel(c, h.topic)}  ${c.t('chat.reason')}: ${reasonLabel(c, h.reason)}`,
        `${c.t('chat.channel')}: ${channelLabel(c, h.key.channel)}  ${c.t('chat.language')}: ${languageLabel(c, h.locale)}`,
        `${c.t('chat.mission')}: ${missionName(c, h.mission)}  (${tz})`,
        ...(h.outcome ? [`${c.t('chat.outcome')}: ${c.t(`outcomes.${h.outcome}`)}`] : []),
        '',
        ...entries.map((_, i) => entryLine(c, entries, i, tz)),
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
      const refused = await act(c, () => c.deps.queue.claim(c.handoff.id, asStaff(c.staff)));
      if (refused) return refused;
      await c.audit('claim', c.handoff.id);
      return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.reply}`, { ok: 'claimed' });
    });

    r.chat('POST', '/chats/:id/reply', async (c) => {
      let text = field(c.req.body, 'text');
      const upload = uploadOf(c.req.body, 'file');
      if ((text.trim() === '' && !upload) || text.length > MAX_REPLY) return view(c, { status: 400, error: c.t('chat.replyLength', { max: MAX_REPLY }), draft: text.slice(0, MAX_REPLY) });
      let attachment: OutboundAttachment | undefined;
      // A file is kept only for a reply that can go: the desk would refuse the others anyway.
      const mine = c.handoff.status === 'assigned' && c.handoff.assignee?.id === c.staff.id;
      if (upload && mine && (await c.deps.window(c.handoff.key, 'agent')).window?.canSend !== false) {
        const kept = await keepAttachment(c, upload);
        if (!kept.ok) return view(c, { status: 400, error: kept.error, draft: text });
        attachment = kept.attachment;
        if (text.trim() === '') text = attachment.name;
      }
      try {
        await c.deps.queue.reply(c.handoff.id, asStaff(c.staff), text, attachment);
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
      if (attachment) await c.audit('attach', c.handoff.id, { media: attachment.id, mime: attachment.mime, size: attachment.size });
      return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.reply}`, { ok: 'replied' });
    });

    r.chat('POST', '/chats/:id/note', async (c) => {
      const text = field(c.req.body, 'text');
      if (text.trim() === '' || text.length > MAX_NOTE) return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.note}`, { error: 'noteLength' });
      const refused = await act(c, () => c.deps.queue.note(c.handoff.id, asStaff(c.staff), text));
      if (refused) return refused;
      await c.audit('note', c.handoff.id);
      return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.note}`, { ok: 'noted' });
    });

    r.chat('POST', '/chats/:id/transfer', async (c) => {
      const mission = field(c.req.body, 'mission');
      const reason = field(c.req.body, 'reason').trim();
      if (!c.deps.missions.get(mission)) return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.top}`, { error: 'unknown_mission' });
      if (reason === '' || reason.length > MAX_TRANSFER_REASON) return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.top}`, { error: 'transferReason' });
      const from = c.handoff.mission ?? '';
      const refused = await act(c, () => c.deps.queue.transfer(c.handoff.id, asStaff(c.staff), mission, reason));
      if (refused) return refused;
      await c.audit('transfer', c.handoff.id, { from, to: mission });
      // The chat may now be outside this person's missions: back to their queue.
      const stillVisible = canSee(asStaff(c.staff), { mission }, c.deps.missions);
      return c.redirect(stillVisible ? `${BASE}/chats/${c.handoff.id}${ANCHOR.top}` : `${BASE}/queue`, { ok: 'transferred' });
    });

    r.chat('POST', '/chats/:id/reassign', async (c) => {
      if (!hasRole(c.staff, 'supervisor')) return c.fail(403, 'errors.forbidden');
      const target = await c.svc.accounts.get(field(c.req.body, 'staff'));
      if (!target || target.disabled || !canReassign(asStaff(c.staff), asStaff(target), c.handoff, c.deps.missions)) {
        return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.top}`, { error: 'badAssignee' });
      }
      const refused = await act(c, () => c.deps.queue.reassign(c.handoff.id, asStaff(c.staff), asStaff(target)));
      if (refused) return refused;
      await c.audit('reassign', c.handoff.id, { from: c.handoff.assignee?.id ?? '', to: target.id });
      return c.redirect(`${BASE}/chats/${c.handoff.id}${ANCHOR.top}`, { ok: 'reassigned' });
    });

    r.chat('POST', '/chats/:id/close', async (c) => {
      if (!canClose(asStaff(c.staff), c.handoff)) return c.fail(403, 'errors.forbidden');
      const outcome = field(c.req.body, 'outcome');
      if (!isOutcome(outcome)) return view(c, { status: 400, error: c.t('chat.outcomeNeeded') });
      // An emergency is closed only on purpose: the form asks to confirm, and so does the server.
      if (c.handoff.priority === 'emergency' && field(c.req.body, 'confirm') !== 'yes') return view(c, { status: 400, error: c.t('chat.confirmNeeded') });
      const refused = await act(c, () => c.deps.queue.close(c.handoff.id, asStaff(c.staff), outcome));
      if (refused) return refused;
      await c.audit('close', c.handoff.id, { outcome });
      return c.redirect(`${BASE}/queue`, { ok: 'chatClosed' });
    });
  },
};

