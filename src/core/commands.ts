// The words that work as commands in every state, on every channel (typed, or sent as /commands by
// Telegram). Matched against the whole normalised message, so "menu" is a command but
// "menu nay co gi" is a question for the NLU.
import type { Command } from './effects.ts';
import type { Normalize } from './choices.ts';

const WORDS: Record<Command, string[]> = {
  menu: ['menu', 'main menu', 'trang chinh', 'danh muc', 'home', 'bat dau lai', 'start over'],
  back: ['back', 'quay lai', 'tro lai', 'lui lai', 'go back'],
  help: ['help', 'giup', 'tro giup', 'huong dan', 'giup do', '?'],
  staff: ['staff', 'gap can bo', 'can bo', 'nhan vien', 'talk to staff', 'agent'],
  language: ['language', 'ngon ngu', 'doi ngon ngu', 'change language'],
  delete: ['delete', 'delete my data', 'erase my data', 'xoa du lieu', 'xoa het du lieu', 'xoa tin nhan', 'xoa cuoc tro chuyen'],
};

/** The command words as the normaliser writes them, per normaliser (computed once, not per message). */
const normalized = new WeakMap<Normalize, Map<string, Command>>();

export function parseCommand(text: string, normalize: Normalize): Command | undefined {
  const slash = /^\/([a-z]+)(?:@\w+)?\s*$/i.exec(text.trim());
  if (slash) {
    const name = slash[1]!.toLowerCase();
    return (Object.keys(WORDS) as Command[]).find((c) => c === name);
  }
  let words = normalized.get(normalize);
  if (!words) {
    words = new Map();
    for (const c of Object.keys(WORDS) as Command[]) for (const w of WORDS[c]) if (!words.has(normalize(w))) words.set(normalize(w), c);
    normalized.set(normalize, words);
  }
  return words.get(normalize(text));
}
