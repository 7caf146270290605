// The compiled fill must give exactly what i18next gives, for every key of every locale and both
// namespaces, or step aside: the reference here is the i18next instance createTranslate sets up, asked directly.
import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../src/core/messages.ts';
import { createI18next, createTranslate, leafKeys, loadResources, type Resources } from '../../src/i18n/index.ts';
import { compilePlain, compileTree, plainFill } from '../../src/i18n/plain-fill.ts';

const DEFAULTS = { retentionDays: 30, registrationRetentionDays: 365, protectionLine: '+00 0000' };

const reference = createI18next;

function holes(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{(.+?)\}\}/g)].map((m) => m[1]!.trim()) : [];
}

function valueAt(tree: Record<string, unknown>, key: string): unknown {
  return key.split('.').reduce<unknown>((o, p) => (o as Record<string, unknown>)[p], tree);
}

/** Sample variables: words with markup and would-be nesting, numbers, zero, booleans, extras, gaps. */
function samples(names: string[]): Array<Record<string, unknown> | undefined> {
  const each = (f: (n: string, i: number) => unknown) => Object.fromEntries(names.map((n, i) => [n, f(n, i)]));
  return [
    undefined,
    {},
    each((n) => `giá trị ${n} <b>&amp;</b> {{x}} $t(menu.prompt)`),
    each((_, i) => i * 7),
    each(() => 0),
    each((_, i) => i % 2 === 0),
    { ...each((n) => n.toUpperCase()), extra: 'x', nested: { a: 1 } },
    each((_, i) => (i === 0 ? undefined : 'v')),
    each((_, i) => (i === 0 ? null : 'v')),
    each(() => ''),
    { ...each((n) => n), count: 2 },
    { ...each((n) => n), context: 'male' },
    { ...each((n) => n), retentionDays: 7 },
    { retentionDays: undefined, protectionLine: null },
  ];
}

describe('plain fill', () => {
  for (const namespace of ['translation', 'console']) {
    it(`gives i18next's output for every ${namespace} key of every locale`, async () => {
      const resources = loadResources(undefined, namespace);
      const ours = await createTranslate({ resources, defaults: DEFAULTS });
      const theirs = await reference(resources, DEFAULTS);
      let compared = 0;
      for (const locale of LOCALES) {
        for (const key of leafKeys(resources[locale])) {
          const names = [...new Set([...holes(valueAt(resources[locale], key)), 'retentionDays'])];
          for (const vars of samples(names)) {
            expect(ours(locale, key, vars), `${locale} ${key} ${JSON.stringify(vars)}`).toBe(theirs.t(key, { lng: locale, ...vars }));
            compared++;
          }
        }
      }
      expect(compared).toBeGreaterThan(100);
    });
  }

  it('compiles every interface string there is today (none needs i18next)', () => {
    for (const namespace of ['translation', 'console']) {
      const resources = loadResources(undefined, namespace);
      for (const locale of LOCALES) expect(compileTree(resources[locale]).size).toBe(leafKeys(resources[locale]).length);
    }
  });

  it('leaves to i18next what it would do more with', () => {
    for (const text of ['', 'a $t(b) c', '{{- raw}}', '{{n, number}}', '{{a.b}}', 42, null]) expect(compilePlain(text)).toBeUndefined();
    expect(compilePlain('a {{x}} b {{y}}')).toEqual(['a ', 'x', ' b ', 'y', '']);
    const fill = plainFill(compileTree({ a: 'hi {{name}}', 'b:c': 'x' }), {});
    expect(fill('a', { name: 'An' })).toBe('hi An');
    expect(fill('a', { name: 'An', count: 1 })).toBeUndefined();
    expect(fill('a', {})).toBeUndefined();
    expect(fill('b:c', undefined)).toBeUndefined();
  });

  it('agrees with i18next on strings that take the other path', async () => {
    const tree = { a: 'x {{- raw}} {{n}}', b: 'y $t(c)', c: 'z', d: 'w {{ spaced }}', e: { f: 'deep {{v}}' } };
    const resources = { vi: tree, en: tree } as Resources;
    const ours = await createTranslate({ resources });
    const theirs = await reference(resources, {});
    for (const key of ['a', 'b', 'c', 'd', 'e.f']) {
      for (const vars of [undefined, { raw: '<r>', n: 1, spaced: 's', v: 'v' }, { v: 'v', count: 3 }]) {
        expect(ours('en', key, vars)).toBe(theirs.t(key, { lng: 'en', ...vars }));
      }
    }
  });
});
