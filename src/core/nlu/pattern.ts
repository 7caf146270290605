// A tiny pattern language over the tokens of a normalised message, shared by the intent lexicon,
// the danger rules and the place names:
//   "thanh ly hop dong"   consecutive words (folded: matches with or without diacritics)
//   "hàn quốc"            a word written with marks must be typed with the same marks, or none:
//                         "hạn" does not match "hàn", "han" does
//   "=giam"               "=": typed with marks, the marks must be these (none here: "giảm" is not "giam")
//   "+tự +vẫn"            "+": the word must be typed with exactly these marks ("tu van" is "tư vấn")
//   "toi/em/minh"         alternatives for one position
//   "bi * danh"           up to two words in between ("*3": up to three)
//   "^chao" / "chao$"     at the start / end of the message
//   "!gia/dau"            this position must NOT be one of these words (consumes one word; the end
//                         of the clause also passes when it is the last step)
//   "help me ."           "." (last): the end of the clause
//   "#"                   a short number (2 to 6 digits, as hotlines are dialled locally)
//   "a b|c d"             in an entry: either phrase (PatternIndex splits entries on "|")
// A match never crosses a clause boundary (. , ! ? ; : or a new line), so two sentences are not
// read as one phrase.
import { foldDiacritics, hasMarks, markSignature } from './fold.ts';

export interface Token {
  /** Folded, abbreviations spelled out: what most rules match. */
  f: string;
  /** As typed (lower case, NFC); empty when the word came from an abbreviation. */
  r: string;
  /** The marks it was typed with (see markSignature); absent when typed without any. */
  s?: string;
  /** Index of the clause the word is in. */
  c: number;
  /** Index of the sentence (ended by . ! ? or a new line) the word is in; absent is 0. */
  sentence?: number;
  /** The clause laughs (=))), 😂, haha, lol): what it says is likely said for effect. */
  j?: true;
}

interface Word {
  kind: 'word';
  alts: { f: string; sig?: string; marked?: boolean }[];
  negate: boolean;
}
interface Gap {
  kind: 'gap';
  max: number;
}
interface End {
  kind: 'end';
}
type Step = Word | Gap | End;

export interface Pattern {
  source: string;
  steps: Step[];
  atStart: boolean;
  atEnd: boolean;
}

export function compilePattern(source: string): Pattern {
  let text = source.trim().toLowerCase().normalize('NFC');
  const atStart = text.startsWith('^');
  const atEnd = text.endsWith('$');
  text = text.replace(/^\^/, '').replace(/\$$/, '').trim();
  const steps: Step[] = text.split(/\s+/).map((part) => {
    if (part === '.') return { kind: 'end' };
    const gap = /^\*(\d?)$/.exec(part);
    if (gap) return { kind: 'gap', max: gap[1] ? Number(gap[1]) : 2 };
    const negate = part.startsWith('!');
    const alts = (negate ? part.slice(1) : part).split('/').map((w) => {
      const marked = w.startsWith('+');
      const strict = marked || w.startsWith('=');
      const word = strict ? w.slice(1) : w;
      const f = word === NUMBER ? NUMBER : foldDiacritics(word);
      return hasMarks(word) || strict ? { f, sig: markSignature(word), ...(marked ? { marked } : {}) } : { f };
    });
    return { kind: 'word', alts, negate };
  });
  const last = steps.at(-1);
  if (steps[0]?.kind !== 'word' || steps[0].negate || last?.kind === 'gap' || steps.slice(0, -1).some((st) => st.kind === 'end')) {
    throw new Error(`pattern "${source}" must start with a word and end with a word or "."`);
  }
  return { source, steps, atStart, atEnd };
}

/** Numbers are indexed under this key; "#" in a pattern matches any of them. */
const NUMBER = '#';
const SHORT_NUMBER = /^\d{2,6}$/;
const keyOf = (token: Token) => (SHORT_NUMBER.test(token.f) ? NUMBER : token.f);

function wordMatches(step: Word, token: Token): boolean {
  const hit = step.alts.some((a) => {
    if (a.f === NUMBER) return SHORT_NUMBER.test(token.f);
    if (a.f !== token.f) return false;
    if (a.sig === undefined) return true;
    if (token.s === undefined) return !a.marked;
    return token.s === a.sig;
  });
  return step.negate ? !hit : hit;
}

/** The first words a pattern can start with: patterns are looked up by the word in front of them. */
export function firstWords(p: Pattern): string[] {
  const first = p.steps[0] as Word;
  return first.alts.map((a) => a.f);
}

/** Where the pattern matches starting exactly at `start`: the index after its last word, or -1. */
export function matchAt(p: Pattern, tokens: readonly Token[], start: number): number {
  if (p.atStart && start !== 0) return -1;
  const clause = tokens[start]?.c;
  const go = (si: number, ti: number): number => {
    if (si === p.steps.length) return p.atEnd && ti !== tokens.length ? -1 : ti;
    const step = p.steps[si]!;
    if (step.kind === 'end') return ti >= tokens.length || tokens[ti]!.c !== clause ? ti : -1;
    if (step.kind === 'gap') {
      for (let skip = 0; skip <= step.max; skip++) {
        const at = ti + skip;
        if (skip > 0 && (at - 1 >= tokens.length || tokens[at - 1]!.c !== clause)) break;
        const end = go(si + 1, at);
        if (end >= 0) return end;
      }
      return -1;
    }
    const token = tokens[ti];
    const lookahead = step.negate && si === p.steps.length - 1;
    if (!token || token.c !== clause) {
      // A negated last word is satisfied by the end of the clause.
      return lookahead && !p.atEnd ? ti : -1;
    }
    if (!wordMatches(step, token)) return -1;
    // A negated last word only looks at the next word: it is not part of the match.
    return lookahead ? (p.atEnd ? -1 : ti) : go(si + 1, ti + 1);
  };
  return go(0, start);
}

export interface Match {
  pattern: Pattern;
  start: number;
  end: number;
}

/** A set of patterns indexed by their first word, so a message is read once, not once per pattern. */
export class PatternIndex<T> {
  private readonly byFirst = new Map<string, { pattern: Pattern; value: T }[]>();

  constructor(entries: readonly (readonly [string, T])[]) {
    for (const [entry, value] of entries) for (const source of entry.split('|')) this.add(source, value);
  }

  private add(source: string, value: T): void {
    const pattern = compilePattern(source);
    // A pattern that starts with a number as typed (a host line named: "NNNN là") is looked up where numbers are.
    for (const w of new Set(firstWords(pattern).map((f) => (SHORT_NUMBER.test(f) ? NUMBER : f)))) {
      const list = this.byFirst.get(w) ?? [];
      list.push({ pattern, value });
      this.byFirst.set(w, list);
    }
  }

  /** Every (pattern, start) that matches, in reading order; `skip` passes over values no longer wanted. */
  *scan(tokens: readonly Token[], skip?: (value: T) => boolean): Generator<Match & { value: T }> {
    for (let i = 0; i < tokens.length; i++) {
      const candidates = this.byFirst.get(keyOf(tokens[i]!));
      if (!candidates) continue;
      for (const { pattern, value } of candidates) {
        if (skip?.(value)) continue;
        const end = matchAt(pattern, tokens, i);
        if (end >= 0) yield { pattern, value, start: i, end };
      }
    }
  }

}

/** All words a list of entries mentions (folded): vocabulary the normaliser should recognise. */
export function wordsOf(entries: readonly string[]): string[] {
  return entries.flatMap((e) =>
    e
      .split(/[|\s/]+/)
      .map((w) => foldDiacritics(w.replace(/^[\^!=+]+|\$$/g, '').toLowerCase()))
      .filter((w) => /^\p{L}+$/u.test(w)),
  );
}
