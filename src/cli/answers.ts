// The answer-level evaluation behind `npm run -s answers:eval`: each case is a new conversation on
// the real engine (NLU, flows, content, responder), started as a first contact — no language or
// country unless the case presets them — and judged on every bot message produced in answer to its
// messages. A case is answered when all it expects is there:
//   article  at least one of the ids: the replies hold the beginning (ARTICLE_PREFIX characters,
//            spaces squeezed) of that article as the responder renders it — in Vietnamese or
//            English, hotline numbers filled in — so a title or a neighbouring article never counts;
//   digits   each string, with non-digits removed, is in the replies with non-digits removed;
//   words    each entry matches, as one of its `|`-separated alternatives, as a substring of the
//            replies, ignoring case and diacritics.
import { z } from 'zod';
import type { ChannelSender } from '../core/channel.ts';
import type { ContentView } from '../core/respond.ts';
import { localeSchema, type ConversationKey, type InboundMessage } from '../core/messages.ts';
import type { Engine } from '../server.ts';

export const answerCaseSchema = z.strictObject({
  say: z.array(z.string().min(1)).min(1),
  country: z.string().regex(/^[A-Z]{2}$/).optional(),
  lang: localeSchema.optional(),
  expect: z.strictObject({
    article: z.array(z.string().min(1)).min(1).optional(),
    digits: z.array(z.string().min(1)).min(1).optional(),
    words: z.array(z.string().min(1)).min(1).optional(),
  }),
  /** Free text for the reader of the file; ignored. */
  note: z.string().optional(),
});
export type AnswerCase = z.infer<typeof answerCaseSchema>;

/** One case per non-empty line; a broken line is an error naming its line number. */
export function parseAnswerFile(text: string): AnswerCase[] {
  const out: AnswerCase[] = [];
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new Error(`line ${i + 1}: not JSON`);
    }
    const parsed = answerCaseSchema.safeParse(json);
    if (!parsed.success) throw new Error(`line ${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.')}: ${x.message}`).join('; ')}`);
    out.push(parsed.data);
  });
  return out;
}

export interface CaseResult {
  case: AnswerCase;
  replies: string[];
  /** What was expected and not found; empty when answered. */
  missing: string[];
}

export interface AnswerReport {
  results: CaseResult[];
  summary: { n: number; answered: number; rate: number };
}

/** Lower case, marks gone, đ as d, runs of space as one: how `words` are compared. */
export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/\s+/g, ' ');
}

/** Long enough that two articles never share it, short enough to fit any article's answer. */
export const ARTICLE_PREFIX = 80;

const digitsOf = (s: string) => s.replace(/\D/g, '');
const squeeze = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * What of `expected` the replies lack; `view` renders articles the way the responder does. An
 * answer names the user's own mission line, so it is looked for as rendered for each of `places`
 * (country codes; undefined = none known).
 */
export function missingFrom(
  replies: readonly string[],
  expected: AnswerCase['expect'],
  view: ContentView,
  places: readonly (string | undefined)[] = [undefined],
): string[] {
  const all = replies.join('\n');
  const missing: string[] = [];
  if (expected.article) {
    const text = squeeze(all);
    const shown = expected.article.some((id) =>
      (['vi', 'en'] as const).some((locale) =>
        places.some((country) => {
          const rendered = view.article(id, locale, country);
          return rendered !== undefined && text.includes(squeeze(rendered).slice(0, ARTICLE_PREFIX));
        }),
      ),
    );
    if (!shown) missing.push(`article ${expected.article.join('|')}`);
  }
  const digits = digitsOf(all);
  for (const d of expected.digits ?? []) if (!digits.includes(digitsOf(d))) missing.push(`digits ${d}`);
  const folded = fold(all);
  for (const w of expected.words ?? []) if (!w.split('|').some((alt) => folded.includes(fold(alt)))) missing.push(`words ${w}`);
  return missing;
}

/** Runs every case as its own first contact on `engine`, whose outbox this registers a sender on. */
export async function runAnswerCases(engine: Engine, view: ContentView, cases: readonly AnswerCase[]): Promise<AnswerReport> {
  const places = [undefined, ...engine.content.countries.map((c) => c.code)];
  const inbox = new Map<string, string[]>();
  const sender: ChannelSender = {
    channel: 'eval',
    capabilities: { maxTextLength: 100_000, maxButtons: 0, maxButtonLabel: 0 },
    async send(key, message) {
      inbox.get(key.user)?.push(message.text);
      return { ok: true };
    },
  };
  engine.outbox.register(sender);
  const results: CaseResult[] = [];
  let seq = 0;
  for (const [n, c] of cases.entries()) {
    const key: ConversationKey = { channel: 'eval', account: 'eval', user: `case-${n + 1}` };
    const replies: string[] = [];
    inbox.set(key.user, replies);
    if (c.lang || c.country) await engine.conversations.preset(key, { ...(c.lang ? { locale: c.lang } : {}), ...(c.country ? { country: c.country } : {}) });
    for (const text of c.say) {
      const msg: InboundMessage = { id: `eval-${++seq}`, key, receivedAt: Date.now(), payload: { type: 'text', text } };
      await engine.conversations.receive(msg);
      await engine.outbox.flush(key);
    }
    results.push({ case: c, replies, missing: missingFrom(replies, c.expect, view, places) });
  }
  const answered = results.filter((r) => r.missing.length === 0).length;
  const n = results.length;
  return { results, summary: { n, answered, rate: n === 0 ? 1 : Math.round((answered / n) * 1000) / 1000 } };
}
