// Scoring the NLU against labelled messages (JSONL lines {"text", "intents": [acceptable…], "country"?}).
// Shared by the `nlu:eval` command and the tests that keep the targets.
import { z } from 'zod';
import type { NluOutput } from '../conversation.ts';

export const evalLineSchema = z.strictObject({
  text: z.string(),
  /** The acceptable intents; a message that is an emergency lists "emergency" among them. */
  intents: z.array(z.string().min(1)).min(1),
  /** The ISO code of the country the message names, when it names one. */
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  /** What kind of message it is (farewell, starvation, hyperbole, past…): figures are also given per family. */
  family: z.string().regex(/^[a-z_]+$/).optional(),
});
export type EvalLine = z.infer<typeof evalLineSchema>;

/** Reads JSONL; a bad line is reported with its number, not skipped. */
export function parseEvalFile(text: string): EvalLine[] {
  return text
    .split('\n')
    .map((line, i) => [line.trim(), i + 1] as const)
    .filter(([line]) => line.length > 0 && !line.startsWith('//'))
    .map(([line, n]) => {
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch (err) {
        throw new Error(`line ${n}: not JSON (${(err as Error).message})`);
      }
      const parsed = evalLineSchema.safeParse(json);
      if (!parsed.success) throw new Error(`line ${n}: ${parsed.error.issues.map((i) => `${i.path.join('.') || '(line)'}: ${i.message}`).join('; ')}`);
      return parsed.data;
    });
}

export interface IntentFigures {
  /** Lines whose predicted set contains the intent. */
  predicted: number;
  /** …of which the intent was acceptable. */
  correct: number;
  /** Lines that list the intent as acceptable. */
  expected: number;
  /** …of which the predicted set contains it. */
  found: number;
  precision: number;
  recall: number;
}

export interface EvalSummary {
  n: number;
  /** Share of lines whose predicted primary intent (`intent`) is among the acceptable ones. */
  accuracy: number;
  /** Over lines that list "emergency": share where the NLU reported at least one danger kind. */
  emergencyRecall: number;
  /** Over lines that do not list "emergency": share where the NLU reported a danger kind anyway. */
  falseEmergencyRate: number;
  /** Over lines that give a country: share where the NLU's country is exactly that code. */
  countryAccuracy: number;
}

export interface EvalReport {
  summary: EvalSummary;
  perIntent: Record<string, IntentFigures>;
  /** expected (first acceptable) → predicted primary intent → count, for lines that missed. */
  confusions: Record<string, Record<string, number>>;
  misses: { text: string; expected: string[]; got: NluOutput; country?: string }[];
}

/**
 * The predicted set of a message, for per-intent figures: its primary intent, the topic asked
 * alongside, and "emergency" whenever a danger kind was found.
 */
function predictedSet(out: NluOutput): Set<string> {
  const set = new Set([out.intent]);
  if (out.topicIntent) set.add(out.topicIntent);
  if (out.emergency.length > 0) set.add('emergency');
  return set;
}

export function evaluate(understand: (text: string) => NluOutput, lines: readonly EvalLine[]): EvalReport {
  let correct = 0;
  let emergencyLines = 0;
  let emergencyFound = 0;
  let calmLines = 0;
  let falseAlarms = 0;
  let countryLines = 0;
  let countryRight = 0;
  const perIntent: Record<string, IntentFigures> = {};
  const confusions: Record<string, Record<string, number>> = {};
  const misses: EvalReport['misses'] = [];
  const figures = (intent: string) => (perIntent[intent] ??= { predicted: 0, correct: 0, expected: 0, found: 0, precision: 0, recall: 0 });

  for (const line of lines) {
    const out = understand(line.text);
    const acceptable = new Set(line.intents);
    const predicted = predictedSet(out);
    const hit = acceptable.has(out.intent);
    if (hit) correct++;
    const danger = out.emergency.length > 0;
    if (acceptable.has('emergency')) {
      emergencyLines++;
      if (danger) emergencyFound++;
    } else {
      calmLines++;
      if (danger) falseAlarms++;
    }
    let countryMiss = false;
    if (line.country) {
      countryLines++;
      if (out.country === line.country) countryRight++;
      else countryMiss = true;
    }
    for (const i of predicted) {
      const f = figures(i);
      f.predicted++;
      if (acceptable.has(i)) f.correct++;
    }
    for (const i of acceptable) {
      const f = figures(i);
      f.expected++;
      if (predicted.has(i)) f.found++;
    }
    if (!hit) {
      const row = (confusions[line.intents[0]!] ??= {});
      row[out.intent] = (row[out.intent] ?? 0) + 1;
    }
    if (!hit || countryMiss || danger !== acceptable.has('emergency')) {
      misses.push({ text: line.text, expected: line.intents, got: out, ...(line.country ? { country: line.country } : {}) });
    }
  }
  for (const f of Object.values(perIntent)) {
    f.precision = ratio(f.correct, f.predicted);
    f.recall = ratio(f.found, f.expected);
  }
  return {
    summary: {
      n: lines.length,
      accuracy: ratio(correct, lines.length),
      emergencyRecall: ratio(emergencyFound, emergencyLines),
      falseEmergencyRate: calmLines === 0 ? 0 : round(falseAlarms / calmLines),
      countryAccuracy: ratio(countryRight, countryLines),
    },
    perIntent,
    confusions,
    misses,
  };
}

/** A share rounded to 4 places; 1 when there is nothing to count (no line can miss). */
function ratio(part: number, whole: number): number {
  return whole === 0 ? 1 : round(part / whole);
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
