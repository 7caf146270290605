// Two topics tied by the lexicon, one of them named in the clause that asks: "làm sao đăng ký về
// nước qua đại sứ quán vậy, em hết hđ rồi mà chưa về" asks how to register the return; the contract's
// end after the comma says why. The story may come after its question as well as before it.
import { OWN_TOPIC_SCORE, isTopic, type Topic } from './asked-topic.ts';
import { scoreIntents, TOPIC_INTENTS, type Scores } from './intents.ts';
import type { Token } from './pattern.ts';

/** Question words that ask wherever they stand in the clause (as in asked-topic.ts, without those that also tell: "bao nhiêu"). */
const ASKING_PAIRS = new Set(['lam sao', 'the nao', 'nhu nao', 'ra sao', 'bang cach nao', 'cach nao', 'o dau', 'khi nao', 'bao gio']);
/** How close the two topics must be for the asking clause to settle it (as for topic-switch's near tie). */
const TIE_RATIO = 0.6;

/** Whether the clause holds a question word pair ("làm sao", "ở đâu"). */
const asks = (clause: readonly Token[]) => clause.some((t, i) => i > 0 && ASKING_PAIRS.has(`${clause[i - 1]!.f} ${t.f}`));

/** The topic asked and the clause that asks it: its words alone are searched when the whole message finds no answer there. */
export interface AskingClause {
  topic: Topic;
  tokens: readonly Token[];
}

/**
 * The topic the asking clause names when the lexicon nearly ties it with `topic`: some clause asks,
 * names that topic as a phrase that alone says it would, and names `topic` not at all, while the
 * clauses that do not ask hold `topic`'s words. Undefined: the lexicon's choice stands.
 */
export function askingClause(scored: readonly Token[], scores: Scores, topic: string | undefined): AskingClause | undefined {
  if (!isTopic(topic)) return undefined;
  const clauses = new Map<number, Token[]>();
  for (const t of scored) (clauses.get(t.c) ?? clauses.set(t.c, []).get(t.c)!).push(t);
  if (clauses.size < 2) return undefined;
  const asking = [...clauses.values()].filter(asks);
  if (asking.length !== 1) return undefined;
  const own = scoreIntents(asking[0]!);
  const named = (TOPIC_INTENTS as readonly Topic[]).filter((t) => t !== 'hotline' && own[t] >= OWN_TOPIC_SCORE);
  if (named.length !== 1 || named[0] === topic || own[topic] > 0) return undefined;
  const other = named[0]!;
  return scores[other] >= TIE_RATIO * scores[topic] ? { topic: other, tokens: asking[0]! } : undefined;
}
