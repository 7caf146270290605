// The console's strings (locales/<lang>/console.json): the same keys in Vietnamese and English,
// none empty, and every key the console's code asks for present in both.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS } from '../../src/console/audit.ts';
import { actionKey } from '../../src/console/pages/audit.ts';
import { LANGUAGE_NAME } from '../../src/console/router.ts';
import { LOCALES } from '../../src/core/messages.ts';
import { HANDOFF_STATUSES, STAFF_ROLES } from '../../src/handoff/model.ts';
import { leafKeys, loadResources } from '../../src/i18n/index.ts';

const resources = loadResources(undefined, 'console');
const HANDOFF_ERROR_CODES = ['not_found', 'not_assigned_to_you', 'closed', 'unknown_mission', 'already_assigned', 'window_closed'];

function literalKeys(): string[] {
  const keys = new Set<string>();
  const dir = 'src/console';
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((x) => x.endsWith('.ts'))) {
    const src = readFileSync(join(dir, f), 'utf8');
    for (const m of src.matchAll(/\bt\(\s*'([a-zA-Z]+(?:\.[a-zA-Z_-]+)+)'/g)) keys.add(m[1]!);
    for (const m of src.matchAll(/\b(?:key|fail\(\d+),\s*'([a-zA-Z]+(?:\.[a-zA-Z_-]+)+)'/g)) keys.add(m[1]!);
    for (const m of src.matchAll(/\blabelKey: '([a-zA-Z]+(?:\.[a-zA-Z_-]+)+)'/g)) keys.add(m[1]!);
    for (const m of src.matchAll(/AccountError\('([a-zA-Z]+(?:\.[a-zA-Z_-]+)+)'/g)) keys.add(m[1]!);
    for (const m of src.matchAll(/return '((?:password|staff\.errors)\.[a-zA-Z_]+)'/g)) keys.add(m[1]!);
  }
  return [...keys];
}

const dynamicKeys = [
  ...STAFF_ROLES.map((r) => `roles.${r}`),
  ...HANDOFF_STATUSES.map((s) => `status.${s}`),
  ...HANDOFF_STATUSES.map((s) => `events.${s}`),
  ...['raised', 'transferred', 'offered', 'cancelled'].map((e) => `events.${e}`),
  ...AUDIT_ACTIONS.map(actionKey),
  ...HANDOFF_ERROR_CODES.flatMap((c) => [`flash.${c}`, `handoffErrors.${c}`]),
  ...['user', 'bot', 'agent'].map((f) => `chat.from.${f}`),
  ...['name', 'role', 'missions'].map((f) => `staff.errors.bad_${f}`),
  ...LOCALES.map((l) => `languages.${l}`),
  LANGUAGE_NAME,
];

describe('console strings', () => {
  it('vi and en have exactly the same keys, none empty', () => {
    expect(leafKeys(resources.en).sort()).toEqual(leafKeys(resources.vi).sort());
    for (const lng of LOCALES) {
      const empty = leafKeys(resources[lng]).filter((k) => {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], resources[lng]);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(empty, lng).toEqual([]);
    }
  });

  it('has every key the console asks for, in both languages', () => {
    const wanted = [...literalKeys(), ...dynamicKeys];
    expect(wanted.length).toBeGreaterThan(150);
    for (const lng of LOCALES) {
      const have = new Set(leafKeys(resources[lng]));
      expect(wanted.filter((k) => !have.has(k)), lng).toEqual([]);
    }
  });
});
