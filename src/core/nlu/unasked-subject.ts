// An answer found by its tags alone may be about a subject the message never named: "môi giới giữ
// hộ chiếu của em…, nói hết hđ mới trả" fits the deposit refund by the contract's end and the sending
// company, but asks about the passport. Such an answer is no answer when what happened (the passport)
// is dealt with only in another topic: topic-switch's `situationAcross` is asked as if none was found.
import type { Article } from '../content/index.ts';
import type { Picked } from './answer-select.ts';
import type { Retrieved } from './retrieval.ts';
import type { Slots } from './slots.ts';
import { ASKED_SLOTS } from './topic-switch.ts';

/** Whether `article` was found by its tags alone and is tagged for a subject the message did not give. */
export function aboutUnaskedSubject(articles: readonly Article[], article: Retrieved | undefined, slots: Slots): boolean {
  if (!article || (article as Picked).byTags !== true) return false;
  const tags = articles.find((a) => a.id === article.id)?.tags ?? {};
  return ASKED_SLOTS.some((slot) => tags[slot] !== undefined && !slots[slot]);
}
