// Several cases told, one asked about: "e về sớm vì công ty phá sản, giờ muốn đi học nghề hàn thì
// quỹ có hỗ trợ tiền học không" says why the worker came home (the closure) and asks about the
// course. What follows the last "thì" of the last sentence is what is asked; when the cases read
// there are some of the message's, those are the case the answer is chosen by.
import type { Analysis } from './normalize.ts';
import type { ReadSlots, SlotReader } from './slots.ts';

export function caseAsked(analysis: Analysis, read: ReadSlots, reader: SlotReader): ReadSlots {
  const told = read.slots.case ?? [];
  if (told.length < 2) return read;
  const { tokens } = analysis;
  const last = tokens.at(-1)?.sentence ?? 0;
  const inLast = tokens.filter((t) => (t.sentence ?? 0) === last);
  const k = inLast.findLastIndex((t) => t.f === 'thi');
  if (k < 0) return read;
  const asked = reader.read({ ...analysis, tokens: inLast.slice(k + 1) }).slots.case ?? [];
  if (asked.length === 0 || asked.length >= told.length || !asked.every((v) => told.includes(v))) return read;
  return { ...read, slots: { ...read.slots, case: asked } };
}
