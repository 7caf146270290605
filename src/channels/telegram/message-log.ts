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
 * How an entry is stored: one short string, "id at" in base 36, then the item when there is one —
 * a UUID as its 16 bytes in base64url (22 characters instead of 36), any other id as it is after
 * a "~". About 35 bytes where the JSON object took 72 (a whole tour logs two dozen).
 */
export function encodeLogged(entry: LoggedMessage): string {
  const head = `${entry.id.toString(36)} ${entry.at.toString(36)}`;
  return entry.item === undefined ? head : `${head} ${compactItem(entry.item)}`;
}

/** An entry as stored today (a string) or before (the object itself); undefined for anything else. */
export function decodeLogged(stored: unknown): LoggedMessage | undefined {
  if (typeof stored === 'object' && stored !== null) return stored as LoggedMessage;
  if (typeof stored !== 'string') return undefined;
  const [id, at, ...rest] = stored.split(' ');
  const item = rest.join(' ');
  if (id === undefined || at === undefined) return undefined;
  const entry: LoggedMessage = { id: parseInt(id, 36), at: parseInt(at, 36) };
  if (item) entry.item = item.startsWith('~') ? item.slice(1) : expandUuid(item);
  return entry;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

function compactItem(item: string): string {
  return UUID.test(item) ? Buffer.from(item.replaceAll('-', ''), 'hex').toString('base64url') : `~${item}`;
}

function expandUuid(b64: string): string {
  const h = Buffer.from(b64, 'base64url').toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A user's message id as its turn keeps it (InboundMessage.keep): written in the turn's own commit,
 * so it costs no round trip of its own and a redelivered update logs nothing twice.
 */
export function keptWithTurn(entry: LoggedMessage): NonNullable<InboundMessage['keep']> {
  return { mailbox: MESSAGE_LOG, entry: encodeLogged(entry), ttlMs: DELETABLE_FOR_MS };
}

export class MessageLog {
  constructor(private readonly store: Store) {}

  async record(key: ConversationKey, entry: LoggedMessage): Promise<void> {
    await this.store.mailboxPush<string>(MESSAGE_LOG, key, encodeLogged(entry), DELETABLE_FOR_MS);
  }

  /** The log's entries, oldest first, whichever form each was written in. */
  async entries(key: ConversationKey): Promise<LoggedMessage[]> {
    const stored = await this.store.mailboxRead<unknown>(MESSAGE_LOG, key, 0);
    return stored.map((e) => decodeLogged(e.item)).filter((e) => e !== undefined);
  }

  /** How many of the outbox item's messages Telegram confirmed (answered with their message_id). */
  async confirmedParts(key: ConversationKey, item: string): Promise<number> {
    return new Set((await this.entries(key)).filter((e) => e.item === item).map((e) => e.id)).size;
  }

  /** Ids still young enough to delete, oldest first, each once. */
  async deletable(key: ConversationKey, now: number): Promise<number[]> {
    const cutoff = now - DELETABLE_FOR_MS + DELETE_MARGIN_MS;
    const ids = new Set<number>();
    for (const e of await this.entries(key)) {
      if (Number.isSafeInteger(e.id) && e.at > cutoff) ids.add(e.id);
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
