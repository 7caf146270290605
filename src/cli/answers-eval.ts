// Measures whether the bot answers what was asked, on a file of cases:
//   npm run -s answers:eval -- tests/fixtures/answers/dev.jsonl
// Each line: {"say": ["..."], "country"?: "JP", "lang"?: "vi", "expect": {"article"?: [ids],
// "digits"?: ["..."], "words"?: ["a|b"]}} (the checks are described in src/cli/answers.ts). Prints
// each case that missed and what it lacked, and as its LAST line one JSON object
// {"n", "answered", "rate"}. Exit code 2 for a missing or malformed file.
import { readFileSync } from 'node:fs';
import { createContentView } from '../core/content-view.ts';
import { systemClock } from '../core/ports.ts';
import { MemoryStore } from '../store/memory.ts';
import { buildEngine } from '../server.ts';
import { parseAnswerFile, runAnswerCases, type AnswerCase } from './answers.ts';

const file = process.argv.slice(2).find((a) => a !== '--');
if (!file) {
  process.stderr.write('usage: npm run -s answers:eval -- FILE.jsonl\n');
  process.exit(2);
}

let cases: AnswerCase[];
try {
  cases = parseAnswerFile(readFileSync(file, 'utf8'));
} catch (err) {
  process.stderr.write(`${file}: ${(err as Error).message}\n`);
  process.exit(2);
}

// Its own memory store: measuring never touches a configured Redis or its conversations.
const engine = await buildEngine({ env: { ...process.env, LOG_LEVEL: 'silent', REDIS_URL: undefined }, store: new MemoryStore(systemClock) });
const view = createContentView(engine.content, engine.translate, systemClock);
const report = await runAnswerCases(engine, view, cases);
await engine.close();
for (const r of report.results) {
  if (r.missing.length === 0) continue;
  process.stdout.write(`MISSED ${JSON.stringify(r.case.say)}${r.case.country ? ` (${r.case.country})` : ''}: ${r.missing.join(', ')}\n`);
  process.stdout.write(`  first reply: ${JSON.stringify((r.replies[0] ?? '').slice(0, 160))}\n`);
}
process.stdout.write(`${JSON.stringify(report.summary)}\n`);
