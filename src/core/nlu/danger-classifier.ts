// A second opinion on danger: a naive Bayes classifier (wink-naive-bayes-text-classifier) over the
// words of the normalised message and the pairs of words next to each other in one clause. The rules
// in ./danger.ts know the harmless senses and the negations; they miss the new ways people say the
// same thing. The classifier has no idea of negation, but it has read every labelled message, so it
// hears "đang bị giữ ở một căn nhà", "ông cụ hay đòi em ngủ cùng" or "captain beat us" without a
// rule for each. Only its confident votes count (the threshold was chosen by cross-validation so
// that, with the rules, fewer than 1% of ordinary messages in files it had not seen were flagged).
//
// The model is trained ahead of time by `npm run nlu:train` (./danger-training.ts) and shipped as
// ./danger-model.json: a message is a few hash lookups, and production never reads the labelled files.
import { readFileSync } from 'node:fs';
import winkNaiveBayes from 'wink-naive-bayes-text-classifier';
import { z } from 'zod';
import type { Token } from './pattern.ts';

export const DANGER_LABEL = 'danger';
export const CALM_LABEL = 'calm';

/**
 * The words of a message, each pair of neighbouring words in one clause ("bi_nhot", "nhot_trong"),
 * and the letter trigrams of each word with its edges ("^nh", "nho", "hot", "ot$"): a typo or a
 * dialect spelling ("nhôtt", "đáng") still shares most of its trigrams with the word it stands for.
 * Clauses said laughing are left out.
 */
export function dangerFeatures(tokens: readonly Token[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    // A clause said laughing ("sếp dọa giết em =)))") is not read: the rules take it as said for effect.
    if (t.j) continue;
    out.push(t.f);
    const next = tokens[i + 1];
    if (next && next.c === t.c) out.push(`${t.f}_${next.f}`);
    const padded = `^${t.f}$`;
    if (t.f.length >= MIN_GRAM_WORD) for (let k = 0; k + 3 <= padded.length; k++) out.push(`#${padded.slice(k, k + 3)}`);
  }
  return out;
}
/** Shorter words ("bi", "em") are their own feature already. */
const MIN_GRAM_WORD = 3;

export const dangerModelSchema = z.strictObject({
  /** How the model was made, so a reader of the file (and the staleness test) knows. */
  trainedOn: z.strictObject({ files: z.array(z.string()), lines: z.number().int().positive(), danger: z.number().int().positive(), calm: z.number().int().positive() }),
  config: z.strictObject({ smoothingFactor: z.number().min(0).max(1), considerOnlyPresence: z.boolean() }),
  /** A message is flagged when its log2 odds of danger are above this. */
  threshold: z.number(),
  /** The cross-validation that chose the threshold: held-out-file figures at that threshold. */
  crossValidation: z.strictObject({
    falseAlarmBudget: z.number(),
    folds: z.number().int().positive(),
    classifierRecall: z.number(),
    classifierFalseAlarmRate: z.number(),
    combinedFalseAlarmRate: z.number(),
  }),
  /** The classifier's own export (wink's exportJSON, parsed). */
  weights: z.array(z.unknown()).length(5),
});
export type DangerModel = z.infer<typeof dangerModelSchema>;

export interface DangerClassifier {
  /** log2 odds that the message is about danger now (0 when no word is known). */
  score(tokens: readonly Token[]): number;
  /** Whether the odds are above the model's threshold. */
  flags(tokens: readonly Token[]): boolean;
  readonly threshold: number;
}

export function createDangerClassifier(model: DangerModel): DangerClassifier {
  const nb = winkNaiveBayes();
  nb.importJSON(JSON.stringify(model.weights));
  nb.consolidate();
  const score = (tokens: readonly Token[]) => {
    if (tokens.length === 0) return 0;
    return nb.computeOdds(dangerFeatures(tokens)).find(([label]) => label === DANGER_LABEL)?.[1] ?? 0;
  };
  return { score, flags: (tokens) => score(tokens) > model.threshold, threshold: model.threshold };
}

export const DANGER_MODEL_URL = new URL('./danger-model.json', import.meta.url);

let shipped: DangerClassifier | undefined;

/** The shipped model, read and checked once; a broken file stops start-up with what is wrong. */
export function shippedDangerClassifier(): DangerClassifier {
  if (!shipped) {
    const parsed = dangerModelSchema.safeParse(JSON.parse(readFileSync(DANGER_MODEL_URL, 'utf8')));
    if (!parsed.success) throw new Error(`src/core/nlu/danger-model.json: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')} (run npm run nlu:train)`);
    shipped = createDangerClassifier(parsed.data);
  }
  return shipped;
}
