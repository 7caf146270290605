// Is this person in danger now? Runs on every message, in every state (mid-form, while staff hold
// the chat, under the flood guard), so it is pattern lookups only. A phrase from ./danger-rules.ts
// counts unless, within its clause, it is denied ("em không bị đánh"), supposed or asked about in
// general ("nếu bị bắt thì sao", "có bị bắt không", "khi bị quấy rối thì nên làm gì", "cưỡng bức
// lao động là gì"), or put in the past or in someone else's story ("trước đây từng bị…", "đọc báo
// thấy…", "…years ago"). Cries for help and self-harm always count. When in
// doubt the rule is recall: a false alarm costs a phone number shown, a miss can cost a life.
import {
  CLOSE,
  DANGER_KINDS,
  DANGER_RULES,
  DISTANT,
  GENERIC,
  HEARSAY,
  HYPOTHETICAL,
  NEGATORS,
  POSSESSORS,
  SCOPE_BREAKS,
  THREATS,
  type DangerKind,
  type DangerRule,
} from './danger-rules.ts';
import type { Locale } from '../messages.ts';
import { compilePattern, matchAt, PatternIndex, wordsOf, type Pattern, type Token } from './pattern.ts';

const RULES = new PatternIndex<DangerRule>(DANGER_RULES.map((r) => [r.p, r] as const));

/** An employer holding the passport is a warning sign; with a wish to leave, it is confinement. */
const PASSPORT_HELD = new PatternIndex<true>(
  [
    'giữ/thu/lấy/cầm *3 hộ chiếu|giữ/thu/lấy/cầm *3 passport|hộ chiếu * bị giữ/thu/lấy|passport * bị giữ/thu/lấy|không/chưa trả * hộ chiếu|không/chưa trả * passport',
    'giữ/thu/lấy/cầm * giấy tờ|giấy tờ * bị * giữ/thu/lấy|giấy tờ bị giữ|giữ/thu/lấy/cầm * thẻ ngoại kiều|giữ/thu/lấy/cầm * thẻ cư trú|thẻ ngoại kiều * bị * giữ',
    'keep/keeps/kept/took/taken/take/holds/held/hold/confiscated/confiscate/withholds/withheld/has * passport|passport * taken/confiscated/kept/held|passport is with * employer/boss/agency/broker/company|passport * with my employer/boss/agency/broker',
  ].map((p) => [p, true] as const),
);
const WANTS_OUT = new PatternIndex<true>(
  [
    'muốn về|muốn nghỉ|muốn bỏ|muốn đi|muốn trốn|muốn rời|xin về|không về được|không thể về|không được về|không cho|đòi không|cần về',
    'want/wants/need to leave/go/escape|go home|leave the house|not let|can not leave|can not go|please help|help me',
  ].map((p) => [p, true] as const),
);

/**
 * The scam compounds' towns and trades: someone there who wants to leave, or whose family is asked
 * for money, is held for ransom whatever words they use ("muốn về mà họ đòi bồi thường").
 */
const SCAM_HUB = new PatternIndex<true>(
  [
    'sihanoukville|xihanoukville|xi ha núc|myawaddy|kk park|shwe kokko|tam giác vàng|bavet|poipet|đặc khu|khu casino|công ty casino|làm casino|công ty online|làm online|chạy data|chạy số|việc nhẹ lương cao|scam compound|scam company|scam center|scam centre',
  ].map((p) => [p, true] as const),
);
const DEMANDS = new PatternIndex<true>(
  ['đòi *3 tiền|đòi bồi thường|đòi * bồi thường|đòi chuộc|đòi *3 đô/usd/đồng/trieu|bắt * trả * tiền|bắt/đòi * trả/nộp/đền * #|đòi *2 #|phải trả #|bắt * nộp|bắt * đền|phải trả * đô|phải đền|ransom|pay * to leave|pay * to go|pay * before * leave/go'].map((p) => [p, true] as const),
);

/** A signature or silence forced: "ép ký … không ký thì không trả hộ chiếu". */
const COERCION = new PatternIndex<true>([['ép/bắt/buộc * ký|không ký thì|không ký là|dọa|force/forced/forces * sign|threaten/threatened/threatens', true]]);

/** A camera where the user washes or changes: voyeurism, even said across two clauses. */
const CAMERA = new PatternIndex<true>([['camera|máy quay|quay lén|spy cam|hidden camera', true]]);
const UNDRESSED = new PatternIndex<true>([['tắm|thay đồ|thay quần áo|phòng ngủ|phòng em|phòng tôi|phòng mình|shower|bathroom|changing|my room', true]]);

/** A short plea said in fear ("giúp em với, em sợ lắm"): long messages with fear are about a procedure. */
const FEAR = new PatternIndex<true>([['sợ lắm|sợ quá|rất sợ|hoảng sợ|hoảng loạn|sợ hãi|run quá|scared|terrified|afraid', true]]);
const PLEA = new PatternIndex<true>([['giúp em/tôi/mình/tui/con với|giúp với|làm ơn giúp|xin giúp|help|please', true]]);
const SHORT_PLEA = 12;

/** Each rule's harmless contexts and required companions, compiled once. */
const UNLESS = new Map(DANGER_RULES.filter((r) => r.unless).map((r) => [r, new PatternIndex<true>([[r.unless!, true]])]));
const NEEDS = new Map(DANGER_RULES.filter((r) => r.needs).map((r) => [r, new PatternIndex<true>([[r.needs!, true]])]));

/**
 * Words that can stand between a negation and the phrase it denies ("không có ai đánh em", "chưa
 * bao giờ bị bắt"). Any other word ends its reach: in "không ký là không cho ra", "ai không làm là
 * bị đánh" the first "không" denies something else.
 */
const TRANSPARENT = new Set([
  'bi', 'duoc', 'co', 'he', 'tung', 'phai', 'ai', 'bao', 'gio', 'con', 'dang', 'da', 'muon', 'the', 'nen', 'can', 'de', 'it', 'lan', 'nao', 'may',
  'ca', 'gi', 'em', 'toi', 'minh', 'tui', 'anh', 'chi', 'ban', 'no', 'ho', 'chung', 'ta', 'nguoi', 'hay', 'thuong', 'cung', 'van', 'lai', 'moi', 'sao', 'chu',
  'do', 'does', 'did', 'is', 'am', 'are', 'was', 'were', 'ever', 'really', 'even', 'actually', 'he', 'she', 'they', 'i', 'we', 'get', 'got', 'been', 'being',
  'have', 'has', 'had', 'to', 'you', 'anyone', 'anybody', 'one',
]);

/** How far (in words) a past or a story reaches. */
const REACH = 40;
/** Polite particles that end a question: "có bị bắt không ạ", "không vậy ad". */
const PARTICLES = new Set(['a', 'ah', 'nhe', 'nha', 'vay', 'admin', 'ha', 'nhi', 'anh', 'chi', 'em', 'ban', 'oi', 'the']);
const NEGATOR_SETS: Record<Locale, ReadonlySet<string>> = { vi: new Set(NEGATORS.vi), en: new Set(NEGATORS.en) };
const BREAKS = new Set(SCOPE_BREAKS);
const HYPO = HYPOTHETICAL.map(compilePattern);
const PAST = DISTANT.filter((h) => !HEARSAY.includes(h)).map((h) => h.split(' '));
const ruleWords = new Map(DANGER_RULES.map((r) => [r, new Set(wordsOf([r.p]))]));

/** The danger kinds in a message, in the order of DANGER_KINDS; empty when none. */
export function detectDanger(tokens: readonly Token[], lang: Locale = 'vi'): DangerKind[] {
  const negators = NEGATOR_SETS[lang];
  const found = new Set<DangerKind>();
  // A kind found once need not be looked for again (a long message repeats itself).
  for (const m of RULES.scan(tokens, (rule) => found.has(rule.kind))) {
    const rule = m.value;
    if (rule.notAfter && m.start > 0 && tokens[m.start - 1]!.c === tokens[m.start]!.c && rule.notAfter.includes(tokens[m.start - 1]!.f)) continue;
    const unless = UNLESS.get(rule);
    if (unless && inClause(unless, tokens, tokens[m.start]!.c)) continue;
    const needs = NEEDS.get(rule);
    if (needs && !outside(needs, tokens, m.start, m.end)) continue;
    if (!rule.strong && explainedAway(tokens, m.start, m.end, ruleWords.get(rule)!, negators)) continue;
    found.add(rule.kind);
  }
  // The passport held, and leaving priced or a signature forced with it: debt bondage.
  if (!found.has('confinement') && hasMatch(PASSPORT_HELD, tokens) && (hasMatch(WANTS_OUT, tokens) || hasMatch(DEMANDS, tokens) || hasMatch(COERCION, tokens))) found.add('confinement');
  if (found.size === 0 && tokens.length <= SHORT_PLEA && hasMatch(FEAR, tokens) && hasMatch(PLEA, tokens)) found.add('danger');
  if (!found.has('sexual_abuse') && hasMatch(CAMERA, tokens) && hasMatch(UNDRESSED, tokens)) found.add('sexual_abuse');
  if (!found.has('trafficking') && hasMatch(SCAM_HUB, tokens) && (hasMatch(WANTS_OUT, tokens) || hasMatch(DEMANDS, tokens))) found.add('trafficking');
  return DANGER_KINDS.filter((k) => found.has(k));
}

/** Whether a phrase of the index is in the given clause. */
function inClause(index: PatternIndex<true>, tokens: readonly Token[], clause: number): boolean {
  for (const m of index.scan(tokens)) if (tokens[m.start]!.c === clause) return true;
  return false;
}

/** Whether a phrase of the index is in the message, not inside [start, end). */
function outside(index: PatternIndex<true>, tokens: readonly Token[], start: number, end: number): boolean {
  for (const m of index.scan(tokens)) if (m.end <= start || m.start >= end) return true;
  return false;
}

function hasMatch(index: PatternIndex<true>, tokens: readonly Token[]): boolean {
  return !index.scan(tokens).next().done;
}

function explainedAway(tokens: readonly Token[], start: number, end: number, own: Set<string>, negators: ReadonlySet<string>): boolean {
  const clause = tokens[start]!.c;
  // A negation inside the phrase's gap ("nó không đánh em") or just before it ("không bị đánh").
  for (let i = start; i < end; i++) if (negators.has(tokens[i]!.f) && !own.has(tokens[i]!.f)) return true;
  for (let i = start - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
    const t = tokens[i]!;
    if (t.c !== clause || isBreak(tokens, i)) break;
    if (negators.has(t.f)) return true;
    if (!TRANSPARENT.has(t.f)) break;
  }
  // "có bị bắt không": asking whether it would happen.
  const before = tokens[start - 1];
  const before2 = tokens[start - 2];
  if ((before?.f === 'co' && before.c === clause) || (before2?.f === 'co' && before2.c === clause && before?.f !== 'da')) {
    let last = end;
    while (last < tokens.length && tokens[last]!.c === clause) last++;
    while (last > end && PARTICLES.has(tokens[last - 1]!.f)) last--;
    const tail = tokens[last - 1]?.f;
    if (tail === 'khong' || tail === 'chua') return true;
  }
  // Asking what a word means ("cưỡng bức lao động là gì", "what is forced labour").
  if (containsAny(tokens, from0(tokens, start, clause), start, DEFINITION_BEFORE)) return true;
  if (endsWith(tokens, end, clause, DEFINITION_AFTER)) return true;
  // "khi bị quấy rối thì nên làm gì": when it happens, then what — a general question.
  if (containsAny(tokens, from0(tokens, start, clause), start, [['khi']]) && containsAny(tokens, end, clauseEnd(tokens, end, clause), [['thi'], ['nen']])) return true;
  // Anybody, in general: "người lao động bị bắt thì liên hệ ai".
  if (containsAny(tokens, from0(tokens, start, clause), start, GENERIC_WORDS) && containsAny(tokens, end, clauseEnd(tokens, end, clause), [['thi']])) return true;
  // A supposition earlier in the clause ("nếu bị chủ đánh thì…") — unless it is the condition of a
  // threat ("dọa nếu bỏ trốn sẽ giết em").
  let from = start;
  while (from > 0 && start - from < REACH && tokens[from - 1]!.c === clause && !isBreak(tokens, from - 1)) from--;
  const hypo = firstMatch(tokens, from, start, HYPO);
  if (hypo >= 0 && firstAt(tokens, from0(tokens, start, clause), hypo, THREAT_WORDS) < 0 && !announcedHarm(tokens, start)) return true;
  // The past, or someone else's story, anywhere before (until "but", "now"…) or later in the clause.
  let back = start;
  while (back > 0 && start - back < REACH && !isBreak(tokens, back - 1)) back--;
  let ahead = end;
  while (ahead < tokens.length && ahead - end < REACH && tokens[ahead]!.c === clause && !isBreak(tokens, ahead)) ahead++;
  if (containsAny(tokens, back, start, PAST) || containsAny(tokens, end, ahead, PAST)) return true;
  // Hearsay is a story, except about the user's own: "nghe nói chồng em bị giữ trên tàu".
  return containsAny(tokens, back, start, HEARSAY_WORDS) && !closeToUser(tokens, back, start);
}

/**
 * "nếu em nghỉ sẽ cho người xử em": harm someone says they will do, after its condition, is a
 * threat. Only harm done to the user: "nếu bỏ trốn sẽ bị bắt" (will be arrested) is a supposition.
 */
function announcedHarm(tokens: readonly Token[], start: number): boolean {
  const before = tokens[start - 1]?.f;
  const first = tokens[start]!.f;
  return (before === 'se' || before === 'will' || before === 'gonna') && !['bi', 'be', 'been', 'get', 'got'].includes(first);
}

const GENERIC_WORDS = GENERIC.map((h) => h.split(' '));
const THREAT_WORDS = THREATS.map((h) => [h]);
const HEARSAY_WORDS = HEARSAY.map((h) => h.split(' '));
const CLOSE_WORDS = CLOSE.map((h) => h.split(' '));
const POSSESSOR_SET = new Set(POSSESSORS);

/** "chồng em", "con tôi", "my brother" between `from` and `to`. */
function closeToUser(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    for (const p of CLOSE_WORDS) {
      if (!p.every((w, j) => tokens[i + j]?.f === w)) continue;
      const after = tokens[i + p.length];
      const before = tokens[i - 1];
      if ((after && i + p.length < to && POSSESSOR_SET.has(after.f)) || (before?.f === 'my' && i > from)) return true;
    }
  }
  return false;
}

/** Where the first of the patterns starts between `from` and `to` (and ends by `to`), or -1. */
function firstMatch(tokens: readonly Token[], from: number, to: number, patterns: readonly Pattern[]): number {
  for (let i = from; i < to; i++) {
    for (const p of patterns) {
      const end = matchAt(p, tokens, i);
      if (end >= 0 && end <= to) return i;
    }
  }
  return -1;
}

/** Where the first of the phrases starts between `from` and `to`, or -1. */
function firstAt(tokens: readonly Token[], from: number, to: number, phrases: readonly string[][]): number {
  for (let i = from; i < to; i++) {
    for (const p of phrases) if (i + p.length <= to && p.every((w, j) => tokens[i + j]!.f === w)) return i;
  }
  return -1;
}

const DEFINITION_BEFORE = [['what', 'is'], ['what', 'does'], ['what', 'are'], ['what', 'counts'], ['counts', 'as'], ['considered'], ['meaning', 'of'], ['define']];
const DEFINITION_AFTER = [['la', 'gi'], ['nghia', 'la', 'gi'], ['means'], ['mean']];

/** Where the clause of `start` begins. */
function from0(tokens: readonly Token[], start: number, clause: number): number {
  let i = start;
  while (i > 0 && tokens[i - 1]!.c === clause) i--;
  return i;
}

/** Where the clause of `end - 1` ends. */
function clauseEnd(tokens: readonly Token[], end: number, clause: number): number {
  let i = end;
  while (i < tokens.length && tokens[i]!.c === clause) i++;
  return i;
}

/** Whether the clause that holds `end - 1` ends with one of the phrases (before polite particles). */
function endsWith(tokens: readonly Token[], end: number, clause: number, phrases: readonly string[][]): boolean {
  let last = end;
  while (last < tokens.length && tokens[last]!.c === clause) last++;
  while (last > end && PARTICLES.has(tokens[last - 1]!.f)) last--;
  return phrases.some((p) => last - p.length >= end && p.every((w, j) => tokens[last - p.length + j]!.f === w));
}

/** "giờ" is "now" — except in "bao giờ", "mấy giờ", "lúc nào giờ". */
function isBreak(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i]!.f;
  if (!BREAKS.has(t)) return false;
  return !(t === 'gio' && i > 0 && ['bao', 'may', 'luc', 'nua', 'tieng'].includes(tokens[i - 1]!.f));
}

function containsAny(tokens: readonly Token[], from: number, to: number, phrases: readonly string[][]): boolean {
  for (let i = from; i < to; i++) {
    for (const p of phrases) {
      if (i + p.length > to) continue;
      let ok = true;
      for (let j = 0; j < p.length && ok; j++) ok = tokens[i + j]!.f === p[j];
      if (ok) return true;
    }
  }
  return false;
}
