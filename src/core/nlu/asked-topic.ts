// Which topic the question's own words name, when a message says several: the lexicon reads the
// whole message, but a story names topics it does not ask about ("… cả nhóm định thuê luật sư kiện
// công ty. Quỹ có hỗ trợ chi phí không?" asks about the Fund). Words only: no article is weighed here.
import type { NluOutput } from '../conversation.ts';
import { decide, MIN_INTENT_SCORE, scoreIntents, TOPIC_INTENTS, type Scores } from './intents.ts';
import { CONTACT, OFFICES, REPORT_TO } from './lexicon.ts';
import { analyze } from './normalize.ts';
import { PatternIndex, type Token } from './pattern.ts';

export type Topic = (typeof TOPIC_INTENTS)[number];

/** Whether a string is one of the four topics. */
export const isTopic = (s: string | undefined): s is Topic => (TOPIC_INTENTS as readonly string[]).includes(s ?? '');

/** What a phrase that alone says a topic weighs in the lexicon ("thanh lý hợp đồng", "quỹ"). */
export const OWN_TOPIC_SCORE = 3;
/** Words after "thì" that make a question of their own ("xin quỹ bằng giấy gì"). */
const MIN_ASKED_WORDS = 3;

/** The last words of a question that does not end with a question mark ("…, hạn mấy ngày", "… được không"). */
const QUESTION_END = new Set(['khong', 'chua', 'gi', 'sao', 'nao', 'dau', 'may', 'nhieu', 'ntn']);
/** Politeness after the question word ("… có sao không ạ", its "ạ" read as "anh"; "… được không chị"): the question still ends there. */
const TRAILING_POLITE = new Set(['ah', 'a', 'anh', 'chi', 'em', 'ban', 'nhe', 'nha', 'nhi', 'vay', 'oi', 'admin', 'ad', 'mn', 'u']);
/**
 * Question words that ask wherever they stand in the clause ("khi nào thì áp dụng vậy"); "gì" after
 * what is to be done asks too, with whom it is done after it ("phải làm thủ tục gì với cty phái
 * cử"); not after a paper, which a story names ("có cần làm giấy gì ko hay thôi" after a cut finger).
 */
const ASKING_PAIRS = new Set(['khi nao', 'bao gio', 'bao nhieu', 'o dau', 'the nao', 'lam sao', 'vi sao', 'tai sao', 'nhu nao', 'ra sao', 'lam gi', 'tuc gi']);

/**
 * Whether the last word, politeness set aside, is a question word: chat rarely types the question
 * mark, so "… được không chị" must still count as asking.
 */
export function endsWithQuestionWord(tokens: readonly Token[]): boolean {
  let k = tokens.length - 1;
  while (k > 0 && TRAILING_POLITE.has(tokens[k]!.f)) k--;
  return QUESTION_END.has(tokens[k]?.f ?? '');
}

/**
 * Whether the last clause asks: it ends with a question word, or holds one that asks wherever it
 * stands ("khi nào thì áp dụng vậy") — only a message that ends asking has a question whose topic
 * may outweigh its story's.
 */
export function lastClauseAsks(tokens: readonly Token[]): boolean {
  if (endsWithQuestionWord(tokens)) return true;
  const clause = tokens[tokens.length - 1]?.c;
  const own = tokens.filter((t) => t.c === clause);
  return own.some((t, i) => i > 0 && ASKING_PAIRS.has(`${own[i - 1]!.f} ${t.f}`));
}

/** The tokens of the message's last sentence. */
const lastSentenceOf = (scored: readonly Token[]) => {
  const last = scored.at(-1)?.sentence ?? 0;
  return scored.filter((t) => (t.sentence ?? 0) === last);
};

/**
 * A story, then its question: the topic the last sentence names, when the message has more than
 * one sentence, ends asking, and that topic is not `topic` already. The story says what happened;
 * what is asked is what the answer must be about.
 */
export function lastSentenceTopic(scored: readonly Token[], topic: string | undefined, endsAsking: boolean): Topic | undefined {
  if ((scored.at(-1)?.sentence ?? 0) === 0 || !endsAsking) return undefined;
  const last = decide(scoreIntents(lastSentenceOf(scored))).intent;
  return isTopic(last) && last !== topic ? last : undefined;
}

/**
 * "…, không có biên bản thanh lý thì xin quỹ bằng giấy gì": after the last "thì" of the last
 * sentence comes what is asked; a phrase there that alone says another topic, where `topic`'s own
 * phrases are not, makes that topic the one asked. The hotline is never taken this way: a line named
 * after "thì" is asked about by `asksForLine`, with its own care.
 */
export function topicAfterThi(scored: readonly Token[], topic: string): Topic | undefined {
  const inLast = lastSentenceOf(scored);
  const k = inLast.findLastIndex((t) => t.f === 'thi');
  const asked = k > 0 ? inLast.slice(k + 1) : [];
  if (asked.length < MIN_ASKED_WORDS) return undefined;
  const own = scoreIntents(asked);
  const best = (TOPIC_INTENTS as readonly Topic[]).reduce((a, b) => (own[b] > own[a] ? b : a));
  return best !== topic && best !== 'hotline' && own[best] >= OWN_TOPIC_SCORE && own[topic as Topic] < OWN_TOPIC_SCORE ? best : undefined;
}

/**
 * Whether the words that ask — the last sentence, after its last "thì" when words follow it — ask
 * for a line: a call in the story ("công ty chưa gọi gì") or in a supposition ("nếu em không liên
 * hệ thì…") says what happened, not whom to call.
 */
export function asksForLine(scored: readonly Token[]): boolean {
  const inLast = lastSentenceOf(scored);
  const k = inLast.findLastIndex((t) => t.f === 'thi');
  const asked = k >= 0 && k < inLast.length - 1 ? inLast.slice(k + 1) : inLast;
  return scoreIntents(asked).hotline >= MIN_INTENT_SCORE;
}

/** Lexicon entries that name an office or whom to contact rather than ask for a line. */
const NOT_A_LINE = new Set(OFFICES);
const NOT_A_LINE_FOR_RETURN = new Set([...OFFICES, CONTACT]);
/** Home already ("về nước xong phải báo ai"): whom to tell is the report to the home authority, not a line. */
const NOT_A_LINE_AFTER_RETURN = new Set([...OFFICES, CONTACT, REPORT_TO]);
const HOME_ALREADY = new PatternIndex<true>([['về nước/quê/vn/nhà xong|về việt nam xong|về xong|sau khi về|đã về nước/quê/vn/nhà|về nước/quê/vn rồi|về được # ngày|back home|after returning', true]]);

/**
 * Whether a question of `topic` that no article answers asks whom to call instead ("muốn tư vấn
 * bằng tiếng Việt về lương tăng ca bị trừ thì gọi đâu"): the country's lines, each labelled with what
 * it is for, answer it — the topic's question tree would ask what the message did not need. Naming
 * an office is not asking for a line, nor, for going home, naming the mission (going home is done
 * there, and its answers say where) or, once home, whom to report to.
 */
export function asksLineInstead(scored: readonly Token[], scores: Scores, topic: string): boolean {
  if (topic === 'hotline' || scores.hotline < MIN_INTENT_SCORE) return false;
  const notALine = topic !== 'return_registration' ? NOT_A_LINE : HOME_ALREADY.scan(scored).next().done ? NOT_A_LINE_FOR_RETURN : NOT_A_LINE_AFTER_RETURN;
  return scoreIntents(scored, notALine).hotline >= MIN_INTENT_SCORE && asksForLine(scored);
}

/** A question put as a supposition ("thế nếu … thì sao", "còn trường hợp … thì thế nào", "what if …"). */
const WHAT_IF = /^(?:(?:the|vay|con|the con|vay con|con neu)\s+)?(?:neu|lo|truong hop)\b.*\bthi (?:sao|the nao|nhu the nao|ra sao)\b|^(?:and )?what if\b/;

/**
 * Whether the message is the earlier question put again for another case ("thế nếu chủ phá sản cho
 * về thì sao"): a supposition that names `topic` only weakly, so the conversation's topic may still
 * be the one asked.
 */
export function asksWhatIf(tokens: readonly Token[], scores: Scores, topic: string): boolean {
  return scores[topic as Topic] < OWN_TOPIC_SCORE && WHAT_IF.test(tokens.map((t) => t.f).join(' '));
}

/** Words that join two questions in one sentence. */
const JOIN = /\s+(?:và|va|and)\s+/iu;
/** What the last sentence begins after: a sentence end followed by a space. */
const SENTENCE_BREAK = /[.!?\n…]+\s+/gu;

/**
 * The two questions of the message's last sentence when it joins two (and only two) with "và"/"and",
 * and the story before that sentence; undefined otherwise. Each half is then read with the story, so
 * "… Về rồi thanh lý hợp đồng trong bao lâu và quỹ hỗ trợ bao nhiêu ạ" gets both answers.
 */
export function joinedQuestions(text: string): { story: string; halves: [string, string] } | undefined {
  const trimmed = text.trim();
  let start = 0;
  for (const m of trimmed.matchAll(SENTENCE_BREAK)) if (m.index + m[0].length < trimmed.length) start = m.index + m[0].length;
  const story = trimmed.slice(0, start);
  const halves = trimmed.slice(start).split(JOIN);
  if (halves.length !== 2 || halves.some((h) => h.trim().split(/\s+/).length < 3)) return undefined;
  return { story, halves: [halves[0]!.trim(), halves[1]!.trim()] };
}

/**
 * Whether one half of two joined questions, as read with the story, is a question of its own topic:
 * it names that topic as a phrase that alone says it would ("cần mang giấy tờ gì" after a contract
 * question is still the contract), has an answer, and asks something. Only then are both answered;
 * else the halves are one question and the whole message's reading stands.
 */
export function asksOwnTopic(half: string, read: NluOutput): boolean {
  if (read.emergency.length > 0 || !isTopic(read.intent) || read.article === undefined) return false;
  const tokens = analyze(half).tokens;
  if (scoreIntents(tokens)[read.intent] < OWN_TOPIC_SCORE) return false;
  return /\?\s*$/.test(half) || (read.slots?.asks?.length ?? 0) > 0 || endsWithQuestionWord(tokens);
}
