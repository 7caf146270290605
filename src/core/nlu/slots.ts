// The slots a message fills — its case (accident, employer closed…), how the contract ended, the
// scheme, what it asks for (an amount, a law, a deadline…) — read with the phrases of
// content/slots.yaml on the analysed words, so marks, case and chat abbreviations do not matter.
// Where a phrase was read is kept too: those words say the case, not the subject of the question,
// and retrieval may search without them ("hết hạn hợp đồng, muốn rút tiền ký quỹ" is about the deposit).
import type { SlotFile } from '../content/index.ts';
import type { Analysis } from './normalize.ts';
import { analyze } from './normalize.ts';

/** slot → the values the message gave it, in the order first met. */
export type Slots = Record<string, string[]>;

export interface ReadSlots {
  slots: Slots;
  /** [start, end) token ranges where slot phrases were read. */
  spans: [number, number][];
}

interface Phrase {
  slot: string;
  value: string;
  words: string[];
}

export interface SlotReader {
  read(analysis: Analysis): ReadSlots;
}

export function createSlotReader(file: SlotFile): SlotReader {
  // By first word, longest first: "quấy rối tình dục" is read before "quấy rối".
  const byFirst = new Map<string, Phrase[]>();
  const seen = new Set<string>();
  for (const [slot, values] of Object.entries(file)) {
    for (const [value, phrases] of Object.entries(values)) {
      for (const text of phrases) {
        for (const lang of ['vi', 'en'] as const) {
          const words = analyze(text, lang).tokens.map((t) => t.f);
          const key = `${slot}=${value}:${words.join(' ')}`;
          if (words.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const list = byFirst.get(words[0]!) ?? [];
          list.push({ slot, value, words });
          byFirst.set(words[0]!, list);
        }
      }
    }
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.words.length - a.words.length);

  return {
    read({ tokens }) {
      const slots: Slots = {};
      const spans: [number, number][] = [];
      for (let i = 0; i < tokens.length; ) {
        const hit = byFirst.get(tokens[i]!.f)?.find((p) => p.words.every((w, k) => tokens[i + k]?.f === w));
        if (!hit) {
          i++;
          continue;
        }
        const values = (slots[hit.slot] ??= []);
        if (!values.includes(hit.value)) values.push(hit.value);
        spans.push([i, i + hit.words.length]);
        i += hit.words.length;
      }
      return { slots, spans };
    },
  };
}
