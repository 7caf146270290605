// The web chat's request body → InboundMessage. The page generates the user id (kept in the
// browser) and a fresh id per message, so a retried POST is recognised as a duplicate.
import { z } from 'zod';
import { localeSchema, type InboundMessage } from '../../core/messages.ts';
import { WEB_ACCOUNT, WEB_CHANNEL } from './capabilities.ts';

export const webUserId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const webMessageBody = z
  .object({
    user: webUserId,
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    // A pasted contract is still a question: up to 20,000 characters are accepted, the engine reads the start.
    text: z.string().max(20_000).optional(),
    choice: z.string().min(1).max(64).optional(),
    start: z.boolean().optional(),
    locale: localeSchema.optional(),
  })
  .refine((b) => [b.text !== undefined, b.choice !== undefined, b.start === true].filter(Boolean).length === 1, {
    message: 'send exactly one of text, choice or start',
  });
export type WebMessageBody = z.infer<typeof webMessageBody>;

export function decodeWebMessage(body: WebMessageBody, now: number): InboundMessage {
  const payload: InboundMessage['payload'] =
    body.start === true
      ? { type: 'start' }
      : body.choice !== undefined
        ? { type: 'choice', id: body.choice }
        : { type: 'text', text: body.text ?? '' };
  const msg: InboundMessage = {
    id: body.id,
    key: { channel: WEB_CHANNEL, account: WEB_ACCOUNT, user: body.user },
    receivedAt: now,
    payload,
  };
  if (body.locale) msg.localeHint = body.locale;
  return msg;
}
