// A Messenger webhook body → botbuilder Activities (channelData = the raw event, as Botkit's adapter
// did) → the neutral InboundMessage. Schemas are lenient: unknown fields pass, an event we cannot
// read is skipped with a reason rather than failing its whole batch.
import { createHash } from 'node:crypto';
import { ActivityTypes, type Activity } from 'botbuilder';
import { z } from 'zod';
import { MAX_MEDIA_ITEMS, type MediaItem } from '../../core/media.ts';
import { inboundMessageSchema, type InboundMessage, type UnsupportedKind } from '../../core/messages.ts';
import { GET_STARTED_PAYLOAD, MESSENGER_CHANNEL, PAYLOAD_MAX } from './capabilities.ts';

const id = z.union([z.string().min(1).max(128), z.number().int().nonnegative()]).transform(String);

const attachmentSchema = z.looseObject({
  type: z.string(),
  payload: z
    .looseObject({
      sticker_id: z.union([z.string(), z.number()]).optional(),
      url: z.string().optional(),
      coordinates: z.looseObject({ lat: z.number(), long: z.number() }).optional(),
    })
    .nullish(),
});

const messageSchema = z.looseObject({
  mid: z.string().min(1).max(256).optional(),
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  is_unsupported: z.boolean().optional(),
  sticker_id: z.union([z.string(), z.number()]).optional(),
  quick_reply: z.looseObject({ payload: z.string() }).optional(),
  attachments: z.array(attachmentSchema).optional(),
  /** Older payloads number a sender's messages; with the timestamp it orders two of one millisecond. */
  seq: z.number().int().nonnegative().optional(),
});

const postbackSchema = z.looseObject({
  mid: z.string().min(1).max(256).optional(),
  title: z.string().optional(),
  payload: z.string().optional(),
  referral: z.looseObject({ ref: z.string().optional() }).optional(),
});

/** An edit (the `message_edits` subscription): the new text, and how many times it was edited. */
const editSchema = z.looseObject({ mid: z.string().min(1).max(256), text: z.string().optional(), num_edit: z.number().int().optional() });

/**
 * Who wrote: a page-scoped id, or — for a guest of the website chat plugin, or someone who ticked
 * the checkbox plugin — only a `user_ref` [s], which is also how a reply must address them.
 */
const senderSchema = z
  .looseObject({ id: id.optional(), user_ref: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional() })
  .refine((s) => s.id !== undefined || s.user_ref !== undefined, 'a sender needs an id or a user_ref');

/** The optin of the checkbox plugin: the only moment its user can be written to, by user_ref [s]. */
const optinSchema = z.looseObject({ ref: z.string().optional(), user_ref: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/).optional() });

export const messagingEventSchema = z.looseObject({
  sender: senderSchema.optional(),
  recipient: z.looseObject({ id }),
  // Delivery receipts may come without one; messages and postbacks always carry it.
  timestamp: z.number().int().nonnegative().optional(),
  message: messageSchema.optional(),
  postback: postbackSchema.optional(),
  message_edit: editSchema.optional(),
  optin: optinSchema.optional(),
});
export type MessagingEvent = z.infer<typeof messagingEventSchema>;

/** Keys of people known only by a user_ref start with this; page-scoped ids are digits. */
export const USER_REF_PREFIX = 'ref.';

/** The conversation's user: the page-scoped id, else the user_ref (of the sender, or of a checkbox optin). */
export function senderOf(event: MessagingEvent): string | undefined {
  if (event.sender?.id !== undefined) return event.sender.id;
  const ref = event.sender?.user_ref ?? event.optin?.user_ref;
  return ref !== undefined ? `${USER_REF_PREFIX}${ref}` : undefined;
}

/** The Send API recipient for a conversation's user: `{user_ref}` for those known only by one. */
export function recipientOf(user: string): { id: string } | { user_ref: string } {
  return user.startsWith(USER_REF_PREFIX) ? { user_ref: user.slice(USER_REF_PREFIX.length) } : { id: user };
}

/** The envelope; entries and events are checked one by one so one odd event spoils nothing else. */
export const webhookBodySchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: id.optional(),
      time: z.number().optional(),
      messaging: z.array(z.unknown()).optional(),
      standby: z.array(z.unknown()).optional(),
    }),
  ),
});
export type WebhookBody = z.infer<typeof webhookBodySchema>;

export type DecodedEvent =
  | { kind: 'activity'; activity: Partial<Activity> }
  | { kind: 'ignored'; reason: string };

/** Every event of a body, in the order received; standby events (another app holds the thread) are ignored. */
export function decodeBody(body: WebhookBody): DecodedEvent[] {
  const out: DecodedEvent[] = [];
  for (const entry of body.entry) {
    for (const raw of entry.messaging ?? []) out.push(decodeEvent(raw));
    // Standby events arrive while another app owns the conversation: we must not answer them.
    for (const _ of entry.standby ?? []) out.push({ kind: 'ignored', reason: 'standby' });
  }
  return out;
}

/**
 * The event decodeEvent read, by the raw event the Activity carries in channelData: the Activity
 * reaches activityToInbound through the bot framework, and reading it again with the schema would
 * parse every event twice.
 */
const readEvents = new WeakMap<object, MessagingEvent>();

export function decodeEvent(raw: unknown): DecodedEvent {
  const parsed = messagingEventSchema.safeParse(raw);
  if (!parsed.success) return { kind: 'ignored', reason: `unreadable event: ${parsed.error.issues[0]?.message ?? 'invalid'}` };
  const event = parsed.data;
  readEvents.set(raw as object, event);
  if (event.message?.is_echo) return { kind: 'ignored', reason: 'echo' };
  // A ticked checkbox plugin is a start: the page may write to that user_ref once, to welcome them.
  const optin = event.optin?.user_ref !== undefined && event.sender?.id === undefined;
  if (!event.message && !event.postback && !event.message_edit && !optin) return { kind: 'ignored', reason: ignoredKind(event) };
  if (event.timestamp === undefined) return { kind: 'ignored', reason: 'message without a timestamp' };
  const user = senderOf(event);
  if (user === undefined) return { kind: 'ignored', reason: 'no sender' };

  const activity: Partial<Activity> = {
    type: ActivityTypes.Message,
    id: dedupeId(event),
    timestamp: new Date(event.timestamp),
    channelId: MESSENGER_CHANNEL,
    conversation: { id: user, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: user, name: '' },
    recipient: { id: event.recipient.id, name: '' },
    channelData: raw,
  };
  const m = event.message;
  if (m) {
    if (m.text !== undefined) activity.text = m.text;
    if (m.quick_reply) activity.value = { payload: m.quick_reply.payload };
    if (m.attachments) activity.attachments = m.attachments.map((a) => ({ contentType: a.type, content: a.payload ?? undefined }));
  } else if (event.postback) {
    if (event.postback.title !== undefined) activity.text = event.postback.title;
    activity.value = { payload: event.postback.payload };
  }
  return { kind: 'activity', activity };
}

/**
 * The Activity as the engine's message. Reads the raw event kept in channelData, so nothing the
 * platform said is lost between the two models.
 */
export function activityToInbound(activity: Partial<Activity>): InboundMessage {
  const raw: unknown = activity.channelData;
  const event = (typeof raw === 'object' && raw !== null && readEvents.get(raw)) || messagingEventSchema.parse(raw);
  const user = senderOf(event);
  if (user === undefined) throw new Error('a Messenger event without a sender');
  const message: InboundMessage = {
    id: activity.id ?? dedupeId(event),
    key: { channel: MESSENGER_CHANNEL, account: event.recipient.id, user },
    receivedAt: event.timestamp ?? 0,
    payload: payloadOf(event),
  };
  const order = orderOf(event);
  if (order !== undefined) message.order = order;
  const media = event.message ? mediaOf(event.message) : [];
  if (media.length > 0) message.media = media;
  return inboundMessageSchema.parse(message);
}

/**
 * The platform's order of a sender's events, so two that reach two instances close together are
 * handled as the person wrote them: the timestamp (milliseconds), then `seq` where the event has one.
 */
function orderOf(event: MessagingEvent): number | undefined {
  if (event.timestamp === undefined) return undefined;
  return event.timestamp * 1000 + ((event.message?.seq ?? 0) % 1000);
}

function payloadOf(event: MessagingEvent): InboundMessage['payload'] {
  // An edit is read like a new message: the words a worker corrected may be the ones that matter.
  if (event.message_edit) {
    const text = event.message_edit.text;
    return text !== undefined && text.trim() !== '' ? { type: 'text', text } : { type: 'unsupported', kind: 'edited' };
  }
  if (event.optin && !event.message && !event.postback) return { type: 'start' };
  const pb = event.postback;
  if (pb) {
    if (pb.payload === GET_STARTED_PAYLOAD) {
      const ref = pb.referral?.ref;
      return ref && ref.length <= PAYLOAD_MAX ? { type: 'start', param: ref } : { type: 'start' };
    }
    if (isChoicePayload(pb.payload)) return { type: 'choice', id: pb.payload };
    // A payload we never sent (an old persistent menu, a shared post): read the button's words.
    return pb.title ? { type: 'text', text: pb.title } : { type: 'unsupported', kind: 'other' };
  }
  const m = event.message!;
  if (m.quick_reply && isChoicePayload(m.quick_reply.payload)) return { type: 'choice', id: m.quick_reply.payload };
  // A shared link arrives as text plus a "fallback" attachment: the text is the question; so is the
  // text that comes with a photo or a file (the attachment is kept alongside as media).
  if (m.text !== undefined && m.text.trim() !== '') return { type: 'text', text: m.text };
  return { type: 'unsupported', kind: attachmentKind(m) };
}

function isChoicePayload(p: string | undefined): p is string {
  return p !== undefined && p.length > 0 && p.length <= PAYLOAD_MAX;
}

const ATTACHMENT_KINDS: Record<string, UnsupportedKind> = {
  image: 'image',
  audio: 'audio',
  video: 'video',
  ig_reel: 'video',
  reel: 'video',
  file: 'file',
  location: 'location',
};

function attachmentKind(m: NonNullable<MessagingEvent['message']>): UnsupportedKind {
  // A sticker (the thumbs-up included) is an image attachment carrying a sticker_id.
  if (m.sticker_id !== undefined || m.attachments?.some((a) => a.payload?.sticker_id !== undefined)) return 'sticker';
  const first = m.attachments?.[0];
  return (first && ATTACHMENT_KINDS[first.type]) ?? 'other';
}

/**
 * The attachments a person sent, as media items. Messenger gives a URL to fetch (valid for a while,
 * not forever) and, for a location, coordinates; audio recorded in the app is a voice clip.
 */
function mediaOf(m: NonNullable<MessagingEvent['message']>): MediaItem[] {
  if (m.sticker_id !== undefined) return [];
  const out: MediaItem[] = [];
  for (const a of m.attachments ?? []) {
    if (a.payload?.sticker_id !== undefined) continue;
    const kind = ATTACHMENT_KINDS[a.type];
    if (kind === undefined || kind === 'sticker') continue;
    const url = a.payload?.url;
    // Any web address is kept as the reference; only the platform's own hosts are ever fetched (media-hosts).
    const ref = url !== undefined && /^https?:\/\//.test(url) && url.length <= 2048 ? { ref: url } : {};
    if (kind === 'location') {
      const c = a.payload?.coordinates;
      if (c && Math.abs(c.lat) <= 90 && Math.abs(c.long) <= 180) out.push({ kind, location: { lat: c.lat, lon: c.long } });
    } else if (kind === 'audio') out.push({ kind, voice: true, ...ref });
    else out.push({ kind: kind as MediaItem['kind'], ...ref });
  }
  return out.slice(0, MAX_MEDIA_ITEMS);
}

function ignoredKind(event: MessagingEvent): string {
  for (const k of ['delivery', 'read', 'reaction', 'referral', 'optin', 'account_linking', 'pass_thread_control', 'take_thread_control']) {
    if (k in event) return k;
  }
  return 'no message';
}

/**
 * The dedupe key: the platform's mid (postbacks carry one too); without it, a hash of who, when
 * and what, which a redelivery reproduces exactly.
 */
export function dedupeId(event: MessagingEvent): string {
  if (event.message_edit) return `${event.message_edit.mid}#edit${event.message_edit.num_edit ?? ''}`;
  const mid = event.message?.mid ?? event.postback?.mid;
  if (mid) return mid;
  const what = JSON.stringify(event.postback ?? event.message ?? event.optin ?? {});
  const hash = createHash('sha256').update(`${senderOf(event) ?? ''}\n${event.timestamp}\n${what}`).digest('hex');
  return `h:${hash.slice(0, 40)}`;
}
