// Where the worker said they are, in their own word: the chat keeps a city *area* (the mission that
// covers it: "osaka" for Nagoya), so the word they typed is found again among that area's names in
// what they wrote. Matched on whole words, without diacritics or case, as the bot matched it.
import type { TranscriptEntry } from '../../core/conversation.ts';
import type { Handoff } from '../../handoff/model.ts';
import type { ChatCtx } from '../router.ts';

function plain(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/gi, 'd').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

/** The name of the place as the worker wrote it (the area's own name when that is what they wrote), or undefined. */
export function placeWords(c: Pick<ChatCtx, 'deps'>, h: Pick<Handoff, 'country' | 'city'>, entries: readonly TranscriptEntry[]): string | undefined {
  const city = c.deps.countries.find((x) => x.code === h.country)?.cities.find((x) => x.id === h.city);
  if (!city) return undefined;
  const names = [...new Set([...(city.aliases ?? []), city.name.vi, city.name.en])].map((name) => ({ name, words: plain(name) })).filter((n) => n.words !== '');
  // The worker's latest mention wins: they may have moved on from where they first said.
  for (const e of [...entries].reverse()) {
    if (e.from !== 'user' || e.choice) continue;
    const said = ` ${plain(e.text)} `;
    const found = names.filter((n) => said.includes(` ${n.words} `)).sort((a, b) => b.words.length - a.words.length)[0];
    if (found) return found.name;
  }
  return undefined;
}
