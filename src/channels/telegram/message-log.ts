// The ids of a private chat's messages (the bot's and the user's), kept in the conversation's own
// mailbox so they are erased with it. They exist for one purpose: when the user erases their data,
// the messages Telegram still lets a bot delete (under 48 hours old) are deleted from the chat.
import type { ConversationKey, InboundMessage } from '../../core/messages.ts';
import type { Store } from '../../core/ports.ts';
import { DELETABLE_FOR_MS, DELETE_MARGIN_MS, MESSAGE_LOG } from './capabilities.ts';

export interface LoggedMessage {
  id: number;
  /** When we sent or received it, by our clock. */
  at: number;
  /** The outbox item it was part of (the bot's messages): proof that this item reached Telegram. */
  item?: string;
}

/**
 * A user's message id as its turn keeps it (InboundMessage.keep): written in the turn's own commit,
 * so it costs no round trip of its own and a redelivered update logs nothing twice.
 */
export function keptWithTurn(entry: LoggedMessage): NonNullable<InboundMessage['keep']> {
  return { mailbox: MESSAGE_LOG, entry, ttlMs: DELETABLE_FOR_MS };
}

export class MessageLog {
  constructor(private readonly store: Store) {}

  async record(key: ConversationKey, entry: LoggedMessage): Promise<void> {
    const kept = keptWithTurn(entry);
    await this.store.mailboxPush(kept.mailbox, key, kept.entry, kept.ttlMs);
  }

  /** How many of the outbox item's messages Telegram confirmed (answered with their message_id). */
  async confirmedParts(key: ConversationKey, item: string): Promise<number> {
    const entries = await this.store.mailboxRead<LoggedMessage>(MESSAGE_LOG, key, 0);
    return new Set(entries.filter((e) => e.item.item === item).map((e) => e.item.id)).size;
  }

  /** Ids still young enough to delete, oldest first, each once; `unlogged`: sent, not in the log yet. */
  async deletable(key: ConversationKey, now: number, unlogged: readonly LoggedMessage[] = []): Promise<number[]> {
    const cutoff = now - DELETABLE_FOR_MS + DELETE_MARGIN_MS;
    const entries = await this.store.mailboxRead<LoggedMessage>(MESSAGE_LOG, key, 0);
    const ids = new Set<number>();
    for (const item of [...entries.map((e) => e.item), ...unlogged]) {
      if (Number.isSafeInteger(item.id) && item.at > cutoff) ids.add(item.id);
    }
    return [...ids].sort((a, b) => a - b);
  }
}

/** Private chats have positive ids (the user's own id); groups and channels are negative. */
export function privateChatId(key: ConversationKey): number | undefined {
  if (!/^\d{1,16}$/.test(key.user)) return undefined;
  const id = Number(key.user);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

/** The chat id to send to: a number when it is one (groups included), as Telegram documents it. */
export function chatIdOf(key: ConversationKey): number | string {
  return /^-?\d{1,16}$/.test(key.user) && Number.isSafeInteger(Number(key.user)) ? Number(key.user) : key.user;
}
