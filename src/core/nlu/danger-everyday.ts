// Everyday senses of the words of danger that a stranger's messages use, each read on the tokens of
// the phrase's own clause or sentence: a recipe ("gà đập dập"), a word asked in another language
// ("'nhốt' tiếng Nhật nói sao"), a match lost "to death", a pesticide bought for the garden, sleeping
// pills that saw a flu through. And the other way: a supposition the writer then says is theirs
// ("nếu bị nhốt thì gọi ai. em đang bị như vậy"), and someone taken by the water now.
// Kept apart from ./danger-rules.ts so that each sense is one reading, with its limits beside it.
import type { DangerKind, DangerRule } from './danger-rules.ts';
import { PatternIndex, type Token } from './pattern.ts';

const index = (p: string) => new PatternIndex<true>([[p, true]]);

/**
 * Taken by the sea, a river or a flood, now: "bị sóng cuốn", "nước cuốn trôi", "drowning". A death by
 * drowning told ("bị chết đuối") is a Support Fund case for the family, as the labelled files say. Not a thing
 * the wave took (a sandal, a phone, the cattle), not a near miss ("suýt", "xém"); the past and stories are read
 * as for any phrase.
 */
export const WATER_RULES: readonly DangerRule[] = [
  {
    p: 'bị sóng/nước/lũ/triều *1 cuốn|bị dòng nước *1 cuốn|bị cuốn trôi|sóng/lũ/nước *1 cuốn *2 đi/mất/trôi|đang chìm|đang đuối|swept away|swept out to sea|pulled under|drowning',
    kind: 'danger',
    unless:
      'suýt|xém|tí nữa|xíu nữa|dép|giày|điện thoại|đt|ví|bóp|mũ|nón|đồ|hàng|xe !cuu/cap|chuồng|trâu|bò|+lợn|heo|+gà|+vịt|lúa|ruộng|hoa màu|nhà cửa|tài sản|cây cầu|lướt sóng|cứu hộ đã|được cứu|almost|nearly|phone|shoes|sandals|surfing|cattle|crops',
  },
];

/** A how-to of the kitchen beside a food: "cách làm gà chiên kiểu bị đập dập", "công thức tỏi đập". */
const RECIPE = index('cách làm|cách nấu|cách chiên|cách rán|cách ướp|công thức|món|recipe|how to cook|how to make');
const FOOD = index('gà|vịt|thịt|cá|tỏi|sả|gừng|hành|trứng|chiên|rán|xào|nướng|luộc|giòn|nước mắm|chicken|garlic|meat|fried');

/** A word asked about in another language: "'nhốt' trong tiếng Nhật nói sao". */
const LANGUAGE_NAMED = index(
  'tiếng nhật|tiếng hàn|tiếng anh|tiếng trung|tiếng hoa|tiếng đài|tiếng đức|tiếng ba lan|tiếng séc|tiếng nga|tiếng ả rập|tiếng rumani|tiếng hungary|tiếng malay|in japanese|in korean|in chinese|in english|in arabic|in german|in polish|in czech',
);
const ASKED_WORD = index('nói *1 sao|nói *1 thế nào|nói *1 như nào|gọi *1 là gì|là gì|viết *1 sao|viết *1 thế nào|dịch *1 sao|dịch *1 là|đọc *1 sao|how do you say|how to say|what is|translate');
/** The only words that may stand before the asked word in its clause: the asking itself. */
const ASKING = new Set(['cho', 'em', 'minh', 'toi', 'hoi', 'ad', 'admin', 'oi', 'a', 'tu', 'chu', 'cum', 'cau', 'trong', 'tieng', 'nhat', 'han', 'anh', 'trung', 'hoa', 'how', 'do', 'you', 'say', 'the', 'word']);

/** A football match lost "to death": "thua muốn chết luôn". */
const MATCH = index('bóng đá|đá bóng|xem bóng|trận|đội tuyển|world cup|aff|sea games|football|soccer|the match|the game');
const LOST_BEFORE = new Set(['thua', 'thang', 'tiec', 'cay', 'hoi', 'lost', 'losing']);

/** A pesticide for plants: bought for the balcony's vegetables, not to be drunk. */
const GARDEN = index('trồng|rau|cây|vườn|ruộng|bị sâu|sâu ăn|sâu bọ|côn trùng|rệp|+bọ|+kiến|chậu|plants|garden|vegetables|insects|pests');
const DRUNK = index('uống|nuốt|drink|drank|swallow');

/** Sleeping pills that saw an illness through: "uống thuốc ngủ 2 ngày là khỏe rồi". */
const RECOVERED = index('là khỏe|là khỏi|là đỡ|khỏe rồi|khỏi rồi|đỡ rồi|hết bệnh|khỏi bệnh|khỏe lại|feel better|felt better|recovered');
const OVERDOSE = new Set(['lieu', 'vi', 'het', 'ca']);

/**
 * Whether the phrase at start..end is said in an everyday sense its clause or sentence gives. A cry
 * or a wish to die (`strong`) is given one only by the match, the garden and the illness, which say
 * what "to death" and the bottle are about.
 */
export function everydaySense(kind: DangerKind, tokens: readonly Token[], start: number, end: number, strong = false): boolean {
  const clause = tokens[start]!.c;
  const sentence = tokens[start]!.sentence ?? 0;
  const inClause = (i: PatternIndex<true>) => [...i.scan(tokens)].some((m) => tokens[m.start]!.c === clause);
  const inSentence = (i: PatternIndex<true>) => [...i.scan(tokens)].some((m) => (tokens[m.start]!.sentence ?? 0) === sentence);
  const words = tokens.slice(start, end).map((t) => t.f);
  if (kind === 'violence' && !strong && inClause(RECIPE) && inClause(FOOD)) return true;
  if (!strong && inClause(LANGUAGE_NAMED) && [...ASKED_WORD.scan(tokens)].some((m) => m.start >= end && tokens[m.start]!.c === clause)) {
    let i = start - 1;
    while (i >= 0 && tokens[i]!.c === clause && ASKING.has(tokens[i]!.f)) i--;
    if (i < 0 || tokens[i]!.c !== clause) return true;
  }
  if (kind !== 'self_harm') return false;
  const before = [tokens[start - 1], tokens[start - 2]].filter((t) => t && t.c === clause);
  if (words.includes('chet') && inSentence(MATCH) && before.some((t) => LOST_BEFORE.has(t!.f))) return true;
  if (words.includes('sau') && words.includes('thuoc') && inSentence(GARDEN) && !inSentence(DRUNK)) return true;
  if (words.includes('thuoc') && words.includes('ngu') && !words.some((w) => OVERDOSE.has(w)) && inClause(RECOVERED)) return true;
  return false;
}

/**
 * A supposition the writer then says is theirs: "nếu bị nhốt thì gọi số nào. tại em đang bị như vậy",
 * "if that happens who do I call? it is happening to me". After the phrase, in any later clause.
 */
const OWNED = index(
  'em/tôi/mình/tui/con/chị/anh *2 đang bị *2 như vậy/thế|đang bị *1 vậy/thế/thế này|em/tôi/mình/tui/con *2 bị *1 như vậy/thế rồi|đang gặp *1 chuyện/cảnh/tình trạng này/đó/vậy|đang ở trong *1 hoàn cảnh/tình trạng/trường hợp này/đó/vậy|chính em/tôi/mình đang bị|it is happening to me|this is happening to me|that is happening to me|i am in that situation|that is my situation|this is my situation',
);
export function ownedAfter(tokens: readonly Token[], end: number): boolean {
  for (const m of OWNED.scan(tokens)) if (m.start >= end && tokens[m.start]!.c !== tokens[end - 1]!.c) return true;
  return false;
}
