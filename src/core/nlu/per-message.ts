// The understanding as the engine asks for it. One message is read several times in its turn —
// the admission and flood checks look for danger, the turn understands it, the choice and command
// readers normalise it and the labels it is compared with — and the same texts come back from
// many users ("1", "menu", the labels of every list). Each reading is done once per text and
// kept (bounded, the most recent), so a message is analysed once however many parts ask.
import type { NluOutput, Understander } from '../conversation.ts';
import type { Earlier } from '../effects.ts';
import type { Locale } from '../messages.ts';
import { detectLanguage } from './language.ts';
import { memoize } from './memo.ts';
import { normalize } from './normalize.ts';
import type { Nlu } from './understand.ts';

/** Texts kept per reading: a few seconds of traffic on a busy instance. */
const TEXTS_KEPT = 2_000;

export function perMessage(nlu: Nlu, kept = TEXTS_KEPT): Understander {
  const understood = memoize((t) => nlu.understand(t), kept);
  // Read with what came before, a text may mean more than alone: kept by the text and the earlier
  // question both (its topic, its slots and the country known, all the reading depends on), apart
  // from the text alone.
  const followedUp = memoize((key) => {
    const [t, topic, slots, country] = JSON.parse(key) as [string, string | null, Earlier['slots'] | null, string | null];
    return nlu.understand(t, { ...(topic ? { topic } : {}), ...(slots ? { slots } : {}), ...(country ? { country } : {}) });
  }, kept);
  return {
    // A copy: callers build their events from it and must not share (or change) one another's.
    understand: (t, earlier) =>
      copyOf(
        earlier?.topic || earlier?.country
          ? followedUp(JSON.stringify([t, earlier.topic ?? null, earlier.slots ?? null, earlier.country ?? null]))
          : understood(t),
      ),
    detectLanguage: memoize((t): Locale => detectLanguage(t), kept),
    normalize: memoize(normalize, kept),
  };
}

function copyOf(o: NluOutput): NluOutput {
  const out: NluOutput = { ...o, emergency: [...o.emergency] };
  if (o.article) out.article = { ...o.article };
  if (o.followUp) out.followUp = { ...o.followUp };
  if (o.slots) out.slots = Object.fromEntries(Object.entries(o.slots).map(([k, v]) => [k, [...v]]));
  return out;
}
