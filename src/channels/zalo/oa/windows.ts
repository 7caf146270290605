// When, and how, an OA may write to a user. Replies quoting the user's message_id are free for 48
// hours after that message, up to 8 per message [v]; after that, or when no message id is known
// (the user only followed), a consultation message by user_id is allowed while the user's last
// interaction is under 7 days old [s]; past that only paid templates could reach them, which this
// project does not send. Pure: the clock and the last interaction come in the SendContext.
// Without a known last interaction (the user just erased the conversation and its confirmation is
// still to go, or it expired) the message goes as consultation and Zalo has the last word: its
// refusal is final, not retried.
import type { SendContext } from '../../../core/channel.ts';
import type { OaRules } from './capabilities.ts';
import { isReplyableMessageId } from './decode.ts';

/** Free reply by message_id, or consultation by user_id. */
export const OA_MODES = { reply: 'FREE_REPLY', consultation: 'CONSULTATION' } as const;

export type OaWindow =
  | { canSend: true; mode: 'reply'; until: number; messageId: string; consultationUntil: number }
  | { canSend: true; mode: 'consultation'; until?: number }
  | { canSend: false; why: 'expired'; lastUserAt: number; closedAt: number };

export function oaWindow(ctx: SendContext, rules: OaRules): OaWindow {
  const last = ctx.lastUserAt;
  if (last === undefined) return { canSend: true, mode: 'consultation' };
  const consultationUntil = last + rules.consultationWindowMs;
  const freeUntil = last + rules.freeWindowMs;
  if (ctx.now < freeUntil && isReplyableMessageId(ctx.lastUserMessageId)) {
    return { canSend: true, mode: 'reply', until: freeUntil, messageId: ctx.lastUserMessageId, consultationUntil };
  }
  if (ctx.now < consultationUntil) return { canSend: true, mode: 'consultation', until: consultationUntil };
  return { canSend: false, why: 'expired', lastUserAt: last, closedAt: consultationUntil };
}

/** A moment as staff read it in a reason: UTC, to the minute. */
export function formatUtc(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}
