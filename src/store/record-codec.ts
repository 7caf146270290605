// How a conversation record is written: its JSON, without what the rest of it already says, under
// short names. The choices last shown (`pending`) are, nearly always, the last question's choices
// with their labels in the record's language — stored twice, they were a third of the record. A
// pending choice is stored as its bare id when the last question gives back exactly its label;
// any other (a label from a translation key, another language) stays whole. The last question
// drops its type (always "ask") and keeps a choice named by a translation key alone as "id key";
// when the user last wrote is kept as its distance from `updatedAt` (nearly always 0). Reading
// puts all of it back, so callers get the record they wrote; records written before (long names,
// or whole) read as they are.
import type { AskEffect, ChoiceSpec } from '../core/effects.ts';
import type { Choice } from '../core/messages.ts';
import type { ConversationRecord } from '../core/ports.ts';

/** The record as stored: `v` flow version, `s` snapshot, `l` `c` `y` locale, country, city, `p` pending, `q` last question, `lu` updatedAt − lastUserAt, `m` last user message, `u` updatedAt. */
interface StoredRecord {
  v: number;
  s: unknown;
  l?: ConversationRecord['locale'];
  c?: string;
  y?: string;
  p: (Choice | string)[];
  q?: Omit<AskEffect, 'type' | 'choices'> & { choices: (ChoiceSpec | string)[] };
  lu?: number;
  m?: string;
  u: number;
}

/** Before: the record's own names, its pending choices possibly by id. */
interface LongRecord extends Omit<ConversationRecord, 'pending'> {
  pending: (Choice | string)[];
}

/** The label the last question gives a choice in the record's language, if it gives one. */
function askedLabel(record: Pick<ConversationRecord, 'lastAsk' | 'locale'>, id: string): string | undefined {
  if (!record.locale) return undefined;
  const spec = record.lastAsk?.choices.find((c) => c.id === id);
  return spec && 'label' in spec ? spec.label[record.locale] : undefined;
}

const keyOnly = (c: ChoiceSpec): c is { id: string; key: string } => 'key' in c && Object.keys(c).length === 2 && !c.id.includes(' ');

function packAsk(ask: AskEffect): StoredRecord['q'] {
  const { type: _ask, choices, ...rest } = ask;
  return { ...rest, choices: choices.map((c) => (keyOnly(c) ? `${c.id} ${c.key}` : c)) };
}

function unpackAsk(q: NonNullable<StoredRecord['q']>): AskEffect {
  const choices = q.choices.map((c): ChoiceSpec => {
    if (typeof c !== 'string') return c;
    const at = c.indexOf(' ');
    return { id: c.slice(0, at), key: c.slice(at + 1) };
  });
  return { type: 'ask', ...q, choices };
}

export function encodeRecord(record: ConversationRecord): string {
  const stored: StoredRecord = { v: record.flowVersion, s: record.snapshot, p: record.pending.map((c) => (askedLabel(record, c.id) === c.label ? c.id : c)), u: record.updatedAt };
  if (record.locale !== undefined) stored.l = record.locale;
  if (record.country !== undefined) stored.c = record.country;
  if (record.city !== undefined) stored.y = record.city;
  if (record.lastAsk) stored.q = packAsk(record.lastAsk);
  if (record.lastUserAt !== undefined) stored.lu = record.updatedAt - record.lastUserAt;
  if (record.lastUserMessageId !== undefined) stored.m = record.lastUserMessageId;
  return JSON.stringify(stored);
}

function fromShort(s: StoredRecord): LongRecord {
  const r: LongRecord = { flowVersion: s.v, snapshot: s.s, pending: s.p, updatedAt: s.u };
  if (s.l !== undefined) r.locale = s.l;
  if (s.c !== undefined) r.country = s.c;
  if (s.y !== undefined) r.city = s.y;
  if (s.q) r.lastAsk = unpackAsk(s.q);
  if (s.lu !== undefined) r.lastUserAt = s.u - s.lu;
  if (s.m !== undefined) r.lastUserMessageId = s.m;
  return r;
}

export function decodeRecord(raw: string): ConversationRecord {
  const parsed = JSON.parse(raw) as StoredRecord | LongRecord;
  const stored = 'v' in parsed && 'u' in parsed ? fromShort(parsed) : parsed;
  if (!Array.isArray(stored.pending)) return stored as ConversationRecord;
  const pending = stored.pending.map((c) => (typeof c === 'string' ? { id: c, label: askedLabel(stored, c) ?? c } : c));
  return { ...stored, pending };
}
