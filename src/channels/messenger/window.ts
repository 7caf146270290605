// Messenger's messaging windows, counted from the user's last message: anyone may answer for 24 h
// (messaging_type RESPONSE); after that only a person, with the HUMAN_AGENT tag, up to 7 days; then
// nobody until the user writes again. The same rule answers the console ("can I send now, how,
// until when") and decides each send, so the two never disagree.
import type { SendContext, SendWindow } from '../../core/channel.ts';
import { HUMAN_AGENT_WINDOW_MS, STANDARD_WINDOW_MS } from './capabilities.ts';

export type MessengerMode = 'RESPONSE' | 'HUMAN_AGENT';

export type WindowReasonKey = 'messenger.window.botClosed' | 'messenger.window.closed';

export interface MessengerWindow extends SendWindow {
  mode?: MessengerMode;
  reasonKey?: WindowReasonKey;
}

export function messengerWindow(ctx: SendContext, from: 'bot' | 'agent'): MessengerWindow {
  const last = ctx.lastUserAt;
  if (last === undefined) {
    // No record of the user's last message: the conversation was just erased at the user's request
    // (its confirmation is still to go) or has expired. Answer as a response; the platform refuses
    // it if the user has been quiet too long, and that refusal is final, not retried.
    return { canSend: true, mode: 'RESPONSE' };
  }
  const standardEnd = last + STANDARD_WINDOW_MS;
  const agentEnd = last + HUMAN_AGENT_WINDOW_MS;
  if (ctx.now < standardEnd) {
    const w: MessengerWindow = { canSend: true, mode: 'RESPONSE', until: standardEnd };
    if (from === 'agent') w.then = { mode: 'HUMAN_AGENT', until: agentEnd };
    return w;
  }
  if (from === 'bot') return { canSend: false, reasonKey: 'messenger.window.botClosed' };
  if (ctx.now < agentEnd) return { canSend: true, mode: 'HUMAN_AGENT', until: agentEnd };
  return { canSend: false, reasonKey: 'messenger.window.closed' };
}

/** The Send API fields that say how a message goes: RESPONSE inside 24 h, the HUMAN_AGENT tag after. */
export function messagingFields(mode: MessengerMode): { messaging_type: 'RESPONSE' } | { messaging_type: 'MESSAGE_TAG'; tag: 'HUMAN_AGENT' } {
  return mode === 'RESPONSE' ? { messaging_type: 'RESPONSE' } : { messaging_type: 'MESSAGE_TAG', tag: 'HUMAN_AGENT' };
}
