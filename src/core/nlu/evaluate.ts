// Scoring the NLU against labelled messages (JSONL lines {"text", "intents": [acceptable…], "country"?}).
// Shared by the `nlu:eval` command and the tests that keep the targets.
import { z } from 'zod';
import type { NluOutput } from '../conversation.ts';
import { CONCERN_INTENT } from './danger.ts';
import { hasMarks } from './fold.ts';
import { detectLanguage } from './language.ts';

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
  /** Over lines that list "emergency": share where the NLU reported a danger kind or the concern. */
  emergencyRecall: number;
  /** Over lines that do not list "emergency": share where the NLU reported a danger kind or the concern anyway. */
  falseEmergencyRate: number;
  /** Over lines that give a country: share where the NLU's country is exactly that code. */
  countryAccuracy: number;
}

/** Danger figures over one slice of the lines (a family, a language, typed with or without marks, a length). */
export interface DangerFigures {
  emergencies: number;
  /** Emergencies recognised: a danger kind, or the "are you safe?" concern. */
  found: number;
  calm: number;
  /** Harmless lines that got a danger kind or the concern. */
  falseAlarms: number;
  recall: number;
  falseAlarmRate: number;
}

/** The slices danger is reported by: where recall is lost shows which voice or family to work on. */
export interface DangerBreakdown {
  family: Record<string, DangerFigures>;
  language: Record<string, DangerFigures>;
  diacritics: Record<string, DangerFigures>;
  length: Record<string, DangerFigures>;
}

export interface EvalReport {
  summary: EvalSummary;
  danger: DangerBreakdown;
  perIntent: Record<string, IntentFigures>;
  /** expected (first acceptable) → predicted primary intent → count, for lines that missed. */
  confusions: Record<string, Record<string, number>>;
  misses: { text: string; expected: string[]; got: NluOutput; country?: string; family?: string }[];
}

/**
 * The predicted set of a message, for per-intent figures: its primary intent, the topic asked
 * alongside, and "emergency" whenever a danger kind was found.
 */
function predictedSet(out: NluOutput): Set<string> {
  const set = new Set([out.intent]);
  if (out.topicIntent) set.add(out.topicIntent);
  if (flagged(out)) set.add('emergency');
  return set;
}

/**
 * Whether the message is treated as danger: a danger kind, or the concern that makes the bot ask
 * "are you safe right now?" and raise the chat for staff (recognised, though not yet sure).
 */
export function flagged(out: NluOutput): boolean {
  return out.emergency.length > 0 || out.intent === CONCERN_INTENT;
}

/** Up to this many words a message is short (a cry, a one-liner); beyond LONG_WORDS it buries things. */
const SHORT_WORDS = 6;
const LONG_WORDS = 25;

function slicesOf(line: EvalLine): Record<keyof DangerBreakdown, string> {
  const words = line.text.split(/\s+/).filter(Boolean);
  const lang = detectLanguage(line.text);
  return {
    family: line.family ?? 'unlabelled',
    language: lang,
    diacritics: lang === 'en' ? 'english' : words.some(hasMarks) ? 'with marks' : 'without marks',
    length: words.length <= SHORT_WORDS ? `short (≤${SHORT_WORDS} words)` : words.length <= LONG_WORDS ? 'medium' : `long (>${LONG_WORDS} words)`,
  };
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
  const danger: DangerBreakdown = { family: {}, language: {}, diacritics: {}, length: {} };

  for (const line of lines) {
    const out = understand(line.text);
    const acceptable = new Set(line.intents);
    const predicted = predictedSet(out);
    // The concern is how the bot answers an emergency it is not sure of.
    const hit = acceptable.has(out.intent) || (out.intent === CONCERN_INTENT && acceptable.has('emergency'));
    if (hit) correct++;
    const alarm = flagged(out);
    const isEmergency = acceptable.has('emergency');
    if (isEmergency) {
      emergencyLines++;
      if (alarm) emergencyFound++;
    } else {
      calmLines++;
      if (alarm) falseAlarms++;
    }
    for (const [slice, name] of Object.entries(slicesOf(line)) as [keyof DangerBreakdown, string][]) {
      const f = (danger[slice][name] ??= { emergencies: 0, found: 0, calm: 0, falseAlarms: 0, recall: 0, falseAlarmRate: 0 });
      if (isEmergency) {
        f.emergencies++;
        if (alarm) f.found++;
      } else {
        f.calm++;
        if (alarm) f.falseAlarms++;
      }
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
    if (!hit || countryMiss || alarm !== isEmergency) {
      misses.push({ text: line.text, expected: line.intents, got: out, ...(line.country ? { country: line.country } : {}), ...(line.family ? { family: line.family } : {}) });
    }
  }
  for (const f of Object.values(perIntent)) {
    f.precision = ratio(f.correct, f.predicted);
    f.recall = ratio(f.found, f.expected);
  }
  for (const slice of Object.values(danger) as Record<string, DangerFigures>[]) {
    for (const f of Object.values(slice)) {
      f.recall = ratio(f.found, f.emergencies);
      f.falseAlarmRate = f.calm === 0 ? 0 : round(f.falseAlarms / f.calm);
    }
  }
  return {
    summary: {
      n: lines.length,
      accuracy: ratio(correct, lines.length),
      emergencyRecall: ratio(emergencyFound, emergencyLines),
      falseEmergencyRate: calmLines === 0 ? 0 : round(falseAlarms / calmLines),
      countryAccuracy: ratio(countryRight, countryLines),
    },
    danger,
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
