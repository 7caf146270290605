// The knowledge base as the responder reads it: an article as text with its source line and, when
// it is not verified, the line that says so; hotlines for a country, emergency numbers first.
import { articlesFor, formatLine, formatSource, hotlinesFor, type Content } from './content/index.ts';
import type { ContentView } from './respond.ts';
import type { Translate } from './translate.ts';

export function createContentView(content: Content, t: Translate): ContentView {
  return {
    article(id, locale, country) {
      const [article] = articlesFor(content, [id], country);
      if (!article) return undefined;
      const parts = [article.answer[locale], formatSource(article, locale)];
      if (!article.verified) parts.push(t(locale, 'content.unverified'));
      return parts.join('\n');
    },

    hotlines(locale, scope, country) {
      const book = hotlinesFor(content, country);
      const sections =
        scope === 'emergency'
          ? ([['emergency', book.emergency], ['mission', book.mission], ['global', book.global]] as const)
          : ([['emergency', book.emergency], ['mission', book.mission], ['labour', book.labour], ['global', book.global]] as const);
      const out: string[] = [];
      for (const [name, lines] of sections) {
        if (lines.length === 0) continue;
        out.push(`${t(locale, `hotlines.${name}`)}:\n${lines.map((l) => formatLine(l, locale)).join('\n')}`);
      }
      if (country && book.mission.length === 0) out.push(t(locale, 'hotlines.none'));
      return out.join('\n\n');
    },

    countryName(code, locale) {
      return content.countries.find((c) => c.code === code)?.name[locale];
    },
  };
}
