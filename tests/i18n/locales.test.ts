// Every string a user can see comes from locales/, in both languages. A key a flow or the engine
// can ask for that is missing in either language fails here, not in front of a user.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOPICS } from '../../src/core/effects.ts';
import { LOCALES, UNSUPPORTED_KINDS } from '../../src/core/messages.ts';
import { createTranslate, leafKeys, loadResources } from '../../src/i18n/index.ts';

const resources = loadResources();

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Keys written literally in code: `key: 'a.b'` and `t(locale, 'a.b'` / `translate(…, 'a.b'`. */
function literalKeys(): string[] {
  const keys = new Set<string>();
  for (const f of [...sourceFiles('flows'), ...sourceFiles('src')]) {
    const src = readFileSync(f, 'utf8');
    for (const m of src.matchAll(/\bkey:\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) keys.add(m[1]!);
    for (const m of src.matchAll(/\b(?:t|translate)\(\s*\w+,\s*'([a-zA-Z]+(?:\.[a-zA-Z_]+)+)'/g)) keys.add(m[1]!);
  }
  return [...keys];
}

/** Keys built at run time from a closed list. */
const dynamicKeys = [
  ...UNSUPPORTED_KINDS.map((k) => `unsupported.${k}`),
  ...['image', 'audio', 'video', 'file'].map((k) => `media.offer.${k}`),
  ...TOPICS.map((t) => `menu.${t}`),
  // The platform command menus (Telegram's setMyCommands) describe these.
  ...['start', 'menu', 'help', 'staff', 'language', 'delete'].map((c) => `commands.${c}`),
  ...['title', 'placeholder', 'send', 'offline', 'slowDown'].map((k) => `web.${k}`),
  ...['emergency', 'mission', 'labour', 'global'].map((k) => `hotlines.${k}`),
];

describe('locales', () => {
  it('vi and en have exactly the same keys', () => {
    expect(leafKeys(resources.en).sort()).toEqual(leafKeys(resources.vi).sort());
  });

  it('has every key the code can ask for, in every language', () => {
    const wanted = [...literalKeys(), ...dynamicKeys];
    expect(wanted.length).toBeGreaterThan(40);
    for (const lng of LOCALES) {
      const have = new Set(leafKeys(resources[lng]));
      expect(wanted.filter((k) => !have.has(k)), lng).toEqual([]);
    }
  });

  it('has no empty string', () => {
    for (const lng of LOCALES) {
      const flat = leafKeys(resources[lng]).filter((k) => {
        const v = k.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], resources[lng]);
        return typeof v !== 'string' || v.trim() === '';
      });
      expect(flat, lng).toEqual([]);
    }
  });

  it('refuses a missing key instead of showing it to a user', async () => {
    const t = await createTranslate();
    expect(() => t('vi', 'no.such.key')).toThrow(/missing interface string/);
    const broken = await createTranslate({ resources: { vi: { a: 'x' }, en: {} } });
    expect(() => broken('en', 'a')).toThrow(/"a" for en/);
  });

  it('fills the retention period into the privacy line', async () => {
    const t = await createTranslate({ defaults: { retentionDays: 30 } });
    expect(t('vi', 'welcome.text')).toContain('30 ngày');
    expect(t('en', 'welcome.text')).toContain('30 days');
  });
});
