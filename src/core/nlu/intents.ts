// From the lexicon's weighted phrases to one intent and a confidence. The four topics and "a person"
// compete; a greeting counts only when nothing else was asked ("chào ad, cho hỏi số đại sứ quán" is
// a hotline question); words that are clearly about something else (gold prices, football) pull
// towards out_of_scope. Below the floor the message is not understood: the flow then offers the
// menu and a person rather than guessing.
import { INTENTS, LEXICON, type LexIntent } from './lexicon.ts';
import { PatternIndex, type Token } from './pattern.ts';

/** The score an intent needs to be taken. */
export const MIN_INTENT_SCORE = 1.5;
/** Confidence at exactly the floor; the flow answers from 0.5. */
const CONFIDENCE_AT_FLOOR = 0.5;

const INDEX = new PatternIndex(LEXICON.map(([p, w], i) => [p, i] as const));
const COMPETING: readonly LexIntent[] = ['contract_liquidation', 'return_registration', 'support_fund', 'hotline', 'handoff'];
export const TOPIC_INTENTS = ['contract_liquidation', 'return_registration', 'support_fund', 'hotline'] as const;

export type Scores = Record<LexIntent, number>;

/** The scores of a message; the entries in `omit` (by identity) are not counted. */
export function scoreIntents(tokens: readonly Token[], omit?: ReadonlySet<(typeof LEXICON)[number]>): Scores {
  const scores = Object.fromEntries(INTENTS.map((i) => [i, 0])) as Scores;
  const seen = new Set<number>();
  for (const m of INDEX.scan(tokens)) {
    if (seen.has(m.value) || omit?.has(LEXICON[m.value]!)) continue;
    seen.add(m.value);
    for (const [intent, w] of Object.entries(LEXICON[m.value]![1]) as [LexIntent, number][]) scores[intent] += w;
  }
  for (const i of INTENTS) scores[i] = Math.max(0, scores[i]);
  return scores;
}

export interface Decision {
  intent: string;
  confidence: number;
  /** The best topic, when one reaches the floor (asked alongside an emergency, or a person). */
  topic?: string;
}

export function decide(scores: Scores): Decision {
  const ranked = [...COMPETING].sort((a, b) => scores[b] - scores[a]);
  const first = ranked[0]!;
  const s1 = scores[first];
  const s2 = scores[ranked[1]!];
  const topic = [...TOPIC_INTENTS].sort((a, b) => scores[b] - scores[a])[0]!;
  const topicOut = scores[topic] >= MIN_INTENT_SCORE ? { topic } : {};
  if (s1 >= MIN_INTENT_SCORE && s1 > scores.out_of_scope) {
    return { intent: first, confidence: confidence(s1, s2), ...topicOut };
  }
  if (scores.greeting >= MIN_INTENT_SCORE && scores.greeting >= scores.out_of_scope) {
    return { intent: 'greeting', confidence: confidence(scores.greeting, s1) };
  }
  // Not understood: how sure we are that it is nothing we handle.
  const doubt = Math.min(1, Math.max(s1, scores.greeting) / MIN_INTENT_SCORE);
  return { intent: 'out_of_scope', confidence: round(Math.max(0.3, 0.95 - 0.5 * doubt + Math.min(0.04, scores.out_of_scope / 100))) };
}

/** 0.5 at the floor, rising towards 1 with the score, lowered when a second intent is close. */
function confidence(best: number, second: number): number {
  const strength = 1 - Math.exp(-(best - MIN_INTENT_SCORE) / 2);
  const margin = best > 0 ? (best - second) / best : 0;
  return round(Math.min(0.99, CONFIDENCE_AT_FLOOR + (1 - CONFIDENCE_AT_FLOOR) * strength * (0.6 + 0.4 * margin)));
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
