// The understanding's own cost per message, in process (no HTTP, no store): what the engine
// spends on normalising, the danger rules and classifier, the intent and MiniSearch. Measured on
// the dev set's messages and on 280-character ones (a long chat message: the cost grows with
// length), after a warm-up, one message at a time so each sample is one call.
import { readFileSync } from 'node:fs';
import { loadContent } from '../src/core/content/index.ts';
import { parseEvalFile } from '../src/core/nlu/evaluate.ts';
import { createNlu } from '../src/core/nlu/index.ts';
import { pct } from './percentile.ts';

const DEV = new URL('../tests/fixtures/nlu/dev.jsonl', import.meta.url);
const LONG = 280;

export interface NluCost {
  p50Us: number;
  p99Us: number;
  long50Us: number;
  long99Us: number;
  messages: number;
}

/** The dev messages joined into messages of exactly LONG characters. */
function longMessages(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < texts.length; i++) {
    let m = '';
    for (let j = i; [...m].length < LONG; j = (j + 1) % texts.length) m += `${texts[j]}. `;
    out.push([...m].slice(0, LONG).join(''));
  }
  return out;
}

function timesUs(understand: (t: string) => unknown, texts: readonly string[], rounds: number): number[] {
  const samples: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const t of texts) {
      const start = process.hrtime.bigint();
      understand(t);
      samples.push(Number(process.hrtime.bigint() - start) / 1000);
    }
  }
  return samples.sort((a, b) => a - b);
}

export function measureNlu(rounds = 50): NluCost {
  const content = loadContent();
  const nlu = createNlu({ articles: content.articles, countries: content.countries });
  const understand = (t: string) => nlu.understand(t);
  const texts = parseEvalFile(readFileSync(DEV, 'utf8')).map((l) => l.text);
  const long = longMessages(texts);
  timesUs(understand, [...texts, ...long], 20);
  const short = timesUs(understand, texts, rounds);
  const longer = timesUs(understand, long, rounds);
  return { p50Us: pct(short, 50), p99Us: pct(short, 99), long50Us: pct(longer, 50), long99Us: pct(longer, 99), messages: texts.length };
}
