// Questions the rest of the app asks of the knowledge base: which articles, which numbers for a
// country, which mission answers for a place.
import type { Content } from './load.ts';
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
