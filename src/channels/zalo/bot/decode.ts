// A Zalo Bot Platform update → InboundMessage. Webhooks deliver the update bare
// (`{event_name, message}`) or, per some sources, wrapped like a getUpdates answer
// (`{ok, result}`); both are accepted, and a result may hold one update or a list.
import type { MediaItem } from '../../../core/media.ts';
import type { InboundMessage, UnsupportedKind } from '../../../core/messages.ts';
import { shortHash } from '../client.ts';
import { botEnvelopeSchema, botUpdateSchema, orderFromMs, type BotMessage, type BotUpdate } from '../schemas.ts';
import { BOT_EVENTS, ZALO_BOT_CHANNEL } from './capabilities.ts';

/** The updates inside a webhook body or a getUpdates result; undefined when the body is not one. */
export function unwrapBotUpdates(body: unknown): BotUpdate[] | undefined {
  const envelope = botEnvelopeSchema.safeParse(body);
  if (envelope.success && 'result' in envelope.data) {
    const result = envelope.data.result;
    const list = Array.isArray(result) ? result : result === undefined || result === null ? [] : [result];
    const updates = list.map((u) => botUpdateSchema.safeParse(u));
    return updates.every((u) => u.success) ? updates.map((u) => u.data!) : undefined;
  }
  const bare = botUpdateSchema.safeParse(body);
  return bare.success && (bare.data.event_name !== undefined || bare.data.message !== undefined) ? [bare.data] : undefined;
}

export type BotDecoded =
  | { kind: 'message'; message: InboundMessage; known: boolean }
  | { kind: 'ignored'; reason: string };

const UNSUPPORTED_BY_EVENT: Record<string, UnsupportedKind> = {
  [BOT_EVENTS.image]: 'image',
  [BOT_EVENTS.voice]: 'audio',
  [BOT_EVENTS.sticker]: 'sticker',
  [BOT_EVENTS.unsupported]: 'other',
};

export function decodeBotUpdate(update: BotUpdate, account: string, now: number): BotDecoded {
  const m = update.message;
  const chatId = m?.chat?.id;
  if (!m || !chatId) return { kind: 'ignored', reason: 'no chat to answer' };
  if (m.from?.is_bot === true) return { kind: 'ignored', reason: 'from a bot' };
  const event = update.event_name ?? (m.text !== undefined ? BOT_EVENTS.text : 'unknown');
  const known = (Object.values(BOT_EVENTS) as string[]).includes(event);
  // A retried delivery repeats both; without a message id the body itself is the identity.
  const id = `zbot:${event}:${m.message_id ?? shortHash(JSON.stringify(update))}`;
  const isGroup = m.chat?.chat_type !== undefined && m.chat.chat_type.toUpperCase() !== 'PRIVATE';
  // A caption under a photo is text like any other: it is read for danger first.
  const words = event === BOT_EVENTS.text ? m.text : m.caption;
  const payload: InboundMessage['payload'] = isGroup
    ? { type: 'unsupported', kind: 'group' }
    : words !== undefined && words.trim() !== ''
      ? { type: 'text', text: words }
      : { type: 'unsupported', kind: UNSUPPORTED_BY_EVENT[event] ?? 'other' };
  const message: InboundMessage = { id: id.slice(0, 256), key: { channel: ZALO_BOT_CHANNEL, account, user: chatId }, receivedAt: now, payload };
  // Two messages of one user reaching two instances close together go in the order they were sent.
  const order = orderFromMs(m.date);
  if (order !== undefined) message.order = order;
  const media = isGroup ? [] : botMediaOf(event, m);
  if (media.length > 0) message.media = media;
  return { kind: 'message', known, message };
}

/** A web address to keep as the reference; only the platform's own hosts are ever fetched (media-hosts). */
const httpsUrl = (v: unknown): string | undefined => (typeof v === 'string' && /^https?:\/\//.test(v) && v.length <= 2048 ? v : undefined);

/**
 * A photo's address is `photo_url` or `photo` depending on the source; a voice note's is not
 * documented [?], so the likely names are tried and a note without one is still a voice note.
 */
function botMediaOf(event: string, m: BotMessage): MediaItem[] {
  const caption = m.caption !== undefined && m.caption.trim() !== '' ? { caption: m.caption.slice(0, 4000) } : {};
  if (event === BOT_EVENTS.image) {
    const ref = httpsUrl(m.photo_url) ?? httpsUrl(m.photo);
    return [{ kind: 'image', ...(ref ? { ref } : {}), ...caption }];
  }
  if (event === BOT_EVENTS.voice) {
    const ref = httpsUrl(m.voice_url) ?? httpsUrl(m.voice) ?? httpsUrl(m.url);
    return [{ kind: 'audio', voice: true, ...(ref ? { ref } : {}) }];
  }
  return [];
}
