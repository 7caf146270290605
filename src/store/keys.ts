// Key layout shared by the stores. Everything about one conversation carries the same hash tag
// `{channel:account:user}`, so a turn's MULTI stays in one slot on Redis Cluster.
import type { ConversationKey } from '../core/messages.ts';

const braces = /[{}]/g;

export function tag(key: ConversationKey): string {
  return `{${key.channel}:${key.account}:${key.user}}`.replace(braces, (b, i: number, s: string) =>
    i === 0 || i === s.length - 1 ? b : b === '{' ? '(' : ')',
  );
}

/** How a conversation is named in shared indexes: lossless, unlike the tag (which must avoid braces). */
export function indexMember(key: ConversationKey): string {
  return JSON.stringify([key.channel, key.account, key.user]);
}

export function parseIndexMember(member: string): ConversationKey | undefined {
  try {
    const parsed: unknown = JSON.parse(member);
    if (Array.isArray(parsed) && parsed.length === 3 && parsed.every((p) => typeof p === 'string')) {
      const [channel, account, user] = parsed as [string, string, string];
      return { channel, account, user };
    }
  } catch {
    // not one of ours: skipped by the caller
  }
  return undefined;
}

export const keys = {
  conversation: (k: ConversationKey) => `conv:${tag(k)}`,
  handled: (k: ConversationKey, id: string) => `seen:${tag(k)}:${id}`,
  lock: (k: ConversationKey, scope = 'turn') => `lock:${scope}:${tag(k)}`,
  outbox: (k: ConversationKey) => `outbox:${tag(k)}`,
  outboxIndex: () => 'outbox:index',
  /** A conversation's replies that could not be delivered: with the conversation, and erased with it. */
  deadLetters: (k: ConversationKey) => `dead:${tag(k)}`,
  /** Which conversations have dead letters (for the console's list). */
  deadIndex: () => 'outbox:dead-index',
  intents: (k: ConversationKey) => `intent:${tag(k)}`,
  /** Messages of the conversation on their way through some instance, by the platform's order. */
  arrivals: (k: ConversationKey) => `order:${tag(k)}`,
  mailbox: (name: string, k: ConversationKey) => `mbox:${name}:${tag(k)}`,
  list: (name: string) => `list:${name}`,
  table: (name: string) => `table:${name}`,
  counter: (name: string, k: ConversationKey) => `count:${name}:${tag(k)}`,
  counters: (bucket: string) => `ctr:${bucket}`,
};
