// The knowledge base as the responder reads it: an article as text with its source line (and, when
// it is not verified, the line that says so); hotlines for a country, emergency numbers first, each
// number written so that a phone makes it tappable, with its own marks when unverified or old.
import { HOTLINE_REF, articlesFor, hotlineNumber, hotlinesFor, sourceText, type Content, type Hotline } from './content/index.ts';
import type { Locale } from './messages.ts';
import type { Clock } from './ports.ts';
import type { ContentView } from './respond.ts';
import type { Translate } from './translate.ts';

/** A number whose source is older than this is shown with "check with the mission". */
const STALE_AFTER_MS = 365 * 24 * 3600_000;

export function createContentView(content: Content, t: Translate, clock: Clock): ContentView {
  const number = hotlineNumber;

  function hotlineLine(h: Hotline, locale: Locale): string {
    const marks: string[] = [];
    if (h.hours) marks.push(h.hours[locale]);
    if (!h.verified) marks.push(t(locale, 'hotlines.unverified'));
    const dated = h.sourceDate ?? h.reviewed;
    if (h.verified && clock.now() - Date.parse(`${dated}T00:00:00Z`) > STALE_AFTER_MS) {
      marks.push(t(locale, 'hotlines.stale', { year: dated.slice(0, 4) }));
    }
    return `• ${h.label[locale]}: ${number(h)}${marks.length > 0 ? ` (${marks.join('; ')})` : ''}`;
  }

  function withNumbers(text: string, locale: Locale): string {
    return text.replace(HOTLINE_REF, (_m, id: string) => {
      const h = content.hotlineById.get(id);
      if (!h) return '';
      return h.verified ? number(h) : `${number(h)} (${t(locale, 'hotlines.unverified')})`;
    });
  }

  return {
    article(id, locale, country) {
      const [article] = articlesFor(content, [id]);
      if (!article) return undefined;
      const parts = [withNumbers(article.answer[locale], locale)];
      const local = country ? article.byCountry?.[country] : undefined;
      if (local) parts.push(withNumbers(local[locale], locale));
      parts.push(t(locale, 'content.source', { source: sourceText(article.source, locale), reviewed: formatDate(article.reviewed) }));
      if (!article.verified) parts.push(t(locale, 'content.unverified'));
      return parts.join('\n');
    },

    hotlines(locale, scope, country, city) {
      const book = hotlinesFor(content, country, city);
      const sections =
        scope === 'emergency'
          ? ([['emergency', book.emergency], ['mission', book.mission], ['global', book.global]] as const)
          : ([['emergency', book.emergency], ['mission', book.mission], ['labour', book.labour], ['global', book.global]] as const);
      const out: string[] = [];
      for (const [name, lines] of sections) {
        if (lines.length === 0) continue;
        out.push(`${t(locale, `hotlines.${name}`)}:\n${lines.map((l) => hotlineLine(l, locale)).join('\n')}`);
      }
      if (country && book.mission.length === 0) out.push(t(locale, 'hotlines.none'));
      return out.join('\n\n');
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
