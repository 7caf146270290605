// Reads content/ once at start-up. Every file is parsed and validated; then the files are checked
// against each other (a dialogue names articles that exist, a mission covers a known country…).
// Any problem stops start-up with the file, the path inside it and what is wrong: a bot that would
// give a wrong number must not start.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import type { z } from 'zod';
import {
  articleFileSchema,
  cannedFileSchema,
  countryFileSchema,
  dialogueFileSchema,
  hotlineFileSchema,
  missionFileSchema,
  slotFileSchema,
  type Article,
  type CannedReply,
  type Country,
  type DialogueFile,
  type Hotline,
  type HotlineFile,
  type Mission,
  type SlotFile,
} from './schema.ts';

export interface Content {
  dir: string;
  articles: Article[];
  articleById: ReadonlyMap<string, Article>;
  countries: Country[];
  missions: Mission[];
  hotlines: HotlineFile;
  hotlineById: ReadonlyMap<string, Hotline>;
  dialogues: ReadonlyMap<string, DialogueFile>;
  canned: CannedReply[];
  /** What messages say about their case and what they ask (slots.yaml); empty without the file. */
  slots: SlotFile;
}

export class ContentError extends Error {
  override name = 'ContentError';
  constructor(readonly problems: string[]) {
    super(`content/ is not valid:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
}

/** The project's content/ folder, found from this module (src/ when run with tsx, dist/src/ when built). */
export function defaultContentDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'content');
    if (existsSync(join(candidate, 'countries.yaml'))) return candidate;
    const up = dirname(dir);
    if (up === dir) throw new ContentError(['no content/ folder with countries.yaml above the application']);
    dir = up;
  }
}

export function loadContent(dir: string = defaultContentDir()): Content {
  const root = resolve(dir);
  const problems: string[] = [];
  const name = (file: string) => relative(root, file) || file;

  function read<S extends z.ZodType>(file: string, schema: S): z.infer<S> | undefined {
    let raw: unknown;
    try {
      raw = parseYaml(readFileSync(file, 'utf8'), { prettyErrors: true });
    } catch (err) {
      problems.push(`${name(file)}: ${err instanceof Error ? err.message.split('\n')[0] : String(err)}`);
      return undefined;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${name(file)} at ${pathOf(issue.path, raw)}: ${issue.message}`);
      return undefined;
    }
    return parsed.data;
  }

  function yamlFiles(sub: string): string[] {
    const folder = join(root, sub);
    if (!existsSync(folder)) {
      problems.push(`${sub}/: folder missing`);
      return [];
    }
    return readdirSync(folder)
      .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
      .sort()
      .map((f) => join(folder, f));
  }

  const countriesFile = read(join(root, 'countries.yaml'), countryFileSchema);
  const countries = countriesFile ?? [];
  const missionsFile = read(join(root, 'missions.yaml'), missionFileSchema);
  const missions = missionsFile ?? [];
  const hotlinesFile = read(join(root, 'hotlines.yaml'), hotlineFileSchema);
  const hotlines = hotlinesFile ?? { global: [], countries: {} };
  // When a file failed, references into it are not checked: the one real problem is not buried under its echoes.
  const checkHotlineRefs = hotlinesFile !== undefined;
  const checkCountryRefs = countriesFile !== undefined;
  const cannedFile = join(root, 'canned.yaml');
  const canned = existsSync(cannedFile) ? (read(cannedFile, cannedFileSchema) ?? []) : [];
  const slotsFile = join(root, 'slots.yaml');
  const slots = existsSync(slotsFile) ? read(slotsFile, slotFileSchema) : {};
  /** `slot=value` pairs an article or a dialogue may name; unchecked when slots.yaml itself failed. */
  const knownSlot = (slot: string, value: string) => slots === undefined || slots[slot]?.[value] !== undefined;

  const articles: Article[] = [];
  const articleFile = new Map<string, string>();
  let articlesOk = true;
  for (const file of yamlFiles('articles')) {
    const list = read(file, articleFileSchema);
    if (!list) articlesOk = false;
    for (const a of list ?? []) {
      const seen = articleFile.get(a.id);
      if (seen) problems.push(`${name(file)}: article "${a.id}" is also in ${seen}`);
      articleFile.set(a.id, name(file));
      articles.push(a);
    }
  }
  const articleById = new Map(articles.map((a) => [a.id, a]));

  const dialogues = new Map<string, DialogueFile>();
  for (const file of yamlFiles('dialogues')) {
    const d = read(file, dialogueFileSchema);
    if (!d) continue;
    if (dialogues.has(d.id)) problems.push(`${name(file)}: a second dialogue for topic "${d.id}"`);
    dialogues.set(d.id, d);
    problems.push(...checkDialogue(d, articlesOk ? articleById : undefined).map((p) => `${name(file)}: ${p}`));
    for (const [node, n] of Object.entries(d.nodes)) {
      for (const o of n.options ?? []) {
        for (const w of o.when ?? []) {
          const [slot = '', value = ''] = w.split('=');
          if (!knownSlot(slot, value)) problems.push(`${name(file)}: node "${node}" option "${o.id}" is taken when ${w}, which slots.yaml does not define`);
        }
      }
    }
  }

  const countryCodes = new Set(countries.map((c) => c.code));
  const cityIds = new Map(countries.map((c) => [c.code, new Set(c.cities.map((x) => x.id))]));
  const missionIds = new Set(missions.map((m) => m.id));
  unique(countries.map((c) => c.code), 'countries.yaml: country', problems);
  unique(missions.map((m) => m.id), 'missions.yaml: mission', problems);
  for (const m of missions) {
    for (const code of [m.country, ...m.alsoCovers]) {
      if (checkCountryRefs && !countryCodes.has(code)) problems.push(`missions.yaml: mission "${m.id}" covers ${code}, which countries.yaml does not list`);
    }
    for (const city of m.cities) {
      if (checkCountryRefs && !cityIds.get(m.country)?.has(city)) problems.push(`missions.yaml: mission "${m.id}" names city "${city}", unknown in ${m.country}`);
    }
  }

  const allHotlines: Hotline[] = [...hotlines.global, ...Object.values(hotlines.countries).flatMap((c) => [...c.emergency, ...c.mission, ...c.labour])];
  unique(allHotlines.map((h) => h.id), 'hotlines.yaml: hotline', problems);
  const hotlineById = new Map(allHotlines.map((h) => [h.id, h]));
  for (const code of Object.keys(hotlines.countries)) {
    if (checkCountryRefs && !countryCodes.has(code)) problems.push(`hotlines.yaml: countries.${code} is not in countries.yaml`);
  }
  for (const [code, book] of Object.entries(hotlines.countries)) {
    const own = new Set([...book.emergency, ...book.mission, ...book.labour].map((h) => h.id));
    for (const [kind, ids] of [['', book.urgent], ...Object.entries(book.urgentByKind)] as const) {
      for (const id of ids) if (!own.has(id)) problems.push(`hotlines.yaml: countries.${code}.${kind ? `urgentByKind.${kind}` : 'urgent'} names "${id}", which is not one of ${code}'s lines`);
    }
  }
  if (checkHotlineRefs && !hotlineById.has(PROTECTION_LINE)) problems.push(`hotlines.yaml: the 24/7 line "${PROTECTION_LINE}" is missing; answers without a local number fall back on it`);
  for (const h of allHotlines) {
    if (missionsFile && h.mission && !missionIds.has(h.mission)) problems.push(`hotlines.yaml: hotline "${h.id}" names mission "${h.mission}", which missions.yaml does not list`);
  }

  for (const a of articles) {
    const texts = [a.answer.vi, a.answer.en, ...Object.values(a.byCountry ?? {}).flatMap((l) => [l.vi, l.en])];
    const refs = new Set(texts.flatMap((t) => [...t.matchAll(HOTLINE_REF)].map((m) => m[1]!)));
    for (const ref of refs) {
      if (checkHotlineRefs && !hotlineById.has(ref)) problems.push(`${articleFile.get(a.id)}: article "${a.id}" refers to hotline "${ref}", which hotlines.yaml does not list`);
    }
    for (const [slot, values] of Object.entries(a.tags ?? {})) {
      for (const v of values) if (!knownSlot(slot, v)) problems.push(`${articleFile.get(a.id)}: article "${a.id}" is tagged ${slot}: ${v}, which slots.yaml does not define`);
    }
    for (const code of Object.keys(a.byCountry ?? {})) {
      if (checkCountryRefs && !countryCodes.has(code)) problems.push(`${articleFile.get(a.id)}: article "${a.id}" has lines for ${code}, which countries.yaml does not list`);
    }
  }

  // Canned replies are plain text for staff to edit, so their numbers are written in when loaded:
  // the same numbers as everywhere else, from hotlines.yaml.
  const cannedWithNumbers = canned.map((c, i) => {
    const fill = (text: string, lang: string) =>
      text.replace(HOTLINE_REF, (_m, ref: string) => {
        const h = hotlineById.get(ref);
        if (!h) {
          if (checkHotlineRefs) problems.push(`canned.yaml at [${i}].text.${lang} (id: ${c.id}): refers to hotline "${ref}", which hotlines.yaml does not list`);
          return '';
        }
        return hotlineNumber(h);
      });
    return { ...c, text: { vi: fill(c.text.vi, 'vi'), en: fill(c.text.en, 'en') } };
  });
  unique(canned.map((c) => c.id), 'canned.yaml: reply', problems);

  if (problems.length > 0) throw new ContentError(problems);
  return { dir: root, articles, articleById, countries, missions, hotlines, hotlineById, dialogues, canned: cannedWithNumbers, slots: slots ?? {} };
}

/** `{{hotline:ID}}` inside an answer: the number comes from hotlines.yaml, so it is written once. */
export const HOTLINE_REF = /\{\{hotline:([a-z0-9-]+)\}\}/g;

/** `{{mission}}` inside an answer: the citizen-protection line of the user's own mission, filled in per country when shown. */
export const MISSION_REF = /\{\{mission\}\}/g;

/** The 24/7 line every answer can fall back on where a country has no verified number of its own. */
export const PROTECTION_LINE = 'mofa-citizen-protection';

/** How a hotline is written in text: E.164 or the local digits, no spaces (bare digits are what chat apps make tappable). */
export function hotlineNumber(h: Hotline): string {
  return [h.phone, h.local?.replace(/\s/g, ''), h.email].filter(Boolean).join(' · ');
}

/** Every `next` leads to a node, every answer names an article, and every node can be reached. */
function checkDialogue(d: DialogueFile, articles: ReadonlyMap<string, Article> | undefined): string[] {
  const out: string[] = [];
  if (!d.nodes[d.start]) out.push(`start node "${d.start}" does not exist`);
  const reached = new Set<string>();
  const walk = [d.start];
  while (walk.length > 0) {
    const id = walk.pop()!;
    if (reached.has(id) || !d.nodes[id]) continue;
    reached.add(id);
    for (const o of d.nodes[id].options ?? []) walk.push(o.next);
  }
  for (const [id, node] of Object.entries(d.nodes)) {
    for (const o of node.options ?? []) if (!d.nodes[o.next]) out.push(`nodes.${id}: option "${o.id}" leads to "${o.next}", which does not exist`);
    // A typed label selects a choice, so two labels that read the same without diacritics would be ambiguous.
    const ids = new Set<string>();
    for (const lang of ['vi', 'en'] as const) {
      const seen = new Map<string, string>();
      for (const o of node.options ?? []) {
        const folded = foldLabel(o.label[lang]);
        const other = seen.get(folded);
        if (other) out.push(`nodes.${id}: options "${other}" and "${o.id}" have the same ${lang} label`);
        seen.set(folded, o.id);
      }
    }
    for (const o of node.options ?? []) {
      if (ids.has(o.id)) out.push(`nodes.${id}: option id "${o.id}" appears twice`);
      ids.add(o.id);
    }
    for (const a of node.answer ?? []) if (articles && !articles.has(a)) out.push(`nodes.${id}: answer names article "${a}", which no articles/*.yaml defines`);
    if (!reached.has(id)) out.push(`nodes.${id}: no option leads here`);
  }
  return out;
}

function foldLabel(label: string): string {
  return label
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function unique(ids: string[], what: string, problems: string[]): void {
  const seen = new Set<string>();
  for (const id of ids) {
    if (seen.has(id)) problems.push(`${what} "${id}" appears twice`);
    seen.add(id);
  }
}

/** A zod issue path as a person reads it in the YAML: `[3].answer.vi (id: deposit-refund)`. */
function pathOf(path: readonly PropertyKey[], raw: unknown): string {
  if (path.length === 0) return '(top)';
  let text = '';
  for (const p of path) text += typeof p === 'number' ? `[${p}]` : `${text ? '.' : ''}${String(p)}`;
  const first = path[0];
  if (typeof first === 'number' && Array.isArray(raw)) {
    const id = (raw[first] as { id?: unknown } | undefined)?.id;
    if (typeof id === 'string') text += ` (id: ${id})`;
  }
  return text;
}
