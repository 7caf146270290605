// The one-way dependency rule of the design, kept by a test rather than by prose:
// channels → core ← flows; store implements core's ports; only the composition root (server.ts,
// main.ts, cli/) sees everything. No exception list.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

function files(dir: string): string[] {
  const abs = join(root, dir);
  try {
    statSync(abs);
  } catch {
    return [];
  }
  return readdirSync(abs, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(dir, f));
}

/** Every module specifier a file imports (static, dynamic, type-only and re-exports). */
function importsOf(file: string): string[] {
  const src = readFileSync(join(root, file), 'utf8');
  const found: string[] = [];
  for (const m of src.matchAll(/(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g)) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

/** A relative import as a project path ("src/core/messages.ts"); a package stays as it is. */
function target(file: string, spec: string): string {
  return spec.startsWith('.') ? relative(root, resolve(join(root, dirname(file)), spec)) : spec;
}

function violations(dir: string, allowed: (t: string, file: string) => boolean): string[] {
  return files(dir).flatMap((f) =>
    importsOf(f)
      .map((s) => target(f, s))
      .filter((t) => !allowed(t, f))
      .map((t) => `${f} imports ${t}`),
  );
}

const isNode = (t: string) => t.startsWith('node:');
const under = (t: string, dir: string) => t === dir || t.startsWith(`${dir}/`);

describe('dependency boundaries', () => {
  it('src/core imports no SDK, no HTTP framework, no Redis, no i18next, and nothing outside src/core', () => {
    const packages = new Set(['zod', 'minisearch', 'yaml', 'wink-naive-bayes-text-classifier', 'lru-cache']);
    expect(violations('src/core', (t) => isNode(t) || packages.has(t) || under(t, 'src/core'))).toEqual([]);
  });

  it('flows import only xstate and src/core: pure dialogue, no I/O', () => {
    expect(violations('flows', (t) => t === 'xstate' || under(t, 'flows') || under(t, 'src/core'))).toEqual([]);
  });

  it('a channel imports src/core, its own folder and platform packages — never another channel, the store or the flows', () => {
    const forbidden = ['src/store', 'src/handoff', 'src/console', 'src/i18n', 'flows', 'src/server.ts', 'src/main.ts', 'redis', 'i18next'];
    const channels = readdirSync(join(root, 'src/channels'));
    for (const ch of channels) {
      const own = `src/channels/${ch}`;
      const bad = violations(own, (t) => {
        if (under(t, own) || under(t, 'src/core')) return true;
        if (under(t, 'src/channels')) return false;
        if (t.startsWith('src/') || t.startsWith('flows')) return false;
        return !forbidden.includes(t);
      });
      expect(bad, ch).toEqual([]);
    }
  });

  it('the stores implement core ports and import nothing else of the app', () => {
    expect(violations('src/store', (t) => isNode(t) || t === 'redis' || under(t, 'src/store') || under(t, 'src/core'))).toEqual([]);
  });

  it('the hand-off desk, the registrations and the statistics build on src/core only', () => {
    for (const dir of ['src/handoff', 'src/registration', 'src/stats']) {
      expect(violations(dir, (t) => isNode(t) || under(t, dir) || under(t, 'src/core')), dir).toEqual([]);
    }
  });

  it('the console drives the hand-off desk, the registrations and the statistics, never a channel, the store or the flows', () => {
    const allowedDirs = ['src/console', 'src/handoff', 'src/registration', 'src/stats', 'src/core'];
    const bad = violations('src/console', (t) => {
      if (allowedDirs.some((d) => under(t, d))) return true;
      if (t.startsWith('src/') || t.startsWith('flows')) return false;
      return !['redis', 'i18next'].includes(t);
    });
    expect(bad).toEqual([]);
  });

  it('nothing but the composition root imports src/server.ts', () => {
    const all = [...files('src'), ...files('flows')].filter((f) => !f.startsWith('src/cli/') && f !== 'src/main.ts');
    const bad = all.flatMap((f) => importsOf(f).map((s) => target(f, s)).filter((t) => t === 'src/server.ts').map((t) => `${f} → ${t}`));
    expect(bad).toEqual([]);
  });

  it('the scanner sees imports (a rule that checks nothing would pass)', () => {
    expect(importsOf('src/server.ts').length).toBeGreaterThan(5);
    expect(files('src/core').length).toBeGreaterThan(5);
  });
});
