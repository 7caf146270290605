// The best article for a question, with MiniSearch over each article's questions and title, on
// normalised text (so "thanh ly hd" finds "thủ tục thanh lý hợp đồng"). Terms are content words and
// the pairs they form ("thanh_ly", "hop_dong", "ky_quy"): in Vietnamese the pair carries the
// meaning far more than either syllable. Long English words also match by prefix and with a typo.
//
// An article is returned only when it really fits: most of the question's content words are in one
// of the article's questions, most of that question's words are in the message, and the match
// clears a score floor. Anything less returns no article, so the flow asks instead of answering
// with something unrelated (see tests/core/nlu/retrieval.test.ts for the calibration).
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Article } from '../content/index.ts';
import type { Locale } from '../messages.ts';
import { EN_WORDS, SHARED } from './language.ts';
import { analyze, type Analysis } from './normalize.ts';

/**
 * Words that carry no topic, per language (Vietnamese "no" is nợ, "do" is đó, "to" is tờ). "rồi"
 * stays: "về nước rồi" (back home already) is not "về nước" (going home).
 */
const STOPWORDS: Record<Locale, Set<string>> = {
  vi: new Set(
    `toi em anh chi minh ban admin oi a ah nhe nha vay thi la ma va voi cua cho hoi xin duoc khong co gi nao sao the nhu
    lam can phai de den se da bi nay do kia ay day u nua cung moi rat qua gium giup luon thoi chua vui long on cam
    nhung cac mot nhieu it ai dau hay hoac neu khi ta ho chung tui tao ong ba chu tu o tai trong len xuong ra vao cai
    chiec vang uh ok gio bay hom`.split(/\s+/),
  ),
  en: new Set(
    `i me my mine you your we our us they them their he she it its is am are was were be been being do does did to of in on
    at for with from by about as an a the and or but if so than then there here this that these those what when where which
    who whom why how can could would should will shall may might must have has had not no yes please just any some get got
    im dont want need know tell ok hi hello`.split(/\s+/),
  ),
};

export interface Retrieved {
  id: string;
  score: number;
  /** How closely the best question matches (0..1): the share of both sides' telling words. */
  quality: number;
}

export interface Retriever {
  /** The articles whose questions fit an analysed message; searched once, then asked per topic. */
  search(analysis: Analysis): Candidates;
  /** The best article for a text among `topic`'s articles (or all), or undefined if none fits. */
  best(text: string, topic?: string): Retrieved | undefined;
}

export interface Candidates {
  best(topic?: string): Retrieved | undefined;
  /** Every fitting article (its closest question), of `topic` or all. */
  all(topic?: string): Retrieved[];
  /** The search score of every article among the results weighed, fitting or not: a tie-breaker for tags. */
  looseScore(article: string): number;
}

/** Thresholds found by the calibration tests: raise them before lowering them. */
export const RETRIEVAL = {
  /** Share of the message's content words found in the article's question. */
  minQueryCoverage: 0.6,
  /** Share of the article question's content words found in the message. */
  minDocCoverage: 0.5,
  /** Content words (not pairs) that must match. */
  minMatchedWords: 2,
  /** Both shares multiplied: the question as a whole must be close, not just half of each side. */
  minQuality: 0.5,
  /** MiniSearch score floor. */
  minScore: 4,
};

/** A message's first words are what it asks; beyond this many content words, the rest is ignored. */
const MAX_QUERY_WORDS = 40;

interface Doc {
  id: string;
  article: string;
  topic: string;
  /** Content words, space-separated (already normalised: the tokenizer only splits and pairs). */
  text: string;
  title: string;
  words: string[];
}

/**
 * A message mixes languages ("how do I get a giay thong hanh", "em muốn hỏi về deposit"): the other
 * language's stopwords go too, unless they are also words of this one (Vietnamese "no" is nợ).
 */
const DROPPED: Record<Locale, Set<string>> = {
  vi: new Set([...STOPWORDS.vi, ...[...STOPWORDS.en].filter((w) => !SHARED.has(w))]),
  en: new Set([...STOPWORDS.en, ...[...STOPWORDS.vi].filter((w) => !SHARED.has(w) && !EN_WORDS.has(w))]),
};

/** The words of a text that say what it is about, normalised, in order. */
export function contentWords(text: string | Analysis, lang?: Locale): string[] {
  const a = typeof text === 'string' ? analyze(text, lang) : text;
  return a.tokens.map((t) => t.f).filter((w) => !DROPPED[a.lang].has(w));
}

/** Index terms: the content words and each pair of neighbours ("thanh_ly"). */
function terms(words: readonly string[]): string[] {
  const pairs: string[] = [];
  for (let i = 0; i + 1 < words.length; i++) pairs.push(`${words[i]}_${words[i + 1]}`);
  return [...words, ...pairs];
}

export function createRetriever(articles: readonly Article[]): Retriever {
  const index = new MiniSearch<Doc>({
    fields: ['text', 'title'],
    storeFields: ['article', 'topic', 'words'],
    tokenize: (s) => terms(s.split(' ').filter(Boolean)),
    processTerm: (t) => t,
    searchOptions: {
      boost: { text: 2, title: 1 },
      combineWith: 'OR',
      // Vietnamese syllables are short and differ by one letter ("ve"/"vn"): only long single words
      // (English, mostly) are matched with a typo; pairs must match exactly.
      fuzzy: (term) => (term.length >= 7 && !term.includes('_') ? 0.15 : false),
      prefix: (term) => !term.includes('_') && term.length >= 6,
      weights: { fuzzy: 0.5, prefix: 0.4 },
    },
  });
  const docs: Doc[] = [];
  for (const a of articles) {
    const title = `${contentWords(a.title.vi, 'vi').join(' ')} ${contentWords(a.title.en, 'en').join(' ')}`;
    const questions = [...a.questions.vi.map((q) => [q, 'vi'] as const), ...a.questions.en.map((q) => [q, 'en'] as const)];
    questions.forEach(([q, lang], i) => {
      const words = contentWords(q, lang);
      if (words.length > 0) docs.push({ id: `${a.id}#${i}`, article: a.id, topic: a.topic, text: words.join(' '), title, words });
    });
  }
  index.addAll(docs);
  // How telling a word is: rare in the questions → telling; never seen → the most telling of all,
  // so a message about something the articles never mention cannot be "covered" by its filler words.
  const df = new Map<string, number>();
  for (const d of docs) for (const w of new Set(d.words)) df.set(w, (df.get(w) ?? 0) + 1);
  const idf = (w: string) => Math.log(1 + docs.length / (1 + (df.get(w) ?? 0)));

  /** How many results are weighed: the closest question is rarely below the first few. */
  const CONSIDERED = 30;

  function search(analysis: Analysis): Candidates {
    const words = [...new Set(contentWords(analysis))].slice(0, MAX_QUERY_WORDS);
    if (words.length === 0) return { best: () => undefined, all: () => [], looseScore: () => 0 };
    const fitting: { r: Retrieved; topic: string }[] = [];
    const loose = new Map<string, number>();
    for (const r of index.search(words.join(' ')).slice(0, CONSIDERED)) {
      loose.set(r.article as string, Math.max(loose.get(r.article as string) ?? 0, r.score));
      const quality = fit(r, words, idf);
      if (quality !== undefined) fitting.push({ r: { id: r.article as string, score: round(r.score), quality: round(quality) }, topic: r.topic as string });
    }
    return {
      // The closest question wins (most of both sides matched), then the higher score.
      best(topic) {
        let best: Retrieved | undefined;
        for (const { r, topic: t } of fitting) {
          if (topic && t !== topic) continue;
          if (!best || r.quality > best.quality || (r.quality === best.quality && r.score > best.score)) best = r;
        }
        return best;
      },
      all(topic) {
        const byArticle = new Map<string, Retrieved>();
        for (const { r, topic: t } of fitting) {
          if (topic && t !== topic) continue;
          const seen = byArticle.get(r.id);
          if (!seen || r.quality > seen.quality) byArticle.set(r.id, r);
        }
        return [...byArticle.values()];
      },
      looseScore: (article) => round(loose.get(article) ?? 0),
    };
  }

  return { search, best: (text, topic) => search(analyze(text)).best(topic) };
}

/** How closely a result's question matches the message (0..1), or undefined when it does not fit. */
function fit(r: SearchResult, words: readonly string[], idf: (w: string) => number): number | undefined {
  if (r.score < RETRIEVAL.minScore) return undefined;
  const docWords = [...new Set(r.words as string[])];
  // Terms of the question that matched (exactly, by prefix or with a typo) and the query words they answer.
  const inQuestion = new Set(Object.entries(r.match).filter(([t, fields]) => fields.includes('text') && !t.includes('_')).map(([t]) => t));
  const matchedQuery = new Set(r.queryTerms.filter((t) => !t.includes('_') && words.includes(t)));
  if (matchedQuery.size < Math.min(RETRIEVAL.minMatchedWords, words.length)) return undefined;
  const weight = (ws: Iterable<string>) => [...ws].reduce((sum, w) => sum + idf(w), 0);
  const queryCoverage = weight(matchedQuery) / weight(words);
  const docCoverage = Math.min(1, weight(docWords.filter((w) => inQuestion.has(w))) / Math.max(1e-9, weight(docWords)));
  if (queryCoverage < RETRIEVAL.minQueryCoverage || docCoverage < RETRIEVAL.minDocCoverage) return undefined;
  const quality = queryCoverage * docCoverage;
  return quality >= RETRIEVAL.minQuality ? quality : undefined;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
