// What the words of danger are framed by, when the frame makes them harmless: a dream, a play being
// rehearsed, a catchphrase or a joke, a lock that broke, money (not a person) held, a price
// "slashed". Each is a rule of language read on the tokens, beside the readings of ./danger.ts
// (negation, supposition, the past, a story, a screen): a frame earlier in the clause, a sense in the
// clause, or a tone over the whole message. A frame never hides a danger said outside it: "mơ thấy
// mẹ, sáng nay bị chủ đánh" and "đang tập kịch thì bị công an bắt" still count.
import { WEATHER, type DangerKind } from './danger-rules.ts';
import { PatternIndex, type Token } from './pattern.ts';

const index = (p: string) => new PatternIndex<true>([[p, true]]);

/** One's own key forgotten or lost inside: locked out (or in) by oneself, with a locksmith's fee to ask about. */
const OWN_KEY =
  'quên chìa|để quên chìa|bỏ quên chìa|mất chìa|làm mất chìa|đánh rơi chìa|chìa khóa/khoá *3 để quên|chìa khóa/khoá *3 bị mất|locked myself out|locked out of my|forgot * key/keys|lost * key/keys|left * key/keys inside';

/**
 * Said inside a dream or a play: what follows in the clause did not happen to anyone. "mơ" is
 * typed with its marks ("mở" is to open); "nằm mơ", "mơ thấy" also without. Not a script or a
 * role: a scam compound makes its workers read one ("đọc kịch bản lừa người Việt", "đóng vai").
 */
const FRAME_BEFORE = index(
  '+mơ|nằm mơ|mơ thấy|ác mộng|giấc mơ|chiêm bao|dream|dreamt|dreamed|dreaming|nightmare|nightmares|tập kịch|vở kịch|đóng kịch|diễn kịch|tiểu phẩm|vai diễn|tập văn nghệ|tiết mục|rehearse|rehearsing|rehearsal|in a play|our play|the play|school play',
);
/** Words that end a frame's reach: "mơ thấy mẹ nhưng…", "đang tập kịch thì…", "ác mộng vì bị đánh thật". */
const FRAME_ENDS = new Set(['nhung', 'ma', 'thi', 'vi', 'do', 'tai', 'roi', 'gio', 'but', 'then', 'because', 'and', 'now', 'va']);
const FRAME_REACH = 12;

/**
 * A scene of the play, in a later clause of its sentence: "đang tập kịch…, có cảnh chủ nhà đánh
 * người giúp việc". "cảnh" typed with its marks, and not "cảnh sát".
 */
const SCENE = index('có +cảnh !sát/báo/giác/cáo/vệ/tỉnh|+cảnh !sát/báo/giác/cáo/vệ/tỉnh|phân cảnh|cảnh diễn|đoạn diễn|a scene|the scene|scene where');

/** A dream or a play earlier in the clause, with nothing between that ends its reach. */
export function framedBefore(tokens: readonly Token[], start: number): boolean {
  const clause = tokens[start]!.c;
  let from = start;
  while (from > 0 && start - from < FRAME_REACH && tokens[from - 1]!.c === clause && !FRAME_ENDS.has(tokens[from - 1]!.f)) from--;
  for (const m of FRAME_BEFORE.scan(tokens)) if (m.start >= from && m.end <= start) return true;
  const sentence = tokens[start]!.sentence;
  for (const m of SCENE.scan(tokens)) {
    if (m.start < from || m.end > start) continue;
    for (const f of FRAME_BEFORE.scan(tokens)) if (f.end <= m.start && tokens[f.start]!.sentence === sentence) return true;
  }
  return false;
}

/**
 * The harmless sense of a kind's words, given by another phrase of the same clause: shut in by a
 * lock that broke (nobody did it), wages or a deposit "held" (money, not a person), a price or a tax
 * "chém" (overcharged), sleepy "to death".
 */
const SENSES: readonly { kinds: readonly DangerKind[]; index: PatternIndex<true>; evenStrong?: true }[] = [
  {
    kinds: ['confinement'],
    index: index('khóa/khoá hỏng/hư/kẹt|hỏng/hư/kẹt khóa/khoá|khóa/khoá bị hỏng/hư/kẹt|cửa *2 bị kẹt|cửa *2 kẹt|kẹt cửa|cửa *2 bị hỏng|lock/door * broken/stuck/jammed|broken lock|jammed door'),
  },
  {
    kinds: ['arrest', 'confinement'],
    // The money is what is held, said as the subject: not "nợ tiền nên em bị giữ lại".
    index: index('lương *2 bị *2 giữ/giam|tiền lương *2 bị *2 giữ/giam|tiền cọc *2 bị *2 giữ/giam|tiền ký quỹ *2 bị *2 giữ/giam|làm tiền cọc|làm tiền đặt cọc|làm tiền ký quỹ|wage/wages/salary/deposit *3 held/withheld|pay is held/withheld'),
  },
  // Shut in by oneself ("tự nhốt mình trong phòng ôn thi"): studying or sulking, nobody did it.
  { kinds: ['confinement'], index: index('tự nhốt|tự khóa/khoá *2 mình/cửa|tự giam|locked/lock/shut myself|locked/shut herself/himself') },
  { kinds: ['violence'], index: index('chém giá|chém thuế|chém phí|chém đắt|bị chém *2 thuế/giá/phí/đắt|hét giá|overcharged|ripped off') },
  // Sleeping out on a camping trip is not homeless ("cắm trại ngủ ngoài trời"); a cry there still counts.
  { kinds: ['danger'], index: index('cắm trại|cắm lều|dã ngoại|picnic|camping|campsite') },
  // Locked out by one's own forgotten or lost key: nobody shut anyone in.
  { kinds: ['confinement'], index: index(OWN_KEY) },
  // Hyperbole of the body said as a wish to die: not a wish, however strong the words.
  { kinds: ['self_harm'], index: index('buồn ngủ *2 muốn chết|buồn ngủ chết|ngủ gật *2 muốn chết|sleepy|say sóng/xe/tàu *2 muốn chết|say sóng/xe/tàu chết|say máy bay *2 muốn chết|seasick|carsick|motion sickness'), evenStrong: true },
  // A dose asked about ("uống quá liều có sao ko"): a question of medicine, not an act; "uống quá liều
  // rồi", "uống cả vỉ" still count.
  {
    kinds: ['self_harm'],
    index: index('quá liều có sao|quá liều thì sao|quá liều có nguy hiểm|quá liều có ảnh hưởng|quá liều có hại|quá liều là bao nhiêu|bao nhiêu viên * quá liều|overdose * is it dangerous/ok/safe|how much * overdose'),
    evenStrong: true,
  },
  // "Kidnapped" to a dinner or a birthday: friends taking you out, not a crime.
  {
    kinds: ['arrest', 'confinement', 'trafficking'],
    index: index('bắt cóc *2 đi ăn/chơi/nhậu/hát/uống/xem/karaoke/cafe/du|bắt cóc * sinh nhật|bắt cóc * đám cưới|kidnapped * to/for * dinner/party/drinks/birthday/karaoke/lunch'),
  },
];

/**
 * Whether the clause gives the words of `kind` their harmless sense. A cry for help or a wish to die
 * (`strong`) is given one only by the senses that say so.
 */
export function harmlessSense(kind: DangerKind, tokens: readonly Token[], clause: number, strong = false): boolean {
  for (const s of SENSES) {
    if (!s.kinds.includes(kind) || (strong && !s.evenStrong)) continue;
    for (const m of s.index.scan(tokens)) if (tokens[m.start]!.c === clause) return true;
  }
  return false;
}

/** A threat said as a catchphrase or a joke ("câu cửa miệng", "đùa thôi"): for effect, unless denied. */
const JEST = index(
  'câu cửa miệng|cửa miệng|quen miệng|nói vui|nói đùa|đùa thôi|giỡn thôi|đùa đấy|đùa đó|chỉ đùa|hay đùa|nói chơi|nói cho vui|just kidding|only joking|just joking|was joking|as a joke|jokingly',
);
const NOT_JEST = index('không/chẳng/chả/ko phải đùa/giỡn|không/chẳng/chả đùa/giỡn|không phải nói đùa/vui/chơi|không đùa đâu|not joking|not kidding|no joke|not a joke');

export function saidInJest(tokens: readonly Token[]): boolean {
  return !JEST.scan(tokens).next().done && NOT_JEST.scan(tokens).next().done === true;
}

/** Words that set what follows apart from the joke: "nói đùa thôi, nhưng hôm qua ổng đánh em thật". */
const JEST_ENDS = new Set(['nhung', 'ma', 'but', 'gio', 'now', 'that', 'really']);

/**
 * The phrase at `start` is in the joke: a jest marker in its sentence, with no word between them
 * that sets it apart ("nhưng", "thật").
 */
export function inJest(tokens: readonly Token[], start: number): boolean {
  if (!saidInJest(tokens)) return false;
  const sentence = tokens[start]!.sentence ?? 0;
  for (const m of JEST.scan(tokens)) {
    if ((tokens[m.start]!.sentence ?? 0) !== sentence) continue;
    const [a, b] = m.start < start ? [m.end, start] : [start, m.start];
    if (!tokens.slice(a, b).some((t) => JEST_ENDS.has(t.f))) return true;
  }
  return false;
}

/** Heat said beside the cool the worker is in ("47 độ, may mà làm trong nhà có điều hoà"). */
const HEAT = index('nóng|nắng|# độ|heat|hot|degrees');
const COOL = index('máy lạnh|điều hoà|điều hòa|máy điều hòa|máy điều hoà|quạt|bóng mát|bóng râm|air con|aircon|air conditioning|air conditioner');
/** What makes the cool not there: "không có máy lạnh", "tắt điều hoà", "máy lạnh hỏng". */
const NO_COOL_BEFORE = new Set(['khong', 'chua', 'chang', 'cha', 'tat', 'cat', 'no', 'not', 'without', 'off']);
const NO_COOL_AFTER = new Set(['hong', 'hu', 'tat', 'broken', 'off']);

/**
 * The heat made bearable by the employer: breaks, water and salt, hats, an early end ("chủ cho nghỉ
 * 15p mỗi tiếng, có nước với muối", "3h là cho về"). Like the cool, it tells the heat said.
 */
const RELIEF = index(
  'nghỉ *3 mỗi tiếng/giờ|nghỉ *2 phút|nghỉ giữa ca|có giờ nghỉ|giờ nghỉ|phát nước|có nước|nước lạnh|nước muối|nước với muối|phát mũ|cho về sớm|là cho về|breaks|water breaks|gives us water|cold water',
);
/** …unless someone's body gives way all the same: the heat is then an emergency. */
const GIVING_WAY = index('ngất|xỉu|nôn|ói|co giật|khó thở|lắp bắp|nói ngọng|lả đi|tay lạnh|mê man|say nắng|sốc nhiệt|fainted|passed out|collapsed|vomiting|heat stroke|seizure');

export function coolInHeat(tokens: readonly Token[]): boolean {
  if (HEAT.scan(tokens).next().done) return false;
  if (!GIVING_WAY.scan(tokens).next().done) return false;
  for (const m of [...COOL.scan(tokens), ...RELIEF.scan(tokens)]) {
    const before = [tokens[m.start - 1], tokens[m.start - 2], tokens[m.start - 3]].filter((t) => t && t.c === tokens[m.start]!.c);
    const after = tokens[m.end];
    if (before.some((t) => NO_COOL_BEFORE.has(t!.f)) || (after && after.c === tokens[m.end - 1]!.c && NO_COOL_AFTER.has(after.f))) continue;
    return true;
  }
  return false;
}

/**
 * One day off refused ("madam ko cho nghỉ thứ 6 vì nhà có khách, tuần sau bù", "xin nghỉ ốm 1 hôm
 * mà sajang ko cho"): a question of the law, which the rules read with any harm beside it; the
 * classifier, which knows "không cho nghỉ" from forced labour, is not asked. Never a day off in
 * months, or a body giving way, stays with it.
 */
const DAY_OFF_ASKED = index('xin nghỉ !viec|nghỉ ốm|nghỉ phép|ngày phép|nghỉ *2 ngày thứ|nghỉ *2 hôm nay/mai|nghỉ *2 1/một/2/hai ngày/hôm|tuần sau bù|bù lại|day off|sick leave|sick day');
const REFUSED = index('không/chẳng/chưa cho *2 nghỉ|chỉ cho|không duyệt|không đồng ý|refused|would not let|did not let');
const NEVER_A_DAY = index('ngày nào|bao giờ|suốt|cả tháng|mấy tháng|# tháng|liên tục|never|ngất|xỉu|nôn|co giật|khó thở|chảy máu|gãy|đánh|nhốt|dọa|bắt làm|nghỉ việc|giữ hộ chiếu|not a single day');
export function oneDayOffRefused(tokens: readonly Token[]): boolean {
  return !DAY_OFF_ASKED.scan(tokens).next().done && !REFUSED.scan(tokens).next().done && NEVER_A_DAY.scan(tokens).next().done === true;
}

/**
 * A quarrel that is over ("tối qua cãi nhau to, giờ yên rồi", "đã làm lành"): the classifier, which
 * knows the words of a fight, is not asked. The rules still read a blow or a threat beside it.
 */
const QUARREL = index('cãi nhau|cãi vã|to tiếng|xích mích|gây gổ|gây nhau|lời qua tiếng lại|argued|argue|quarrel|quarrelled');
const SETTLED = index('giờ yên rồi|yên rồi|êm rồi|làm lành|làm hòa|làm hoà|hết giận|giải quyết xong|đã giải quyết|bình thường lại|made up|settled|all good now|fine now');
export function quarrelSettled(tokens: readonly Token[]): boolean {
  return !QUARREL.scan(tokens).next().done && !SETTLED.scan(tokens).next().done;
}

/** Whether the message's tone says its danger words are said for effect: the classifier is not asked. */
export function saidForEffect(tokens: readonly Token[]): boolean {
  return saidInJest(tokens) || coolInHeat(tokens) || oneDayOffRefused(tokens) || quarrelSettled(tokens) || keptInByWeather(tokens) || wagesOnly(tokens) || sleptLikeTheDead(tokens) || inCareTillDischarge(tokens) || selfShutIn(tokens) || askedToKnow(tokens) || askedInCase(tokens);
}

/** "ngủ như chết", "sleeps like a log": sound asleep, a comparison. */
const SLEPT_LIKE = index('ngủ *2 như chết|ngủ *2 như heo/lợn/trâu/gỗ/khúc|ngủ say như|sleep/sleeps/sleeping/slept like * dead/log|dead to the world');
export function sleptLikeTheDead(tokens: readonly Token[]): boolean {
  return !SLEPT_LIKE.scan(tokens).next().done;
}

/**
 * In hospital with the day out already given ("đang nằm viện, bác sĩ bảo 3 ngày nữa ra"): cared for,
 * the question is the contract. The rules still read any harm beside it; the classifier, which knows
 * the words of illness and not that it is treated, is not asked.
 */
const IN_HOSPITAL = index('nằm viện|nhập viện|điều trị|đang ở viện|đang ở bệnh viện|in hospital|in the hospital|admitted|being treated');
const DISCHARGE = index('ngày/tuần nữa *2 ra|ra viện|xuất viện|được ra|cho ra|về nhà được|discharged|discharge|go home in');
export function inCareTillDischarge(tokens: readonly Token[]): boolean {
  return !IN_HOSPITAL.scan(tokens).next().done && !DISCHARGE.scan(tokens).next().done;
}

const SELF_SHUT = index(`tự nhốt|tự khóa/khoá *2 mình/cửa|tự giam|locked/lock/shut myself|locked/shut herself/himself|${OWN_KEY}`);
/** Shut in by oneself: the classifier, which knows "nhốt", is not asked. */
export function selfShutIn(tokens: readonly Token[]): boolean {
  return !SELF_SHUT.scan(tokens).next().done;
}

/**
 * Asked to know the law, not told: "bị quấy rối thì có được chấm dứt hợp đồng ko, e hỏi cho biết luật
 * thôi", "hỏi trước để phòng thôi". Like a joke, a danger phrase in its sentence counts only beside
 * another sign; a cry or a wish to die still counts.
 */
const TO_KNOW = index(
  'hỏi cho biết|hỏi để biết|hỏi cho rõ luật|hỏi về luật|hỏi luật|hỏi trước để phòng|hỏi để phòng|hỏi phòng khi|hỏi thử thôi|chỉ hỏi thôi|hỏi thôi chứ|hỏi vậy thôi|hỏi chơi|tìm hiểu luật|muốn biết luật|just asking|asking in general|asking hypothetically|hypothetically|asking about the law|just want to know the law',
);
export function askedToKnow(tokens: readonly Token[]): boolean {
  return !TO_KNOW.scan(tokens).next().done;
}
/** The phrase at `start` is in the sentence that says it is only asked about. */
export function inQuestionToKnow(tokens: readonly Token[], start: number): boolean {
  const sentence = tokens[start]!.sentence ?? 0;
  for (const m of TO_KNOW.scan(tokens)) {
    if ((tokens[m.start]!.sentence ?? 0) !== sentence) continue;
    // "em hỏi cho biết thôi, nhưng chủ em đánh em thật": set apart, it is told.
    const [a, b] = m.start < start ? [m.end, start] : [start, m.start];
    if (!tokens.slice(a, b).some((t) => JEST_ENDS.has(t.f))) return true;
  }
  return false;
}

// "bão" typed without its marks is as often "bảo" (told): "chu bao khong duoc ra khoi nha".
const WEATHER_WORDS = index(
  WEATHER.split('|')
    .map((w) => (w === 'bão' ? '+bão' : w))
    .join('|'),
);
const KEPT_IN = index('nhốt|ở trong nhà|ở nhà|không cho ra|không được ra|cấm ra|không ra ngoài|kept inside|stay inside|stay home|locked in|shut in');

/**
 * Kept in by a storm or a lockdown ("bắt em ở trong nhà khi bão về", "bị 'nhốt' ở nhà vì lockdown"):
 * the rules count it only beside another sign; the classifier, which knows the words of
 * confinement and not the weather, is not asked.
 */
export function keptInByWeather(tokens: readonly Token[]): boolean {
  return !WEATHER_WORDS.scan(tokens).next().done && !KEPT_IN.scan(tokens).next().done;
}

const WAGES_SHORT = index(
  'trả thiếu|trả chậm|trả trễ|nợ lương|chưa trả lương|không trả lương|trừ lương|cắt lương|lương * thiếu|thiếu lương|paid short|short paid|unpaid wages|wages * unpaid|not paid * wages|salary * late',
);
/** …and the worker told to go: the quarrel ends in dismissal, a question of the contract. */
const DISMISSED = index('nghỉ việc đi|nghỉ đi|bảo nghỉ|cho nghỉ việc|đuổi việc|bị đuổi việc|sa thải|bị sa thải|fired me|got fired|told me to quit');

/**
 * Wages paid short, asked for, and a quarrel over them ("chủ trả thiếu 300 ringgit, e đòi thì chủ
 * bảo nghỉ việc đi"): a dispute the rules read, and harm beside it they find; the classifier, for
 * which an unmarked "đòi" (ask for) is "đói" (hungry), is not asked. Wages unpaid without the
 * dismissal (held to a debt, starving) are left to it.
 */
export function wagesOnly(tokens: readonly Token[]): boolean {
  return !WAGES_SHORT.scan(tokens).next().done && !DISMISSED.scan(tokens).next().done;
}

/**
 * What to do if it happens, asked ahead ("… em thấy nghi nghi. Nếu bị lừa thì báo đường dây nóng
 * nào?", "lỡ bị giữ hộ chiếu thì gọi ai"): a supposition, then whom to call or what to do. The rules
 * read what is said of now beside it; the classifier, which knows the words of the supposition and
 * not that it is supposed, is not asked.
 */
const IN_CASE = index('nếu|lỡ|lỡ như|giả sử|phòng khi|trường hợp|in case|if');
const THEN_WHAT = index('thì *6 nào|thì *6 đâu|thì *6 ai|thì *4 làm sao|thì *4 làm gì|thì *4 sao|what should|who should|who do|which number|where do|where can|what do i do');
export function askedInCase(tokens: readonly Token[]): boolean {
  for (const m of IN_CASE.scan(tokens)) {
    const sentence = tokens[m.start]!.sentence ?? 0;
    for (const w of THEN_WHAT.scan(tokens)) if (w.start > m.start && (tokens[w.start]!.sentence ?? 0) === sentence) return true;
  }
  return false;
}
