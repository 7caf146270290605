// Picks the specific answer, not the topic's first fitting one. Retrieval says which articles' own
// questions are close to the message; the slots say the case and the asked thing; the articles'
// tags (content/articles, `tags:`) say which case and asked thing each answers. An article tagged
// for a slot the message gave is a candidate even when its questions are worded otherwise ("bị tai
// nạn gãy tay, quỹ cho bao nhiêu" → the accident amount); one tagged for another case is a
// neighbouring answer and drops far behind ("phá sản" never gets the accident article).
import type { Article } from '../content/index.ts';
import type { Retrieved } from './retrieval.ts';
import type { Slots } from './slots.ts';

/** Calibrated on tests/fixtures/answers/dev.jsonl: raise a bonus before lowering a penalty. */
export const SELECTION = {
  /** Per value the message gave that the article is tagged for. */
  matched: 0.25,
  /**
   * The share of `matched` a value of a CONTEXT slot earns: through which system the
   * worker went says little about which answer is asked for, so it only breaks ties ("hết hợp đồng về nước, phải
   * làm thủ tục gì với công ty phái cử" is the liquidation, not the deposit the sending company holds).
   */
  context: 0.2,
  /** Per slot the article is tagged for with other values only (another case, another asked thing). */
  conflicting: 0.6,
  /** Per slot the message gave that the article says nothing about (twice that for an article with no tags: a general one). */
  untagged: 0.15,
  /**
   * Per slot the article is tagged for that the message does not give: it answers a narrower case.
   * For a slot that says what happened (the case, how the contract ended, the scheme), scaled by the
   * share of the slot's values the tag leaves out: "however the contract ended" narrows nothing, one
   * case out of many nearly the whole weight, so a deposit question with no case gets the general
   * deposit answer, not the one for harassment.
   */
  narrower: 0.05,
  /** The standing of an article of the message's topic found by its tags alone (none conflicting). */
  tagOnlyQuality: 0.45,
};

/**
 * Slots that say what is asked, not what happened: an article tagged for more of them answers more
 * questions, not a wider case, so each counts whole.
 */
const ASKING = new Set(['asks', 'subject']);
/**
 * Slots that say through which system the worker went, not what happened or what is asked: a tag
 * matched on one alone does not make an article an answer ("công ty phái cử có tự thanh lý…" is not
 * every sending-company article's question).
 */
const CONTEXT = new Set(['scheme']);
/**
 * Slots that decide whether any answer of the topic applies: a worker who did not pay into the Fund
 * asks first whether the Fund helps at all, so an article tagged for the value the message gave
 * ("chưa đóng quỹ" → the conditions) is the answer, and one that says nothing of it weighs as if it
 * said another value. Only for a value some article is tagged with.
 */
const DECISIVE = new Set(['paid']);

export interface Picked extends Retrieved {
  /** Quality with the tags weighed in: what the candidates were ranked by. */
  total: number;
  topic: string;
  /** Values the message gave that the article is tagged for. */
  matched: number;
  /** Found by its tags alone: none of its questions is close to the message. */
  byTags?: true;
}

export interface AnswerSelector {
  /**
   * The best of the retrieved candidates (of `topic`, or of all topics) and — within `topic` — the
   * articles its tags fit. `looseScore` breaks ties between those found by tags alone.
   */
  pick(retrieved: readonly Retrieved[], slots: Slots, topic?: string, looseScore?: (article: string) => number): Picked | undefined;
  /**
   * One article weighed against the slots at the given standing, with how many of its tags the
   * message contradicts and how many it matched on slots that say what happened or is asked.
   */
  weigh(id: string, slots: Slots, quality: number): (Picked & { conflicting: number; telling: number }) | undefined;
}

interface Fit {
  matched: number;
  /** Of those, values of slots that say what happened or what is asked (not CONTEXT). */
  telling: number;
  conflicting: number;
  untagged: number;
  narrower: number;
}

/**
 * `findByTags`: which articles may be found by their tags alone (all unless said); a message without
 * danger does not get an article written for danger by its tags ("giúp việc, làm mất hộ chiếu" is
 * the lost passport, not the domestic worker who is not safe).
 */
export function createAnswerSelector(articles: readonly Article[], findByTags: (a: Article) => boolean = () => true): AnswerSelector {
  const byId = new Map(articles.map((a) => [a.id, a]));
  // A slot no article is tagged for (it only steers a question tree, like "still abroad") says
  // nothing about which answer fits, so it weighs no article down.
  const tagged = new Set(articles.flatMap((a) => Object.keys(a.tags ?? {})));
  // The values each slot is tagged with somewhere: what a tag may leave out.
  const valuesOf = new Map<string, Set<string>>();
  for (const a of articles) for (const [slot, vs] of Object.entries(a.tags ?? {})) for (const v of vs) (valuesOf.get(slot) ?? valuesOf.set(slot, new Set()).get(slot)!).add(v);
  const leftOut = (slot: string, own: readonly string[]) => {
    if (ASKING.has(slot)) return 1;
    const all = valuesOf.get(slot)!;
    return (all.size - own.filter((v) => all.has(v)).length) / all.size;
  };

  function fitOf(a: Article, slots: Slots): Fit {
    const fit: Fit = { matched: 0, telling: 0, conflicting: 0, untagged: 0, narrower: 0 };
    for (const [slot, values] of Object.entries(slots)) {
      if (!tagged.has(slot)) continue;
      const own = a.tags?.[slot];
      if (!own && DECISIVE.has(slot) && values.some((v) => valuesOf.get(slot)!.has(v))) fit.conflicting++;
      else if (!own) fit.untagged += a.tags ? 1 : 2;
      else {
        // Each asked thing the answer covers counts ("vay ký quỹ ở đâu" asks for the loan and the place).
        const covered = values.filter((v) => own.includes(v)).length;
        if (covered > 0) {
          fit.matched += covered;
          if (!CONTEXT.has(slot)) fit.telling += covered;
        }
        else fit.conflicting++;
      }
    }
    for (const [slot, own] of Object.entries(a.tags ?? {})) if (!slots[slot]) fit.narrower += leftOut(slot, own);
    return fit;
  }

  const total = (quality: number, f: Fit) =>
    quality + SELECTION.matched * (f.telling + SELECTION.context * (f.matched - f.telling)) - SELECTION.conflicting * f.conflicting - SELECTION.untagged * f.untagged - SELECTION.narrower * f.narrower;

  return {
    pick(retrieved, slots, topic, looseScore = () => 0) {
      const pool = new Map<string, Retrieved & { byTags?: true }>();
      for (const r of retrieved) {
        const a = byId.get(r.id);
        if (!a || (topic && a.topic !== topic)) continue;
        const seen = pool.get(r.id);
        if (!seen || r.quality > seen.quality) pool.set(r.id, r);
      }
      if (topic) {
        for (const a of articles) {
          if (a.topic !== topic || pool.has(a.id) || !findByTags(a)) continue;
          const f = fitOf(a, slots);
          if (f.telling > 0 && f.conflicting === 0) pool.set(a.id, { id: a.id, score: looseScore(a.id), quality: SELECTION.tagOnlyQuality, byTags: true });
        }
      }
      let best: Picked | undefined;
      for (const r of pool.values()) {
        const a = byId.get(r.id)!;
        const f = fitOf(a, slots);
        const t = Math.round(total(r.quality, f) * 100) / 100;
        if (!best || t > best.total || (t === best.total && r.score > best.score)) best = { ...r, total: t, topic: a.topic, matched: f.matched };
      }
      return best;
    },
    weigh(id, slots, quality) {
      const a = byId.get(id);
      if (!a) return undefined;
      const f = fitOf(a, slots);
      return { id, score: 0, quality, total: Math.round(total(quality, f) * 100) / 100, topic: a.topic, matched: f.matched, conflicting: f.conflicting, telling: f.telling };
    },
  };
}
