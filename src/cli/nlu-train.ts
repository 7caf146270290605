// Trains the danger classifier on the labelled files and writes src/core/nlu/danger-model.json:
//   npm run nlu:train
// Every tests/fixtures/nlu/*.jsonl is read; a file is one cross-validation fold (train.jsonl, much
// longer than the others, is cut in five). Prints the cross-validation figures.
// A new batch written to measure the NLU is measured (`npm run -s nlu:eval -- FILE`) BEFORE this is
// run with it in the folder: once trained on, its figures no longer say how a new voice fares.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DANGER_MODEL_URL } from '../core/nlu/danger-classifier.ts';
import { trainFromFiles } from '../core/nlu/danger-training.ts';

const dir = 'tests/fixtures/nlu';
const files = readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort();
const model = trainFromFiles(files.map((name) => ({ name, text: readFileSync(join(dir, name), 'utf8') })));
writeFileSync(DANGER_MODEL_URL, `${JSON.stringify(model)}\n`);
process.stdout.write(`${JSON.stringify({ trainedOn: model.trainedOn, threshold: model.threshold, crossValidation: model.crossValidation })}\n`);
