// How transcript entries are stored. Most of what the bot says comes from content alone (an
// article, the hotlines, a menu): the same words in every conversation, a kilobyte or more each,
// which made the transcript nine tenths of a conversation's bytes. Such a reply is kept once for
// every conversation, under a hash of its words and options (a shared text, see text-shelf.ts),
// and the entry holds that hash: staff read back exactly the words the worker was sent, not a
// rendering of today's content. Anything that may be personal or not reproducible — the worker's
// own words, a registration's reference or dates, an officer's words, an apology — stays in the
// entry. An entry is a short array; entries written whole (before, and by the desks that push their
// own) read as they are.
import { createHash } from 'node:crypto';
import type { TranscriptEntry } from './conversation.ts';
import type { Effect, VarValue, Vars } from './effects.ts';
import type { TranscriptMedia } from './media.ts';
import type { OfferedChoice } from './transcript.ts';

/**
 * An entry as stored: an array, [who, when, words] and what else it carries. `who` is "u", "b" or
 * "a" (user, bot, agent); a capital "B" says the words are the id of the shared text that holds
 * them and the options. Arrays, not objects: field names were a fifth of a short entry.
 */
export type StoredEntry = [from: 'u' | 'b' | 'a' | 'B', at: number, words: string, extra?: StoredExtra];

/** `c` the option picked, `o` the options offered (words kept here), `m` what came attached. */
interface StoredExtra {
  c?: string;
  o?: OfferedChoice[];
  m?: TranscriptMedia[];
}

/** What a shared text holds: the words, and the options offered with them. */
interface SharedReply {
  t: string;
  o?: OfferedChoice[];
}

const FROM = { user: 'u', bot: 'b', agent: 'a' } as const;
const FROM_STORED = { u: 'user', b: 'bot', a: 'agent' } as const;

/** The content address of a shared text: 96 bits of its SHA-256, in base64url. */
export function sharedTextId(payload: string): string {
  return createHash('sha256').update(payload).digest('base64url').slice(0, 16);
}

/** The shared text of a bot reply (what `sharedTextId` addresses). */
export function sharedReply(e: TranscriptEntry): string {
  const s: SharedReply = { t: e.text };
  if (e.offered) s.o = e.offered;
  return JSON.stringify(s);
}

/** An entry in its stored form; `shared` is the id of the shared text that holds its words, when one does. */
export function packEntry(e: TranscriptEntry, shared?: string): StoredEntry {
  const extra: StoredExtra = {};
  if (e.choice !== undefined) extra.c = e.choice;
  if (shared === undefined && e.offered) extra.o = e.offered;
  if (e.media) extra.m = e.media;
  const [f, words] = shared !== undefined ? (['B', shared] as const) : ([FROM[e.from], e.text] as const);
  return Object.keys(extra).length > 0 ? [f, e.at, words, extra] : [f, e.at, words];
}

/** Today's form; anything else is an entry written whole (before, or by a desk that pushes its own). */
const isStored = (item: unknown): item is StoredEntry => Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'number' && typeof item[2] === 'string';

/** The shared texts the stored entries refer to. */
export function sharedIdsOf(items: readonly unknown[]): string[] {
  return [...new Set(items.flatMap((i) => (isStored(i) && i[0] === 'B' ? [i[2]] : [])))];
}

/**
 * The entries as staff read them, from either form. A shared text no longer kept (past its
 * life) leaves the entry with `lost` and no words, shown as such: never someone else's words.
 */
export function unpackEntries(items: readonly unknown[], texts: Readonly<Record<string, string>>): TranscriptEntry[] {
  return items.map((item) => {
    if (!isStored(item)) return item as TranscriptEntry;
    const [f, at, words, extra] = item;
    const e: TranscriptEntry = { from: f === 'B' ? 'bot' : FROM_STORED[f], text: words, at };
    if (f === 'B') {
      const raw = texts[words];
      e.text = '';
      if (raw === undefined) e.lost = true;
      else {
        const s = JSON.parse(raw) as SharedReply;
        e.text = s.t;
        if (s.o) e.offered = s.o;
      }
    } else if (extra?.o) e.offered = extra.o;
    if (extra?.c !== undefined) e.choice = extra.c;
    if (extra?.m) e.media = extra.m;
    return e;
  });
}

/** A variable made of interface strings and content names only (no number or word from the turn). */
function contentVar(v: VarValue): boolean {
  if (Array.isArray(v)) return v.every(contentVar);
  if (typeof v !== 'object') return false;
  return 'text' in v || contentVars(v.vars);
}

function contentVars(vars: Vars | undefined): boolean {
  return vars === undefined || Object.values(vars).every(contentVar);
}

/**
 * Whether a turn's replies come from content alone, the same for anyone who got there: only
 * content and interface strings, none with a value taken from the turn (a date, a reference, a
 * count); no registration's or hand-off's words (the engine puts those in as `say`s with values).
 */
export function fromContentAlone(effects: readonly Effect[]): boolean {
  return effects.every((e) => {
    switch (e.type) {
      case 'articles':
      case 'hotlines':
      case 'reprompt':
        return true;
      case 'say':
        return contentVars(e.vars);
      case 'ask':
        return contentVars(e.vars) && e.choices.every((c) => !('vars' in c) || contentVars(c.vars));
      default:
        return false;
    }
  });
}
