// Interface strings: i18next over locales/<lng>/translation.json, exposed to the rest of the
// app as a plain Translate function. A missing key is an error here, never a raw key shown to a user.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import i18next from 'i18next';
import { LOCALES, type Locale } from '../core/messages.ts';
import type { Translate } from '../core/translate.ts';

export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

export type Resources = Record<Locale, Record<string, unknown>>;

export function loadResources(dir = LOCALES_DIR): Resources {
  const out = {} as Resources;
  for (const lng of LOCALES) out[lng] = JSON.parse(readFileSync(`${dir}/${lng}/translation.json`, 'utf8')) as Record<string, unknown>;
  return out;
}

export interface TranslateOptions {
  /** Variables every string may use (e.g. the retention period in the privacy line). */
  defaults?: Record<string, string | number>;
  resources?: Resources;
}

export async function createTranslate(opts: TranslateOptions = {}): Promise<Translate> {
  const resources = opts.resources ?? loadResources();
  const instance = i18next.createInstance();
  await instance.init({
    lng: 'vi',
    fallbackLng: false,
    supportedLngs: [...LOCALES],
    resources: Object.fromEntries(LOCALES.map((l) => [l, { translation: resources[l] }])),
    interpolation: { escapeValue: false, defaultVariables: opts.defaults ?? {} },
    returnNull: false,
    returnEmptyString: false,
  });
  return (locale, key, vars) => {
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
