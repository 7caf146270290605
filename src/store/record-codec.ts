// How a conversation record is written: its JSON, without what the rest of it already says. The
// choices last shown (`pending`) are, nearly always, the last question's choices with their labels
// in the record's language — stored twice, they were a third of the record. A pending choice is
// stored as its bare id when the last question gives back exactly its label; any other (a label
// from a translation key, another language) stays whole. Reading puts the labels back, so callers
// get the record they wrote; a record written whole (before this) reads as it is.
import type { Choice } from '../core/messages.ts';
import type { ConversationRecord } from '../core/ports.ts';

interface StoredRecord extends Omit<ConversationRecord, 'pending'> {
  pending: (Choice | string)[];
}

/** The label the last question gives a choice in the record's language, if it gives one. */
function askedLabel(record: Pick<ConversationRecord, 'lastAsk' | 'locale'>, id: string): string | undefined {
  if (!record.locale) return undefined;
  const spec = record.lastAsk?.choices.find((c) => c.id === id);
  return spec && 'label' in spec ? spec.label[record.locale] : undefined;
}

export function encodeRecord(record: ConversationRecord): string {
  const pending = record.pending.map((c) => (askedLabel(record, c.id) === c.label ? c.id : c));
  const stored: StoredRecord = { ...record, pending };
  return JSON.stringify(stored);
}

export function decodeRecord(raw: string): ConversationRecord {
  const stored = JSON.parse(raw) as StoredRecord;
  if (!Array.isArray(stored.pending)) return stored as ConversationRecord;
  const pending = stored.pending.map((c) => (typeof c === 'string' ? { id: c, label: askedLabel(stored, c) ?? c } : c));
  return { ...stored, pending };
}
