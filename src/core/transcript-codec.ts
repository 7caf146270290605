// How transcript entries are stored. Most of what the bot says comes from content alone (an
// article, the hotlines, a menu): the same words in every conversation, a kilobyte or more each,
// which made the transcript nine tenths of a conversation's bytes. Such a reply is kept once for
// every conversation, under a hash of its words and options (a shared text, see text-shelf.ts),
// and the entry holds that hash: staff read back exactly the words the worker was sent, not a
// rendering of today's content. Anything that may be personal or not reproducible — the worker's
// own words, a registration's reference or dates, an officer's words, an apology — stays in the
// entry. Field names are short; entries written whole (before, and by the desks that push their
// own) read as they are.
import { createHash } from 'node:crypto';
import type { TranscriptEntry } from './conversation.ts';
import type { Effect, VarValue, Vars } from './effects.ts';
import type { TranscriptMedia } from './media.ts';
import type { OfferedChoice } from './transcript.ts';

/** An entry as stored: `f` who, `a` when, `t` the words or `h` the shared text holding them and the options. */
export interface StoredEntry {
  f: 'u' | 'b' | 'a';
  a: number;
  t?: string;
  h?: string;
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
  const out: StoredEntry = { f: FROM[e.from], a: e.at };
  if (shared !== undefined) out.h = shared;
  else {
    out.t = e.text;
    if (e.offered) out.o = e.offered;
  }
  if (e.choice !== undefined) out.c = e.choice;
  if (e.media) out.m = e.media;
  return out;
}

const isStored = (item: unknown): item is StoredEntry => typeof item === 'object' && item !== null && 'f' in item && 'a' in item;

/** The shared texts the stored entries refer to. */
export function sharedIdsOf(items: readonly unknown[]): string[] {
  return [...new Set(items.flatMap((i) => (isStored(i) && i.h !== undefined ? [i.h] : [])))];
}

/**
 * The entries as staff read them, from either form. A shared text no longer kept (past its
 * life) leaves the entry with `lost` and no words, shown as such: never someone else's words.
 */
export function unpackEntries(items: readonly unknown[], texts: Readonly<Record<string, string>>): TranscriptEntry[] {
  return items.map((item) => {
    if (!isStored(item)) return item as TranscriptEntry;
    const e: TranscriptEntry = { from: FROM_STORED[item.f], text: item.t ?? '', at: item.a };
    if (item.h !== undefined) {
      const raw = texts[item.h];
      if (raw === undefined) e.lost = true;
      else {
        const s = JSON.parse(raw) as SharedReply;
        e.text = s.t;
        if (s.o) e.offered = s.o;
      }
    } else if (item.o) e.offered = item.o;
    if (item.c !== undefined) e.choice = item.c;
    if (item.m) e.media = item.m;
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
