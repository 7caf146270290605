// The words the NLU knows, so the normaliser can tell emphasis from spelling: "cuuuu" squeezes to
// "cuu" (a word) rather than "cu", "toii" to "toi", "emm" to "em"; and teencode letter swaps
// ("jup" → "giup") are not applied to words that already mean something.
import { DANGER_RULES } from './danger-rules.ts';
import { EN_WORDS, VI_CHAT } from './language.ts';
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
