// The words the NLU knows, so the normaliser can tell emphasis from spelling: "cuuuu" squeezes to
// "cuu" (a word) rather than "cu", "toii" to "toi", "emm" to "em"; and teencode letter swaps
// ("jup" → "giup") are not applied to words that already mean something.
import { CONCERN_SIGNS, DANGER_RULES } from './danger-rules.ts';
import { EN_WORDS, isVietnameseSyllable, VI_CHAT } from './language.ts';
import { LEXICON } from './lexicon.ts';
import { wordsOf } from './pattern.ts';

/** Frequent Vietnamese syllables, folded. */
export const VI_COMMON: ReadonlySet<string> = new Set(`a ai anh ba bao bay be ben benh bi biet bo bon bong cac cach cai cam can cap cau chi chieu cho chu chua chuyen co con cong cu cua cuoc cung cuu da dai dang danh dau day de den di dia dien dieu dinh do doi don dong du duoc duong em gi gia giay gio giup gap ha hai han hang hay het hien hieu hoi hom hon hop hu khi khac khoe khong kia la lai lam lao lau le len lich linh loan luc luon luong ly ma mai mat may me minh moi mot mua muon na nam nao nay ngay nghi ngoai nguoi nha nhan nhanh nhat nhe nhieu nho nhu nhung noi nua nuoc o oi on phai phi qua quan que quoc quy ra rat roi sang sao se so song su ta tai tam tan thang thanh the theo thi thoi thu thuc tien tieng tin toi trong tro truoc tu tuan uoc va van vay ve viec viet vo voi vui xa xin xong yeu`.split(/\s+/));

const PHRASES = [...LEXICON.map(([p]) => p), ...DANGER_RULES.map((r) => r.p)];

export const KNOWN_WORDS: ReadonlySet<string> = new Set([
  ...VI_COMMON,
  ...EN_WORDS,
  ...VI_CHAT,
  ...wordsOf(PHRASES),
]);

/**
 * Two-word phrases the NLU looks for ("thanh ly", "hop dong", "ve nuoc"), so a message typed
 * without spaces ("thanhly hopdong") can be split back into them.
 */
export const KNOWN_PAIRS: ReadonlySet<string> = new Set(
  PHRASES.flatMap((entry) =>
    entry.split('|').flatMap((phrase) => {
      const words = phrase.split(/\s+/);
      const pairs: string[] = [];
      for (let i = 0; i + 1 < words.length; i++) {
        const [a, b] = [words[i]!, words[i + 1]!];
        if (/^[\p{L}]+$/u.test(a) && /^[\p{L}]+$/u.test(b)) pairs.push(wordsOf([`${a} ${b}`]).join(' '));
      }
      return pairs;
    }),
  ),
);

/** Everyday English a cry typed without spaces is made of, beyond the words the rules look for. */
const EN_EVERYDAY = `a i am is are was were be been he she it we they you me him her us them my his our their your
  and or but so not no yes please help now here there this that what where who why how when come came go went
  take took taken give gave keep kept lock locked hit hits beat beats beating hurt hurts kill kills killed hold held
  phone passport room house door out leave let can cant will would want need know today night day days food eat
  boss madam sir employer agent man men guard guards gun guns money pay owe debt sold sell scared afraid alone
  die dead end life myself pills jump goodbye sorry mom mother dad father family love kids children baby pregnant
  police run ran escape hide hiding hungry sick blood bleeding fire trapped inside outside compound camp ship boat
  every everyday always again all week hits hitting beat slaps kicks bad very much more any anyone somebody someone`.split(/\s+/);

/**
 * English words the NLU knows, to cut an English run ("pleasehelpmetheytookmyphone"): the common
 * English list, the everyday words above, and the rules' words that are not Vietnamese syllables.
 */
export const EN_KNOWN: ReadonlySet<string> = new Set([
  ...EN_WORDS,
  ...EN_EVERYDAY,
  ...wordsOf([...PHRASES, ...CONCERN_SIGNS.map((c) => c.p)]).filter((w) => /^[a-z]{2,}$/.test(w) && !isVietnameseSyllable(w)),
]);
