// Key layout shared by the stores. Everything about one conversation carries the same hash tag
// `{channel:account:user}`, so a turn's MULTI stays in one slot on Redis Cluster.
import type { ConversationKey } from '../core/messages.ts';

const braces = /[{}]/g;

export function tag(key: ConversationKey): string {
  return `{${key.channel}:${key.account}:${key.user}}`.replace(braces, (b, i: number, s: string) =>
    i === 0 || i === s.length - 1 ? b : b === '{' ? '(' : ')',
  );
}

export function parseTag(tagged: string): ConversationKey | undefined {
  const m = /^\{([^:{}]+):([^:{}]+):(.+)\}$/.exec(tagged);
  return m ? { channel: m[1]!, account: m[2]!, user: m[3]! } : undefined;
}

export const keys = {
  conversation: (k: ConversationKey) => `conv:${tag(k)}`,
  handled: (k: ConversationKey, id: string) => `seen:${tag(k)}:${id}`,
  lock: (k: ConversationKey, scope = 'turn') => `lock:${scope}:${tag(k)}`,
  outbox: (k: ConversationKey) => `outbox:${tag(k)}`,
  outboxIndex: () => 'outbox:index',
  deadLetters: () => 'outbox:dead',
  mailbox: (name: string, k: ConversationKey) => `mbox:${name}:${tag(k)}`,
  list: (name: string) => `list:${name}`,
};
