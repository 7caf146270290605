// Interface strings: i18next over locales/<lng>/translation.json, exposed to the rest of the
// app as a plain Translate function. A missing key is an error here, never a raw key shown to a user.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18n } from 'i18next';
import { LOCALES, type Locale } from '../core/messages.ts';
import type { Translate } from '../core/translate.ts';
import { compileTree, plainFill, type PlainFill } from './plain-fill.ts';

/** The project's locales/ folder, found from this module (src/ under tsx, dist/src/ when built). */
export const LOCALES_DIR = findUp('locales', dirname(fileURLToPath(import.meta.url)));

function findUp(name: string, from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, name, 'vi', 'translation.json'))) return join(dir, name);
    if (dirname(dir) === dir) throw new Error(`no ${name}/ folder above ${from}`);
  }
}

export type Resources = Record<Locale, Record<string, unknown>>;

/** One namespace file per language: `translation` (the bot's strings) or e.g. `console` (staff pages). */
export function loadResources(dir = LOCALES_DIR, namespace = 'translation'): Resources {
  const out = {} as Resources;
  for (const lng of LOCALES) out[lng] = JSON.parse(readFileSync(`${dir}/${lng}/${namespace}.json`, 'utf8')) as Record<string, unknown>;
  return out;
}

export interface TranslateOptions {
  /** Variables every string may use (e.g. the retention period in the privacy line). */
  defaults?: Record<string, string | number>;
  resources?: Resources;
}

/** The i18next instance behind a Translate (the compiled fills are checked against it). */
export async function createI18next(resources: Resources, defaults: Record<string, unknown> = {}): Promise<I18n> {
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'vi',
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: resources[l] }])),
    interpolation: { escapeValue: false, defaultVariables: defaults },
    returnNull: false,
    returnEmptyString: false,
  });
  return instance;
}

export async function createTranslate(opts: TranslateOptions = {}): Promise<Translate> {
  const resources = opts.resources ?? loadResources();
  const instance = await createI18next(resources, opts.defaults);
  const fills = Object.fromEntries(LOCALES.map((l) => [l, plainFill(compileTree(resources[l]), opts.defaults ?? {})])) as Record<Locale, PlainFill>;
  return (locale, key, vars) => {
    const filled = fills[locale]?.(key, vars);
    if (filled !== undefined) return filled;
    if (!instance.exists(key, { lng: locale })) throw new Error(`missing interface string "${key}" for ${locale}`);
    return instance.t(key, { lng: locale, ...vars });
  };
}

/** Every leaf key of a resource tree, dotted ("menu.prompt"). */
export function leafKeys(tree: Record<string, unknown>, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v !== null && typeof v === 'object' ? leafKeys(v as Record<string, unknown>, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}
