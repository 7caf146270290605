// Vietnamese letters without their marks, and a way to compare two spellings when the user did type
// the marks: "hạn" and "Hàn" fold to the same "han", but a user who wrote "hạn" did not mean Korea.

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/g;
const ANY_MARK = /\p{M}/u;

/** Folds Vietnamese (and other Latin) diacritics: "Đài Loan" → "Dai Loan". */
export function foldDiacritics(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D');
}

/** Whether a word carries tone or vowel marks (đ alone does not count: phones often drop it). */
export function hasMarks(word: string): boolean {
  return ANY_MARK.test(word.normalize('NFD'));
}

/**
 * A spelling's identity up to tone-mark placement ("hoà" = "hòa", "thuỷ" = "thủy") and đ/d:
 * the vowel letters with their vowel marks (â ê ô ơ ư ă), plus which tone it carries.
 */
export function markSignature(word: string): string {
  const nfd = word.normalize('NFD');
  const tones = (nfd.match(TONE_MARKS) ?? []).sort().join('');
  return `${nfd.replace(TONE_MARKS, '').normalize('NFC').replace(/đ/g, 'd')}|${tones}`;
}
