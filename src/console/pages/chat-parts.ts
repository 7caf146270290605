// The pieces of the chat view that change while an officer looks at it (the transcript, the alerts,
// the status, what the assistant collected) — fetched again on live notices — and the facts panel.
import type { TranscriptEntry } from '../../core/conversation.ts';
import type { Handoff } from '../../handoff/model.ts';
import { channelLabel, cityName, countryName, dangerLabel, languageLabel, missionName, priorityBadge, reasonLabel, statusBadge, topicLabel } from '../describe.ts';
import { ago, duration, when } from '../format.ts';
import { html, type Html } from '../html.ts';
import { BASE, type ChatCtx } from '../router.ts';
import { coordsWithMap, renderTranscript, type MediaView } from '../transcript-view.ts';
import { openWindowParts, reasonOf } from '../window-text.ts';
import { windowTimeline, type WindowTimeline } from '../windows.ts';
import { placeWords } from './chat-place.ts';

/** Times on a chat are in its mission's time zone: that is where its staff sit. */
export function zoneOf(c: ChatCtx): string {
  const m = c.handoff.mission ? c.deps.missions.get(c.handoff.mission) : undefined;
  return m?.timeZone ?? 'Asia/Ho_Chi_Minh';
}

export function isOpen(h: Handoff): boolean {
  return h.status === 'waiting' || h.status === 'assigned';
}

function windowText(c: ChatCtx, tl: WindowTimeline): Html {
  const channel = channelLabel(c, c.handoff.key.channel);
  if (!tl.steps) return html`<div class="window">${c.t('window.none', { channel })}</div>`;
  const [first, ...rest] = tl.steps;
  if (!first) return html``;
  if (!first.canSend) return html`<div class="window closed">${c.t('window.closed', { channel, reason: reasonOf(c, first) })}</div>`;
  return html`<div class="window">${openWindowParts(c, channel, first, rest, zoneOf(c)).join('; ')}</div>`;
}

/** "Nagoya (Osaka consulate's area)": the worker's own word for where they are, and whose area it is. */
export function placeText(c: ChatCtx, entries: readonly TranscriptEntry[]): string {
  const h = c.handoff;
  const area = cityName(c, h.country, h.city);
  const typed = placeWords(c, h, entries);
  const mission = h.mission ? missionName(c, h.mission) : '';
  if (typed && mission) return c.t('chat.placeArea', { place: typed, mission });
  if (area && mission) return c.t('chat.placeArea', { place: area, mission });
  return area || typed || c.t('chat.unknown');
}

function facts(c: ChatCtx, entries: readonly TranscriptEntry[]): Html {
  const h = c.handoff;
  const tz = zoneOf(c);
  const now = c.deps.clock.now();
  return html`<dl class="facts">
  <dt>${c.t('chat.country')}</dt><dd>${countryName(c, h.country)}</dd>
  <dt>${c.t('chat.city')}</dt><dd>${placeText(c, entries)}</dd>
  <dt>${c.t('chat.topic')}</dt><dd>${topicLabel(c, h.topic)}</dd>
  <dt>${c.t('chat.reason')}</dt><dd>${reasonLabel(c, h.reason)}</dd>
  <dt>${c.t('chat.language')}</dt><dd>${languageLabel(c, h.locale)}</dd>
  <dt>${c.t('chat.channel')}</dt><dd>${channelLabel(c, h.key.channel)}</dd>
  <dt>${c.t('chat.mission')}</dt><dd>${missionName(c, h.mission)}</dd>
  <dt>${c.t('chat.since')}</dt><dd>${when(c, h.createdAt, tz)} (${duration(c, now - h.createdAt)})</dd>
  <dt>${c.t('chat.lastMessage')}</dt><dd>${ago(c, now - h.lastUserAt)}</dd>
</dl>`;
}

/** The latest transfer into this chat's mission, said first to the officers who received it. */
function transferNote(c: ChatCtx): Html {
  const h = c.handoff;
  const n = [...h.notes].reverse().find((x) => x.transfer);
  if (!n?.transfer || n.transfer.to !== h.mission) return html``;
  return html`<div class="card transfer-note" role="note"><h2>${c.t('chat.transferredHere', { from: missionName(c, n.transfer.from), by: n.by })}</h2><p style="margin:0">${n.text}</p></div>`;
}

/** Where the worker said they are (an emergency's location goes here): newest first, each with a map. */
function locationsCard(c: ChatCtx, tz: string): Html {
  const shared = c.handoff.locations ?? [];
  if (shared.length === 0) return html``;
  return html`<div class="card locations"><h2>${c.t('chat.locations')}</h2><ul class="plain">${[...shared].reverse().map(
    (l) => html`<li>${coordsWithMap(c, l.lat, l.lon)}<br><span class="small muted">${when(c, l.at, tz)}</span></li>`,
  )}</ul></div>`;
}

export interface LiveParts {
  status: Html;
  alerts: Html;
  transcript: Html;
  side: Html;
}

/** Which of the conversation's media are kept, and the chat's own address for each (scoped like the page). */
async function mediaView(c: ChatCtx): Promise<MediaView | undefined> {
  const media = c.deps.media;
  if (!media) return undefined;
  const h = c.handoff;
  return { kept: await media.vault.kept(h.key), href: (id) => `${BASE}/chats/${h.id}/media/${id}`, maxBytes: media.vault.maxBytes };
}

export async function liveParts(c: ChatCtx): Promise<LiveParts> {
  const h = c.handoff;
  const tz = zoneOf(c);
  const [entries, tl, media] = await Promise.all([c.deps.queue.transcript(h), windowTimeline(c.deps.window, h.key, 'agent'), mediaView(c)]);
  const notes = h.notes;
  return {
    status: html`${priorityBadge(c, h)} ${statusBadge(c, h)}`,
    alerts:
      h.alerts.length > 0
        ? html`<div class="alert" role="alert">${c.t('chat.danger')}: ${h.alerts.map((a) => `${a.kinds.map((k) => dangerLabel(c, k)).join(', ')} (${when(c, a.at, tz)})`).join('; ')}</div>`
        : html``,
    transcript: renderTranscript(c, entries, tz, media),
    side: html`${transferNote(c)}${locationsCard(c, tz)}
<div class="card"><h2>${c.t('chat.collected')}</h2>${facts(c, entries)}</div>
<div class="card"><h2>${c.t('chat.window')}</h2>${isOpen(h) ? windowText(c, tl) : html`<span class="muted">${c.t('chat.closedNoWindow')}</span>`}</div>
${notes.length > 0
  ? html`<div class="card"><h2>${c.t('chat.notes')}</h2><ul class="plain">${notes.map((n) => html`<li><span class="small muted">${n.by} · ${when(c, n.at, tz)}${n.transfer ? ` · ${c.t('chat.transferNote', { to: missionName(c, n.transfer.to) })}` : ''}</span><br>${n.text}</li>`)}</ul></div>`
  : ''}`,
  };
}

/** The live parts as the page's script swaps them in: one element per part, by the id it fills. */
export function livePartsFragment(p: LiveParts): Html {
  return html`<div data-part="chat-status">${p.status}</div><div data-part="alerts">${p.alerts}</div><div data-part="transcript">${p.transcript}</div><div data-part="side-live">${p.side}</div>`;
}

export function historyList(c: ChatCtx): Html {
  const tz = zoneOf(c);
  return html`<details class="card"><summary>${c.t('chat.history')}</summary><ul class="plain small">${c.handoff.history.map(
    (e) => html`<li>${when(c, e.at, tz)} — ${c.has(`events.${e.event}`) ? c.t(`events.${e.event}`) : e.event}${e.by ? ` · ${e.by}` : ''}${e.detail ? ` · ${c.has(`outcomes.${e.detail}`) ? c.t(`outcomes.${e.detail}`) : e.detail}` : ''}</li>`,
  )}</ul></details>`;
}
