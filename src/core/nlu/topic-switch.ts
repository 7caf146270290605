// When an article of another topic takes the question: the lexicon names a topic from the words,
// but the content knows where a question belongs — an article whose own question the message
// nearly is, or whose tags fit what the message said far better, moves the question to its topic.
// Each decision here returns the move (the topic and its article) or undefined: none is made.
import type { Article } from '../content/index.ts';
import type { Earlier } from '../effects.ts';
import { SELECTION, type AnswerSelector, type Picked } from './answer-select.ts';
import { asksWhatIf, isTopic, type Topic } from './asked-topic.ts';
import { MIN_INTENT_SCORE, TOPIC_INTENTS, type Scores } from './intents.ts';
import type { Token } from './pattern.ts';
import type { Candidates, Retrieved } from './retrieval.ts';
import type { Slots } from './slots.ts';

/** How close to an article's question a message must be for that article's topic to break a near tie… */
const MIN_QUALITY_TO_SWITCH = 0.75;
/** …and how close the two topics' scores must be. */
const SWITCH_RATIO = 0.6;
/** How much better an article of another topic must fit to take the question there. */
const CROSS_TOPIC_MARGIN = 0.2;
/** Tag values an article of another topic must fit to take the question there by its tags alone. */
const MIN_MATCHED_TO_SWITCH = 2;
/** …and only when the message is (nearly) one of its questions. */
const MIN_QUALITY_WITHOUT_TOPIC = 0.9;
/** The slot that says what the question is about (the deposit, the ticket), as against what happened or what is asked of it. */
export const ASKED_SLOTS = ['subject'];
/** Slots that say where the worker is in the journey, which a topic may not deal with at all. */
const SITUATION_SLOTS = ['stage', 'passport'];

/** What one message offers to weigh articles by: read once, shared by every decision. */
export interface Weighing {
  /** What the message's words found, and what they found without the words of its case (weighed a little less). */
  retrieved: readonly Retrieved[];
  /** The search on the whole message: its best article, and the tie-breaker for those found by tags. */
  candidates: Candidates;
  slots: Slots;
  /** The lexicon's scores for the message. */
  scores: Scores;
  /** The selector for the danger found (or none): see `createNlu`. */
  chooser: AnswerSelector;
  danger: boolean;
}

/** A move of the question to `topic`, answered by `article`. */
export interface Move {
  topic: string;
  article: Retrieved;
}

export interface TopicSwitch {
  /** The best article of `topic` (all topics without one) for the message. */
  select(w: Weighing, topic?: string): Picked | undefined;
  nearTie(w: Weighing, topic: string): Move | undefined;
  fitsBetterAcross(w: Weighing, topic: string | undefined, article: Retrieved | undefined): Move | undefined;
  fitsByTagsAcross(w: Weighing, topic: string | undefined, article: Retrieved | undefined): Move | undefined;
  situationAcross(w: Weighing, topic: string): Move | undefined;
  dangerByTags(w: Weighing): Move | undefined;
  needAnswer(slots: Slots, country: string): Picked | undefined;
  nearlyAQuestion(w: Weighing): Move | undefined;
  onlyTopicByTags(w: Weighing): Move | undefined;
  whatIfEarlier(w: Weighing, tokens: readonly Token[], topic: string, earlier: Earlier | undefined): Move | undefined;
  followUp(w: Weighing, earlier: Earlier | undefined): { id: string; topic: string; unknown?: true } | undefined;
}

/**
 * `selector` weighs every article; `calmSelector` finds an article written for danger by its
 * questions only (for a message without danger).
 */
export function createTopicSwitch(articles: readonly Article[], selector: AnswerSelector, calmSelector: AnswerSelector): TopicSwitch {
  const byId = (id: string) => articles.find((a) => a.id === id);
  /** Whether some article of `topic` is tagged for `slot=value`. */
  const tagIndex = new Set(articles.flatMap((a) => Object.entries(a.tags ?? {}).flatMap(([slot, vs]) => vs.map((v) => `${a.topic}:${slot}=${v}`))));
  /** Whether some article of the topic is tagged for the slot at all. */
  const slotIndex = new Set(articles.flatMap((a) => Object.keys(a.tags ?? {}).map((slot) => `${a.topic}:${slot}`)));
  const answers = (topic: string | undefined, slot: string, value: string) => topic !== undefined && tagIndex.has(`${topic}:${slot}=${value}`);
  const select = (w: Weighing, t?: string) => w.chooser.pick(w.retrieved, w.slots, t, w.candidates.looseScore);
  /** The standing of the article already chosen, weighed among `topic`'s. */
  const standing = (w: Weighing, topic: string | undefined, article: Retrieved | undefined) =>
    article ? w.chooser.pick([article], w.slots, topic, w.candidates.looseScore) : undefined;

  return {
    select,

    /**
     * Two topics nearly tied in the lexicon: when the message is close to one of an article's own
     * questions, the article's topic settles it — the content knows where the question belongs,
     * the weights of two phrases do not.
     */
    nearTie(w, topic) {
      const overall = w.candidates.best();
      const other = overall && byId(overall.id)?.topic;
      const close = other !== undefined && w.scores[other as Topic] >= Math.max(MIN_INTENT_SCORE, SWITCH_RATIO * w.scores[topic as Topic]);
      if (!overall || !other || other === topic || overall.quality < MIN_QUALITY_TO_SWITCH || !close) return undefined;
      return { topic: other, article: select(w, other) ?? overall };
    },

    /**
     * The message is close to an article's own question in another topic, and that article fits its
     * slots better than anything in the lexicon's topic ("my employer went bankrupt and I have to go
     * home" is about the contract, not the registration) — or danger came with no topic. Only from a
     * topic or with danger: a message with neither is not a question the lexicon placed.
     */
    fitsBetterAcross(w, topic, article) {
      if (!topic && !w.danger) return undefined;
      const across = select(w);
      const here = standing(w, topic, article)?.total ?? (article ? 0 : -Infinity);
      if (!across || across.topic === topic || across.quality < MIN_QUALITY_TO_SWITCH || across.total <= here + CROSS_TOPIC_MARGIN) return undefined;
      return { topic: across.topic, article: select(w, across.topic) ?? across };
    },

    /**
     * Another topic's article fits what the message said by its tags — two of the values it gave,
     * none against — far better than anything here ("bị quấy rối, em muốn về nước trước hạn" is the
     * right to end the contract; "phá sản, tiền ký quỹ có lấy lại được không" is the deposit). Only
     * when this topic cannot answer what the question is about at all (the hotline list has no
     * articles: it answers by its numbers), or has no answer and the other fits twice, or the other
     * fits two more values than this topic's best ("về sớm thì vé máy bay ai trả": the early return,
     * the ticket and who pays, against the registration's "who pays" alone).
     */
    fitsByTagsAcross(w, topic, article) {
      if (!topic && !w.danger) return undefined;
      const here = standing(w, topic, article);
      // What the message asks about (the deposit, an amount) that only `other`'s articles are tagged for.
      const asksOnlyAnswered = (other: string) =>
        ASKED_SLOTS.some((slot) => (w.slots[slot] ?? []).some((v) => answers(other, slot, v) && !answers(topic, slot, v)));
      for (const other of TOPIC_INTENTS) {
        if (other === topic) continue;
        const there = select(w, other);
        if (!there || there.matched <= (here?.matched ?? 0) || there.total <= (here?.total ?? -Infinity) + CROSS_TOPIC_MARGIN) continue;
        const fitsMore = there.matched >= (here?.matched ?? 0) + MIN_MATCHED_TO_SWITCH;
        if ((topic !== 'hotline' && asksOnlyAnswered(other)) || (!article && there.matched >= MIN_MATCHED_TO_SWITCH) || fitsMore) return { topic: other, article: there };
      }
      return undefined;
    },

    /**
     * What happened (not yet sent abroad, the passport) that `topic` has no article about at all,
     * and another topic's article fits by its tags: the question without an answer goes there, not
     * to this topic's first question ("nộp hồ sơ 8 tháng mà cty chưa cho xuất cảnh, có đòi lại tiền
     * được ko" is not the Fund's). Only for a topic without an answer; never from the hotline, which
     * answers by its numbers.
     */
    situationAcross(w, topic) {
      if (topic === 'hotline') return undefined;
      const situationOnlyAnswered = (other: string) =>
        SITUATION_SLOTS.some((slot) => !slotIndex.has(`${topic}:${slot}`) && (w.slots[slot] ?? []).some((v) => answers(other, slot, v)));
      for (const other of TOPIC_INTENTS) {
        if (other === topic || !situationOnlyAnswered(other)) continue;
        const there = select(w, other);
        if (!there || there.matched === 0) continue;
        return { topic: other, article: there };
      }
      return undefined;
    },

    /**
     * Danger found, and asked whom to call, with no answer ("… giữ hộ chiếu, dọa tố cáo. bạn ấy cần
     * gọi ai để được về?"): the numbers come first anyway, so what the message says of its case
     * answers the rest — the article its tags fit best, of whichever topic.
     */
    dangerByTags(w) {
      const byTags = TOPIC_INTENTS.filter((t) => t !== 'hotline')
        .map((t) => select(w, t))
        .filter((p): p is Picked => p !== undefined && p.matched > 0)
        .sort((x, y) => y.total - x.total);
      return byTags[0] ? { topic: byTags[0].topic, article: byTags[0] } : undefined;
    },

    /**
     * Asked whom to call about a need an article answers with that country's own lines ("bị nợ
     * lương ở Đài Loan thì gọi số nào"): what to do, with the lines for it there, answers it better
     * than the list. The article must be tagged for the need's case and contradict none of the
     * message's tags.
     */
    needAnswer(slots, country) {
      const cases = slots.case ?? [];
      let best: Picked | undefined;
      for (const a of articles) {
        if (!a.byCountry?.[country] || !a.tags?.case?.some((v) => cases.includes(v))) continue;
        const w = selector.weigh(a.id, slots, SELECTION.tagOnlyQuality);
        if (w && w.conflicting === 0 && (!best || w.total > best.total)) best = w;
      }
      return best;
    },

    /**
     * Nothing in the lexicon, but the message is (almost) one of an article's own questions: the
     * content's wording is proof enough of the topic, though only a modest guess.
     */
    nearlyAQuestion(w) {
      const best = w.candidates.best();
      const a = best && byId(best.id);
      return best && a && best.quality >= MIN_QUALITY_WITHOUT_TOPIC ? { topic: a.topic, article: best } : undefined;
    },

    /**
     * A question the lexicon could not place, whose words say what happened that only one topic's
     * articles are tagged for ("đã 7 tháng vẫn chưa được xuất cảnh, công ty có trả lại hồ sơ không"):
     * that topic's article answers it. Two topics fitting is no evidence for either.
     */
    onlyTopicByTags(w) {
      const byTags = TOPIC_INTENTS.map((t) => select(w, t)).filter((p): p is Picked => p !== undefined && p.matched > 0);
      return byTags.length === 1 ? { topic: byTags[0]!.topic, article: byTags[0]! } : undefined;
    },

    /**
     * "thế nếu chủ phá sản cho về thì sao" after the Fund's amount for an accident: the same question
     * for another case. A supposition that names no topic strongly is read in the earlier topic, its
     * case in place of the earlier one — when an article there fits what it says (else the earlier
     * topic would answer a question that was not asked).
     */
    whatIfEarlier(w, tokens, topic, earlier) {
      if (!earlier?.topic || !isTopic(earlier.topic) || topic === earlier.topic || w.danger || !asksWhatIf(tokens, w.scores, topic)) return undefined;
      const there = w.chooser.pick(w.retrieved, { ...earlier.slots, ...w.slots }, earlier.topic, w.candidates.looseScore);
      if (!there || (w.chooser.weigh(there.id, w.slots, 0)?.matched ?? 0) === 0) return undefined;
      return { topic: earlier.topic, article: there };
    },

    /**
     * No topic read, but the message is close to an article's question ("có phải báo công an không,
     * hạn mấy ngày" after "em vừa về quê"): the flow answers it inside that article's topic. Read as
     * the follow-up of the question before it, the message adds to that question's case ("tiền ký
     * quỹ lấy lại thế nào" then "e đi Hàn theo EPS" asks for the EPS deposit) — when it says
     * something of its own: the answer must be among what its words found, or fit what it said, so
     * a thanks alone is not the question again.
     */
    followUp(w, earlier) {
      const picked = earlier?.topic && isTopic(earlier.topic) ? calmSelector.pick(w.retrieved, { ...earlier.slots, ...w.slots }, earlier.topic, w.candidates.looseScore) : undefined;
      const carried = picked && (w.retrieved.some((r) => r.id === picked.id) || (selector.weigh(picked.id, w.slots, 0)?.matched ?? 0) > 0) ? picked : undefined;
      const near = carried ?? selector.pick(w.retrieved, w.slots);
      const a = near && byId(near.id);
      return near && a ? { id: a.id, topic: a.topic, ...(a.unknown ? { unknown: true as const } : {}) } : undefined;
    },
  };
}
