// Trains the danger classifier on the labelled files and writes src/core/nlu/danger-model.json:
//   npm run nlu:train
// Every tests/fixtures/nlu/*.jsonl is read except the unseen-* batches, which are kept to measure
// the rules and the classifier on voices neither has read. A file is one cross-validation fold
// (train.jsonl, much longer than the others, is cut in five). Prints the cross-validation figures.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DANGER_MODEL_URL } from '../core/nlu/danger-classifier.ts';
import { trainFromFiles } from '../core/nlu/danger-training.ts';

const dir = 'tests/fixtures/nlu';
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl') && !f.startsWith('unseen-')).sort();
const model = trainFromFiles(files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
writeFileSync(DANGER_MODEL_URL, `${JSON.stringify(model)}\n`);
process.stdout.write(`${JSON.stringify({ trainedOn: model.trainedOn, threshold: model.threshold, crossValidation: model.crossValidation })}\n`);
