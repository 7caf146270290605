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
  /** The slot each span was read for, in the same order. */
  spanSlots: string[];
}

interface Phrase {
  slot: string;
  value: string;
  words: string[];
  /** Per word, its marks as the phrase writes them (undefined: written without, or a star). */
  sigs: (string | undefined)[];
}

export interface SlotReader {
  read(analysis: Analysis): ReadSlots;
}

/** The slots that say what happened, which a worker may deny; what is asked about is never denied ("không trả tiền ký quỹ"). */
const DENIABLE = new Set(['case', 'ended', 'stage', 'passport']);
/** Words that deny or avoid what follows them within a few words of the same clause. */
const NEGATORS = new Set(['khong', 'chua', 'chang', 'tranh', 'khoi', 'not', 'never', 'avoid', 'without']);
const NOT_DENYING = new Set(['may', 'biet', 'nhung', 'ro', 'hieu']);
/** How far before a phrase a negator still reaches ("không bị ghi cư trú bất hợp pháp"). */
const NEGATION_REACH = 4;

function negated(tokens: Analysis['tokens'], start: number): boolean {
  const clause = tokens[start]!.c;
  for (let k = start - 1; k >= Math.max(0, start - NEGATION_REACH); k--) {
    const t = tokens[k]!;
    if (t.c !== clause) return false;
    // "không may bị tai nạn" (unluckily), "không biết … có" (whether), "không những" (not only) deny nothing.
    if (NEGATORS.has(t.f)) return !NOT_DENYING.has(tokens[k + 1]?.f ?? '');
  }
  return false;
}

/**
 * Two spellings' marks (markSignature) are the same word's: the same vowel marks and tone, or the
 * hỏi and ngã tones everyday typing confuses ("hổ trợ" is "hỗ trợ").
 */
function marksAgree(typed: string, phrase: string): boolean {
  if (typed === phrase) return true;
  const [tb, tt] = typed.split('|');
  const [pb, pt] = phrase.split('|');
  return tb === pb && CONFUSED_TONES.has(tt ?? '') && CONFUSED_TONES.has(pt ?? '');
}
const CONFUSED_TONES = new Set(['\u0303', '\u0309']);

const GAP_WORD = '*';
/** Words a star in a phrase may stand for. */
const GAP = 3;

/**
 * Where `words` read from `start` end (exclusive), within one clause; 0 when they do not. A word
 * typed with marks must carry the phrase's own ("hợp đồng của" is not "đóng cửa"); typed without
 * any, it matches either way.
 */
function matchEnd(words: readonly string[], sigs: readonly (string | undefined)[], tokens: Analysis['tokens'], start: number): number {
  const clause = tokens[start]!.c;
  const at = (w: number, i: number): number => {
    if (w === words.length) return i;
    if (words[w] === GAP_WORD) {
      for (let skip = 0; skip <= GAP; skip++) {
        if (i + skip > tokens.length || (skip > 0 && tokens[i + skip - 1]!.c !== clause)) break;
        const end = at(w + 1, i + skip);
        if (end > 0) return end;
      }
      return 0;
    }
    const t = tokens[i];
    const sig = sigs[w];
    return t && t.c === clause && t.f === words[w] && (sig === undefined || t.s === undefined || marksAgree(t.s, sig)) ? at(w + 1, i + 1) : 0;
  };
  return at(0, start);
}

export function createSlotReader(file: SlotFile): SlotReader {
  // By first word, longest first: "quấy rối tình dục" is read before "quấy rối".
  const byFirst = new Map<string, Phrase[]>();
  const seen = new Set<string>();
  for (const [slot, values] of Object.entries(file)) {
    for (const [value, phrases] of Object.entries(values)) {
      for (const text of phrases) {
        for (const lang of ['vi', 'en'] as const) {
          // "mất * hộ chiếu": a star stands for up to GAP words ("mất cả ví lẫn hộ chiếu").
          const parts = text.split('*').map((part) => analyze(part, lang).tokens);
          const words = parts.flatMap((ts, k) => [...(k > 0 ? [GAP_WORD] : []), ...ts.map((t) => t.f)]);
          const sigs = parts.flatMap((ts, k) => [...(k > 0 ? [undefined] : []), ...ts.map((t) => t.s)]);
          const key = `${slot}=${value}:${words.join(' ')}`;
          if (words.length === 0 || seen.has(key)) continue;
          seen.add(key);
          const list = byFirst.get(words[0]!) ?? [];
          list.push({ slot, value, words, sigs });
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
      const spanSlots: string[] = [];
      for (let i = 0; i < tokens.length; ) {
        let end = 0;
        const hit = byFirst.get(tokens[i]!.f)?.find((p) => (end = matchEnd(p.words, p.sigs, tokens, i)) > 0);
        if (!hit) {
          i++;
          continue;
        }
        // "để không bị ghi cư trú bất hợp pháp", "not injured": what the worker avoids or denies is
        // not their case. The phrase is still consumed, so its words are not read again.
        if (DENIABLE.has(hit.slot) && negated(tokens, i)) {
          spans.push([i, end]);
          spanSlots.push(hit.slot);
          i = end;
          continue;
        }
        const values = (slots[hit.slot] ??= []);
        if (!values.includes(hit.value)) values.push(hit.value);
        spans.push([i, end]);
        spanSlots.push(hit.slot);
        i = end;
      }
      return { slots: deathOverItsCause(slots), spans, spanSlots };
    },
  };
}

/** Cases that may be what a death came of ("mất vì tai nạn", "ốm rồi qua đời"). */
const CAUSES_OF_DEATH = new Set(['accident', 'illness']);

/**
 * A death told with its cause is the death's case: "con tôi mất ở Nhật vì tai nạn" asks what the
 * family gets for a death, not what an injured worker gets. The cause is dropped, the rest kept.
 */
export function deathOverItsCause(slots: Slots): Slots {
  const cases = slots.case;
  if (!cases?.includes('death') || !cases.some((v) => CAUSES_OF_DEATH.has(v))) return slots;
  return { ...slots, case: cases.filter((v) => !CAUSES_OF_DEATH.has(v)) };
}
