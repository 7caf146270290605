import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { PROCESS_TIMEOUT_MS } from '../helpers/processes.ts';

function chat(args: string[], input: string) {
  const res = spawnSync('npx', ['tsx', 'src/cli/chat.ts', ...args], { input, encoding: 'utf8', timeout: PROCESS_TIMEOUT_MS });
  expect(res.status, res.stderr).toBe(0);
  return res.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; choices: { id: string; label: string }[] });
}

describe('npm run chat -- --json', () => {
  it('skips the welcome questions with --country and --lang, and reaches a topic answer by digits', () => {
    const out = chat(['--json', '--country', 'TW', '--lang', 'vi'], '1\n1\n');
    expect(out[0]!.text).toMatch(/Xin chào/);
    expect(out[0]!.choices.map((c) => c.id)).toContain('topic_contract_liquidation');
    expect(out.length).toBe(3);
    expect(out.every((m) => typeof m.text === 'string' && Array.isArray(m.choices))).toBe(true);
    expect(out[2]!.text).toMatch(/Nguồn|Source/);
  });

  it('asks the language and country without them, and answers a typed question', () => {
    const out = chat(['--json'], '2\nJapan\nemergency number in japan\n');
    expect(out[0]!.choices.map((c) => c.id)).toEqual(['lang_vi', 'lang_en']);
    expect(out[1]!.text).toMatch(/Which country/);
    expect(out[2]!.choices.length).toBeGreaterThan(3);
    expect(out[3]!.text).toContain('110');
  });
});

describe('npm run chat (interactive)', () => {
  it('shows a prompt and what was typed before each answer', () => {
    const res = spawnSync('npx', ['tsx', 'src/cli/chat.ts', '--country', 'JP', '--lang', 'vi'], { input: 'thu tuc thanh ly hd\n', encoding: 'utf8', timeout: PROCESS_TIMEOUT_MS });
    expect(res.status, res.stderr).toBe(0);
    const asked = res.stdout.indexOf('> thu tuc thanh ly hd\n');
    expect(asked).toBeGreaterThan(res.stdout.indexOf('1. Thanh lý hợp đồng'));
    expect(res.stdout.slice(asked)).toMatch(/Nguồn/);
  });
});
