// An OA webhook event → InboundMessage. What users send arrives as `user_send_<kind>` [s]: text is
// read, anything else gets the engine's polite "text only" answer; `follow` starts the
// conversation (the welcome); the OA's own messages echo back as `oa_send_*` and are dropped, as are
// unfollows (nobody to answer), reactions, read receipts and form submissions.
import type { InboundMessage } from '../../../core/messages.ts';
import type { OaEvent } from '../schemas.ts';
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
  if (!follow && !name.startsWith('user_send_')) return { kind: 'ignored', reason: `unhandled event ${name.slice(0, 40)}` };
  const user = follow ? (event.follower?.id ?? event.sender?.id) : event.sender?.id;
  if (!user) return { kind: 'ignored', reason: 'no user to answer' };
  // The OA the user wrote to; a follow names it as oa_id rather than as the recipient [s].
  const account = event.recipient?.id ?? event.oa_id ?? fallbackAccount;
  if (user === account) return { kind: 'ignored', reason: 'from the OA itself' };

  const msgId = event.message?.msg_id;
  const id = msgId ?? `${SYNTHETIC_ID_PREFIX}${name}:${user}:${event.timestamp ?? now}`;
  let payload: InboundMessage['payload'];
  if (follow) payload = { type: 'start' };
  else if (name === OA_EVENTS.text) {
    const text = event.message?.text ?? '';
    const choice = CHOICE_PAYLOAD.exec(text.trim());
    payload = choice ? { type: 'choice', id: choice[1]! } : { type: 'text', text };
  } else {
    // Words sent with a photo or a file are read like any text (danger included); the attachment
    // is kept alongside as media.
    const text = event.message?.text;
    payload = text !== undefined && text.trim() !== '' ? { type: 'text', text } : { type: 'unsupported', kind: MEDIA[name.slice('user_send_'.length)] ?? 'other' };
  }
  const message: InboundMessage = { id: id.slice(0, 256), key: { channel: ZALO_OA_CHANNEL, account, user }, receivedAt: now, payload };
  const media = follow ? [] : oaMediaOf(event);
  if (media.length > 0) message.media = media;
  return { kind: 'message', message };
}

export function isReplyableMessageId(id: string | undefined): id is string {
  return id !== undefined && id.length > 0 && !id.startsWith(SYNTHETIC_ID_PREFIX) && !id.startsWith('sys:');
}
