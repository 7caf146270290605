// Reading a typed reply as one of the choices last shown: "2", "2.", or the label's words with or
// without diacritics ("het han" for "Hết hạn"). The same on every channel, buttons or not.
import type { Choice } from './messages.ts';

export type Normalize = (text: string) => string;

const DIGIT = /^\s*(?:so|số|#)?\s*(\d{1,2})\s*[.)]?\s*$/i;
/** Typed words must be at least this long to select by a part of a label. */
const MIN_PARTIAL = 4;

export function resolveChoice(text: string, pending: readonly Choice[], normalize: Normalize): string | undefined {
  if (pending.length === 0) return undefined;
  const digit = DIGIT.exec(text);
  if (digit) return pending[Number(digit[1]) - 1]?.id;
  const typed = normalize(text);
  if (typed.length === 0) return undefined;
  const labels = pending.map((c) => ({ id: c.id, label: normalize(c.label) }));
  const exact = labels.find((c) => c.label === typed);
  if (exact) return exact.id;
  if (typed.length < MIN_PARTIAL) return undefined;
  // Part of a label selects only when it is whole words and fits exactly one choice.
  const partial = labels.filter((c) => ` ${c.label} `.includes(` ${typed} `));
  return partial.length === 1 ? partial[0]!.id : undefined;
}
