// Reading the registration form's answers as people type them in chat: names in any case, dates
// as "12/3/2026", "12-3", "12.3.26", "thang 3", "cuoi thang 3", "3/2027", "March 2027" (day first,
// as in Vietnam; a year left out means the next such date where the field looks ahead), passport
// numbers with spaces, phones with dots, "mất" for a lost passport. Pure: "today" is an argument.
import {
  PASSPORT_NUMBER,
  REFERENCE_ALPHABET,
  REFERENCE_LENGTH,
  SPECIAL_SITUATIONS,
  type ContactAnswer,
  type DatePart,
  type FlexDate,
  type PassportAnswer,
  type Sex,
  type SpecialSituation,
} from '../src/core/registration.ts';

export type Parsed<T, E extends string = string> = { ok: true; value: T } | { ok: false; error: E };
const ok = <T>(value: T) => ({ ok: true as const, value });
const fail = <E extends string>(error: E) => ({ ok: false as const, error });

/** Lower case, no diacritics (đ → d), single spaces; punctuation kept (dates need it). */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** `fold` with punctuation turned into spaces: for matching words. */
export function words(text: string): string {
  return fold(text).replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

const has = (w: string, re: RegExp) => re.test(` ${w} `);

// ── dates ───────────────────────────────────────────────────────────────────────────────────

export interface Day {
  y: number;
  m: number;
  d: number;
}

/** The calendar day at `at` where the user is. An unknown zone falls back to UTC rather than failing the turn. */
export function localToday(at: number, timeZone: string): Day {
  let text: string;
  try {
    text = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(at);
  } catch {
    text = new Date(at).toISOString().slice(0, 10);
  }
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return { y, m, d };
}

/** Which question the date answers: what "no year", "in the past" and "too far" mean depends on it. */
export type DateField = 'birth' | 'contractEnd' | 'return';
export type DateError = 'format' | 'invalid' | 'needYear' | 'needDay' | 'future' | 'past' | 'tooOld' | 'tooYoung' | 'tooFar';

/** The youngest a person registering their own return can plausibly be. */
const MIN_AGE = 15;
const MAX_AGE = 100;
/** A contract end further than this from today is a typo in the year. */
const CONTRACT_YEARS = 30;
const RETURN_YEARS_AHEAD = 3;

interface Reading {
  d?: number;
  m: number;
  y?: number;
  /** The year was typed with two digits. */
  short?: boolean;
  part?: DatePart;
}

const VI_MONTHS: Record<string, number> = {
  gieng: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10,
  'muoi mot': 11, 'muoi hai': 12, chap: 12,
};
const EN_MONTHS: Record<string, number> = {
  january: 1, february: 2, march: 3, april: 4, may: 5, june: 6, july: 7, august: 8, september: 9, october: 10,
  november: 11, december: 12, jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sept: 9, sep: 9, oct: 10,
  nov: 11, dec: 12,
};
const VI_MONTH = `(\\d{1,2}|muoi mot|muoi hai|${Object.keys(VI_MONTHS).filter((k) => !k.includes(' ')).join('|')})`;
const EN_MONTH = `(${Object.keys(EN_MONTHS).sort((a, b) => b.length - a.length).join('|')})`;
const YEAR = '(\\d{4}|\\d{2})';
const SEP = '\\s*[/.-]\\s*';
const ORD = '(?:st|nd|rd|th)?';

const PART_WORDS: [RegExp, DatePart][] = [
  [/^(?:dau|early|beginning of|start of|the beginning of|the start of)\s*-?\s*/, 'early'],
  [/^(?:giua|mid|middle of|the middle of)\s*-?\s*/, 'mid'],
  [/^(?:cuoi|late|end of|the end of)\s*-?\s*/, 'late'],
];
const FILLER = /^(?:(?:ngay|mung|mong|vao|khoang|tam|tu|on|in|around|about|by|the|date)\s+)+/;

function monthOf(word: string): number {
  return /^\d+$/.test(word) ? Number(word) : (VI_MONTHS[word] ?? EN_MONTHS[word] ?? 0);
}

function year(text: string | undefined): { y?: number; short?: boolean } {
  if (text === undefined) return {};
  return text.length === 2 ? { y: Number(text), short: true } : { y: Number(text) };
}

/** The shapes of a typed date, without judging whether it fits the question. */
function read(text: string, today: Day | undefined): Reading | undefined {
  let s = fold(text).replace(/[,]+/g, ' ').replace(/\s+/g, ' ').replace(/[.!?]+$/, '').trim().replace(FILLER, '');
  let part: DatePart | undefined;
  for (const [re, p] of PART_WORDS) {
    if (re.test(s)) {
      part = p;
      s = s.replace(re, '');
      break;
    }
  }
  const month = (m: number, y?: string): Reading => ({ m, ...year(y), ...(part ? { part } : {}) });
  let r: RegExpExecArray | null;

  // Without diacritics "thang sau" is "tháng sau" (next month) far more often than "tháng sáu" (June).
  if (today && /^(?:thang sau|thang toi|next month)$/.test(s) && !/sáu/.test(text.normalize('NFC').toLowerCase())) {
    return today.m === 12 ? month(1, String(today.y + 1)) : month(today.m + 1, String(today.y));
  }

  // Months: "thang 3", "t3/2027", "3/2027", "march 2027", "thang sau", "next month".
  if ((r = new RegExp(`^(?:thang|thg|t)\\s*${VI_MONTH}(?:\\s*(?:nam|/|-|\\.)?\\s*${YEAR})?$`).exec(s))) return month(monthOf(r[1]!), r[2]);
  if ((r = new RegExp(`^(\\d{1,2})${SEP}(\\d{4})$`).exec(s))) return month(Number(r[1]), r[2]);
  // Only a four-digit year here: "March 12" is a day.
  if ((r = new RegExp(`^${EN_MONTH}\\.?(?:\\s+(\\d{4}))?$`).exec(s))) return month(monthOf(r[1]!), r[2]);
  if (today && /^(?:thang nay|this month)$/.test(s)) return month(today.m, String(today.y));
  if (part) return undefined;

  // Days: "12/3/2026", "12-3", "12.3.26", "2026-03-12", "12 thang 3 nam 2026", "12 march", "march 12 2026".
  if ((r = /^(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})$/.exec(s))) return { y: Number(r[1]), m: Number(r[2]), d: Number(r[3]) };
  if ((r = new RegExp(`^(\\d{1,2})${SEP}(\\d{1,2})(?:${SEP}${YEAR})?$`).exec(s))) return { d: Number(r[1]), m: Number(r[2]), ...year(r[3]) };
  if ((r = new RegExp(`^(\\d{1,2})\\s*(?:thang|thg|t)\\s*${VI_MONTH}(?:\\s*(?:nam|/|-|\\.)?\\s*${YEAR})?$`).exec(s))) {
    return { d: Number(r[1]), m: monthOf(r[2]!), ...year(r[3]) };
  }
  if ((r = new RegExp(`^(\\d{1,2})${ORD}\\s+(?:of\\s+)?${EN_MONTH}\\.?(?:\\s+${YEAR})?$`).exec(s))) return { d: Number(r[1]), m: monthOf(r[2]!), ...year(r[3]) };
  if ((r = new RegExp(`^${EN_MONTH}\\.?\\s+(\\d{1,2})${ORD}(?:\\s+${YEAR})?$`).exec(s))) return { d: Number(r[2]), m: monthOf(r[1]!), ...year(r[3]) };
  if (today && /^(?:hom nay|today)$/.test(s)) return { ...today };
  if (today && /^(?:ngay mai|mai|tomorrow)$/.test(s)) return addDays(today, 1);
  return undefined;
}

function addDays(day: Day, n: number): Day {
  const t = new Date(Date.UTC(day.y, day.m - 1, day.d + n));
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

function isRealDay(y: number, m: number, d: number): boolean {
  const t = new Date(Date.UTC(y, m - 1, d));
  return y >= 1000 && t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

const pad = (n: number) => String(n).padStart(2, '0');
const cmp = (a: Day, b: Day) => (a.y - b.y) * 10_000 + (a.m - b.m) * 100 + (a.d - b.d);
/** The last day a month-precision answer can mean ("cuối tháng 3" → 31/3; "đầu tháng 3" → 10/3). */
function lastDayOf(y: number, m: number, part?: DatePart): Day {
  const end = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { y, m, d: part === 'early' ? 10 : part === 'mid' ? 20 : end };
}

/**
 * A typed date for one of the form's questions. A birth date needs the day and the year; the
 * contract's end and the return may be a month; a return date may not be in the past.
 */
export function parseDate(text: string, field: DateField, today: Day | undefined): Parsed<FlexDate, DateError> {
  const r = read(text, today);
  if (!r) return fail('format');
  if (r.m < 1 || r.m > 12) return fail('invalid');
  if (field === 'birth' && r.d === undefined) return fail('needDay');

  let y = r.y;
  if (y !== undefined && r.short) {
    // Two digits: a birth year is in the past century when it would otherwise be in the future.
    const cut = today ? today.y % 100 : 30;
    y = field === 'birth' && y > cut ? 1900 + y : 2000 + y;
  }
  if (y === undefined) {
    if (field === 'birth' || !today) return fail('needYear');
    y = today.y;
    // "12/3" or "tháng 3" for the return: the next one to come.
    if (field === 'return') {
      const passed = r.d !== undefined ? cmp({ y, m: r.m, d: r.d }, today) < 0 : r.m < today.m;
      if (passed) y += 1;
    }
  }
  if (r.d !== undefined && !isRealDay(y, r.m, r.d)) return fail('invalid');

  const value: FlexDate = r.d !== undefined ? { day: `${y}-${pad(r.m)}-${pad(r.d)}` } : { month: `${y}-${pad(r.m)}`, ...(r.part ? { part: r.part } : {}) };
  if (!today) return y < 1900 ? fail('tooOld') : ok(value);

  const first: Day = { y, m: r.m, d: r.d ?? 1 };
  const last: Day = r.d !== undefined ? first : lastDayOf(y, r.m, r.part);
  switch (field) {
    case 'birth':
      if (cmp(first, today) >= 0) return fail('future');
      if (cmp(first, { ...today, y: today.y - MIN_AGE }) > 0) return fail('tooYoung');
      if (y < today.y - MAX_AGE) return fail('tooOld');
      break;
    case 'contractEnd':
      if (y < today.y - CONTRACT_YEARS) return fail('tooOld');
      if (y > today.y + CONTRACT_YEARS) return fail('tooFar');
      break;
    case 'return':
      if (cmp(last, today) < 0) return fail('past');
      if (cmp(first, { ...today, y: today.y + RETURN_YEARS_AHEAD }) > 0) return fail('tooFar');
      break;
  }
  return ok(value);
}

/** Whether a stored return date is still today or later (a draft may wait days before it is confirmed). */
export function isNotPast(date: FlexDate, today: Day): boolean {
  if ('day' in date) {
    const [y, m, d] = date.day.split('-').map(Number) as [number, number, number];
    return cmp({ y, m, d }, today) >= 0;
  }
  const [y, m] = date.month.split('-').map(Number) as [number, number];
  return cmp(lastDayOf(y, m, date.part), today) >= 0;
}

// ── the other fields ────────────────────────────────────────────────────────────────────────

/** Two to seven words of letters; all-lower-case names are capitalised, others kept as typed. */
export function parseFullName(text: string): Parsed<string, 'name'> {
  const s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (s.length < 4 || s.length > 80) return fail('name');
  if (!/^\p{L}[\p{L}\p{M}'’.\- ]*$/u.test(s)) return fail('name');
  const parts = s.split(' ');
  if (parts.length < 2 || parts.length > 7) return fail('name');
  return ok(s === s.toLowerCase() ? parts.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ') : s);
}

const LOST = / (?:mat|bi mat|danh mat|mat roi|lost|lose|missing|stolen|bi trom|bi lay|khong con|khong co) /;
const KEPT = / (?:chu giu|chu nha giu|ong chu giu|ba chu giu|cong ty giu|cty giu|moi gioi giu|bi giu|giu mat|employer|kept|keeps|boss|broker|agency) /;

export function parsePassport(text: string): Parsed<PassportAnswer, 'passport'> {
  const w = words(text);
  if (has(w, KEPT)) return ok({ status: 'employer' });
  const upper = text.toUpperCase().normalize('NFC');
  const tokens = upper.split(/\s+/).map((t) => t.replace(/[^A-Z0-9]/g, '')).filter(Boolean);
  // "C 123 4567" and "số hộ chiếu: C1234567": any run of neighbouring words may be the number.
  const candidates = [upper.replace(/[\s.\-]/g, '')];
  for (let i = 0; i < tokens.length; i++) for (let j = i; j < Math.min(tokens.length, i + 4); j++) candidates.push(tokens.slice(i, j + 1).join(''));
  const number = candidates.find((c) => PASSPORT_NUMBER.test(c));
  if (number) return ok({ status: 'held', number });
  if (has(w, LOST)) return ok({ status: 'lost' });
  return fail('passport');
}

const APPS = / (?:zalo|facebook|fb|messenger|mess|line|whatsapp|whatapp|wa|viber|telegram|tele|kakao|kakaotalk|wechat|imo|signal|instagram|ig|tiktok) /;
const PHONE_WORDS = /^(?:(?:sdt|so dien thoai|so dt|dien thoai|dt|phone|tel|mobile|so|cua em|cua toi|la)\s*)*/;

export function parseContact(text: string): Parsed<ContactAnswer, 'contact'> {
  const t = text.normalize('NFC').trim();
  if (t.length > 120) return fail('contact');
  const email = /[^\s@]+@[^\s@]+\.[^\s@]{2,}/.exec(t)?.[0];
  if (email && email.length <= 120) return ok({ kind: 'email', value: email.toLowerCase() });
  const w = words(t);
  if (has(w, APPS) || /https?:\/\/|www\.|\.com\b/i.test(t)) return t.length >= 3 ? ok({ kind: 'other', value: t }) : fail('contact');
  const digits = fold(t).replace(PHONE_WORDS, '').replace(/[\s().\-:]/g, '').replace(/^00/, '+');
  if (/^\+?\d{8,15}$/.test(digits)) return ok({ kind: 'phone', value: digits });
  return fail('contact');
}

/** Free text with at least one letter: an employer's or company's name, a city. */
export function parseLabel(text: string, max: number): Parsed<string, 'label'> {
  const s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (s.length < 2 || s.length > max || !/\p{L}/u.test(s)) return fail('label');
  return ok(s);
}

/** A country the bot does not know, typed by name: letters only, a few words. */
export function parseCountryName(text: string): Parsed<string, 'country'> {
  const s = text.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (s.length < 3 || s.length > 40 || !/^\p{L}[\p{L}\p{M}'’.\- ]*$/u.test(s) || s.split(' ').length > 4) return fail('country');
  return ok(s === s.toLowerCase() ? s.replace(/(^|\s)\p{L}/gu, (c) => c.toUpperCase()) : s);
}

const SPECIAL_WORDS: Record<SpecialSituation, RegExp> = {
  pregnant: / (?:mang thai|co thai|co bau|bau|dang bau|pregnant|pregnancy) /,
  injured: / (?:bi thuong|chan thuong|tai nan|gay tay|gay chan|injured|injury|hurt|accident) /,
  sick: / (?:om|bi om|benh|bi benh|dau|sick|ill|illness|disease) /,
  with_children: / (?:con nho|tre em|co con|dem con|mang con|theo con|children|child|kids|kid|baby|em be) /,
};
const NONE_WORDS = /^(?:khong|khong co|khong co gi|khong ai|none|no|nothing|binh thuong)$/;

/**
 * Special situations: the listed digits ("1 3", "1,3", "1 va 3", with the digit after the four
 * for "none"), or words ("mang thai va co con"). "None" together with another is a contradiction.
 */
export function parseSpecial(text: string): Parsed<SpecialSituation[], 'special'> {
  const w = words(text);
  if (NONE_WORDS.test(w)) return ok([]);
  const noneDigit = SPECIAL_SITUATIONS.length + 1;
  if (/^[\d\s]+(?:(?:va|and|voi)\s+[\d\s]+)*$/.test(w) && /\d/.test(w)) {
    const picked = new Set<number>();
    for (const n of w.match(/\d+/g)!.map(Number)) {
      if (n < 1 || n > noneDigit + 1) return fail('special');
      if (n <= SPECIAL_SITUATIONS.length) picked.add(n);
      else if (n === noneDigit) picked.add(n);
    }
    if (picked.has(noneDigit)) return picked.size === 1 ? ok([]) : fail('special');
    return picked.size > 0 ? ok(SPECIAL_SITUATIONS.filter((_, i) => picked.has(i + 1))) : fail('special');
  }
  const found = SPECIAL_SITUATIONS.filter((s) => has(w, SPECIAL_WORDS[s]));
  return found.length > 0 ? ok(found) : fail('special');
}

export function parseSex(text: string): Parsed<Sex, 'sex'> {
  const w = words(text);
  if (/^(?:khong muon|khong muon noi|khong tra loi|bi mat|prefer not|prefer not to say|rather not say|bo qua|skip)/.test(w)) return ok('undisclosed');
  if (/^(?:nu|phu nu|gai|con gai|female|woman|f)$/.test(w)) return ok('female');
  if (/^(?:nam|dan ong|trai|con trai|male|man|m)$/.test(w)) return ok('male');
  return fail('sex');
}

/** "sửa 3", "edit 3": change item 3 of the review directly. */
export function parseEditRequest(text: string): number | undefined {
  const r = /^(?:sua|chinh sua|doi|thay doi|edit|change|fix)\s*(?:muc|so|item|field|number|no)?\s*(\d{1,2})$/.exec(words(text));
  return r ? Number(r[1]) : undefined;
}

export function isCancelRequest(text: string): boolean {
  return /^(?:huy|huy bo|huy dang ky|huy dang ki|thoi|thoi khong dang ky|dung|dung lai|ngung|cancel|stop|quit|exit|thoat)$/.test(words(text));
}

const YES = /^(?:co|vang|da|dong y|toi dong y|em dong y|ok|oke|okay|duoc|yes|y|agree|i agree|sure)$/;
const NO = /^(?:khong|khong dong y|ko|k|thoi|no|n|disagree|i do not agree|dont agree|do not agree)$/;
export const isYes = (text: string) => YES.test(words(text));
export const isNo = (text: string) => NO.test(words(text));

// ── entering the form by typing ─────────────────────────────────────────────────────────────

const REGISTER = [
  / (?:dang ky|dang ki|dky|dki|dk) (?:ve nuoc|ve que|ve viet nam|ve vn|tro ve|hoi huong|ve) /,
  / register (?:my |to |for )?(?:return|going home|to go home|return home|to return) /,
  / (?:return|repatriation) registration /,
];
const CHECK = [
  / (?:kiem tra|xem|tra cuu|tra|check|status of|xem lai) (?:lai )?(?:dang ky|dang ki|dky|ho so dang ky|registration|my registration) /,
  / (?:tinh trang|trang thai) (?:dang ky|dang ki|ho so) /,
  / registration status /,
  / my registration /,
];

/** "đăng ký về nước", "register my return": the user wants the registration (the hub asks what exactly). */
export function asksToRegister(text: string): boolean {
  const w = words(text);
  return REGISTER.some((re) => has(w, re)) && !asksForStatus(text);
}

/** "kiểm tra đăng ký", "check my registration", with or without its reference. */
export function asksForStatus(text: string): boolean {
  const w = words(text);
  return CHECK.some((re) => has(w, re));
}

/** A reference number inside a message ("kiem tra dang ky K7M3QX"): issued ones always mix letters and digits. */
export function referenceIn(text: string): string | undefined {
  const token = new RegExp(`^[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);
  return text
    .toUpperCase()
    .split(/[^A-Z0-9]+/)
    .find((t) => token.test(t) && /\d/.test(t) && /[A-Z]/.test(t));
}
