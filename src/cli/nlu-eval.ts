// Measures the understanding layer on a labelled file:
//   npm run -s nlu:eval -- tests/fixtures/nlu/dev.jsonl
// Each line: {"text": "...", "intents": ["acceptable", ...], "country"?: "JP"}. Prints precision and
// recall per intent, the confusions and the lines that missed, and as its LAST line one JSON object
// {"n", "accuracy", "emergencyRecall", "falseEmergencyRate", "countryAccuracy"} where
//   accuracy            = share of lines whose predicted primary intent is among the acceptable ones;
//   emergencyRecall     = over lines whose intents include "emergency": share where a danger kind was found;
//   falseEmergencyRate  = over lines whose intents do not include "emergency": share where one was found;
//   countryAccuracy     = over lines that give a country: share where the predicted country equals it.
// Before it, emergency recall and false alarms per family (the optional "family" of a line; lines
// without one are "unlabelled"), per language, typed with or without marks, and per length.
// A figure over no lines is 1 (0 for the false rate). Exit code 2 for a missing or malformed file.
import { readFileSync } from 'node:fs';
import { loadContent } from '../core/content/index.ts';
import { createNlu } from '../core/nlu/index.ts';
import { evaluate, parseEvalFile, type DangerFigures, type EvalReport } from '../core/nlu/evaluate.ts';

const file = process.argv.slice(2).find((a) => a !== '--');
if (!file) {
  process.stderr.write('usage: npm run -s nlu:eval -- FILE.jsonl\n');
  process.exit(2);
}

let lines;
try {
  lines = parseEvalFile(readFileSync(file, 'utf8'));
} catch (err) {
  process.stderr.write(`${file}: ${(err as Error).message}\n`);
  process.exit(2);
}

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries });
const report = evaluate((t) => nlu.understand(t), lines);
process.stdout.write(format(report));
process.stdout.write(`${JSON.stringify(report.summary)}\n`);

function format(r: EvalReport): string {
  const out: string[] = [];
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  out.push('intent                    precision  recall   predicted  expected');
  for (const [intent, f] of Object.entries(r.perIntent).sort(([a], [b]) => a.localeCompare(b))) {
    out.push(`${intent.padEnd(24)}  ${pct(f.precision)}  ${pct(f.recall)}  ${String(f.predicted).padStart(9)}  ${String(f.expected).padStart(8)}`);
  }
  out.push('', 'danger by slice      emergencies  recall   harmless  false alarms');
  for (const [slice, rows] of Object.entries(r.danger) as [string, Record<string, DangerFigures>][]) {
    out.push(`${slice}:`);
    for (const [name, f] of Object.entries(rows).sort(([a], [b]) => a.localeCompare(b))) {
      const recall = f.emergencies > 0 ? pct(f.recall) : '      -';
      const alarms = f.calm > 0 ? `${pct(f.falseAlarmRate)} (${f.falseAlarms})` : '      -';
      out.push(`  ${name.padEnd(22)}  ${String(f.emergencies).padStart(5)}  ${recall}  ${String(f.calm).padStart(8)}  ${alarms}`);
    }
  }
  out.push('', 'confusions (expected → predicted primary intent):');
  const rows = Object.entries(r.confusions).flatMap(([exp, row]) => Object.entries(row).map(([got, n]) => `  ${exp} → ${got}: ${n}`));
  out.push(...(rows.length > 0 ? rows : ['  none']));
  out.push('', `lines that missed (${r.misses.length}):`);
  for (const m of r.misses) {
    const got = [m.got.intent, m.got.topicIntent && `+${m.got.topicIntent}`, m.got.emergency.length > 0 && `danger:${m.got.emergency.join(',')}`, m.got.country].filter(Boolean).join(' ');
    out.push(`  ${JSON.stringify(m.text)}  expected ${m.expected.join('|')}${m.country ? ` ${m.country}` : ''}${m.family ? ` [${m.family}]` : ''}  got ${got}`);
  }
  out.push('');
  return `${out.join('\n')}\n`;
}
