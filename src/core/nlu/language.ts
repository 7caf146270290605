// Vietnamese or English? Users type Vietnamese without marks ("thu tuc thanh ly hop dong"), mix in
// English words ("mat passport roi") and write short English ("help", "end my contract early").
// Marks settle it; otherwise each word votes: common English words for English, words shaped like a
// Vietnamese syllable (and chat abbreviations) for Vietnamese. A tie is Vietnamese, the users' language.
import type { Locale } from '../messages.ts';
import { foldDiacritics, hasMarks } from './fold.ts';

/** Frequent English words (function words and this domain's vocabulary). */
export const EN_WORDS = new Set(
  `a about after again am an and any anyone are arrested as ask at away back be beat beaten been before
  boss but by call can cannot cant company contract could dangerous danger day deposit did do does dont
  early embassy employer end ended ends get give go going good got had has have he help her here him his
  home how i if im in is it its job just kill know last leave let like lost made make me money months
  morning my need no not now number of officer on one or our out paid passport pay person phone please
  police return safe salary she should so some someone speak still support talk tell than thank thanks
  that the their them then there they this to too took up us want was we were what when where which who
  why will with work worker working would you your hello hey hi evening afternoon night fund early
  apply register lost back visa expired maybe going today tonight tomorrow overstay overstayed contact consulate human agent real wages
  wage unpaid fee fees agency refund quit quitting fired injured accident sick died death missing abroad
  the pls plz thx ok`.split(/\s+/),
);

/** English words (and chat letters) that are also everyday Vietnamese (thế, tô, đó, mẹ, ăn, cần, ừ, k…): half a vote each way. */
export const SHARED = new Set(['the', 'to', 'do', 'me', 'an', 'can', 'no', 'on', 'ban', 'hi', 'ok', 'a', 'in', 'am', 'my', 'so', 'go', 'he', 'him', 'us', 'get', 'pay', 'job', 'u', 'k']);

/** Words that carry no language: greetings and loanwords Vietnamese chat uses as they are. */
const NEUTRAL = new Set(['hi', 'hello', 'ok', 'oke', 'okay', 'alo', 'sos', 'hotline', 'visa', 'email', 'zalo', 'facebook', 'iphone', 'online', 'covid', 'eps', 'admin']);

/** Vietnamese chat words that are not syllables (abbreviations, teencode). */
export const VI_CHAT = new Set(
  `ad ko k kh khg kg hok hk hem dc dk đc đk sdt sđt dsq đsq lsq tlsq xkld xklđ tts nld nlđ hd hđ hdld hđlđ
  j z r ntn bn cty ct hc vn vs ms ns nc ng lm mk mik mjk mh ak ah uk uh bik bit trc cx cg dky đky dki đki
  tnld tnlđ bhxh bhyt cccd cmnd vpkt ldnn ngta oy hix huhu nhe nha a e t m b c v`.split(/\s+/),
);

const ONSET = '(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?';
const RHYME = '[aeiouy]{1,3}(?:ch|ng|nh|[cmnpt])?';
const SYLLABLE = new RegExp(`^${ONSET}${RHYME}$`);

/** Whether a folded word could be one Vietnamese syllable ("thanh", "nguoi"; not "contract", "help"). */
export function isVietnameseSyllable(folded: string): boolean {
  return SYLLABLE.test(folded);
}

/** Two Vietnamese syllables typed without a space ("thanhly", "hopdong"), each starting with a consonant. */
function isTwoSyllables(w: string): boolean {
  for (let i = 2; i <= w.length - 2; i++) {
    const a = w.slice(0, i);
    const b = w.slice(i);
    if (/^[^aeiouy]/.test(a) && /^[^aeiouy]/.test(b) && isVietnameseSyllable(a) && isVietnameseSyllable(b)) return true;
  }
  return false;
}

/** A run shorter than this is a word, or two ("thanhly"); from it on, maybe a sentence without spaces. */
export const MIN_RUN = 8;

/** A Vietnamese sentence typed without spaces ("cuuemvoiem"): the whole word cuts into syllables. */
export function isSyllableRun(w: string): boolean {
  if (w.length < MIN_RUN || !/^[a-z]+$/.test(w)) return false;
  const ok = [true];
  for (let i = 1; i <= w.length; i++) {
    ok[i] = false;
    for (let j = Math.max(0, i - 7); j < i && !ok[i]; j++) ok[i] = ok[j] === true && isVietnameseSyllable(w.slice(j, i));
  }
  return ok[w.length] === true;
}

export function detectLanguage(text: string): Locale {
  const words = text.normalize('NFC').toLowerCase().replace(/['’]/g, '').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  let vi = 0;
  let en = 0;
  for (const w of words) {
    if (/^\p{N}+$/u.test(w)) continue;
    if (hasMarks(w) || w.includes('đ')) {
      vi += 3;
      continue;
    }
    const f = foldDiacritics(w);
    if (NEUTRAL.has(f)) continue;
    if (SHARED.has(f)) {
      en += 0.5;
      vi += 0.5;
    } else if (EN_WORDS.has(f)) en += 1;
    else if (VI_CHAT.has(f) || isVietnameseSyllable(f) || isTwoSyllables(f)) vi += 1;
    else if (isSyllableRun(f)) vi += 2;
    else en += 0.5;
  }
  return en > vi ? 'en' : 'vi';
}
