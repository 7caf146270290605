// What the engine needs from the outside world, as interfaces. Implementations are injected by
// src/server.ts (store: src/store; log: pino), so src/core stays free of I/O libraries.
import type { AskEffect } from './effects.ts';
import type { Choice, ConversationKey, Locale, OutboundMessage } from './messages.ts';

export interface Clock {
  now(): number;
}
export const systemClock: Clock = { now: () => Date.now() };

/** The subset of pino's logger the engine uses. */
export interface Log {
  /** pino's: lets a line whose fields cost something to build skip building them when its level is off. */
  isLevelEnabled?(level: 'debug'): boolean;
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}
export const silentLog: Log = { debug() {}, info() {}, warn() {}, error() {} };

/** A conversation's saved state: the flow's persisted snapshot plus what the engine needs around it. */
export interface ConversationRecord {
  flowVersion: number;
  snapshot: unknown;
  locale?: Locale;
  country?: string;
  city?: string;
  /** The choices last shown, so "2" or a typed label selects on every channel. */
  pending: Choice[];
  /** The last question asked, asked again (in the current language) after help, a sticker, or an emergency. */
  lastAsk?: AskEffect;
  /** When the user last wrote, and that message's id: platforms' messaging windows count from it. */
  lastUserAt?: number;
  lastUserMessageId?: string;
  updatedAt: number;
}

export interface OutboxItem {
  /** Unique per item; also what a channel may use to make a resend idempotent. */
  id: string;
  key: ConversationKey;
  message: OutboundMessage;
  attempts: number;
  enqueuedAt: number;
  lastError?: string;
  /** An earlier attempt may have been delivered (it timed out after reaching the platform). */
  maybeSent?: boolean;
  /** A send of it was started (marked just before): a holder that finds it so knows the one before stopped mid-send. */
  inFlight?: boolean;
  /**
   * When the user wrote the message this replies to, and its id, as the turn knew them: the sender
   * needs them for messaging windows, and carrying them saves reading the conversation per send.
   * Absent on messages no turn produced (staff replies): then the conversation is read.
   */
  userAt?: number;
  userMessageId?: string;
}

export interface LockOptions {
  ttlMs: number;
  waitMs: number;
  scope?: string;
  /**
   * Keep the lock alive while `fn` runs (renewed every third of `ttlMs`), for holders whose work
   * has no fixed length (the outbox waiting on a slow platform or the send rate).
   */
  renew?: boolean;
}

/**
 * A held lock, as its holder sees it. `token` fences what the holder writes: the store refuses
 * a commit, an ack or an attempt made with a token that no longer holds the lock, so a holder
 * that stalled past its lock's life cannot undo what the next holder did.
 */
export interface Lease {
  readonly token: string;
  /** True once the store said the lock is someone else's (or it may have expired unseen). */
  readonly lost: boolean;
  /** Renews the lock now; false when it is lost (then nothing more may be sent or written under it). */
  confirm(): Promise<boolean>;
}

/** What a turn leaves for later, written with it: work that must happen even if the instance dies next. */
export interface Intent {
  id: string;
  kind: string;
  data: unknown;
}

export interface TurnCommit {
  /** Absent when the user erased the conversation: the record is deleted in the same write. */
  record?: ConversationRecord;
  recordTtlMs: number;
  /** The inbound message id marked as handled in the same write as the record. */
  messageId: string;
  dedupeTtlMs: number;
  outbox: OutboxItem[];
  /** Entries appended to one of the conversation's mailboxes (its transcript) in the same write. */
  mailbox?: MailboxAppend;
  /** More mailboxes appended to in the same write (what a channel keeps with the message: InboundMessage.keep). */
  mailboxes?: MailboxAppend[];
  /** The turn lock's token: the commit is refused (LockLostError) if the lock is no longer ours. */
  fence?: string;
  /**
   * The turn has nothing left to do under its lock: the commit also releases it (with `fence`), so
   * the next holder need not wait for another round trip. Nothing may be written under it after.
   */
  release?: boolean;
  /** Work the turn owes (an emergency's hand-off), kept with the conversation until intentsDone. */
  intents?: Intent[];
  /**
   * The outbox's lease, offered by this instance's Outbox when it will drain the conversation at
   * once (Outbox.offer): the commit takes the outbox lock with this token in the same write, only if
   * it appends replies and nobody holds that lock, and answers the first `peek` undelivered replies.
   * The drain then starts under it (withOutboxLease `taken`) without a round trip of its own.
   */
  lease?: OutboxLeaseOffer;
}

/** The outbox lock a commit may take for the drain that follows it (TurnCommit.lease). */
export interface OutboxLeaseOffer {
  token: string;
  ttlMs: number;
  /** How many undelivered replies the commit reads back when it takes the lock. */
  peek: number;
}

/** An outbox lock already taken (by a commit: TurnCommit.lease) and the replies read with it. */
export interface TakenOutboxLease {
  token: string;
  head: OutboxItem[];
}

/** Entries to append to one of the conversation's mailboxes (a turn's transcript, what a channel keeps with the message). */
export interface MailboxAppend {
  name: string;
  items: readonly unknown[];
  ttlMs: number;
}

/** How a turn begins (Store.withTurn): its message, and the flood window the message counts in. */
export interface TurnOptions<A> {
  ttlMs: number;
  waitMs: number;
  messageId: string;
  flood: { name: string; windowMs: number };
  /**
   * A read issued with each attempt to take the lock (in the same tick, so in the same round trip:
   * a row of another slot, such as the hand-off gate). The attempt that takes the lock gives its answer.
   */
  alongside?: () => Promise<A>;
}

/** What the store knew of the turn's message when the turn lock was taken. */
export interface TurnStart<A> {
  /** Handled already (a platform's retry): the record was not read, nor the message counted. */
  handled: boolean;
  record?: ConversationRecord;
  /** The conversation's messages in the flood window so far, this one included (0 when handled). */
  count: number;
  alongside?: A;
}

export interface OutboxLeaseOptions {
  ttlMs: number;
  waitMs: number;
  peek: number;
  /** Held already: taken by the turn's commit, with the replies it read (no acquiring, no read). */
  taken?: TakenOutboxLease;
}

/** How the ack of a delivered reply ends (outboxAck). */
export interface AckOptions {
  /**
   * The drain ends once no reply is left: the same write then releases the outbox lock (a fenced
   * ack only), and the withOutboxLease holding it does not release it again.
   */
  release?: boolean;
}

export interface MailboxEntry<T> {
  seq: number;
  item: T;
}

/**
 * Storage for the engine. Every operation on one conversation touches keys that share one hash
 * tag, so a turn's commit is one atomic write on a single Redis and on Redis Cluster alike.
 */
export interface Store {
  getConversation(key: ConversationKey): Promise<ConversationRecord | undefined>;
  deleteConversation(key: ConversationKey): Promise<void>;
  /**
   * Saves the record, marks the message handled and appends the replies to the outbox, atomically.
   * With `lease` it also takes the outbox lock when it appends replies and the lock is free: then it
   * answers the first undelivered replies (the drain's head), otherwise undefined.
   */
  commitTurn(key: ConversationKey, commit: TurnCommit): Promise<OutboxItem[] | undefined>;

  /**
   * Runs `fn` holding the conversation's lock named `scope` ('turn' by default; the outbox uses its
   * own); waits for it up to `waitMs`. The lock expires after `ttlMs` in case its holder dies.
   */
  withLock<T>(key: ConversationKey, opts: LockOptions, fn: (lease: Lease) => Promise<T>): Promise<T>;
  /**
   * Begins a turn in one round trip: takes the conversation's turn lock (waiting as withLock does)
   * and, in the same write, tells whether `messageId` was handled, and for a message that was not,
   * reads the record and counts the message in the flood window (countInWindow); then runs `fn`
   * under the lock.
   */
  withTurn<T, A = never>(key: ConversationKey, opts: TurnOptions<A>, fn: (start: TurnStart<A>, lease: Lease) => Promise<T>): Promise<T>;
  /**
   * withLock on the outbox's own lock (renewed while `fn` runs), handing `fn` the first `peek`
   * undelivered replies read in the same round trip as the lock was taken. With `taken` (a lock a
   * commit took: TurnCommit.lease) nothing is asked of the store first: `fn` runs under that lock
   * with the head the commit read, renewed and released the same way; a lock no longer held by
   * that token fences every write as a lost lease does. A `fn` that does nothing just releases it.
   */
  withOutboxLease<T>(key: ConversationKey, opts: OutboxLeaseOptions, fn: (lease: Lease, head: OutboxItem[]) => Promise<T>): Promise<T>;

  /** The conversation's undelivered replies, oldest first. */
  outboxPeek(key: ConversationKey, limit: number): Promise<OutboxItem[]>;
  /**
   * Removes the head item if it is `id` (delivered); true when nothing is left for the conversation.
   * With `fence` (the outbox lock's token) it throws LockLostError unless that lock is still held.
   */
  outboxAck(key: ConversationKey, id: string, fence?: string, opts?: AckOptions): Promise<boolean>;
  /**
   * Replaces the head item (to record an attempt); fenced as outboxAck. With `renewMs` the same
   * write renews the fencing lock for that long: the lease's confirm before a send, in one trip.
   */
  outboxUpdateHead(key: ConversationKey, item: OutboxItem, fence?: string, renewMs?: number): Promise<void>;
  /**
   * The ack of `id` (outboxAck with `release`) and, in the same write, the in-flight mark of `next`
   * (outboxUpdateHead with `renewMs`) when `next` is then the head: one round trip between two
   * sends instead of two. Fenced by `fence`, which is required. 'marked' when `next` was marked;
   * otherwise outboxAck's answer (true: nothing left, and the lock released with it).
   */
  outboxAckAndMark(key: ConversationKey, id: string, next: OutboxItem, fence: string, renewMs: number): Promise<boolean | 'marked'>;
  /**
   * Moves the head item `item.id` to the conversation's dead letters in one write (kept `ttlMs`,
   * erased with the conversation); fenced as outboxAck. True when nothing is left to deliver.
   */
  outboxGiveUp(key: ConversationKey, item: OutboxItem, ttlMs: number, fence?: string): Promise<boolean>;
  /** Conversations with undelivered replies or unfinished intents (after a restart, recovery starts here). */
  outboxConversations(): Promise<ConversationKey[]>;
  /** Adds a reply that could not be delivered to its conversation's dead letters. */
  deadLetter(item: OutboxItem, ttlMs: number): Promise<void>;
  /** The newest dead letters of every conversation, oldest first. */
  deadLetters(limit: number): Promise<OutboxItem[]>;

  /** The intents a turn left that are not done yet, oldest first. */
  intents(key: ConversationKey): Promise<Intent[]>;
  /** Marks intents done (by id); the conversation leaves the recovery index once nothing is left. */
  intentsDone(key: ConversationKey, ids: readonly string[]): Promise<void>;

  /**
   * A per-conversation append-only list with sequence numbers (the web chat's mailbox, transcripts).
   * A mailbox with a cap (capMailboxes) keeps its newest entries only; the numbers of those kept do
   * not change, so a reader's position (`afterSeq`) stays valid. Push returns how many it holds.
   */
  mailboxPush<T>(name: string, key: ConversationKey, item: T, ttlMs: number): Promise<number>;
  mailboxRead<T>(name: string, key: ConversationKey, afterSeq: number): Promise<MailboxEntry<T>[]>;
  /** Deletes one mailbox of the conversation now (e.g. the bytes of a file nothing will send). */
  mailboxDelete(name: string, key: ConversationKey): Promise<void>;
  /** How many entries the named mailboxes keep per conversation (oldest dropped first); others keep all. */
  capMailboxes(caps: Readonly<Record<string, number>>): void;

  /**
   * Texts shared by every conversation, each under its content address (a hash of it): what the
   * bot says from content alone, kept once instead of in every transcript. Never personal data, so
   * erasing a user never needs to touch them. Each write gives the text `ttlMs` more to live.
   */
  sharedTextsPut(texts: Readonly<Record<string, string>>, ttlMs: number): Promise<void>;
  /** Those of the texts still kept (an id not kept is absent from the answer). */
  sharedTextsGet(ids: readonly string[]): Promise<Record<string, string>>;

  /** A plain list shared by all instances (e.g. an audit trail). */
  listPush<T>(name: string, item: T): Promise<void>;
  listRead<T>(name: string, limit: number): Promise<T[]>;

  /**
   * Counts one more event for `key` in a fixed window that starts with the first event, and returns
   * the count so far (a flood guard). Stored with the conversation, so erasing it erases this too.
   */
  countInWindow(name: string, key: ConversationKey, windowMs: number): Promise<number>;

  /**
   * Adds to named counters in one bucket (statistics: `stats:2026-11` → `question|topic=hotline` → 12).
   * Shared by every instance; never keyed by a person, so erasing a user never needs to touch them.
   */
  countersAdd(bucket: string, increments: Readonly<Record<string, number>>): Promise<void>;
  countersRead(bucket: string): Promise<Record<string, number>>;

  /** Appends replies that no turn produced (a staff member's, a sweeper's) to the outbox. */
  outboxPush(key: ConversationKey, items: OutboxItem[]): Promise<void>;

  /**
   * A small named table of JSON values shared by all instances (hand-offs, staff accounts).
   * Writers that read-modify-write one row hold a lock for it (withLock with their own scope).
   */
  tablePut<T>(name: string, id: string, value: T): Promise<void>;
  tableGet<T>(name: string, id: string): Promise<T | undefined>;
  tableDelete(name: string, id: string): Promise<void>;
  tableAll<T>(name: string): Promise<T[]>;

  /**
   * Order by arrival across instances: a message carrying the platform's order is noted on
   * arrival (kept `ttlMs`), waits in awaitEarlier while an earlier one of the conversation is
   * still pending somewhere (at most `waitMs`; one that arrived more than `staleMs` ago no longer
   * counts: its instance died), and departs when handled (or failed), waking those behind it.
   */
  arrive(key: ConversationKey, order: number, at: number, ttlMs: number): Promise<void>;
  awaitEarlier(key: ConversationKey, order: number, staleMs: number, waitMs: number): Promise<void>;
  depart(key: ConversationKey, order: number): Promise<void>;

  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** The lock was no longer ours when we wrote under it: what we would have written is refused. */
export class LockLostError extends Error {
  constructor(key: ConversationKey, scope = 'turn') {
    super(`the ${scope} lock of a conversation on ${key.channel} was lost`);
    this.name = 'LockLostError';
  }
}

export class LockTimeoutError extends Error {
  constructor(key: ConversationKey) {
    // Never the user's id: this message reaches warn logs.
    super(`a conversation on ${key.channel} is busy`);
    this.name = 'LockTimeoutError';
  }
}
