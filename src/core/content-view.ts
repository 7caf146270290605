// The knowledge base as the responder reads it: an article as text with its source line (the
// source's own date and the day it was checked, told apart) and, when it is not verified, the line
// that says so; hotlines for a country, emergency numbers first, each number written so that a phone
// makes it tappable, with its source's year and its own marks when unverified or old.
import {
  HOTLINE_REF,
  MISSION_REF,
  PROTECTION_LINE,
  articlesFor,
  hotlineNumber,
  hotlinesFor,
  sourceText,
  urgentLines,
  type Content,
  type Hotline,
} from './content/index.ts';
import type { Locale } from './messages.ts';
import type { Clock } from './ports.ts';
import type { ContentView } from './respond.ts';
import type { Translate } from './translate.ts';

/** A number whose source is older than this is shown with "may have changed". */
const STALE_AFTER_MS = 365 * 24 * 3600_000;

export function createContentView(content: Content, t: Translate, clock: Clock): ContentView {
  const number = hotlineNumber;
  const year = (date: string, locale: Locale) => (date === 'undated' ? t(locale, 'content.undated') : date.slice(0, 4));

  /** The marks a number carries: unverified; its source's year, and "may have changed" past a year (not in the emergency section: police and ambulance numbers are fixed by law). */
  function marks(h: Hotline, locale: Locale, opts: { dated: boolean }): string[] {
    const out: string[] = [];
    if (!h.verified) out.push(t(locale, 'hotlines.unverified'));
    if (!opts.dated) return out;
    const old = h.sourceDate !== 'undated' && clock.now() - Date.parse(`${h.sourceDate}T00:00:00Z`) > STALE_AFTER_MS;
    if (h.sourceDate === 'undated') out.push(t(locale, 'hotlines.undated'));
    else out.push(t(locale, old && h.verified ? 'hotlines.stale' : 'hotlines.dated', { year: h.sourceDate.slice(0, 4) }));
    return out;
  }

  function hotlineLine(h: Hotline, locale: Locale, opts: { dated: boolean; hours?: boolean }): string {
    const all = [...(h.hours && opts.hours !== false ? [h.hours[locale]] : []), ...marks(h, locale, opts)];
    return `• ${h.label[locale]}: ${number(h)}${all.length > 0 ? ` (${all.join('; ')})` : ''}`;
  }

  /** What `{{mission}}` becomes: the user's mission line, or plainly that there is none yet and the 24/7 line. */
  function missionContact(text: string, locale: Locale, country?: string, city?: string): string {
    const protection = content.hotlineById.get(PROTECTION_LINE);
    const protectionInText = text.includes(`{{hotline:${PROTECTION_LINE}}}`);
    const own = country ? hotlinesFor(content, country, city).mission.find((h) => h.verified) : undefined;
    if (own) return `(${number(own)}${marks(own, locale, { dated: false }).map((m) => `, ${m}`).join('')})`;
    if (!protection) return '';
    if (!country) return protectionInText ? '' : `(${t(locale, 'content.missionAny', { number: number(protection) })})`;
    return `(${t(locale, protectionInText ? 'content.missionNone' : 'content.missionNoneCall', { number: number(protection) })})`;
  }

  function withNumbers(text: string, locale: Locale, country?: string, city?: string): string {
    return text
      .replace(MISSION_REF, () => missionContact(text, locale, country, city))
      .replace(HOTLINE_REF, (_m, id: string) => {
        const h = content.hotlineById.get(id);
        if (!h) return '';
        return h.verified ? number(h) : `${number(h)} (${t(locale, 'hotlines.unverified')})`;
      })
      .replace(/ {2,}/g, ' ')
      .replace(/ ([.,:;])/g, '$1');
  }

  return {
    article(id, locale, country, city) {
      const [article] = articlesFor(content, [id]);
      if (!article) return undefined;
      const answer = withNumbers(article.answer[locale], locale, country, city);
      const local = country ? article.byCountry?.[country] : undefined;
      const localText = local ? withNumbers(local[locale], locale, country, city) : undefined;
      const parts = localText === undefined ? [answer] : local?.first ? [localText, answer] : [answer, localText];
      parts.push(
        t(locale, 'content.source', { source: sourceText(article.source, locale), year: year(article.sourceDate, locale), reviewed: formatDate(article.reviewed) }),
      );
      if (!article.verified) parts.push(t(locale, 'content.unverified'));
      return parts.join('\n');
    },

    hotlines(locale, scope, country, city, needs) {
      const book = hotlinesFor(content, country, city);
      // Asked for the line for a need (unpaid wages, a dispute): the country's lines for it come first.
      const forNeed = scope === 'all' && needs?.length ? book.labour.filter((h) => h.needs?.some((n) => needs.includes(n))) : [];
      const rest = book.labour.filter((h) => !forNeed.includes(h));
      // A labour line that takes abuse belongs with the emergency numbers: the country's urgent list says which.
      const urgent = new Set(urgentLines(content, country, city).map((h) => h.id));
      const sections =
        scope === 'emergency'
          ? ([['emergency', book.emergency], ['mission', book.mission], ['labour', book.labour.filter((h) => urgent.has(h.id))], ['global', book.global]] as const)
          : ([['forNeed', forNeed], ['emergency', book.emergency], ['mission', book.mission], ['labour', rest], ['global', book.global]] as const);
      const out: string[] = [];
      for (const [name, lines] of sections) {
        if (lines.length === 0) continue;
        out.push(`${t(locale, `hotlines.${name}`)}:\n${lines.map((l) => hotlineLine(l, locale, { dated: name !== 'emergency' })).join('\n')}`);
      }
      if (country && !book.mission.some((h) => h.verified)) out.push(t(locale, 'hotlines.none'));
      return out.join('\n\n');
    },

    urgent(locale, country, city, kinds) {
      return urgentLines(content, country, city, kinds)
        .map((h) => hotlineLine(h, locale, { dated: false, hours: false }))
        .join('\n');
    },

    countryName(code, locale) {
      return content.countries.find((c) => c.code === code)?.name[locale];
    },
  };
}

/** 2025-10-01 → 01/10/2025 (how dates are written in Vietnam; also readable in English). */
function formatDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
