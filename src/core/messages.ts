// The channel-neutral message model. Every adapter decodes into InboundMessage and encodes from
// OutboundMessage; nothing past the adapter sees a platform type.
import { z } from 'zod';
import { mediaListSchema } from './media.ts';

export const LOCALES = ['vi', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

/** `channel:account:user` — the account is the bot/page/OA the user wrote to. */
export const conversationKeySchema = z.object({
  channel: z.string().min(1).max(32).regex(/^[a-z0-9-]+$/),
  account: z.string().min(1).max(128),
  user: z.string().min(1).max(128),
});
export type ConversationKey = z.infer<typeof conversationKeySchema>;

export function keyToString(k: ConversationKey): string {
  return `${k.channel}:${k.account}:${k.user}`;
}

/** What the user sent that is not text: answered politely, never fed to the NLU. */
export const UNSUPPORTED_KINDS = [
  'sticker', 'image', 'audio', 'video', 'file', 'location', 'contact', 'edited', 'group', 'other',
] as const;
export type UnsupportedKind = (typeof UNSUPPORTED_KINDS)[number];

/** The longest text we read; longer messages are cut, not refused (a pasted contract is still a question). */
export const MAX_INBOUND_TEXT = 4000;

export const inboundMessageSchema = z.object({
  /** The platform's own id (update_id, mid, msg_id…): the dedupe key. */
  id: z.string().min(1).max(256),
  key: conversationKeySchema,
  receivedAt: z.number().int().nonnegative(),
  payload: z.discriminatedUnion('type', [
    z.object({ type: z.literal('text'), text: z.string() }),
    /** A button press: the id we sent with the choice. */
    z.object({ type: z.literal('choice'), id: z.string().min(1).max(64) }),
    /** A conversation start (Telegram /start, Zalo follow, Messenger get-started). */
    z.object({ type: z.literal('start'), param: z.string().max(64).optional() }),
    z.object({ type: z.literal('unsupported'), kind: z.enum(UNSUPPORTED_KINDS) }),
  ]),
  /** The platform's idea of the user's language, used only before the user chose one. */
  localeHint: localeSchema.optional(),
  /**
   * What came with the message besides words. A caption is the payload's text (read for danger
   * like any text); without one the payload says which kind could not be read.
   */
  media: mediaListSchema.optional(),
  /**
   * The platform's order of the user's messages (Telegram's update_id): two messages arriving
   * close together on two instances are handled in this order.
   */
  order: z.number().int().nonnegative().optional(),
  /** The platform's album id (Telegram media_group_id): items of one album are answered once. */
  album: z.string().min(1).max(128).optional(),
  /**
   * Something the channel keeps with the conversation about this message (Telegram: its message id,
   * to delete it from the chat on erase): appended to the named mailbox in the turn's own write,
   * so a duplicate writes nothing and a failed turn leaves it to the platform's retry.
   */
  keep: z.object({ mailbox: z.string().min(1).max(64), entry: z.unknown(), ttlMs: z.number().int().positive() }).optional(),
});
export type InboundMessage = z.infer<typeof inboundMessageSchema>;
export type InboundPayload = InboundMessage['payload'];

export const choiceSchema = z.object({
  /** Short and ASCII: it travels as callback data (Telegram ≤ 64 bytes). */
  id: z.string().min(1).max(48),
  label: z.string().min(1),
});
export type Choice = z.infer<typeof choiceSchema>;

export const linkSchema = z.object({ label: z.string(), url: z.string() });
export type Link = z.infer<typeof linkSchema>;

export const outboundAttachmentSchema = z.object({
  id: z.string().min(1).max(64),
  /** Images go as photos where the platform has them; anything else as a document. */
  kind: z.enum(['image', 'file']),
  mime: z.string().min(1).max(255),
  name: z.string().min(1).max(255),
  size: z.number().int().nonnegative(),
});
export type OutboundAttachment = z.infer<typeof outboundAttachmentSchema>;

export const PRIORITIES = ['emergency', 'agent', 'normal'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const outboundMessageSchema = z.object({
  text: z.string().min(1),
  choices: z.array(choiceSchema).optional(),
  links: z.array(linkSchema).optional(),
  from: z.enum(['bot', 'agent']).default('bot'),
  /** Emergency and staff replies leave before ordinary ones when a channel is rate limited. */
  priority: z.enum(PRIORITIES).default('normal'),
  /** The localized line under a numbered list ("Trả lời bằng số 1–3"), for channels without buttons. */
  hint: z.string().optional(),
  locale: localeSchema.optional(),
  /**
   * A file an officer attached: its bytes are in the media vault under the conversation (by `id`);
   * the outbox loads them and the channel sends them natively, after the text.
   */
  attachment: outboundAttachmentSchema.optional(),
});
export type OutboundMessage = z.infer<typeof outboundMessageSchema>;
