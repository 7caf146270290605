// Questions the rest of the app asks of the knowledge base: which articles, which numbers for a
// country, which mission answers for a place.
import { PROTECTION_LINE, type Content } from './load.ts';
import type { Locale } from '../messages.ts';
import type { Article, Hotline, Mission } from './schema.ts';

export interface HotlineBook {
  /** The host country's police / ambulance numbers. */
  emergency: Hotline[];
  /** The Vietnamese mission's citizen-protection lines. */
  mission: Hotline[];
  /** The host country's labour and migrant-worker lines. */
  labour: Hotline[];
  /** Lines that work from anywhere (MOFA's 24/7 citizen protection, the anti-trafficking line). */
  global: Hotline[];
}

export function articlesFor(content: Content, ids: readonly string[]): Article[] {
  return ids.flatMap((id) => {
    const a = content.articleById.get(id);
    return a ? [a] : [];
  });
}

/**
 * The numbers for a country. Where the country has several missions and the user's city is known,
 * the lines of the mission that covers that city come first: the one who can actually go there.
 */
export function hotlinesFor(content: Content, country?: string, city?: string): HotlineBook {
  const local = country ? content.hotlines.countries[country] : undefined;
  let mission = local?.mission ?? [];
  const own = country && city ? missionFor(content, country, city) : undefined;
  if (own) mission = [...mission.filter((h) => h.mission === own.id), ...mission.filter((h) => h.mission !== own.id)];
  return {
    emergency: local?.emergency ?? [],
    mission,
    labour: local?.labour ?? [],
    global: content.hotlines.global,
  };
}

/** An article's source as the user reads it: in their language when the file gives both. */
export function sourceText(source: Article['source'], locale: Locale): string {
  return typeof source === 'string' ? source : source[locale];
}

/** The mission for a place: the one that lists the city, else the country's main one, else one that also covers it. */
export function missionFor(content: Content, country: string, city?: string): Mission | undefined {
  const own = content.missions.filter((m) => m.country === country);
  if (city) {
    const byCity = own.find((m) => m.cities.includes(city));
    if (byCity) return byCity;
  }
  return own.find((m) => m.cities.length === 0) ?? own[0] ?? content.missions.find((m) => m.alsoCovers.includes(country));
}

/** At most this many of the country's own lines lead an emergency reply: more would push the rest off one screen. */
const URGENT_MAX = 3;

/**
 * The lines an emergency reply leads with: the country's own for this kind of danger (else its
 * usual ones), then the citizen-protection line of the mission for the user's city, then the 24/7
 * line — each once. The rest of the numbers are one tap away.
 */
export function urgentLines(content: Content, country?: string, city?: string, kinds: readonly string[] = []): Hotline[] {
  const book = country ? content.hotlines.countries[country] : undefined;
  const byKind = kinds.flatMap((k) => book?.urgentByKind[k] ?? []);
  const own = [...new Set([...byKind, ...(book?.urgent ?? [])])].slice(0, URGENT_MAX);
  const mission = hotlinesFor(content, country, city).mission.find((h) => h.verified);
  const ids = [...own, ...(mission ? [mission.id] : []), PROTECTION_LINE];
  return [...new Set(ids)].flatMap((id) => {
    const h = content.hotlineById.get(id);
    return h ? [h] : [];
  });
}

/** The short local numbers (three or four digits): a page can make exactly these tappable where a reply writes them. */
export function shortNumbers(content: Content): string[] {
  const short = [...content.hotlineById.values()].flatMap((h) => (h.local && h.local.replace(/[\s-]/g, '').length <= 5 ? [h.local.replace(/[\s-]/g, '')] : []));
  return [...new Set(short)];
}
