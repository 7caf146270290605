// An OA webhook event → InboundMessage. What users send arrives as `user_send_<kind>` [s], or as
// `anonymous_send_<kind>` from people who write without following the OA (with the conversation
// id a reply needs in `message.conversation_id` [s]; their conversation is keyed by both ids, so a
// reply needs no lookup). Text is read, anything else gets the engine's polite answer; `follow` starts the
// conversation (the welcome); the OA's own messages echo back as `oa_send_*` and are dropped, as are
// unfollows (nobody to answer), reactions, read receipts and form submissions.
import type { InboundMessage } from '../../../core/messages.ts';
import { orderFromMs, type OaEvent } from '../schemas.ts';
import { OA_EVENTS, ZALO_OA_CHANNEL } from './capabilities.ts';
import { OA_ATTACHMENT_KINDS as MEDIA, oaMediaOf } from './media.ts';

/**
 * A pressed `oa.query.*` button comes back as the user's text, equal to the button's payload [s].
 * Payloads carry the choice id behind this prefix, so the press maps back to the choice exactly.
 */
export const CHOICE_PAYLOAD_PREFIX = '#c:';
const CHOICE_PAYLOAD = /^#c:([A-Za-z0-9_.:-]{1,48})$/;

/** Ids we make up for events without a msg_id start with this; they cannot be replied to by id. */
export const SYNTHETIC_ID_PREFIX = 'zoa:';

/** What a user's own message events start with: followers, and people who write without following. */
const USER_SEND = 'user_send_';
const ANONYMOUS_SEND = 'anonymous_send_';
/** The user part of an anonymous sender's key: who they are and the conversation a reply goes to. */
const ANONYMOUS_USER = /^anon\.([A-Za-z0-9_-]{1,60})\.([A-Za-z0-9_-]{1,60})$/;

export function anonymousUser(anonymousId: string, conversationId: string): string | undefined {
  const user = `anon.${anonymousId}.${conversationId}`;
  return ANONYMOUS_USER.test(user) ? user : undefined;
}

/** The anonymous recipient a key's user stands for, or undefined for a follower (a user_id). */
export function anonymousRecipient(user: string): { anonymous_id: string; conversation_id: string } | undefined {
  const m = ANONYMOUS_USER.exec(user);
  return m ? { anonymous_id: m[1]!, conversation_id: m[2]! } : undefined;
}

export type OaDecoded =
  | { kind: 'message'; message: InboundMessage }
  | { kind: 'ignored'; reason: string };


/** Events users cause that need no answer [s]. */
const SILENT = new Set(['user_submit_info', 'user_received_message', 'user_seen_message', 'user_reacted_message', 'user_click_chatnow', 'user_asking_product']);

export function decodeOaEvent(event: OaEvent, fallbackAccount: string, now: number): OaDecoded {
  const name = event.event_name;
  if (name.startsWith('oa_send_')) return { kind: 'ignored', reason: 'echo of our own message' };
  if (name === OA_EVENTS.unfollow) return { kind: 'ignored', reason: 'unfollow' };
  if (SILENT.has(name)) return { kind: 'ignored', reason: name };

  const follow = name === OA_EVENTS.follow;
  const anonymous = name.startsWith(ANONYMOUS_SEND);
  if (!follow && !anonymous && !name.startsWith(USER_SEND)) return { kind: 'ignored', reason: `unhandled event ${name.slice(0, 40)}` };
  const sender = follow ? (event.follower?.id ?? event.sender?.id) : event.sender?.id;
  if (!sender) return { kind: 'ignored', reason: 'no user to answer' };
  let user = sender;
  if (anonymous) {
    const conversation = event.message?.conversation_id;
    const anon = conversation !== undefined ? anonymousUser(sender, conversation) : undefined;
    if (!anon) return { kind: 'ignored', reason: 'anonymous message without a conversation to answer' };
    user = anon;
  }
  const what = name.slice(anonymous ? ANONYMOUS_SEND.length : USER_SEND.length);
  // The OA the user wrote to; a follow names it as oa_id rather than as the recipient [s].
  const account = event.recipient?.id ?? event.oa_id ?? fallbackAccount;
  if (sender === account) return { kind: 'ignored', reason: 'from the OA itself' };

  const msgId = event.message?.msg_id;
  const id = msgId ?? `${SYNTHETIC_ID_PREFIX}${name}:${user}:${event.timestamp ?? now}`;
  let payload: InboundMessage['payload'];
  if (follow) payload = { type: 'start' };
  else if (what === 'text') {
    const text = event.message?.text ?? '';
    const choice = CHOICE_PAYLOAD.exec(text.trim());
    payload = choice ? { type: 'choice', id: choice[1]! } : { type: 'text', text };
  } else {
    // Words sent with a photo or a file are read like any text (danger included); the attachment
    // is kept alongside as media.
    const text = event.message?.text;
    payload = text !== undefined && text.trim() !== '' ? { type: 'text', text } : { type: 'unsupported', kind: MEDIA[what] ?? 'other' };
  }
  const message: InboundMessage = { id: id.slice(0, 256), key: { channel: ZALO_OA_CHANNEL, account, user }, receivedAt: now, payload };
  // Two messages of one user reaching two instances close together go in the order they were sent.
  const order = orderFromMs(event.timestamp);
  if (order !== undefined) message.order = order;
  const media = follow ? [] : oaMediaOf(event);
  if (media.length > 0) message.media = media;
  return { kind: 'message', message };
}

export function isReplyableMessageId(id: string | undefined): id is string {
  return id !== undefined && id.length > 0 && !id.startsWith(SYNTHETIC_ID_PREFIX) && !id.startsWith('sys:');
}
