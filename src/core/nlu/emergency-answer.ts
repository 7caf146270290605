// The answer that comes with an emergency: the numbers are shown first, then what the message
// asked — and when it asked nothing the lexicon could place ("bị lừa sang Campuchia làm online,
// công ty không cho về", "bị quấy rối mà không có bằng chứng thì có được giúp không"), the article
// written for that danger (`danger:` in content/articles), weighed by its tags like any other.
import type { Article } from '../content/index.ts';
import { SELECTION, type AnswerSelector, type Picked } from './answer-select.ts';
import type { Retrieved } from './retrieval.ts';
import type { Slots } from './slots.ts';

/** The kind of danger the classifier found, or a shouted cry: danger, but not which. */
const UNKNOWN_DANGER = 'danger';

/**
 * "nhà chủ không an toàn": danger of no known kind, said by someone whose case an article is written
 * for (a domestic worker), is that article's danger — the case says what the danger is likely to be.
 */
function unnamedForCase(kinds: readonly string[], caseGiven: boolean): number {
  return caseGiven && kinds.includes(UNKNOWN_DANGER) ? 1 : 0;
}

export type EmergencyAnswer = (kinds: readonly string[], slots: Slots, current: Retrieved | undefined) => Picked | undefined;

/**
 * The article for the danger found, when it fits the message better than `current` (the answer
 * chosen for the question, if any). An article names the kinds of danger it answers; one tagged for
 * a case (a domestic worker) answers only a message that gives that case, and none that contradicts
 * one of its tags. Each kind it names that was found counts like a tag the message fits.
 */
export function createEmergencyAnswer(articles: readonly Article[], selector: AnswerSelector): EmergencyAnswer {
  const forDanger = articles.filter((a) => (a.danger?.length ?? 0) > 0);
  const named = (a: Article | undefined, kinds: readonly string[]) => a?.danger?.filter((k) => kinds.includes(k)).length ?? 0;
  const byId = new Map(articles.map((a) => [a.id, a]));
  return (kinds, slots, current) => {
    const weighed = current ? selector.weigh(current.id, slots, current.quality) : undefined;
    const here = weighed ? weighed.total + SELECTION.matched * named(byId.get(weighed.id), kinds) : -Infinity;
    let best: Picked | undefined;
    for (const a of forDanger) {
      const cases = a.tags?.case;
      const caseGiven = cases?.some((v) => slots.case?.includes(v)) ?? false;
      const n = named(a, kinds) || unnamedForCase(kinds, caseGiven);
      if (n === 0 || a.id === current?.id) continue;
      if (cases && !caseGiven) continue;
      const w = selector.weigh(a.id, slots, SELECTION.tagOnlyQuality);
      if (!w || w.conflicting > 0) continue;
      const total = Math.round((w.total + SELECTION.matched * n) * 100) / 100;
      if (total > here && (!best || total > best.total)) best = { ...w, total };
    }
    return best;
  };
}
