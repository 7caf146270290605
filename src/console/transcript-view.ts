// The transcript as staff read it. Every entry goes through `renderEntry`, the one place that
// decides how a message looks (a module adding other kinds of entries hooks in there): the
// worker's picks read "chose: Nhật Bản" in the officer's language, a bot question lists the options
// it offered, and nothing shows an option's id.
import type { TranscriptEntry } from '../core/conversation.ts';
import { mediaLabel, type TranscriptMedia } from '../core/media.ts';
import type { StoredSummary } from '../core/media-vault.ts';
import type { Locale } from '../core/messages.ts';
import { when } from './format.ts';
import { html, type Html } from './html.ts';
import type { Ctx } from './router.ts';

type C = Pick<Ctx, 't' | 'locale'>;

/** What the page knows of the conversation's kept media: which items are kept, and where each is opened. */
export interface MediaView {
  kept: ReadonlyMap<string, StoredSummary>;
  href(id: string): string;
  /** The media limit, to say why an item larger than it is not kept. */
  maxBytes: number;
}

/** "1.4 MB", "820 KB". */
export function sizeText(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
  return `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** A map service that needs no account and no key, opened in a new tab (the console's page stays). */
export function mapLink(lat: number, lon: number): string {
  return `https://www.openstreetmap.org/?mlat=${lat}&mlon=${lon}#map=17/${lat}/${lon}`;
}

/** Coordinates as an officer reads them, with the map one tap away. */
export function coordsWithMap(c: C, lat: number, lon: number): Html {
  return html`<span class="coords">${lat.toFixed(5)}, ${lon.toFixed(5)}</span> · <a href="${mapLink(lat, lon)}" target="_blank" rel="noopener noreferrer">${c.t('chat.media.map')}</a>`;
}

/** One item as the officer opens it: images inline, a player for sound and video, a link for files. */
function mediaItem(c: C, m: TranscriptMedia, view: MediaView | undefined): Html {
  if (m.kind === 'location' && m.location) {
    return html`<div class="media location">${c.t('chat.media.location')}: ${coordsWithMap(c, m.location.lat, m.location.lon)}</div>`;
  }
  if (m.kind === 'contact') return html`<div class="media contact">${c.t('chat.media.contact')}${m.name ? `: ${m.name}` : ''}</div>`;
  const kept = view?.kept.get(m.id);
  const label = m.kind === 'audio' && m.voice ? c.t('chat.media.voice') : c.t(`chat.media.${m.kind}`);
  if (!kept || !view) {
    const size = m.size ?? 0;
    const why = view && size > view.maxBytes ? c.t('chat.media.tooLarge', { size: sizeText(size), max: sizeText(view.maxBytes) }) : c.t('chat.media.notKept');
    return html`<div class="media missing">${label}${m.name ? ` (${m.name})` : ''}: ${why}</div>`;
  }
  const url = view.href(m.id);
  const name = kept.name ?? m.name ?? label;
  const link = html`<a href="${url}?download=1" class="small">${c.t('chat.media.download')} (${sizeText(kept.size)})</a>`;
  if (m.kind === 'image') return html`<figure class="media image"><a href="${url}" target="_blank" rel="noopener"><img src="${url}" alt="${label}" loading="lazy"></a><figcaption>${link}</figcaption></figure>`;
  if (m.kind === 'audio') return html`<div class="media audio"><audio controls preload="metadata" src="${url}" aria-label="${label}"></audio> ${link}</div>`;
  if (m.kind === 'video') return html`<div class="media video"><video controls preload="metadata" src="${url}" aria-label="${label}"></video> ${link}</div>`;
  return html`<div class="media file">${label}: <a href="${url}" download="${name}">${name}</a> <span class="small muted">(${sizeText(kept.size)})</span></div>`;
}

/** The words of an entry; a worker's "[image] caption" loses its label, since the item itself is shown. */
function wordsOf(c: C, e: TranscriptEntry): string {
  if (e.lost) return c.t('chat.textLost');
  if (e.from !== 'user' || !e.media?.length) return e.text;
  const label = mediaLabel(e.media);
  return e.text.startsWith(label) ? e.text.slice(label.length).trim() : e.text;
}

function mediaBlock(c: C, e: TranscriptEntry, view: MediaView | undefined): Html {
  return e.media?.length ? html`<div class="media-list">${e.media.map((m) => mediaItem(c, m, view))}</div>` : html``;
}

/** Transcripts written before choices were kept hold the id in brackets. */
const BRACKETED_ID = /^\[([a-z][a-z0-9_:-]*)\]$/i;

/** An option's label in the officer's language, from the latest message before `upTo` that offered it. */
function labelOf(entries: readonly TranscriptEntry[], upTo: number, id: string, locale: Locale): string | undefined {
  for (let i = upTo - 1; i >= 0; i--) {
    const o = entries[i]!.offered?.find((x) => x.id === id);
    if (o) return o.label[locale] ?? Object.values(o.label)[0];
  }
  return undefined;
}

/** For a pick of the worker's: the option's name in the officer's language (or its id when nothing offered it). */
function pickedName(c: C, entries: readonly TranscriptEntry[], i: number): string | undefined {
  const e = entries[i]!;
  if (e.from !== 'user') return undefined;
  // "[audio]" alone is what came with the message, not an old pick.
  const id = e.choice ?? (e.media?.length ? undefined : BRACKETED_ID.exec(e.text)?.[1]);
  if (id === undefined) return undefined;
  return labelOf(entries, i, id, c.locale) ?? (BRACKETED_ID.test(e.text) ? id : e.text);
}

function optionName(c: C, label: Partial<Record<Locale, string>>): string {
  return label[c.locale] ?? Object.values(label)[0] ?? '';
}

/** What one entry says: its text, or for a pick the option's name; a question's options under it. */
export function renderEntry(c: C, entries: readonly TranscriptEntry[], i: number, timeZone: string, media?: MediaView): Html {
  const e = entries[i]!;
  const meta = html`<span class="meta">${c.t(`chat.from.${e.from}`)} · ${when(c, e.at, timeZone)}</span>`;
  const label = pickedName(c, entries, i);
  if (label !== undefined) {
    // A typed number is shown too: it is what the worker actually wrote.
    const typed = e.text !== label && !BRACKETED_ID.test(e.text) && /^\s*\d{1,2}\s*[.)]?\s*$/.test(e.text) ? ` (${e.text.trim()})` : '';
    return html`<div class="msg user chose">${meta}${c.t('chat.chose', { label })}${typed}</div>`;
  }
  const options = e.offered?.length
    ? html`<ol class="offered" aria-label="${c.t('chat.offered')}">${e.offered.map((o) => html`<li>${optionName(c, o.label)}</li>`)}</ol>`
    : '';
  return html`<div class="msg ${e.from}">${meta}${wordsOf(c, e)}${mediaBlock(c, e, media)}${options}</div>`;
}

export function renderTranscript(c: C, entries: readonly TranscriptEntry[], timeZone: string, media?: MediaView): Html {
  if (entries.length === 0) return html`<p class="muted">${c.t('chat.noTranscript')}</p>`;
  return html`${entries.map((_, i) => renderEntry(c, entries, i, timeZone, media))}`;
}

/** One line of the exported .txt per entry, in the same words as the page. */
export function entryLine(c: C, entries: readonly TranscriptEntry[], i: number, timeZone: string): string {
  const e = entries[i]!;
  const label = pickedName(c, entries, i);
  const body = label !== undefined ? c.t('chat.chose', { label }) : e.lost ? c.t('chat.textLost') : e.text;
  const media = (e.media ?? []).map((m) => (m.kind === 'location' && m.location ? `\n    ${c.t('chat.media.location')}: ${m.location.lat}, ${m.location.lon} ${mapLink(m.location.lat, m.location.lon)}` : `\n    [${c.t(`chat.media.${m.kind}`)}${m.name ? `: ${m.name}` : ''}]`)).join('');
  const options = e.offered?.length ? `\n    ${e.offered.map((o, n) => `${n + 1}. ${optionName(c, o.label)}`).join('\n    ')}` : '';
  return `[${when(c, e.at, timeZone)}] ${c.t(`chat.from.${e.from}`)}: ${body}${media}${options}`;
}
