// Is this person in danger now? Runs on every message, in every state (mid-form, while staff hold
// the chat, under the flood guard), so it is pattern lookups only. A phrase from ./danger-rules.ts
// counts unless, within its clause, it is denied ("em không bị đánh"), supposed or asked about in
// general ("nếu bị bắt thì sao", "có bị bắt không", "khi bị quấy rối thì nên làm gì", "cưỡng bức
// lao động là gì"), or put in the past or in someone else's story ("trước đây từng bị…", "đọc báo
// thấy…", "…years ago"). Cries for help and self-harm always count. When in
// doubt the rule is recall: a false alarm costs a phone number shown, a miss can cost a life.
import {
  ANIMALS,
  CLOSE,
  CONCERN_SIGNS,
  DANGER_KINDS,
  DANGER_RULES,
  DISTANT,
  type InSentence,
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
import { detectConsequences } from './danger-consequence.ts';
import { everydaySense, ownedAfter } from './danger-everyday.ts';
import { framedBefore, harmlessSense, inJest, inQuestionToKnow } from './danger-framing.ts';
import { compilePattern, matchAt, PatternIndex, wordsOf, type Pattern, type Token } from './pattern.ts';

const RULES = new PatternIndex<DangerRule>(DANGER_RULES.map((r) => [r.p, r] as const));

/** An employer holding the passport is a warning sign; with a wish to leave, it is confinement. */
const PASSPORT_HELD = new PatternIndex<true>(
  [
    'giữ/thu/lấy/cầm/giành/giựt/giật/siết/xiết *3 hộ chiếu|giữ/thu/lấy/cầm/giành/giựt/giật/siết/xiết *3 passport|bị giành/giựt/giật/siết/xiết hộ chiếu/passport|hộ chiếu * bị giữ/thu/lấy|passport * bị giữ/thu/lấy|hộ chiếu/passport bị *2 giữ/thu/lấy/cầm|không/chưa trả * hộ chiếu|không/chưa trả * passport',
    'giữ/thu/lấy/cầm * giấy tờ|giấy tờ * bị * giữ/thu/lấy|giấy tờ bị giữ|giữ/thu/lấy/cầm * thẻ ngoại kiều|giữ/thu/lấy/cầm * thẻ cư trú|thẻ ngoại kiều * bị * giữ',
    'keep/keeps/kept/took/taken/take/holds/held/hold/confiscated/confiscate/withholds/withheld/has * passport/passports|passport/passports * taken/confiscated/kept/held|passport is with * employer/boss/agency/broker/company|passport * with my employer/boss/agency/broker',
  ].map((p) => [p, true] as const),
);
const WANTS_OUT = new PatternIndex<true>(
  [
    'muốn về|muốn nghỉ|muốn bỏ|muốn đi|muốn trốn|muốn rời|xin về|cần về',
    'want/wants/need to leave/go/escape|go home|leave the house',
  ].map((p) => [p, true] as const),
);
/** Kept from leaving, said outright: with a held passport it is confinement whatever else is said. */
const KEPT_IN = new PatternIndex<true>(
  ['không về được|không thể về|không được về|không cho|đòi không|not let|can not leave|can not go|please help|help me'].map((p) => [p, true] as const),
);
/**
 * The contract over: a wish to go home then is the ordinary end ("hết hợp đồng muốn về mà bà chủ
 * chưa trả hộ chiếu" asks how to get it back), unless leaving is refused, priced or forced.
 */
const CONTRACT_OVER = new PatternIndex<true>(
  [['hết hợp đồng|hết hạn hợp đồng|xong hợp đồng|mãn hạn|hợp đồng * hết hạn|hợp đồng đã hết|contract * ended/over/finished/expired|end of * contract|contract ends', true]],
);

/**
 * The job left in order ("chủ cũ giữ hộ chiếu… em đã nghỉ việc đúng hạn, giờ muốn về"): a wish to go
 * home then asks how to get the passport back, unless leaving is refused, priced or forced. A
 * former employer alone is not that ("giấy tờ bị chủ cũ giữ, giờ muốn về" may be a worker who fled).
 */
const JOB_LEFT = new PatternIndex<true>([['đã nghỉ việc|nghỉ việc đúng hạn|đã nghỉ làm|nghỉ đúng hạn|đã chấm dứt hợp đồng|already quit|left the job', true]]);

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

/** Held in the compound: "bị giữ", "bị nhốt", "không cho đi". */
const HELD_THERE_P = 'bị giữ|bị nhốt|bị giam|bị bắt giữ|không cho đi|không cho về|không cho ra|held|being held|kept|locked';
const HELD_THERE = new PatternIndex<true>([[HELD_THERE_P, true]]);

const heldThereWords = new Set(wordsOf([HELD_THERE_P]));
/** Held now, read like any danger phrase (not denied, not hearsay, not over). */
function heldThere(tokens: readonly Token[], negators: ReadonlySet<string>): boolean {
  for (const m of HELD_THERE.scan(tokens)) if (!explainedAway(tokens, m.start, m.end, heldThereWords, negators) && !resolvedAfter(tokens, m.end)) return true;
  return false;
}

/**
 * A debt that must be paid before leaving — the fare, the "fees" — with the door, the passport or
 * the compound holding the worker to it: debt bondage.
 */
const DEBT = new PatternIndex<true>(
  [
    'nợ *3 tiền/đô/usd/#|nợ công ty|nợ môi giới|nợ chủ|owe/owes/owed *3 #/dollars/money/usd/debt|in debt to|work off * debt|pay off * debt|pay back * debt|debt bondage|trả hết * mới|trả nợ * mới|trả đủ * mới',
  ].map((p) => [p, true] as const),
);
const HELD_TO_IT = new PatternIndex<true>(
  ['before * can/could/may * go/leave|before * go/leave|until * pay|phải làm không lương|ra ngoài *3 bị bắt lại|đi ra ngoài *3 bị bắt|bị bắt lại|mới được đi/về/ra/rời|mới cho đi/về/ra/rời|mới thả|guards/guard|bảo vệ|canh|not allowed to leave|can not leave'].map((p) => [p, true] as const),
);

/**
 * Said after the danger: it is over, the user is home ("…giờ về VN rồi", "now back in Vietnam").
 * Not when wished for ("muốn về nước rồi tính").
 */
const RESOLVED = new PatternIndex<true>(
  [
    'đã về nước/vn/việt/quê|giờ/nay/hiện về rồi|bây giờ về rồi|giờ/nay/hiện em/tôi/mình/tui/con/cháu *1 về rồi|em/tôi/mình/tui/con đã về rồi|về nước/vn/quê rồi|về việt nam rồi|giờ/nay/hiện * ở vn/việt/quê|back home now|back in vietnam|now in vietnam|returned home|came back home|i am home now|safe now|đã an toàn|an toàn rồi|đã ở nhà an toàn|đang ở nhà an toàn|đã về nhà an toàn|nên *4 chấm dứt hợp đồng *2 về|nên phải về trước',
    // Left because of it ("…nên bỏ về", "nên em đã nghỉ"), home for a while, rescued, healed.
    'nên bỏ về|nên * đã bỏ về|đã chuyển chỗ/xưởng/việc/sang *3 rồi|đã đổi chỗ/xưởng/việc *2 rồi|đã chuyển công ty|đã bỏ *3 về|nên bỏ hợp đồng về|nên em/tôi/mình/tui/chị/anh/con bỏ hợp đồng về|nên em/tôi/mình/tui/chị/anh/con nghỉ việc *2 rồi|nên nghỉ việc *2 rồi|nên em/tôi/mình/tui/chị/anh/con bỏ !tron *3 rồi|đã nghỉ *3 về|nên * đã về|nên đã về|nên * đã nghỉ|nên đã nghỉ|đã bỏ về|bỏ về nước/vn/quê|về nước/vn/quê/nhà được # ngày/tuần/tháng/năm|về nước/vn/quê/nhà được mấy/vài/hai/ba/một ngày/tuần/tháng/năm|đã về nhà/nước/quê từ|về nhà từ tháng/tuần/năm|đã được giải cứu|được giải cứu về|sức khỏe/khoẻ * ổn|sức khỏe/khoẻ đã ổn|đã khỏi hẳn|đã giải quyết xong|giải quyết xong rồi|đã được giải quyết|đã giải quyết ổn|đã xử lý xong|được chuyển chủ mới|đã chuyển chủ mới|đã đổi chủ mới|is resolved|was resolved|been resolved|sorted out now|left that job|quit that job|since i left|i left * already',
  ].map((p) => [p, true] as const),
);
/** Then home, after it ("…vì bị quấy rối rồi về nước"): over, unless the clause only wishes it. */
const THEN_HOME = new PatternIndex<true>([['rồi về nước/vn/việt/quê|rồi bỏ về|rồi mới về nước/vn/việt/quê', true]]);
/** Home because of it, said first ("…về sớm vì bị chủ đánh"): over too, unless the clause only wishes it. */
const HOME_BECAUSE = new PatternIndex<true>([['về sớm vì/do|về nước sớm vì/do|về trước hạn vì/do|về nước trước hạn vì/do|đã về nước vì/do|đã về vì/do|bỏ về vì/do|came home early because|was sent home because', true]]);
const WISHES = new Set(['muon', 'dinh', 'se', 'can', 'phai', 'mong', 'xin', 'tinh', 'neu', 'chac', 'want', 'will']);
const WISHED = new Set(['muon', 'can', 'xin', 'duoc', 'cho', 'phai', 'dinh', 'se', 'mong', 'doi', 'bat', 'chua', 'khong', 'want', 'to', 'not']);

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
const ANYWHERE = new Map(
  DANGER_RULES.filter((r) => r.unlessAnywhere).map((r) => [r, [r.unlessAnywhere!].flat().map((u) => new PatternIndex<true>([[u, true]]))]),
);
const NEEDS = new Map(DANGER_RULES.filter((r) => r.needs).map((r) => [r, new PatternIndex<true>([[r.needs!, true]])]));
const IN_SENTENCE = new Map<string, PatternIndex<true>>();
/** A phrase of an `unlessInSentence`, compiled once (rules and signs share COMPLAINT). */
const sentenceIndex = (p: string) => IN_SENTENCE.get(p) ?? IN_SENTENCE.set(p, new PatternIndex<true>([[p, true]])).get(p)!;
/** Whether one of the entries has all its phrases in the sentence of `at`. */
function saidOf(spec: InSentence, tokens: readonly Token[], at: number): boolean {
  const sentence = tokens[at]!.sentence ?? 0;
  return spec.some((all) => all.every((p) => inSentence(sentenceIndex(p), tokens, sentence)));
}

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

/** Words between "như" and what it compares with: "như là bị ai…", "như có người…". */
const SIMILE_GAP = new Set(['bi', 'ai', 'la', 'co', 'nguoi', 'dang', 'vua']);

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
  // Kinds whose phrase the rest of the message made harmless (a deadline, a storm): they count
  // only beside another sign of danger.
  const provisional = new Set<DangerKind>();
  // A kind found once need not be looked for again (a long message repeats itself).
  for (const m of RULES.scan(tokens, (rule) => found.has(rule.kind))) {
    const rule = m.value;
    if (!counts(rule, tokens, m.start, m.end, negators)) continue;
    const anywhere = ANYWHERE.get(rule);
    if (anywhere && anywhere.every((u) => hasMatch(u, tokens))) provisional.add(rule.kind);
    // A threat said as a catchphrase or a joke counts only beside another sign; a cry still counts.
    else if (!rule.strong && (inJest(tokens, m.start) || (inQuestionToKnow(tokens, m.start) && !ownedAfter(tokens, m.end)))) provisional.add(rule.kind);
    else found.add(rule.kind);
  }
  // The passport held, and leaving priced or a signature forced with it: debt bondage.
  const held = passportHeld(tokens);
  const wantsOut = hasMatch(KEPT_IN, tokens) || (hasMatch(WANTS_OUT, tokens) && !hasMatch(CONTRACT_OVER, tokens) && !hasMatch(JOB_LEFT, tokens));
  if (!found.has('confinement') && held && (wantsOut || hasMatch(DEMANDS, tokens) || hasMatch(COERCION, tokens))) found.add('confinement');
  if (found.size === 0 && tokens.length <= SHORT_PLEA && hasMatch(FEAR, tokens) && hasMatch(PLEA, tokens)) found.add('danger');
  if (!found.has('sexual_abuse') && hasMatch(CAMERA, tokens) && hasMatch(UNDRESSED, tokens)) found.add('sexual_abuse');
  if (!found.has('trafficking') && hasMatch(SCAM_HUB, tokens) && (hasMatch(WANTS_OUT, tokens) || hasMatch(KEPT_IN, tokens) || hasMatch(DEMANDS, tokens))) found.add('trafficking');
  // "KK park, e bị giữ": held there, however few the words.
  if (!found.has('trafficking') && hasMatch(SCAM_HUB, tokens) && heldThere(tokens, negators)) found.add('trafficking');
  if (!found.has('trafficking') && hasMatch(DEBT, tokens) && (hasMatch(HELD_TO_IT, tokens) || held || hasMatch(SCAM_HUB, tokens))) found.add('trafficking');
  // Told by its objects and consequences: each part read like any danger phrase.
  const stands = (start: number, end: number, own: ReadonlySet<string>) => !explainedAway(tokens, start, end, own, negators) && !resolvedAfter(tokens, end);
  for (const k of detectConsequences(tokens, stands)) found.add(k);
  if (found.size > 0 || held) for (const k of provisional) found.add(k);
  return DANGER_KINDS.filter((k) => found.has(k));
}

/**
 * The passport held now, not in the past or over ("năm ngoái bị giữ hộ chiếu… giờ về VN rồi").
 * A supposition still counts: "can I go home if my passport is with my employer" says where it is.
 */
function passportHeld(tokens: readonly Token[]): boolean {
  for (const m of PASSPORT_HELD.scan(tokens)) {
    let back = m.start;
    const sentence = tokens[m.start]!.sentence;
    while (back > 0 && m.start - back < REACH && !isBreak(tokens, back - 1) && tokens[back - 1]!.sentence === sentence) back--;
    if (!pastIn(tokens, back, m.start) && !resolvedAfter(tokens, m.end)) return true;
  }
  return false;
}

/** Whether a rule's match stands: not in a harmless sense, not laughed at, denied, supposed or over. */
function counts(rule: DangerRule, tokens: readonly Token[], start: number, end: number, negators: ReadonlySet<string>): boolean {
  if (rule.notAfter && start > 0 && tokens[start - 1]!.c === tokens[start]!.c && rule.notAfter.includes(tokens[start - 1]!.f)) return false;
  // "sếp dọa giết em =)))": said laughing, for effect.
  if (tokens[start]!.j) return false;
  if (retracted(tokens, end)) return false;
  // "con mèo nhà em bị ốm sắp chết": the dying is the animal's, not the user's.
  if (rule.strong && tokens.slice(start, end).some((t) => t.f === 'chet') && ofAnAnimal(tokens, tokens[start]!.c)) return false;
  const unless = UNLESS.get(rule);
  if (unless && inClause(unless, tokens, tokens[start]!.c)) return false;
  if (rule.unlessInSentence && saidOf(rule.unlessInSentence, tokens, start)) return false;
  if (harmlessSense(rule.kind, tokens, tokens[start]!.c, rule.strong)) return false;
  if (everydaySense(rule.kind, tokens, start, end, rule.strong)) return false;
  const needs = NEEDS.get(rule);
  if (needs && !outside(needs, tokens, start, end)) return false;
  if (rule.strong) return true;
  return !explainedAway(tokens, start, end, ruleWords.get(rule)!, negators) && !resolvedAfter(tokens, end);
}

/**
 * Taken back as a slip right after it is typed ("e đang tự tử... à nhầm, đang tự học", "typo"):
 * the keyboard's word, not the user's. Only a correction said within a few words of the phrase.
 */
const CORRECTION = new PatternIndex<true>([['à nhầm|anh nhầm|á nhầm|ấy nhầm|ủa nhầm|ý nhầm|nhầm nhầm|gõ nhầm|đánh nhầm|viết nhầm|gõ sai|bàn phím tự sửa|typo|autocorrect|autocorrected|sorry typo', true]]);
const CORRECTION_REACH = 4;

function retracted(tokens: readonly Token[], end: number): boolean {
  const sentence = tokens[end - 1]!.sentence;
  for (const m of CORRECTION.scan(tokens)) {
    if (m.start >= end && m.start - end <= CORRECTION_REACH && (tokens[m.start]!.sentence === sentence || m.start === end)) return true;
  }
  return false;
}

/** An animal named in the clause and no person beside it (an owner, "nhà em", is no person there). */
function ofAnAnimal(tokens: readonly Token[], clause: number): boolean {
  return inClause(ANIMAL, tokens, clause) && !personInClause(tokens, clause);
}

/** Whether nothing in the clause before `at` wishes what follows ("muốn về sớm vì…"). */
function unwished(tokens: readonly Token[], at: number): boolean {
  const clause = tokens[at]!.c;
  let i = at - 1;
  while (i >= 0 && tokens[i]!.c === clause && !WISHES.has(tokens[i]!.f)) i--;
  return i < 0 || tokens[i]!.c !== clause;
}

/** "…bị bỏ đói, giờ về VN rồi", "về sớm vì bị chủ đánh": what came before (or is given as the reason) is over. */
function resolvedAfter(tokens: readonly Token[], end: number): boolean {
  for (const m of HOME_BECAUSE.scan(tokens)) {
    if (m.end < end && tokens[m.start]!.c === tokens[end - 1]!.c && unwished(tokens, m.start)) return true;
  }
  for (const m of RESOLVED.scan(tokens)) {
    if (m.start < end) continue;
    const prev = tokens[m.start - 1];
    if (!prev || prev.c !== tokens[m.start]!.c || !WISHED.has(prev.f)) return true;
  }
  for (const m of THEN_HOME.scan(tokens)) {
    if (m.start < end) continue;
    const clause = tokens[m.start]!.c;
    let i = m.start - 1;
    while (i >= 0 && tokens[i]!.c === clause && !WISHES.has(tokens[i]!.f)) i--;
    if (i < 0 || tokens[i]!.c !== clause) return true;
  }
  return false;
}

/** The intent of a message that gets "are you safe right now?" rather than the emergency reply. */
export const CONCERN_INTENT = 'concern';

const CONCERN = new PatternIndex<(typeof CONCERN_SIGNS)[number]>(CONCERN_SIGNS.map((c) => [c.p, c] as const));
const concernWords = new Set(wordsOf(CONCERN_SIGNS.map((c) => c.p)));
/** Signs that add up to this are a concern ("are you safe right now?")… */
const CONCERN_AT = 2;
/** …to this, a farewell: asked about even beside a question ("con không về được nữa, ba đừng buồn")… */
const GOODBYE_AT = 3;
/** …and to this, a farewell letter: self-harm. */
const FAREWELL_AT = 4;

/**
 * Something is wrong without a word for what: a farewell, the end of endurance. `self_harm` when
 * the signs add up to a letter before dying, `farewell` when they add up to a goodbye (asked about
 * whatever else the message asks), `concern` when they only say something is wrong.
 * Each sign counts once, and not when laughed at, denied, supposed or told as the past.
 */
export function detectConcern(tokens: readonly Token[], lang: Locale = 'vi'): 'self_harm' | 'farewell' | 'concern' | undefined {
  const negators = NEGATOR_SETS[lang];
  const seen = new Set<string>();
  // Overlapping signs ("con xin lỗi mẹ") are one sign, of the higher weight.
  const signs: { start: number; end: number; weight: number }[] = [];
  for (const m of CONCERN.scan(tokens)) {
    if (seen.has(m.pattern.source) || tokens[m.start]!.j) continue;
    if (explainedAway(tokens, m.start, m.end, concernWords, negators)) continue;
    // "không chịu nổi nữa cái nóng này": a complaint about the heat, not about living.
    const about = m.value.unlessInSentence;
    if (about && saidOf(about, tokens, m.start)) continue;
    seen.add(m.pattern.source);
    const overlap = signs.find((x) => m.start < x.end && x.start < m.end);
    if (overlap) {
      overlap.weight = Math.max(overlap.weight, m.value.weight);
      overlap.end = Math.max(overlap.end, m.end);
    } else signs.push({ start: m.start, end: m.end, weight: m.value.weight });
  }
  const weight = signs.reduce((sum, x) => sum + x.weight, 0);
  return weight >= FAREWELL_AT ? 'self_harm' : weight >= GOODBYE_AT ? 'farewell' : weight >= CONCERN_AT ? 'concern' : undefined;
}

/**
 * "không chịu nổi nữa cái nóng này", "can't take this heat anymore": the end of endurance said of
 * the weather, the noise or a shift. The rules and the signs read it as a complaint; the
 * classifier, which knows the words and not what they are about, is not asked.
 */
export function complaintOnly(tokens: readonly Token[]): boolean {
  for (const m of CONCERN.scan(tokens)) {
    const about = m.value.unlessInSentence;
    if (about && saidOf(about, tokens, m.start)) return true;
  }
  return false;
}

/** Whether a phrase of the index is in the given clause. */
const ANIMAL = new PatternIndex<true>([[ANIMALS, true]]);
const SHUT = new PatternIndex<true>([['nhốt|khóa|khoá|kẹt|giam|lock|locked|shut', true]]);

/**
 * An animal shut in or out ("con mèo bị nhốt ngoài ban công"): the words of confinement, said of a
 * pet. The rules read it as harmless; the classifier, which knows words and not who they are about,
 * is not asked.
 */
export function animalShutIn(tokens: readonly Token[]): boolean {
  for (const m of SHUT.scan(tokens)) {
    const clause = tokens[m.start]!.c;
    // "em với con chó bị nhốt trong kho": a person shut in beside the animal is still a person.
    if (inClause(ANIMAL, tokens, clause) && !personInClause(tokens, clause)) return true;
  }
  return false;
}

const DIED_WORDS = new PatternIndex<true>([['chết|mất|qua đời|died|dead|passed away', true]]);
/**
 * An animal dead ("con chó nhà madam chết sáng nay, cả nhà khóc"): grief, not danger. The classifier,
 * which knows "chết" and not of whom, is not asked; a person named dying beside it is still a person.
 */
export function animalDied(tokens: readonly Token[]): boolean {
  for (const m of DIED_WORDS.scan(tokens)) {
    const clause = tokens[m.start]!.c;
    if (inClause(ANIMAL, tokens, clause) && !personInClause(tokens, clause)) return true;
  }
  return false;
}

const PERSON = new PatternIndex<true>([['tôi|em|mình|tui|chúng tôi|chúng em|bọn em|tụi em|cô ấy|anh ấy|chị ấy|bạn em|người|i|me|we', true]]);
/** Words that make the person who follows them an owner ("con mèo của em", "chó nhà em"). */
const OWNER_BEFORE = new Set(['cua', 'nha']);

function personInClause(tokens: readonly Token[], clause: number): boolean {
  for (const m of PERSON.scan(tokens)) {
    if (tokens[m.start]!.c !== clause) continue;
    const before = tokens[m.start - 1];
    if (before && OWNER_BEFORE.has(before.f)) continue;
    return true;
  }
  return false;
}

function inClause(index: PatternIndex<true>, tokens: readonly Token[], clause: number): boolean {
  for (const m of index.scan(tokens)) if (tokens[m.start]!.c === clause) return true;
  return false;
}

function inSentence(index: PatternIndex<true>, tokens: readonly Token[], sentence: number): boolean {
  for (const m of index.scan(tokens)) if ((tokens[m.start]!.sentence ?? 0) === sentence) return true;
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

function explainedAway(tokens: readonly Token[], start: number, end: number, own: ReadonlySet<string>, negators: ReadonlySet<string>): boolean {
  const clause = tokens[start]!.c;
  // Inside a dream or a play: "đêm qua mơ bị chủ đuổi đánh", "tập kịch 'Người giúp việc bị giam'".
  if (framedBefore(tokens, start)) return true;
  // A negation inside the phrase's gap ("nó không đánh em") or just before it ("không bị đánh").
  for (let i = start; i < end; i++) if (negators.has(tokens[i]!.f) && !own.has(tokens[i]!.f)) return true;
  for (let i = start - 1, seen = 0; i >= 0 && seen < 3; i--, seen++) {
    const t = tokens[i]!;
    if (t.c !== clause || isBreak(tokens, i)) break;
    // "dọa nếu không bỏ thai thì…": the negation is the condition of a threat, not a denial.
    if (negators.has(t.f) && tokens[i - 1]?.f === 'neu' && firstAt(tokens, from0(tokens, start, clause), i - 1, THREAT_WORDS) >= 0) break;
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
    // "em có bị 'bắt cóc' không nếu đi…": the question closed right after the phrase.
    for (let i = end; i < end + 2 && tokens[i]?.c === clause; i++) {
      if (['khong', 'chua'].includes(tokens[i]!.f) && ['neu', 'khi', 'if'].includes(tokens[i + 1]?.f ?? '')) return true;
    }
  }
  // A comparison, not an event: "giọng như bị ai bóp cổ", "mệt như bị đánh".
  for (let i = start - 1; i >= 0 && start - i <= 4 && tokens[i]!.c === clause; i--) {
    if (tokens[i]!.f === 'nhu' && ['như', 'nhu', ''].includes(tokens[i]!.r)) return true;
    if (!SIMILE_GAP.has(tokens[i]!.f)) break;
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
  if (hypo >= 0 && firstAt(tokens, from0(tokens, start, clause), hypo, THREAT_WORDS) < 0 && !announcedHarm(tokens, start) && !priceOfAWish(tokens, hypo, start) && !ownedAfter(tokens, end)) return true;
  // "nếu tay sưng mà chủ không cho đi khám thì gọi ai": "mà" joins the two halves of one supposition.
  if (from > 0 && tokens[from - 1]!.f === 'ma' && tokens[from - 1]!.c === clause && containsAny(tokens, end, clauseEnd(tokens, end, clause), [['thi']])) {
    let past = from - 1;
    while (past > 0 && from - past < REACH && tokens[past - 1]!.c === clause && !isBreak(tokens, past - 1)) past--;
    if (firstMatch(tokens, past, from - 1, HYPO) >= 0) return true;
  }
  // The past, or someone else's story, anywhere before (until "but", "now"…) or later in the clause.
  // Not across the end of a sentence: "I paid it two years ago. The foreman keeps grabbing me."
  let back = start;
  const sentence = tokens[start]!.sentence;
  while (back > 0 && start - back < REACH && !isBreak(tokens, back - 1) && tokens[back - 1]!.sentence === sentence) back--;
  let ahead = end;
  while (ahead < tokens.length && ahead - end < REACH && tokens[ahead]!.c === clause && !isBreak(tokens, ahead)) ahead++;
  if (pastIn(tokens, back, start) || pastIn(tokens, end, ahead)) return true;
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

/**
 * "nếu muốn gia hạn hợp đồng thì cuối tuần đi nhà nghỉ với ổng": what follows the "thì" of a wish
 * supposed is its price, set by someone, not a supposition of harm.
 */
function priceOfAWish(tokens: readonly Token[], hypo: number, start: number): boolean {
  if (!WISH_AFTER_IF.has(tokens[hypo + 1]?.f ?? '') && !WISH_AFTER_IF.has(tokens[hypo + 2]?.f ?? '')) return false;
  for (let i = hypo + 2; i < start; i++) if (tokens[i]!.f === 'thi' || tokens[i]!.f === 'then') return true;
  return false;
}
const WISH_AFTER_IF = new Set(['muon', 'want', 'wants']);

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

/** "đi trước đây" is "I'm off now", not "trước đây" (formerly). */
const NOT_PAST_AFTER: Record<string, string[]> = { 'truoc day': ['di', 've', 'chay'], phim: ['quay', 'chup', 'lam'] };

function pastIn(tokens: readonly Token[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    for (const p of PAST) {
      if (i + p.length > to || !p.every((w, j) => tokens[i + j]!.f === w)) continue;
      if (NOT_PAST_AFTER[p.join(' ')]?.includes(tokens[i - 1]?.f ?? '')) continue;
      return true;
    }
  }
  return false;
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
