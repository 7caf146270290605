// Most interface strings are text with `{{name}}` holes. Filling those through i18next costs a key
// resolution, option merging and a regex pass per call (~13 µs); a fill compiled once per key costs a
// fraction of that. Only what provably gives i18next's own output takes this path: a non-empty
// string, holes that are bare names (no nesting, no `{{- x}}`, no formats), variables that are not
// i18next options, and every hole given a value. Anything else returns undefined and goes to i18next.

/** i18next reads these from the options object `t` receives; a variable of that name changes its lookup. */
const I18NEXT_OPTIONS = new Set([
  'appendNamespaceToCIMode', 'applyPostProcessor', 'context', 'count', 'fallbackLng', 'interpolation',
  'joinArrays', 'keySeparator', 'lng', 'lngs', 'missingInterpolationHandler', 'missingKeyNoValueFallbackToKey',
  'nest', 'ns', 'nsSeparator', 'ordinal', 'postProcess', 'replace', 'returnDetails', 'returnObjects',
  'skipInterpolation',
]);

const HOLE = /\{\{(.+?)\}\}/g;
const BARE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type Vars = Record<string, unknown>;
/** Literal text at even indexes, a variable's name at odd ones. */
type Parts = readonly string[];

export type PlainFill = (key: string, vars: Vars | undefined) => string | undefined;

/** Parts of a string i18next would fill by plain substitution, or undefined when it would do more. */
export function compilePlain(text: unknown): Parts | undefined {
  if (typeof text !== 'string' || text === '' || text.includes('$t(')) return undefined;
  const parts: string[] = [];
  let last = 0;
  for (const m of text.matchAll(HOLE)) {
    if (!BARE_NAME.test(m[1]!)) return undefined;
    parts.push(text.slice(last, m.index), m[1]!);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  return parts;
}

/** One locale's fills: dotted leaf key → parts. Keys i18next would split on its namespace separator are left out. */
export function compileTree(tree: Record<string, unknown>, prefix = '', out = new Map<string, Parts>()): Map<string, Parts> {
  for (const [k, v] of Object.entries(tree)) {
    const key = `${prefix}${k}`;
    if (v !== null && typeof v === 'object') compileTree(v as Record<string, unknown>, `${key}.`, out);
    else if (!key.includes(':')) {
      const parts = compilePlain(v);
      if (parts) out.set(key, parts);
    }
  }
  return out;
}

export function plainFill(compiled: ReadonlyMap<string, Parts>, defaults: Vars): PlainFill {
  return (key, vars) => {
    const parts = compiled.get(key);
    if (!parts) return undefined;
    if (parts.length === 1) return vars && !usable(vars) ? undefined : parts[0];
    if (vars && !usable(vars)) return undefined;
    let out = parts[0]!;
    for (let i = 1; i < parts.length; i += 2) {
      const name = parts[i]!;
      // i18next merges `{...defaults, ...vars}` and looks in the defaults again when the merged value is undefined.
      let value = vars !== undefined && Object.hasOwn(vars, name) ? vars[name] : undefined;
      if (value === undefined && Object.hasOwn(defaults, name)) value = defaults[name];
      // A missing or null value takes i18next's own rules (kept hole, empty string).
      if (value === undefined || value === null) return undefined;
      out += (typeof value === 'string' ? value : String(value)) + parts[i + 1]!;
    }
    return out;
  };
}

function usable(vars: Vars): boolean {
  for (const k in vars) if (I18NEXT_OPTIONS.has(k) || k.startsWith('defaultValue')) return false;
  return true;
}
