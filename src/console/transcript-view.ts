// The transcript as staff read it. Every entry goes through `renderEntry`, the one place that
// decides how a message looks (a module adding other kinds of entries hooks in there): the
// worker's picks read "chose: Nhật Bản" in the officer's language, a bot question lists the options
// it offered, and nothing shows an option's id.
import type { TranscriptEntry } from '../core/conversation.ts';
import type { Locale } from '../core/messages.ts';
import { when } from './format.ts';
import { html, type Html } from './html.ts';
import type { Ctx } from './router.ts';

type C = Pick<Ctx, 't' | 'locale'>;

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
  const id = e.choice ?? BRACKETED_ID.exec(e.text)?.[1];
  if (id === undefined) return undefined;
  return labelOf(entries, i, id, c.locale) ?? (BRACKETED_ID.test(e.text) ? id : e.text);
}

function optionName(c: C, label: Partial<Record<Locale, string>>): string {
  return label[c.locale] ?? Object.values(label)[0] ?? '';
}

/** What one entry says: its text, or for a pick the option's name; a question's options under it. */
export function renderEntry(c: C, entries: readonly TranscriptEntry[], i: number, timeZone: string): Html {
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
  return html`<div class="msg ${e.from}">${meta}${e.text}${options}</div>`;
}

export function renderTranscript(c: C, entries: readonly TranscriptEntry[], timeZone: string): Html {
  if (entries.length === 0) return html`<p class="muted">${c.t('chat.noTranscript')}</p>`;
  return html`${entries.map((_, i) => renderEntry(c, entries, i, timeZone))}`;
}

/** One line of the exported .txt per entry, in the same words as the page. */
export function entryLine(c: C, entries: readonly TranscriptEntry[], i: number, timeZone: string): string {
  const e = entries[i]!;
  const label = pickedName(c, entries, i);
  const body = label !== undefined ? c.t('chat.chose', { label }) : e.text;
  const options = e.offered?.length ? `\n    ${e.offered.map((o, n) => `${n + 1}. ${optionName(c, o.label)}`).join('\n    ')}` : '';
  return `[${when(c, e.at, timeZone)}] ${c.t(`chat.from.${e.from}`)}: ${body}${options}`;
}
