// Key layout shared by the stores. Everything about one conversation carries the same hash tag
// `{channel:account:user}`, so a turn's MULTI stays in one slot on Redis Cluster, and erasing it
// deletes named keys (the fixed ones below plus the ones its `own:` set lists), never a scan.
// What many conversations share (the recovery and dead-letter indexes, tables, statistics) is
// split into BUCKETS hash-tagged keys, so no single slot takes every turn's write.
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

/** How many keys a shared index or table is split into (each its own slot on a cluster). */
export const BUCKETS = 16;

/** A stable bucket for a name (FNV-1a): the same conversation or row always lands in the same one. */
export function bucketOf(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % BUCKETS;
}

export const ALL_BUCKETS: readonly number[] = Array.from({ length: BUCKETS }, (_, i) => i);

export const keys = {
  conversation: (k: ConversationKey) => `conv:${tag(k)}`,
  /** The message ids already handled: one sorted set per conversation, scored by when each expires. */
  handled: (k: ConversationKey) => `seen:${tag(k)}`,
  /** The names of the conversation's keys whose names vary (mailboxes, counters), for erase. */
  owned: (k: ConversationKey) => `own:${tag(k)}`,
  lock: (k: ConversationKey, scope = 'turn') => `lock:${scope}:${tag(k)}`,
  outbox: (k: ConversationKey) => `outbox:${tag(k)}`,
  /** Which conversations have replies or intents pending, in bucket `b` (recovery starts here). */
  outboxIndex: (b: number) => `outbox:index:{ob:${b}}`,
  /** A conversation's replies that could not be delivered: with the conversation, and erased with it. */
  deadLetters: (k: ConversationKey) => `dead:${tag(k)}`,
  /** Which conversations have dead letters (for the console's list). */
  deadIndex: (b: number) => `outbox:dead-index:{dl:${b}}`,
  intents: (k: ConversationKey) => `intent:${tag(k)}`,
  /** Messages of the conversation on their way through some instance, by the platform's order. */
  arrivals: (k: ConversationKey) => `order:${tag(k)}`,
  mailbox: (name: string, k: ConversationKey) => `mbox:${name}:${tag(k)}`,
  /** How many of the mailbox's oldest entries were trimmed: sequence numbers go on from there. */
  mailboxCut: (name: string, k: ConversationKey) => `mboxcut:${name}:${tag(k)}`,
  list: (name: string) => `list:${name}`,
  /** A text shared by conversations, by its content address: a slot of its own, written alone. */
  sharedText: (id: string) => `text:{tx:${id}}`,
  table: (name: string, b: number) => `table:{t:${name}:${b}}`,
  counter: (name: string, k: ConversationKey) => `count:${name}:${tag(k)}`,
  counters: (bucket: string, b: number) => `ctr:{c:${bucket}:${b}}`,
};
