// Text as people type it in chat → the words the rest of the NLU reads: NFC, lower case, marks
// folded (đ → d), punctuation gone, letters repeated for emphasis squeezed ("cuuuu" → "cuu",
// "toiii" → "toi"), laughter dropped, and chat abbreviations spelled out ("ko" → "khong",
// "sdt" → "so dien thoai"). Short tokens mean different things in the two languages ("a" is "anh"
// in "a oi cho e hoi" but an article in "a contract"), so they are read per language, and a few
// by their neighbours ("hd" is "hợp đồng" after "thanh ly" but "hướng dẫn" before "em").
import type { Locale } from '../messages.ts';
import { foldDiacritics, hasMarks, markSignature } from './fold.ts';
import { memoize } from './memo.ts';
import { detectLanguage, isSyllableRun, isVietnameseSyllable, MIN_RUN } from './language.ts';
import type { Token } from './pattern.ts';
import { EN_KNOWN, KNOWN_PAIRS, KNOWN_WORDS, VI_COMMON } from './vocabulary.ts';

/** Spelled out in either language: domain abbreviations nobody writes in English sentences. */
const BOTH: Record<string, string> = {
  sdt: 'so dien thoai', sđt: 'so dien thoai', dsq: 'dai su quan', đsq: 'dai su quan', lsq: 'lanh su quan',
  tlsq: 'tong lanh su quan', xkld: 'xuat khau lao dong', xklđ: 'xuat khau lao dong', ldxk: 'lao dong xuat khau',
  tts: 'thuc tap sinh', nld: 'nguoi lao dong', nlđ: 'nguoi lao dong', hdld: 'hop dong lao dong',
  hđlđ: 'hop dong lao dong', tnld: 'tai nan lao dong', tnlđ: 'tai nan lao dong', bhcd: 'bao ho cong dan',
  cty: 'cong ty', dky: 'dang ky', đky: 'dang ky', dki: 'dang ky', đki: 'dang ky', đkí: 'dang ky', dkí: 'dang ky',
  ldnn: 'lao dong ngoai nuoc', bhxh: 'bao hiem xa hoi', bhyt: 'bao hiem y te', cccd: 'can cuoc cong dan',
  cmnd: 'chung minh nhan dan', vpkt: 'van phong kinh te', vn: 'viet nam', hq: 'han quoc', pls: 'please',
  plz: 'please', ntn: 'nhu the nao', hchieu: 'ho chieu', qđ: 'quyet dinh', nđ: 'nghi dinh',
};

/** Vietnamese chat (teencode): only where the message reads as Vietnamese. */
const VI: Record<string, string> = {
  ko: 'khong', k: 'khong', kh: 'khong', khg: 'khong', kg: 'khong', hok: 'khong', hk: 'khong', hem: 'khong',
  k0: 'khong', kô: 'khong', khum: 'khong', hong: 'khong', dc: 'duoc', đc: 'duoc', dk: 'duoc', đk: 'duoc', đươc: 'duoc',
  e: 'em', a: 'anh', c: 'chi', t: 'toi', m: 'minh', mk: 'minh', mik: 'minh', mjk: 'minh', mh: 'minh', b: 'ban',
  bn: 'bao nhieu', bnh: 'bao nhieu', bnhieu: 'bao nhieu', j: 'gi', z: 'vay', v: 'vay', r: 'roi', ns: 'noi', nc: 'nuoc',
  ng: 'nguoi', ngta: 'nguoi ta', lm: 'lam', vs: 'voi', ms: 'moi', cx: 'cung', cg: 'cung', trc: 'truoc',
  bik: 'biet', bit: 'biet', bjk: 'biet', hd: 'hop dong', hđ: 'hop dong', ct: 'cong ty', ad: 'admin', ak: 'ah',
  // The particle (à, ạ) stays "ah": written "a" it would read as the pronoun anh on a second pass.
  ah: 'ah', uk: 'u', uh: 'u', dt: 'dien thoai', đt: 'dien thoai', hc: 'ho chieu', h: 'gio', bh: 'bay gio',
  bjo: 'bay gio', bgio: 'bay gio', hnay: 'hom nay', hqua: 'hom qua', mn: 'moi nguoi', mng: 'moi nguoi',
  ck: 'chong', vk: 'vo', bm: 'bo me', gd: 'gia dinh', gđ: 'gia dinh', qd: 'quyet dinh', tg: 'thoi gian',
  dg: 'dang', đg: 'dang', dag: 'dang', đag: 'dang', ch: 'chua', thik: 'thich', iu: 'yeu', lun: 'luon',
  wa: 'qua', we: 'que', oy: 'roi', ui: 'roi', tl: 'tra loi', nt: 'nhan tin', sv: 'sinh vien', nv: 'nhan vien',
  ql: 'quan ly', tp: 'thanh pho', vc: 'viec', vl: 'viec lam', ok: 'ok', oki: 'ok', oke: 'ok', okie: 'ok',
  ac: 'anh chi', ace: 'anh chi em', ae: 'anh em', tks: 'cam on', thks: 'cam on', thanks: 'cam on', camon: 'cam on',
  // Southern and Central speech as typed: "dìa" = về, "dzậy" = vậy, "mần" = làm, "ổng"/"bả" = ông ấy/bà ấy,
  // "uýnh" = đánh. Only spellings that are not also other words: unmarked "dia" stays (địa, đĩa).
  dìa: 've', dzìa: 've', dzia: 've', zìa: 've', dzậy: 'vay', dzay: 'vay', zậy: 'vay', dzạ: 'da', dzô: 'vao', zô: 'vao',
  // Voice typing hears the speaker's v/d and l/n: "dề nước" = về, "nàm ơn" = làm, "lói" = nói.
  dề: 've', nàm: 'lam', lói: 'noi', lày: 'nay',
  mần: 'lam', rứa: 'vay', ổng: 'ong', bả: 'ba', uýnh: 'danh', uynh: 'danh', quýnh: 'danh', oánh: 'danh', hông: 'khong',
  // Words migrant workers take from their employers' English.
  boss: 'sep', lock: 'khoa', locked: 'khoa', police: 'canh sat',
  // Gen-Z chat spellings.
  bj: 'bi', mún: 'muon', nhìu: 'nhieu', nka: 'nha', nhoa: 'nha', trùi: 'troi', ròi: 'roi', cũm: 'cung', thík: 'thich', zị: 'vay', bít: 'biet',
};

/**
 * Words of the host countries that workers write as they hear them every day (Japanese shachou,
 * kumiai; Korean sajang, hoesa; Gulf kafeel; Malay polis, agensi): read as the Vietnamese (or, in
 * an English message, English) word they stand for, so every rule written for "chủ", "công an",
 * "công ty" applies. Misspellings of "passport" go here too.
 */
const HOST: Record<string, [vi: string, en: string]> = {
  shachou: ['sep', 'boss'], shacho: ['sep', 'boss'], sachou: ['sep', 'boss'], sajang: ['sep', 'boss'], sajangnim: ['sep', 'boss'],
  banjang: ['sep', 'boss'], kafeel: ['chu', 'employer'], kafil: ['chu', 'employer'], arbab: ['chu', 'employer'], majikan: ['chu', 'employer'],
  tantousha: ['quan ly', 'supervisor'], tantou: ['quan ly', 'supervisor'],
  kumiai: ['nghiep doan', 'agency'], kaisha: ['cong ty', 'company'], hoesa: ['cong ty', 'company'], agensi: ['moi gioi', 'agency'],
  nyuukan: ['nhap canh', 'immigration'], nyukan: ['nhap canh', 'immigration'], keisatsu: ['canh sat', 'police'], polis: ['canh sat', 'police'],
  jisshusei: ['thuc tap sinh', 'trainee'], jishusei: ['thuc tap sinh', 'trainee'], kenshusei: ['thuc tap sinh', 'trainee'],
  zangyou: ['tang ca', 'overtime'], zangyo: ['tang ca', 'overtime'], kyuuryou: ['luong', 'salary'], kyuryo: ['luong', 'salary'],
  pasport: ['passport', 'passport'], paspor: ['passport', 'passport'], paspot: ['passport', 'passport'], passpot: ['passport', 'passport'], passpord: ['passport', 'passport'],
};
/** Southern "vô" is "vào" except in the words it forms ("vô lý", "vô ích", "vô cùng"…). */
const VO_COMPOUNDS = new Set(['ly', 'ich', 'cung', 'duyen', 'tinh', 'hieu', 'gia', 'dung', 'tu', 'so', 'danh', 'dich', 'trach', 'luong', 'nhan', 'co', 'han', 'van', 'phep', 'hai', 'dinh', 'tan', 'ngan', 'thuc', 'vong', 'y', 'dao', 'san', 'hinh', 'vi', 'tich', 'ke', 'bo', 'chu']);
/** Words after which unmarked "hong" is the Southern "không" ("hong cho", "hong biet"). */
const HONG_BEFORE = new Set(['cho', 'co', 'biet', 'muon', 'duoc', 'dc', 'chiu', 'tra', 'phai', 'the', 'hieu', 'can', 'ai', 'sao', 'lam', 'di', 've', 'an', 'ngu', 'dam', 'ky', 'nghe', 'thay', 'noi', 'con', 'tin', 'nho', 'nen', 'goi', 'gap', 'song']);

/** English chat and contractions (apostrophes are dropped first: "can't" → "cant"). */
const EN: Record<string, string> = {
  u: 'you', r: 'are', ur: 'your', im: 'i am', ive: 'i have', cant: 'can not', cannot: 'can not', dont: 'do not',
  doesnt: 'does not', didnt: 'did not', wont: 'will not', isnt: 'is not', wasnt: 'was not', arent: 'are not',
  havent: 'have not', hasnt: 'has not', couldnt: 'could not', wouldnt: 'would not', shouldnt: 'should not',
  thx: 'thanks', ty: 'thanks', tks: 'thanks', thks: 'thanks', thanx: 'thanks', k: 'ok', pls: 'please', plz: 'please', govt: 'government',
};

/** Tokens that are laughter or noise, not words. */
const NOISE = /^(?:k{2,}|(?:ha){2,}h?|(?:hi){2,}|(?:he){2,}|(?:ke){2,}|hix+|huhu+|=+|:+)$/;
/** Laughter among the noise (not "hix", "huhu": crying is no joke). */
const LAUGH_WORD = /^(?:k{3,}|(?:ha){2,}h?|(?:hi){2,}|(?:he){2,}|(?:ke){2,}|lol+|lmao+|kaka|hoho)$/;
/**
 * Laughing emoticons and emoji, read before punctuation splits them (":))" would become a clause
 * break). Replaced by a marker word that flags its clause and is then dropped.
 */
const LAUGH_SIGN = /(?:[=:;]+\)+|[=:;x]+d+\b|\^[_.]?\^|[\u{1F602}\u{1F923}\u{1F606}\u{1F605}\u{1F639}\u{1F61D}\u{1F61C}\u{1F643}\u{1F604}\u{1F601}\u{1F92A}])+/gu;
const LAUGH_MARKER = 'xxlaughxx';

const CLAUSE_BREAK = /[.!?;:,\n…\u3002\uff0c\uff01\uff1f]+/u;
/** Breaks that also end a sentence; a "." only before a space or the end ("3.000", "v.v" go on). */
const SENTENCE_END = /[!?\n…\u3002\uff01\uff1f]/u;

export interface Analysis {
  lang: Locale;
  tokens: Token[];
  /** The message asks something (a question mark, or a question word at the end). */
  question: boolean;
}

export function analyze(text: string, given?: Locale): Analysis {
  let lang = given ?? detectLanguage(text);
  const lower = text.normalize('NFC').toLowerCase().replace(/['’`]/g, '').replace(LAUGH_SIGN, ` ${LAUGH_MARKER} `);
  const raw: { w: string; c: number }[] = [];
  const laughing = new Set<number>();
  // The sentence of each clause: what happened in an earlier sentence does not explain this one.
  const sentenceOf: number[] = [0];
  for (const m of lower.matchAll(new RegExp(CLAUSE_BREAK.source, 'gu'))) {
    const after = lower.charAt(m.index + m[0].length);
    const ends = SENTENCE_END.test(m[0]) || (m[0].endsWith('.') && (after === '' || /\s/u.test(after)));
    sentenceOf.push(sentenceOf.at(-1)! + (ends ? 1 : 0));
  }
  lower.split(CLAUSE_BREAK).forEach((clause, c) => {
    let words = 0;
    for (const w of clause.split(/[^\p{L}\p{N}]+/u)) {
      if (!w) continue;
      if (w === LAUGH_MARKER || LAUGH_WORD.test(foldDiacritics(w))) {
        // Laughter on its own after a comma ("giết em luôn, =)))") laughs at the clause before.
        laughing.add(words === 0 && c > 0 ? c - 1 : c);
        laughing.add(c);
        continue;
      }
      words++;
      raw.push({ w, c });
    }
  });
  // One run typed without spaces is not English just because it is no syllable: "bossnhotem…",
  // "cuuemvoi…Kaohsiung" cut into Vietnamese when they do not cut into English.
  if (given === undefined && lang === 'en' && raw.length <= RUN_MESSAGE_WORDS && raw.length > 0) {
    const runs = raw.map((x) => wordInfo(x.w).folded).filter((f) => f.length >= MIN_RUN);
    if (runs.length > 0 && runs.every((f) => !segmentEnglish(f)) && runs.some((f) => segmentRun(f) ?? segmentRunWithNumbers(f))) lang = 'vi';
  }
  const tokens: Token[] = [];
  for (let i = 0; i < raw.length; i++) {
    const { w, c } = raw[i]!;
    const info = wordInfo(w);
    if (nameLikeNoise(w, raw[i + 1])) {
      tokens.push({ f: foldDiacritics(w), r: w, c });
      continue;
    }
    if (info.noise) continue;
    const folded = info.folded;
    const prev = tokens.at(-1)?.f;
    const next = raw[i + 1] ? wordInfo(raw[i + 1]!.w).folded : undefined;
    const expansion = expand(w, folded, lang, prev, next, raw[i + 1]?.c === c);
    // A run is cut only when it is (nearly) the whole message or too long for a name: "Malaysia" and
    // "Ikebukuro" in a sentence cut into syllables too.
    const runnable = raw.length <= RUN_MESSAGE_WORDS || folded.length >= LONG_RUN;
    const run = runnable ? (segmentRun(folded) ?? segmentRunWithNumbers(folded)) : undefined;
    // "pleasehelpmetheytookmyphone": an English sentence without spaces, cut into English words.
    const split = expansion === undefined ? (lang === 'vi' ? (info.split ?? run) : runnable ? segmentEnglish(folded) : undefined) : undefined;
    if (split) {
      for (const f of split) tokens.push({ f, r: '', c });
    } else if (expansion === undefined) {
      // A squeezed word no longer looks like what was typed: match it by its folded form only.
      const token: Token = { f: folded, r: info.asTyped ? w : '', c };
      if (info.sig !== undefined) token.s = info.sig;
      tokens.push(token);
    } else {
      for (const f of expansion.split(' ')) tokens.push({ f, r: '', c });
    }
  }
  for (const t of tokens) {
    if (laughing.has(t.c)) t.j = true;
    if (sentenceOf[t.c]) t.sentence = sentenceOf[t.c]!;
  }
  const question = /\?/.test(text) || /\b(?:khong|chua|ko|k|hok|gi|sao|nao|dau|may|bao nhieu|ntn)\s*$/.test(foldDiacritics(lower.trim()));
  return { lang, tokens, question };
}

/**
 * A laugh-shaped word that is part of a name: "KK park" (the compound by Myawaddy) is not "kk"
 * laughing. Kept only before the word that makes the name.
 */
const NAMES_LIKE_NOISE: Readonly<Record<string, string>> = { kk: 'park' };
function nameLikeNoise(w: string, next: { w: string } | undefined): boolean {
  const rest = NAMES_LIKE_NOISE[foldDiacritics(w)];
  return rest !== undefined && next !== undefined && foldDiacritics(next.w) === rest;
}

interface WordInfo {
  /** Laughter or noise: dropped. */
  noise: boolean;
  /** Folded and squeezed. */
  folded: string;
  /** Folding did not change the letters typed (no emphasis squeezed). */
  asTyped: boolean;
  /** The marks it was typed with, if any. */
  sig?: string;
  /** Two known words typed without a space. */
  split?: [string, string];
}

/** What a word is without its neighbours: the same words come back all the time, so it is kept. */
const WORD_CACHE_SIZE = 20_000;
const wordInfo = memoize((w: string): WordInfo => {
  const plain = foldDiacritics(w);
  const folded = squeeze(plain);
  const info: WordInfo = { noise: NOISE.test(plain) || NOISE.test(folded), folded, asTyped: folded === plain };
  if (info.asTyped && hasMarks(w)) info.sig = markSignature(w);
  const split = splitJoined(folded);
  if (split) info.split = split;
  return info;
}, WORD_CACHE_SIZE);

/** A word the Vietnamese chat reading spells out as something else ("hk" → "không"), so it cannot name anything. */
export function isChatAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return !(w in BOTH) && (w in VI || foldDiacritics(w) in VI);
}

/**
 * The words as typed, folded but not spelled out ("a công" stays "a cong", "kumiai" stays): for
 * names that the chat reading would turn into other words.
 */
export function typedTokens(text: string): Token[] {
  const tokens: Token[] = [];
  text
    .normalize('NFC')
    .toLowerCase()
    .split(CLAUSE_BREAK)
    .forEach((clause, c) => {
      for (const w of clause.split(/[^\p{L}\p{N}]+/u)) {
        if (!w) continue;
        const info = wordInfo(w);
        const token: Token = { f: info.folded, r: info.asTyped ? w : '', c };
        if (info.sig !== undefined) token.s = info.sig;
        tokens.push(token);
      }
    });
  return tokens;
}

export function normalize(text: string): string {
  return analyze(text).tokens.map((t) => t.f).join(' ');
}

function expand(w: string, folded: string, lang: Locale, prev: string | undefined, next: string | undefined, nextInClause: boolean): string | undefined {
  const both = BOTH[w] ?? BOTH[folded];
  if (both) return both;
  const host = HOST[folded];
  if (host) return host[lang === 'en' ? 1 : 0];
  if (lang === 'en') return EN[folded];
  const n = nextInClause ? next : undefined;
  switch (folded) {
    case 'a':
      // "Ả Rập" typed without marks.
      return n === 'rap' ? undefined : 'anh';
    case 'hd':
      if (prev && ['ly', 'het', 'dut', 'pha', 'ky', 'huy', 'theo', 'gia', 'trong', 'cua', 'ban'].includes(prev)) return 'hop dong';
      if (n && ['em', 'e', 'minh', 'mk', 'toi', 't', 'giup', 'gium', 'cach', 'voi', 'vs', 'thu', 'di', 'lam', 'dang', 'dum'].includes(n)) return 'huong dan';
      return 'hop dong';
    case 'dk':
      if (n && ['ve', 'tai', 'o', 'cong', 'chuyen', 'lai', 'online', 'di', 'bay', 'xin', 'ho'].includes(n)) return 'dang ky';
      return 'duoc';
    case 'tl':
      // "thì tl ở đâu", "tl hđ": the contract's liquidation; otherwise "trả lời" (reply).
      if (n && ['hd', 'hđ', 'hop', 'o', 'ở', 'tai', 'xong', 'the', 'nhu'].includes(n)) return 'thanh ly';
      return 'tra loi';
    case 'nc':
      if (n === 'voi' || n === 'vs') return 'noi chuyen';
      return 'nuoc';
    case 'bn':
      if ((prev && ['chao', 'on', 'hi', 'hello', 'alo'].includes(prev)) || (n && ['oi', 'a', 'nhe', 'nha', 'ah'].includes(n))) return 'ban';
      return 'bao nhieu';
    case 'v':
      return n === undefined || ['a', 'ad', 'ah', 'ak', 'nhi', 'nhe', 'nha'].includes(n) ? 'vay' : 'va';
    case 'hong':
      // Southern "hông"/"hổng" = không. Unmarked, "hỏng" (broken) and "hồng" exist too: only at the
      // end of a question or before a verb ("hong cho", "hong biet").
      if (w === 'hông' || (w === 'hổng' && prev !== 'lo')) return 'khong';
      if (w !== 'hong') return undefined;
      return n === undefined || ['a', 'ad', 'ah', 'vay', 'z', 'nhi', 'ta'].includes(n) || HONG_BEFORE.has(n) ? 'khong' : undefined;
    case 'vo':
      return w === 'vô' && !(n && VO_COMPOUNDS.has(n)) ? 'vao' : undefined;
    case 'tui':
      // "tui" is tôi; "túi" (a bag) keeps its marks.
      return w === 'tui' ? 'toi' : undefined;
    case 'rang':
      // Central "răng" = sao ("răng rứa", "mần răng").
      return w === 'răng' && (prev === undefined || ['lam', 'man', 'vi', 'the', 'chu', 'ma'].includes(prev) || n === undefined || ['rua', 'ri', 'khong', 'ko', 'ma', 'cong', 'chu', 'ong', 'ba', 'em', 'anh', 'chi', 'ho', 'no'].includes(n)) ? 'sao' : undefined;
    case 'mo':
      // Central "mô" = đâu, after a verb of place ("đi mô", "ở mô").
      return w === 'mô' && prev !== undefined && ['di', 'o', 've', 'den', 'toi', 'tu', 'lam'].includes(prev) ? 'dau' : undefined;
    case 'we':
    case 'wa':
      return VI[folded];
  }
  const vi = VI[w] ?? VI[folded];
  if (vi) return vi;
  // Teencode letters: "f" for "ph" (fai → phai), "j" for "gi" (jup → giup), "w" for "qu" (wy → quy).
  const swapped = /^f/.test(folded) ? `ph${folded.slice(1)}` : /^j/.test(folded) ? `gi${folded.slice(1)}` : /^w/.test(folded) ? `qu${folded.slice(1)}` : undefined;
  if (swapped && !KNOWN_WORDS.has(folded) && isVietnameseSyllable(swapped)) return swapped;
  return undefined;
}

/** Two words typed without a space ("thanhly", "hopdong") when they form a phrase the NLU knows. */
function splitJoined(w: string): [string, string] | undefined {
  if (w.length < 4 || KNOWN_WORDS.has(w) || !/^[a-z]+$/.test(w)) return undefined;
  for (let i = 1; i < w.length; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (KNOWN_PAIRS.has(`${a} ${b}`)) return [a, b];
  }
  return undefined;
}

/** A message of this many words or fewer may be a sentence typed without spaces… */
const RUN_MESSAGE_WORDS = 3;
/** …and a word this long is one wherever it is. */
const LONG_RUN = 14;
/** Of the syllables a run is cut into, at least this share must be words the NLU knows. */
const MIN_KNOWN_SHARE = 0.75;
/**
 * A run may hold one piece that is no syllable — a city or a name ("…nhàchủởJeddahcứutôivới") —
 * of this many letters, when the run is at least `MIN_RUN_WITH_NAME` long.
 */
const NAME_PIECE = [4, 12] as const;
const MIN_RUN_WITH_NAME = 16;

/**
 * A sentence typed without spaces ("cuuemvoiembinhot", "chutoidanhtoi"), cut back into syllables:
 * the cut with the fewest syllables that are not known words, then the fewest that are not
 * everyday ones ("danh em" beats "dan hem"; two rarer ones that make a known phrase count as one),
 * then the fewest syllables. Every piece is a Vietnamese
 * syllable, except at most one name in a long run, and most are known words — an English word or a
 * name alone does not cut that way ("scaffold", "Kaohsiung").
 */
function segmentRun(w: string): string[] | undefined {
  if (KNOWN_WORDS.has(w) || w.length < MIN_RUN || !/^[a-z]+$/.test(w)) return undefined;
  return segmentedRun(w) || undefined;
}

/**
 * A run with numbers in it ("…madambatlamtu5hsangden2hdem…", "…kochora6thangchualuong…"): the
 * letters between the numbers cut as runs of their own, a short piece as one known word or two,
 * the numbers (and an hour's "h") kept as they were typed. Every piece must cut, or none is cut.
 */
function segmentRunWithNumbers(w: string): string[] | undefined {
  if (w.length < LONG_RUN || !/^[a-z0-9]+$/.test(w) || !/\d/.test(w) || !/[a-z]{3}/.test(w)) return undefined;
  const out: string[] = [];
  for (const part of w.split(/(\d+h?)/).filter(Boolean)) {
    if (/^\d/.test(part)) out.push(part);
    else {
      const cut = segmentRun(part) ?? shortPiece(part);
      if (!cut) return undefined;
      out.push(...cut);
    }
  }
  return out;
}

/** A piece too short to be a run: one known word, or two ("sangden" is "sang đến"). */
function shortPiece(w: string): string[] | undefined {
  if (KNOWN_WORDS.has(w)) return [w];
  for (let i = 1; i < w.length; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (KNOWN_WORDS.has(a) && KNOWN_WORDS.has(b) && isVietnameseSyllable(a) && isVietnameseSyllable(b)) return [a, b];
  }
  return undefined;
}

/** The cut itself, kept per run (`false`: it does not cut). */
const segmentedRun = memoize((w: string): string[] | false => {
  const names = isSyllableRun(w) ? 0 : w.length >= MIN_RUN_WITH_NAME ? 1 : -1;
  let result: string[] | null = null;
  if (names >= 0) {
    // best[k][i]: the cheapest cut of w[0, i) with k name pieces, as
    // [unknown syllables, not everyday, syllables, last cut, name letters, layer of the cut before,
    // the cut inside a last step of two syllables (-1 for one)].
    type Cost = [number, number, number, number, number, number, number];
    const best: (Cost | undefined)[][] = [[[0, 0, 0, 0, 0, 0, -1]], [undefined]];
    const better = (a: Cost, b: Cost | undefined) =>
      !b || a[0] < b[0] || (a[0] === b[0] && (a[4] < b[4] || (a[4] === b[4] && (a[1] < b[1] || (a[1] === b[1] && a[2] < b[2])))));
    const unknown = (piece: string) => (KNOWN_WORDS.has(piece) ? 0 : 1);
    for (let i = 1; i <= w.length; i++) {
      for (let k = 0; k <= names; k++) {
        for (let j = Math.max(0, i - 7); j < i; j++) {
          const prev = best[k]![j];
          const piece = w.slice(j, i);
          if (!prev || !isVietnameseSyllable(piece)) continue;
          const cost: Cost = [prev[0] + unknown(piece), prev[1] + (VI_COMMON.has(piece) ? 0 : 1), prev[2] + 1, j, prev[4], k, -1];
          if (better(cost, best[k]![i])) best[k]![i] = cost;
        }
        // Two rarer syllables that make a phrase the rules know ("dọa giết") count as one that is not
        // everyday: "embidoagiet" is "em bị dọa giết", not "em bị do a giết".
        for (let j = Math.max(0, i - 14); j < i - 1; j++) {
          const prev = best[k]![j];
          if (!prev) continue;
          for (let m = j + 1; m < i; m++) {
            const first = w.slice(j, m);
            const second = w.slice(m, i);
            if (VI_COMMON.has(first) || VI_COMMON.has(second) || !KNOWN_PAIRS.has(`${first} ${second}`)) continue;
            if (!isVietnameseSyllable(first) || !isVietnameseSyllable(second)) continue;
            const cost: Cost = [prev[0] + unknown(first) + unknown(second), prev[1] + 1, prev[2] + 2, j, prev[4], k, m];
            if (better(cost, best[k]![i])) best[k]![i] = cost;
          }
        }
        if (k === 1) {
          for (let j = Math.max(0, i - NAME_PIECE[1]); j <= i - NAME_PIECE[0]; j++) {
            const prev = best[0]![j];
            if (!prev) continue;
            const cost: Cost = [prev[0], prev[1] + 1, prev[2] + 1, j, i - j, 0, -1];
            if (better(cost, best[1]![i])) best[1]![i] = cost;
          }
        }
      }
    }
    // Without a name if it cuts that way; the name piece is not counted among the known.
    for (let k = 0; k <= names && !result; k++) {
      const end = best[k]![w.length];
      if (!end || end[2] < 3 || (end[2] - k - end[0]) / (end[2] - k) < MIN_KNOWN_SHARE) continue;
      const pieces: string[] = [];
      let layer = k;
      for (let i = w.length; i > 0; ) {
        const cell = best[layer]![i]!;
        if (cell[6] >= 0) pieces.unshift(w.slice(cell[3], cell[6]), w.slice(cell[6], i));
        else pieces.unshift(w.slice(cell[3], i));
        i = cell[3];
        layer = cell[5];
      }
      result = pieces;
    }
  }
  return result ?? false;
}, WORD_CACHE_SIZE);

/** An English run: every piece an English word the NLU knows, the fewest pieces; at least three. */
function segmentEnglish(w: string): string[] | undefined {
  if (w.length < MIN_RUN || EN_KNOWN.has(w) || !/^[a-z]+$/.test(w)) return undefined;
  const best: ([number, number] | undefined)[] = [[0, 0]];
  for (let i = 1; i <= w.length; i++) {
    for (let j = Math.max(0, i - 14); j < i; j++) {
      const prev = best[j];
      if (!prev || !EN_KNOWN.has(w.slice(j, i))) continue;
      if (!best[i] || prev[0] + 1 < best[i]![0]) best[i] = [prev[0] + 1, j];
    }
  }
  if (!best[w.length] || best[w.length]![0] < 3) return undefined;
  const pieces: string[] = [];
  for (let i = w.length; i > 0; i = best[i]![1]) pieces.unshift(w.slice(best[i]![1], i));
  return pieces;
}

/**
 * Letters repeated for emphasis: three or more become one ("toiiii" → "toi") unless two make a
 * known word ("cuuuu" → "cuu"); a doubled letter is undone only when that makes a known word.
 */
function squeeze(w: string): string {
  if (!/(\p{L})\1/u.test(w)) return w;
  const two = w.replace(/(\p{L})\1{2,}/gu, '$1$1');
  const one = w.replace(/(\p{L})\1{2,}/gu, '$1');
  if (two !== w && KNOWN_WORDS.has(two)) return two;
  if (KNOWN_WORDS.has(one) || one !== w) {
    if (KNOWN_WORDS.has(one)) return one;
  }
  if (KNOWN_WORDS.has(w)) return w;
  const single = w.replace(/(\p{L})\1+/gu, '$1');
  return KNOWN_WORDS.has(single) ? single : one;
}
