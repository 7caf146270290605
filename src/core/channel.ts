// The contract between the engine and a channel adapter. Adapters live in src/channels/<name>/ and
// depend on this file; the engine never imports an adapter.
import type { MediaFetcher } from './media-vault.ts';
import type { ConversationKey, InboundMessage, OutboundMessage } from './messages.ts';

/** What a channel can show natively; anything beyond falls back to numbered text. */
export interface ChannelCapabilities {
  /** Longest text in one platform message; longer text is split at paragraph boundaries. */
  maxTextLength: number;
  /** How many choices fit as native buttons (0 = none: always a numbered list). */
  maxButtons: number;
  /** Longest button label; a longer label sends the whole list as numbered text. */
  maxButtonLabel: number;
  /**
   * The largest file an officer may attach, by kind, as the platform takes it (bytes); absent: the
   * channel cannot send files.
   */
  maxAttachmentBytes?: { image: number; file: number };
}

export type SendResult =
  | { ok: true; platformIds?: string[] }
  /**
   * `retryable` for 429/5xx/network; `retryAfterMs` when the platform said how long to wait;
   * `maybeSent` when the request reached the platform but no answer came back (a timeout, a reset
   * connection): it may have been delivered, so sending it again may show it twice.
   */
  | { ok: false; retryable: boolean; reason: string; retryAfterMs?: number; maybeSent?: boolean };

/** What a sender knows when it sends: platforms limit when, and how, a page or bot may write. */
export interface SendContext {
  now: number;
  /** When the user last wrote; undefined when unknown (e.g. the conversation was erased meanwhile). */
  lastUserAt?: number;
  /** The inbound message id of the user's last message (as the adapter built it). */
  lastUserMessageId?: string;
  /**
   * The outbox item being sent: the same on every retry of this message, so a channel can drop a
   * resend of something that already arrived (after a crash or an outage between send and ack).
   */
  itemId?: string;
  /** The bytes of the message's attachment (OutboundMessage.attachment), read from the media vault. */
  attachment?: Buffer;
}

/** Whether a message may go out now, and how (e.g. Messenger's HUMAN_AGENT tag after 24 h). */
export interface SendWindow {
  canSend: boolean;
  /** The platform's sending mode, e.g. 'RESPONSE' or 'HUMAN_AGENT'. */
  mode?: string;
  /** Until when this mode holds. */
  until?: number;
  /** Why it cannot send, for the console. */
  reason?: string;
  /** The interface-string key of `reason`, so the console can show it in the staff member's language. */
  reasonKey?: string;
  /** What follows when `until` passes (Messenger: a person may go on with HUMAN_AGENT until …). */
  then?: { mode: string; until: number };
}

/** The sending half of an adapter; the outbox calls it, one conversation's messages in order. */
export interface ChannelSender {
  readonly channel: string;
  readonly capabilities: ChannelCapabilities;
  send(key: ConversationKey, message: OutboundMessage, ctx: SendContext): Promise<SendResult>;
  /** For platforms with messaging windows: may a bot or a person write to this user now? */
  window?(ctx: SendContext, from: 'bot' | 'agent'): SendWindow;
  /**
   * The user is erasing their data. Called before the store erases the conversation, so what the
   * channel keeps with it (e.g. the ids of the messages it sent) can still be read; a platform that
   * allows it may delete those messages from the chat. Best effort: a failure never stops the erase.
   */
  forget?(key: ConversationKey): Promise<void>;
  /** The erase failed before it was committed: drop what forget() prepared, so data and chat stay together. */
  keep?(key: ConversationKey): void;
  /** Gets the bytes of something the user sent, by the platform's reference; absent where it cannot. */
  fetchMedia?: MediaFetcher;
  /**
   * Whether the outbox item `itemId` is known to have reached the platform, from what the channel
   * recorded as each send was confirmed (the platform's message ids): true settles a send whose
   * outcome the outbox does not know (a holder killed between the send and its ack) without
   * sending it again. False: not known (it may or may not have arrived).
   */
  delivered?(key: ConversationKey, itemId: string, message: OutboundMessage): Promise<boolean>;
  /** Whether delivered() can know of this conversation's sends at all (absent: wherever it is defined). */
  recordsDelivery?(key: ConversationKey): boolean;
  /**
   * A resend of an item already delivered shows once (the web page drops it by its item id): the
   * outbox sends again where it cannot know whether the last send arrived.
   */
  idempotent?: boolean;
}

export type ReceiveResult = 'accepted' | 'duplicate';

/** The receiving side of the engine, as a channel sees it. */
export interface InboundPort {
  /**
   * Deduplicates by message id, then runs the turn under the conversation's lock and puts the
   * replies in the outbox. Resolves once the turn is saved (not when replies are delivered).
   */
  receive(message: InboundMessage): Promise<ReceiveResult>;
}
