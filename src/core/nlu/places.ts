// Where the user is: a country (ISO code) and maybe a city, from the aliases in
// content/countries.yaml, matched on whole words of the analysed message. Many aliases are also
// everyday Vietnamese once the marks are gone ("het han" is "hết hạn", not Korea; "dai su quan" is
// an embassy, not Taiwan; "van lam" is "vẫn làm"), so those count only after a word that places
// something ("ở", "bên", "sang", "tại", "đi") and not before a word that makes them a different
// word. When several countries are named, the one the user is *in* wins ("ở Nhật", "in Japan"),
// and Viet Nam only when the user says they are there — "về Việt Nam" is where they want to go.
import type { Country } from '../content/index.ts';
import type { Locale } from '../messages.ts';
import { foldDiacritics } from './fold.ts';
import { EN_WORDS, isVietnameseSyllable, VI_CHAT } from './language.ts';
import { analyze, isChatAbbreviation, typedTokens } from './normalize.ts';
import { PatternIndex, type Token } from './pattern.ts';
import { KNOWN_WORDS, VI_COMMON } from './vocabulary.ts';

interface Alias {
  country: string;
  city?: string;
  /** Folded words of the alias. */
  words: string[];
  /** Also an everyday word when typed without marks: needs a place word before it. */
  ambiguous: boolean;
  /** Ambiguous even with marks ("Đức" is a name, "Pháp" is law, "Anh" is a pronoun). */
  alwaysAmbiguous: boolean;
}

/**
 * A word the NLU knows as an everyday word. A foreign name the danger rules mention ("lừa sang
 * campuchia/myanmar") is known to the rules but is no everyday word: "biên giới Campuchia" is a place.
 */
const everyday = (w: string) => KNOWN_WORDS.has(w) && (isVietnameseSyllable(w) || VI_COMMON.has(w) || VI_CHAT.has(w) || EN_WORDS.has(w));

/** Everyday phrases that are also place names once the marks are gone. */
const AMBIGUOUS_PHRASES = new Set(['ma lai', 'ba lan', 'van lam', 'nam dau', 'co long', 'trong nuoc', 'que nha', 'dai han', 'nam han', 'gia nghia', 'dai nam', 'tan bac', 'thai lan', 'ma cao', 'dai dong', 'to ao', 'su ao']);
/** Single-syllable names that stay ambiguous with marks. */
const ALWAYS_AMBIGUOUS = new Set(['duc', 'phap', 'sec', 'tiep', 'my', 'nga', 'cam', 'sing', 'lao', 'trung', 'anh']);
/**
 * Names that are so common as words that only a word of being or going there places them: "anh"
 * (England) is a pronoun after "người", "công ty", "đến" ("gửi đến anh"); "ở Anh", "sang Anh" are places.
 */
const ONLY_AFTER: Record<string, ReadonlySet<string>> = { anh: new Set(['o', 'ben', 'sang', 'nuoc', 'tai', 'di', 'in']) };
/** Words after which a name is a place: "ở Nhật", "bên Hàn", "sang Đài", "lao động Nhật", "tts Nhật", "in Japan", "thẻ cư trú Ba Lan". */
const PLACE_WORDS = new Set(['o', 'tai', 'ben', 'sang', 'qua', 'den', 'tu', 'di', 'nuoc', 'xu', 'khu', 'vung', 'phia', 'quan', 'su', 'dong', 'ty', 'hang', 'nguoi', 'visa', 'sinh', 'in', 'at', 'to', 'from', 'toi', 'tru']);
/** Words after a name that make it another word: "đại sứ", "nhất là", "hạn chế", "dài hạn". */
const NOT_AFTER_NAME: Record<string, string[]> = {
  dai: ['su', 'hoc', 'ly', 'dien', 'han', 'gia', 'bieu', 'lo', 'hoi', 'tu', 'ca', 'phong', 'khai', 'dong', 'thang', 'nhan', 'bao'],
  han: ['che', 'muc', 'ngach', 'dinh', 'hop', 'do', 'xi', 'tien', 'gan'],
  nhat: ['la', 'dinh', 'tri', 'tam', 'quan'],
  // "người lao động Nhật Bản" is a worker, not a Laotian.
  lao: ['dong', 'dao', 'xao', 'vao', 'tam', 'luc', 'cong', 'ly'],
  // "anh ấy", "anh trai", "anh em", "anh chị": the pronoun or a brother.
  anh: ['ay', 'ta', 'trai', 'em', 'chi', 'oi', 're', 'ho', 'nuoi', 'ke', 'ca', 'hai', 'ba', 'ut', 'ruot', 'nhe', 'nha', 'a', 'ah'],
};
/** Of those, the words that follow the name's own spelling too ("dài hạn", "đài truyền hình", "hàn xì"). */
const NOT_AFTER_SAME_MARKS: Record<string, string[]> = { dai: ['han', 'truyen', 'phat', 'tho'], han: ['xi', 'gan', 'thiec'], nhat: ['ky'] };
/** Place words that are not places for a name: "quá hạn" (overdue) is not "qua Hàn". */
// "sông Hàn" is Đà Nẵng's river, "tổng đài" a switchboard, "khán đài" a stand, "nghe/mở/bật đài" the radio.
// "cập nhật" is to update, "thường nhật" everyday.
const NOT_BEFORE_NAME: Record<string, string[]> = { han: ['qua', 'het', 'toi', 'den', 'tho', 'nghe', 'song'], dai: ['toi', 'den', 'tong', 'khan', 'nghe', 'mo', 'bat'], nhat: ['cap', 'thuong'] };
/**
 * After a word of being somewhere the name wins over the word it makes: "ở nhat la bao nhieu" is
 * "ở Nhật là…" ("ở nhất là" is not said).
 */
const AFTER_BEING_THERE: Record<string, string[]> = { nhat: ['la', 'ky'] };
const BEING_THERE = new Set(['o', 'tai', 'ben', 'sang', 'qua']);
/** Being in a place, as opposed to going to one. */
const LOCATED = new Set(['o', 'tai', 'ben', 'in', 'at']);
const GOING_HOME = new Set(['ve', 'home', 'lai']);
/** Words before a name that make it someone's nationality, not where the user is. */
const NATIONALITY = new Set(['nguoi']);

export interface Place {
  country?: string;
  city?: string;
  /** Where in the tokens place names were read ([start, end) pairs): they are not what is asked. */
  spans: [number, number][];
}

export interface PlaceIndex {
  /** `text`, when given, is also read for the host country's own words (kumiai, sajang, kafeel). */
  find(tokens: readonly Token[], lang?: Locale, text?: string): Place;
}

export function createPlaces(countries: readonly Country[]): PlaceIndex {
  const entries: [string, Alias][] = [];
  const seen = new Set<string>();
  const add = (text: string, country: string, city?: string) => {
    // Read as a Vietnamese and as an English message would be ("UK" is "ừ" in Vietnamese chat).
    for (const lang of ['vi', 'en'] as const) {
      const tokens = analyze(text, lang).tokens;
      if (tokens.length === 0) continue;
      // "HK" is read as "không" in every Vietnamese message: such a one-word alias cannot name a place there.
      if (tokens.length === 1 && tokens[0]!.r === '' && lang === 'vi' && isChatAbbreviation(text.trim())) continue;
      const words = tokens.map((t) => t.f);
      const phrase = words.join(' ');
      const alwaysAmbiguous = words.length === 1 && ALWAYS_AMBIGUOUS.has(phrase);
      // A foreign name typed as one word is cut into syllables like the message is; cut into two, it
      // may be an everyday word ("Tainan" is "tai nạn", an accident).
      const cutInTwo = !/[\s-]/.test(text.trim()) && words.length === 2 && !isChatAbbreviation(text.trim());
      const ambiguous =
        alwaysAmbiguous ||
        cutInTwo ||
        AMBIGUOUS_PHRASES.has(phrase) ||
        (words.length === 1 && (everyday(phrase) || (isVietnameseSyllable(phrase) && /^[^aeiouy]/.test(phrase))));
      // Typed with marks, an alias must have exactly its own ("năm đầu" is not "Nam Đầu", "mà lại" is
      // not "Ma Lai"); typed without, any alias fits. Marked and unmarked spellings are both listed.
      const source = tokens.map((t) => (t.r ? `=${t.r}` : t.f)).join(' ');
      const key = `${source}|${country}|${city ?? ''}`;
      if (seen.has(key)) continue;
      seen.add(key);
      entries.push([source, { country, ...(city ? { city } : {}), words, ambiguous, alwaysAmbiguous }]);
    }
  };
  for (const c of countries) {
    for (const a of [c.name.vi, c.name.en, ...c.aliases]) add(a, c.code);
    for (const city of c.cities) for (const a of [city.name.vi, city.name.en, ...city.aliases]) add(a, c.code, city.id);
  }
  const index = new PatternIndex(entries);
  // Typed with marks, a word must have its own ("lão bản"); typed without, any spelling fits.
  const hostWords = new PatternIndex(
    countries.flatMap((c) => c.words.map((w) => [typedTokens(w).map((t) => (t.r ? `=${t.r}` : t.f)).join(' '), c.code] as const)),
  );
  // Inside a run typed without spaces ("sajangdanhem…") only a foreign word can be found: a
  // Vietnamese one ("phái cử") would be found across the syllables of other words.
  const runWords = countries.flatMap((c) =>
    c.words
      .map((w) => typedTokens(w).map((t) => t.f))
      .filter((ws) => !ws.every((x) => isVietnameseSyllable(x)) && ws.join('').length >= MIN_RUN_WORD)
      .map((ws) => [ws.join(''), c.code] as const),
  );
  // The host language's own letters, in the order of the file: kana before the characters Japanese
  // shares with Chinese.
  const scripts = countries.flatMap((c) => c.scripts.map((name) => [new RegExp(`\\p{Script=${name}}`, 'u'), c.code] as const));
  // A name capitalised inside a run ("eoDohachukhoa…"): one foreign word of a place, never an
  // everyday one, read where the capital begins it.
  const runNames = entries
    .filter(([, a]) => a.words.length === 1 && !a.ambiguous && a.words[0]!.length >= MIN_RUN_NAME && !isVietnameseSyllable(a.words[0]!))
    .map(([, a]) => [a.words[0]!, a.country] as const);
  const inRun = (text: string): string | undefined => {
    for (const run of typedTokens(text)) {
      if (run.f.length < MIN_RUN) continue;
      for (const [w, code] of runWords) if (run.f.includes(w)) return code;
    }
    for (const word of text.normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
      if (word.length < MIN_RUN) continue;
      for (const m of word.matchAll(/(?<=\p{Ll})\p{Lu}/gu)) {
        const rest = foldDiacritics(word.slice(m.index).toLowerCase());
        const hit = runNames.find(([w]) => rest.startsWith(w));
        if (hit) return hit[1];
      }
    }
    return undefined;
  };

  const named = (tokens: readonly Token[], lang: Locale): Place => {
    const hits: { alias: Alias; start: number; end: number; located: boolean; now: boolean; past: boolean; nationality: boolean }[] = [];
    for (const m of index.scan(tokens)) {
      const alias = m.value;
      const prev = m.start > 0 && tokens[m.start - 1]!.c === tokens[m.start]!.c ? tokens[m.start - 1]!.f : undefined;
      const settled = alias.country === 'VN' && backFor(tokens, m.start, m.end);
      if (alias.ambiguous && !settled && !fitsAsPlace(alias, tokens, m.start, m.end, prev)) continue;
      // In English "my" is "my", not Mỹ: a Vietnamese one-word name counts there only typed with its marks.
      if (lang === 'en' && alias.alwaysAmbiguous && tokens[m.start]!.s === undefined) continue;
      if (alias.country === 'VN' && prev !== undefined && GOING_HOME.has(prev) && !settled) continue;
      hits.push({ alias, start: m.start, end: m.end, located: settled || (prev !== undefined && LOCATED.has(prev)), now: saidNow(tokens, m.start), past: saidBefore(tokens, m.start), nationality: prev !== undefined && NATIONALITY.has(prev) });
    }
    // A name inside a longer one ("Ả Rập" in "Tiểu vương quốc Ả Rập") is the longer one.
    const kept = hits.filter((h) => !hits.some((o) => o !== h && o.start <= h.start && o.end >= h.end && o.end - o.start > h.end - h.start));
    // "ngày xưa chú đi Nga…, giờ con muốn đi Hàn": a place of the past gives way to any other.
    const current = kept.some((h) => !h.past && h.alias.country !== 'VN') ? kept.filter((h) => !h.past) : kept;
    // "bạn trai người Ả Rập bỏ lại gần Al Ain": someone's nationality gives way to a place.
    const abroadAll = current.filter((h) => h.alias.country !== 'VN');
    const abroad = abroadAll.some((h) => !h.nationality) ? abroadAll.filter((h) => !h.nationality) : abroadAll;
    const home = current.filter((h) => h.alias.country === 'VN' && h.located);
    const pool = abroad.length > 0 ? abroad : home;
    // "trước em đi Nhật rồi về, giờ em đi Đài": where they are now, when they say so.
    const chosen = pool.find((h) => h.now && !h.alias.city) ?? pool.find((h) => h.located && !h.alias.city) ?? pool.find((h) => !h.alias.city) ?? pool[0];
    const spans = kept.map((h): [number, number] => [h.start, h.end]);
    if (!chosen) return { spans };
    const country = chosen.alias.country;
    const city = kept.find((h) => h.alias.country === country && h.alias.city)?.alias.city;
    return city ? { country, city, spans } : { country, spans };
  };

  return {
    find(tokens, lang = 'vi', text) {
      const place = named(tokens, lang);
      if (place.country || text === undefined) return place;
      const word = hostWords.scan(typedTokens(text)).next();
      if (!word.done) return { ...place, country: word.value.value };
      const run = inRun(text);
      if (run) return { ...place, country: run };
      const written = scripts.find(([script]) => script.test(text));
      return written ? { ...place, country: written[1] } : place;
    },
  };
}

/** Home for a while already: "về Đà Nẵng được 1 tháng", "đã về Hà Nội" — the user is there now. */
function backFor(tokens: readonly Token[], start: number, end: number): boolean {
  const clause = tokens[start]!.c;
  const at = (i: number) => (i >= 0 && i < tokens.length && tokens[i]!.c === clause ? tokens[i]!.f : undefined);
  if (at(start - 1) !== 've') return false;
  if (['da', 'vua', 'moi'].includes(at(start - 2) ?? '')) return true;
  return at(end) === 'duoc' && /^(\d+|may|vai|mot|hai|ba|nua)$/.test(at(end + 1) ?? '');
}

/** A word typed without spaces this long is a run of several words; a host word found in one this long. */
const MIN_RUN = 14;
const MIN_RUN_WORD = 5;
/** A capitalised name inside a run this long at least ("Doha", "Jeddah"). */
const MIN_RUN_NAME = 4;

/** Words that put what follows in the past, said before it in its sentence: "ngày xưa chú đi Nga". */
const PAST = [['ngay', 'xua'], ['hoi', 'xua'], ['truoc', 'day'], ['hoi', 'truoc'], ['luc', 'truoc'], ['nam', 'ngoai'], ['nam', 'truoc'], ['tung'], ['used', 'to'], ['last', 'year']];
const PAST_REACH = 12;

function saidBefore(tokens: readonly Token[], start: number): boolean {
  const sentence = tokens[start]!.sentence;
  for (let i = start - 1; i >= 0 && start - i <= PAST_REACH && tokens[i]!.sentence === sentence; i--) {
    // "giờ", "now" begin the present again.
    if (NOW.has(tokens[i]!.f)) return false;
    if (PAST.some((p) => p.every((w, j) => tokens[i + j]?.f === w))) return true;
  }
  return false;
}

/** Words that put what follows in the present: "giờ em đi Đài", "hiện đang ở", "now in". */
const NOW = new Set(['gio', 'hien', 'now', 'currently']);
const NOW_REACH = 4;

function saidNow(tokens: readonly Token[], start: number): boolean {
  const clause = tokens[start]!.c;
  for (let i = start - 1; i >= 0 && start - i <= NOW_REACH && tokens[i]!.c === clause; i--) {
    if (NOW.has(tokens[i]!.f) && !(tokens[i]!.f === 'gio' && ['bao', 'may'].includes(tokens[i - 1]?.f ?? ''))) return true;
  }
  return false;
}

function fitsAsPlace(alias: Alias, tokens: readonly Token[], start: number, end: number, prev: string | undefined): boolean {
  const name = alias.words.join(' ');
  const next = end < tokens.length && tokens[end]!.c === tokens[start]!.c ? tokens[end]!.f : undefined;
  const only = ONLY_AFTER[name];
  if (only && (prev === undefined || !only.has(prev))) return false;
  // "in a company" in a Vietnamese message: the "a" spelled out as "anh" is no England.
  if (only && tokens[start]!.r === '') return false;
  // "chủ nhật" is Sunday; "ông chủ Nhật" a Japanese employer.
  if (name === 'nhat' && prev === 'chu') return ['ong', 'ba'].includes(tokens[start - 2]?.f ?? '');
  // Typed with its own marks, most words after it no longer make it another word: "ở Hàn do đột
  // quỵ" (not "hạn"), "ở Nhật là" (not "nhất là"); "dài hạn", "hàn xì" keep their sense.
  const typedWithMarks = tokens.slice(start, end).every((t) => t.s !== undefined || t.r.includes('đ'));
  const notAfter = typedWithMarks ? NOT_AFTER_SAME_MARKS[name] : NOT_AFTER_NAME[name];
  const placed = prev !== undefined && BEING_THERE.has(prev) && next !== undefined && AFTER_BEING_THERE[name]?.includes(next);
  if (next !== undefined && notAfter?.includes(next) && !placed) return false;
  if (prev !== undefined && NOT_BEFORE_NAME[name]?.includes(prev)) return false;
  // "thực tập sinh Nhật" is a trainee in Japan; "sinh nhật" is a birthday, with its marks too.
  if (prev === 'sinh') return ['tap', 'hoc'].includes(tokens[start - 2]?.f ?? '');
  if (typedWithMarks && !alias.alwaysAmbiguous) return true;
  // "ở lại Nhật": staying on there.
  return prev !== undefined && (PLACE_WORDS.has(prev) || (prev === 'lai' && tokens[start - 2]?.f === 'o' && tokens[start - 2]!.c === tokens[start]!.c));
}
