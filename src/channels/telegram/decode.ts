// A Telegram update → InboundMessage, or the reason it is ignored. Private chats are the
// conversation; a group gets one "write to me privately" when it addresses the bot; channel posts,
// bots and service messages get nothing. The schemas are lenient: Telegram adds fields and
// message kinds often, and a new one must become a polite reply, never a 400.
import { z } from 'zod';
import type { InboundMessage, Locale, UnsupportedKind } from '../../core/messages.ts';
import { TELEGRAM_CHANNEL } from './capabilities.ts';
import { mediaOf } from './media.ts';

const userSchema = z.looseObject({
  id: z.number().int(),
  is_bot: z.boolean().optional(),
  language_code: z.string().optional(),
});

/**
 * Telegram always names the chat's type; a body without it (seen in hand-written payloads) is read
 * by the id, which Telegram makes positive only for a private chat (the user's own id) and
 * negative for groups and channels — so a worker's message is never lost, and no answer meant for
 * one person can land in a group.
 */
const chatSchema = z
  .looseObject({
    id: z.number().int(),
    type: z.string().optional(),
  })
  .transform((c) => ({ ...c, type: c.type ?? (c.id > 0 ? 'private' : 'unknown') }));

const messageSchema = z.looseObject({
  message_id: z.number().int(),
  date: z.number().int().optional(),
  chat: chatSchema,
  from: userSchema.optional(),
  sender_chat: chatSchema.optional(),
  text: z.string().optional(),
  /** Under a photo, a document, a video or a voice note: text like any other, read for danger. */
  caption: z.string().optional(),
  /** Set on an edited message: with message_id, the identity of this version of it. */
  edit_date: z.number().int().optional(),
  /** Items of one album arrive as separate messages sharing this id. */
  media_group_id: z.string().optional(),
  reply_to_message: z.looseObject({ from: userSchema.optional() }).optional(),
});
export type TelegramMessage = z.infer<typeof messageSchema>;

const callbackQuerySchema = z.looseObject({
  id: z.string().min(1),
  from: userSchema,
  /** Absent for buttons under inline-mode messages; `date: 0` when the message is too old to show. */
  message: z.looseObject({ message_id: z.number().int(), chat: chatSchema }).optional(),
  data: z.string().optional(),
});

/** Only what decoding needs; every other field is kept and ignored. */
export const updateSchema = z.looseObject({
  update_id: z.number().int().nonnegative(),
  message: messageSchema.optional(),
  edited_message: messageSchema.optional(),
  callback_query: callbackQuerySchema.optional(),
});
export type TelegramUpdate = z.infer<typeof updateSchema>;

export interface BotIdentity {
  id: number;
  username: string;
}

export type TelegramDecoded =
  | {
      kind: 'message';
      message: InboundMessage;
      /** A button press to acknowledge with answerCallbackQuery. */
      callbackQueryId?: string;
      /** The user's message in a private chat, kept so erasing the conversation can delete it. */
      userMessage?: { id: number; at: number };
    }
  | {
      kind: 'ignored';
      reason: string;
      callbackQueryId?: string;
      /** For an update we cannot read: where it departs from what we read (field names only, never values). */
      field?: string;
    };

/** Content a person sends that we cannot read, by the field Telegram puts it in (first match wins). */
const CONTENT_KINDS: [string, UnsupportedKind][] = [
  ['sticker', 'sticker'],
  ['photo', 'image'],
  ['live_photo', 'image'],
  ['paid_media', 'image'],
  // A GIF arrives as `animation` and `document` both: the animation is what the user sent.
  ['animation', 'video'],
  ['video', 'video'],
  ['video_note', 'video'],
  ['voice', 'audio'],
  ['audio', 'audio'],
  ['document', 'file'],
  ['venue', 'location'],
  ['location', 'location'],
  ['contact', 'contact'],
  ['poll', 'other'],
  ['dice', 'other'],
  ['game', 'other'],
  ['story', 'other'],
  ['checklist', 'other'],
  ['invoice', 'other'],
  ['giveaway', 'other'],
  ['giveaway_winners', 'other'],
];

/** Messages the chat itself produces (members, pins, payments, topics…): nobody to answer. */
const SERVICE_FIELDS = [
  'new_chat_members', 'left_chat_member', 'new_chat_title', 'new_chat_photo', 'delete_chat_photo',
  'group_chat_created', 'supergroup_chat_created', 'channel_chat_created', 'message_auto_delete_timer_changed',
  'migrate_to_chat_id', 'migrate_from_chat_id', 'pinned_message', 'successful_payment', 'refunded_payment',
  'users_shared', 'chat_shared', 'connected_website', 'write_access_allowed', 'passport_data',
  'proximity_alert_triggered', 'boost_added', 'chat_background_set', 'forum_topic_created', 'forum_topic_edited',
  'forum_topic_closed', 'forum_topic_reopened', 'general_forum_topic_hidden', 'general_forum_topic_unhidden',
  'giveaway_created', 'giveaway_completed', 'gift', 'unique_gift', 'video_chat_scheduled', 'video_chat_started',
  'video_chat_ended', 'video_chat_participants_invited', 'web_app_data', 'paid_message_price_changed',
  'chat_owner_left', 'chat_owner_changed',
];

/** `/start`, `/start@our_bot`, `/start payload` (a deep link t.me/<bot>?start=<payload>). */
const START = /^\/start(?:@(\w+))?(?:\s+(\S+))?\s*$/i;
/** Deep-link payloads are 1–64 characters of A-Z a-z 0-9 _ -; anything else is dropped. */
const START_PARAM = /^[A-Za-z0-9_-]{1,64}$/;

export function localeFromLanguageCode(code: string | undefined): Locale | undefined {
  const lang = code?.toLowerCase().split(/[-_]/)[0];
  return lang === 'vi' ? 'vi' : lang === 'en' ? 'en' : undefined;
}

const isPrivate = (chat: { type: string }) => chat.type === 'private';
const isGroup = (chat: { type: string }) => chat.type === 'group' || chat.type === 'supergroup';

function contentKind(m: TelegramMessage): UnsupportedKind | 'service' | undefined {
  for (const [field, kind] of CONTENT_KINDS) if (m[field] !== undefined) return kind;
  if (SERVICE_FIELDS.some((f) => m[f] !== undefined)) return 'service';
  return undefined;
}

/** In a group the bot speaks only when spoken to: a command, a mention, or a reply to it. */
function addressesBot(m: TelegramMessage, bot: BotIdentity): boolean {
  if (m.reply_to_message?.from?.id === bot.id) return true;
  const text = m.text ?? m.caption ?? '';
  const command = /^\/\w+(?:@(\w+))?/.exec(text);
  if (command) return command[1] === undefined || command[1].toLowerCase() === bot.username.toLowerCase();
  return bot.username !== '' && text.toLowerCase().includes(`@${bot.username.toLowerCase()}`);
}

export function decodeUpdate(raw: unknown, bot: BotIdentity, account: string, now: number): TelegramDecoded {
  const parsed = updateSchema.safeParse(raw);
  if (!parsed.success) {
    // The schema's own field names (unknown fields never raise an issue): nothing the user wrote.
    const issue = parsed.error.issues[0];
    return { kind: 'ignored', reason: 'malformed update', ...(issue ? { field: issue.path.map(String).join('.') || '(root)' } : {}) };
  }
  const update = parsed.data;
  const id = `tg:${update.update_id}`;
  const base = (chatId: number, payload: InboundMessage['payload'], from?: { language_code?: string | undefined }) => {
    const message: InboundMessage = {
      id,
      key: { channel: TELEGRAM_CHANNEL, account, user: String(chatId) },
      receivedAt: now,
      payload,
      order: update.update_id,
    };
    const hint = localeFromLanguageCode(from?.language_code);
    if (hint) message.localeHint = hint;
    return message;
  };

  if (update.callback_query) {
    const q = update.callback_query;
    const callbackQueryId = q.id;
    const chat = q.message?.chat ?? { id: q.from.id, type: 'private' };
    if (q.from.is_bot) return { kind: 'ignored', reason: 'from a bot', callbackQueryId };
    if (!isPrivate(chat)) return { kind: 'ignored', reason: 'button outside a private chat', callbackQueryId };
    const data = q.data;
    if (data === undefined || data.length === 0 || Buffer.byteLength(data) > 64) {
      return { kind: 'message', message: base(chat.id, { type: 'unsupported', kind: 'other' }, q.from), callbackQueryId };
    }
    return { kind: 'message', message: base(chat.id, { type: 'choice', id: data }, q.from), callbackQueryId };
  }

  const edited = update.edited_message !== undefined;
  const m = update.message ?? update.edited_message;
  if (!m) return { kind: 'ignored', reason: 'update kind not handled' };
  if (m.from?.is_bot) return { kind: 'ignored', reason: 'from a bot' };
  if (m.sender_chat && !isPrivate(m.chat)) return { kind: 'ignored', reason: 'sent on behalf of a chat' };
  const kind = contentKind(m);
  if (kind === 'service') return { kind: 'ignored', reason: 'service message' };

  if (isGroup(m.chat)) {
    if (edited || !addressesBot(m, bot)) return { kind: 'ignored', reason: 'group message not for the bot' };
    return { kind: 'message', message: base(m.chat.id, { type: 'unsupported', kind: 'group' }, m.from) };
  }
  if (!isPrivate(m.chat)) return { kind: 'ignored', reason: `${m.chat.type} chat` };

  const userMessage = { id: m.message_id, at: now };
  const words = m.text ?? m.caption;
  const media = mediaOf(m);
  let payload: InboundMessage['payload'];
  if (edited && (words === undefined || words.trim() === '')) {
    // A live location moving, a caption removed: nothing new to read, and nobody to answer.
    return { kind: 'ignored', reason: 'edit without text' };
  }
  if (m.text !== undefined && !edited) {
    const start = START.exec(m.text.trim());
    if (start && (start[1] === undefined || start[1].toLowerCase() === bot.username.toLowerCase())) {
      const param = start[2];
      payload = param !== undefined && START_PARAM.test(param) ? { type: 'start', param } : { type: 'start' };
    } else payload = { type: 'text', text: m.text };
  } else if (words !== undefined && words.trim() !== '') payload = { type: 'text', text: words };
  else payload = { type: 'unsupported', kind: kind ?? 'other' };
  const message = base(m.chat.id, payload, m.from);
  // An edit is a new message of the same chat; this version of it is deduplicated on its own.
  if (edited) message.id = `tg:edit:${m.message_id}:${m.edit_date ?? update.update_id}`;
  if (media.length > 0) message.media = media;
  if (m.media_group_id !== undefined && m.media_group_id.length <= 128) message.album = m.media_group_id;
  return { kind: 'message', message, userMessage };
}
