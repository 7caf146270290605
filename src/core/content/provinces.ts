// Viet Nam's provincial-level units (content/provinces.yaml) and how a typed name finds one: with or
// without diacritics, by a short form, or by the name of a former province that the 2025
// reorganisation merged into a current one ("Hà Giang" → Tuyên Quang, keeping "Hà Giang" for staff).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { defaultContentDir } from './load.ts';
import { isoDateSchema } from './schema.ts';

const nonEmpty = z.string().trim().min(1);

const formerSchema = z.strictObject({ name: nonEmpty, aliases: z.array(nonEmpty).default([]) });

export const provinceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  name: nonEmpty,
  kind: z.enum(['province', 'city']),
  aliases: z.array(nonEmpty).default([]),
  /** Former provincial units merged into this one (Resolution 202/2025/QH15). */
  former: z.array(formerSchema).default([]),
});
export type Province = z.infer<typeof provinceSchema>;

export const provinceFileSchema = z.strictObject({
  source: nonEmpty,
  sourceDate: isoDateSchema.optional(),
  reviewed: isoDateSchema,
  verified: z.boolean(),
  provinces: z.array(provinceSchema).min(1),
});
export type ProvinceFile = z.infer<typeof provinceFileSchema>;

export class ProvinceFileError extends Error {
  override name = 'ProvinceFileError';
}

/** Reads and checks content/provinces.yaml: ids unique, and every name or alias leads to one unit only. */
export function loadProvinces(dir: string = defaultContentDir()): ProvinceFile {
  const file = join(dir, 'provinces.yaml');
  if (!existsSync(file)) throw new ProvinceFileError(`provinces.yaml: missing in ${dir}`);
  const parsed = provinceFileSchema.safeParse(parseYaml(readFileSync(file, 'utf8')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `provinces.yaml at ${i.path.join('.') || '(top)'}: ${i.message}`);
    throw new ProvinceFileError(lines.join('\n'));
  }
  const problems = checkProvinces(parsed.data.provinces);
  if (problems.length > 0) throw new ProvinceFileError(problems.map((p) => `provinces.yaml: ${p}`).join('\n'));
  return parsed.data;
}

export function checkProvinces(list: readonly Province[]): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owner = new Map<string, string>();
  for (const p of list) {
    if (ids.has(p.id)) problems.push(`province "${p.id}" appears twice`);
    ids.add(p.id);
    for (const { key } of keysOf(p)) {
      const seen = owner.get(key);
      if (seen !== undefined && seen !== p.id) problems.push(`"${key}" names both "${seen}" and "${p.id}"`);
      owner.set(key, p.id);
    }
  }
  return problems;
}

/** A match: the current unit, and the former unit's name when the user named that one. */
export interface ProvinceMatch {
  id: string;
  former?: string;
}

export type ProvinceLookup = { kind: 'one'; match: ProvinceMatch } | { kind: 'some'; matches: ProvinceMatch[] } | { kind: 'none' };

/** At most this many "did you mean" suggestions: they become buttons. */
const MAX_SUGGESTIONS = 5;

export interface ProvinceIndex {
  readonly list: readonly Province[];
  get(id: string): Province | undefined;
  find(text: string): ProvinceLookup;
}

export function createProvinceIndex(list: readonly Province[]): ProvinceIndex {
  const byId = new Map(list.map((p) => [p.id, p]));
  const entries = list.flatMap((p) => keysOf(p).map((k) => ({ ...k, id: p.id })));
  const exact = new Map(entries.map((e) => [e.key, e]));
  // "nghean", "hanoi": the same names typed without their spaces.
  const compact = new Map(entries.map((e) => [e.key.replace(/ /g, ''), e]));

  const toMatch = (e: { id: string; former?: string }): ProvinceMatch => (e.former ? { id: e.id, former: e.former } : { id: e.id });
  const distinct = (found: { id: string; former?: string }[]): ProvinceMatch[] => {
    const seen = new Set<string>();
    const out: ProvinceMatch[] = [];
    for (const e of found) {
      const k = `${e.id}|${e.former ?? ''}`;
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(toMatch(e));
    }
    return out;
  };

  return {
    list,
    get: (id) => byId.get(id),
    find(text) {
      const q = cleanQuery(text);
      if (q.length === 0) return { kind: 'none' };
      const hit = exact.get(q) ?? compact.get(q.replace(/ /g, ''));
      if (hit) return { kind: 'one', match: toMatch(hit) };

      // A name inside a sentence: "que em o nghe an".
      const inside = entries.filter((e) => e.key.length >= 4 && ` ${q} `.includes(` ${e.key} `)).sort((a, b) => b.key.length - a.key.length);
      const insideUnits = distinct(inside);
      if (insideUnits.length === 1) return { kind: 'one', match: insideUnits[0]! };
      if (insideUnits.length > 1) return { kind: 'some', matches: insideUnits.slice(0, MAX_SUGGESTIONS) };

      // The start of a name ("quang") or a typo ("nghe ann"): suggestions, never a silent guess.
      const prefix = q.length >= 3 ? entries.filter((e) => e.key.startsWith(q)) : [];
      const near = entries
        .map((e) => ({ e, d: distance(q.replace(/ /g, ''), e.key.replace(/ /g, '')) }))
        .filter(({ e, d }) => d <= (e.key.length > 6 ? 2 : 1))
        .sort((a, b) => a.d - b.d)
        .map(({ e }) => e);
      const suggestions = distinct([...prefix, ...near]);
      if (suggestions.length > 0) return { kind: 'some', matches: suggestions.slice(0, MAX_SUGGESTIONS) };
      return { kind: 'none' };
    },
  };
}

/** Folds a name for matching: "Bà Rịa – Vũng Tàu" → "ba ria vung tau". */
export function foldName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Words around a province name in an answer: "tỉnh", "TP", "quê em ở", "(cũ)". */
// Not "nha" (Nha Trang) nor "thanh" alone (Thanh Hóa).
const LEADING = /^(?:(?:que|quan|em|toi|minh|anh|chi|o|tai|la|tinh|tp|thanh pho|province|city|of|my|home|hometown|is|in)\s+)+/;
const TRAILING = /(?:\s+(?:cu|moi|province|city|a|nhe|nha))+$/;

function cleanQuery(text: string): string {
  return foldName(text).replace(LEADING, '').replace(TRAILING, '').trim();
}

function keysOf(p: Province): { key: string; former?: string }[] {
  const own = [p.name, ...p.aliases].map((n) => ({ key: foldName(n) }));
  const former = p.former.flatMap((f) => [f.name, ...f.aliases].map((n) => ({ key: foldName(n), former: f.name })));
  return [...own, ...former].filter((k) => k.key.length > 0);
}

/** Levenshtein distance, for typos in a short name. */
function distance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[b.length]!;
}
