// Training the danger classifier (./danger-classifier.ts) from labelled messages, and choosing its
// threshold by cross-validation. Used by `npm run nlu:train`, which writes ./danger-model.json, and by
// the test that checks the shipped model is what the labelled files and today's normaliser give.
//
// The folds are the files (a long file cut in parts), not random lines: each file is one voice, and
// the question is how the classifier does on a voice it has not read. The threshold is the lowest
// log-odds at which rules OR classifier flag at most `falseAlarmBudget` of the ordinary messages of
// the held-out folds: the project allows 3% false emergencies, and the rules alone already spend some
// of it on a new voice.
import winkNaiveBayes from 'wink-naive-bayes-text-classifier';
import { CALM_LABEL, DANGER_LABEL, dangerFeatures, type DangerModel } from './danger-classifier.ts';
import { detectDanger } from './danger.ts';
import { parseEvalFile } from './evaluate.ts';
import { analyze } from './normalize.ts';

export interface LabelledMessage {
  text: string;
  danger: boolean;
  /** The cross-validation fold: the file it came from (or a part of a long file). */
  fold: string;
}

export interface TrainingOptions {
  smoothingFactor: number;
  considerOnlyPresence: boolean;
  falseAlarmBudget: number;
  /** Thresholds tried, in log2 odds, lowest first. */
  gridFrom: number;
  gridTo: number;
  gridStep: number;
}

export const TRAINING: TrainingOptions = {
  smoothingFactor: 0.01,
  considerOnlyPresence: true,
  falseAlarmBudget: 0.01,
  gridFrom: 0,
  gridTo: 80,
  gridStep: 0.25,
};

/** A file longer than this is cut into folds of about this size, in order. */
const MAX_FOLD = 250;

/** The model from labelled files (JSONL as `nlu:eval` reads them), each file a fold or a few. */
export function trainFromFiles(files: readonly { name: string; text: string }[], options = TRAINING): DangerModel {
  const messages: LabelledMessage[] = [];
  for (const file of files) {
    const lines = parseEvalFile(file.text);
    const parts = Math.ceil(lines.length / MAX_FOLD);
    lines.forEach((l, i) => messages.push({ text: l.text, danger: l.intents.includes('emergency'), fold: `${file.name}#${Math.floor((i * parts) / lines.length)}` }));
  }
  return trainDangerModel(messages, files.map((f) => f.name), options);
}

export function trainDangerModel(messages: readonly LabelledMessage[], files: readonly string[], options = TRAINING): DangerModel {
  // The same message in two files would sit on both sides of a fold.
  const seen = new Set<string>();
  const unique = messages.filter((m) => (seen.has(m.text) ? false : (seen.add(m.text), true)));
  const rows = unique.map((m) => {
    const a = analyze(m.text);
    return { ...m, features: dangerFeatures(a.tokens), rules: detectDanger(a.tokens, a.lang).length > 0 };
  });
  const fit = (train: typeof rows) => {
    const nb = winkNaiveBayes();
    nb.defineConfig({ smoothingFactor: options.smoothingFactor, considerOnlyPresence: options.considerOnlyPresence });
    for (const r of train) nb.learn(r.features, r.danger ? DANGER_LABEL : CALM_LABEL);
    nb.consolidate();
    return nb;
  };
  const folds = [...new Set(rows.map((r) => r.fold))];
  const outOfFold = new Map<(typeof rows)[number], number>();
  for (const fold of folds) {
    const nb = fit(rows.filter((r) => r.fold !== fold));
    for (const r of rows) if (r.fold === fold) outOfFold.set(r, nb.computeOdds(r.features).find(([l]) => l === DANGER_LABEL)?.[1] ?? 0);
  }
  const danger = rows.filter((r) => r.danger);
  const calm = rows.filter((r) => !r.danger);
  const at = (t: number) => ({
    classifierRecall: round(danger.filter((r) => outOfFold.get(r)! > t).length / danger.length),
    classifierFalseAlarmRate: round(calm.filter((r) => outOfFold.get(r)! > t).length / calm.length),
    combinedFalseAlarmRate: round(calm.filter((r) => r.rules || outOfFold.get(r)! > t).length / calm.length),
  });
  let threshold = options.gridTo;
  for (let t = options.gridFrom; t <= options.gridTo; t += options.gridStep) {
    if (at(t).combinedFalseAlarmRate <= options.falseAlarmBudget) {
      threshold = t;
      break;
    }
  }
  const nb = fit(rows);
  return {
    trainedOn: { files: [...files], lines: rows.length, danger: danger.length, calm: calm.length },
    config: { smoothingFactor: options.smoothingFactor, considerOnlyPresence: options.considerOnlyPresence },
    threshold,
    crossValidation: { falseAlarmBudget: options.falseAlarmBudget, folds: folds.length, ...at(threshold) },
    weights: JSON.parse(nb.exportJSON()) as unknown[],
  };
}

function round(n: number): number {
  return Math.round(n * 10_000) / 10_000;
}
