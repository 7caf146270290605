// The payloads of both Zalo APIs as zod schemas. Field names and types differ between Zalo's own
// pages and the samples people publish, so every schema is lenient: ids may come as strings or
// numbers, most fields are optional, and unknown keys are kept (a new field must never turn an
// event into a 400, and the raw event stays available for debugging).
import { z } from 'zod';

/** Ids are strings in Zalo's samples; a number is accepted and turned into the same string. */
export const idLike = z.union([z.string().min(1), z.number()]).transform((v) => String(v));

const numberLike = z.union([z.number(), z.string().regex(/^\d+$/)]).transform((v) => Number(v));

/**
 * The platform's order of a user's messages, from an epoch-milliseconds field (the Bot Platform's
 * `date`, the OA's `timestamp`): undefined when absent or not a whole number of milliseconds.
 */
export function orderFromMs(v: number | string | undefined): number | undefined {
  const n = typeof v === 'string' && /^\d+$/.test(v) ? Number(v) : v;
  return typeof n === 'number' && Number.isSafeInteger(n) && n >= 0 ? n : undefined;
}

// ——— Zalo Bot Platform ———

export const botChatSchema = z.looseObject({
  id: idLike,
  /** 'PRIVATE' | 'GROUP' in the docs. */
  chat_type: z.string().optional(),
});

export const botUserSchema = z.looseObject({
  id: idLike.optional(),
  display_name: z.string().optional(),
  first_name: z.string().optional(),
  name: z.string().optional(),
  is_bot: z.boolean().optional(),
});

export const botMessageSchema = z.looseObject({
  message_id: idLike.optional(),
  /** Epoch milliseconds. */
  date: numberLike.optional(),
  chat: botChatSchema.optional(),
  from: botUserSchema.optional(),
  text: z.string().optional(),
  // The image's address goes by different names in different sources.
  photo_url: z.string().optional(),
  photo: z.string().optional(),
  caption: z.string().optional(),
  sticker: z.string().optional(),
});
export type BotMessage = z.infer<typeof botMessageSchema>;

export const botUpdateSchema = z.looseObject({
  event_name: z.string().optional(),
  message: botMessageSchema.optional(),
});
export type BotUpdate = z.infer<typeof botUpdateSchema>;

/** Every Bot API answer: `{ok, result?, error_code?, description?}`. */
export const botEnvelopeSchema = z.looseObject({
  ok: z.boolean(),
  result: z.unknown().optional(),
  error_code: z.number().optional(),
  description: z.string().optional(),
});
export type BotEnvelope = z.infer<typeof botEnvelopeSchema>;

export const botSendResultSchema = z.looseObject({
  message_id: idLike.optional(),
  date: numberLike.optional(),
});

export const botMeSchema = z.looseObject({
  id: idLike.optional(),
  account_name: z.string().optional(),
});

// ——— Zalo Official Account API v3 ———

const oaIdHolder = z.looseObject({ id: idLike });

export const oaAttachmentSchema = z.looseObject({
  type: z.string().optional(),
  payload: z.unknown().optional(),
});

export const oaEventSchema = z.looseObject({
  app_id: idLike.optional(),
  oa_id: idLike.optional(),
  user_id_by_app: idLike.optional(),
  event_name: z.string().min(1),
  sender: oaIdHolder.optional(),
  recipient: oaIdHolder.optional(),
  /** `follow` / `unfollow` name the user here rather than in `sender`. */
  follower: oaIdHolder.optional(),
  source: z.string().optional(),
  message: z
    .looseObject({
      msg_id: idLike.optional(),
      /** anonymous_send_* only: the conversation a reply to a person who does not follow the OA goes to. */
      conversation_id: idLike.optional(),
      text: z.string().optional(),
      attachments: z.array(oaAttachmentSchema).optional(),
    })
    .optional(),
  /** Epoch milliseconds, as a string in Zalo's samples; also part of the signature. */
  timestamp: idLike.optional(),
});
export type OaEvent = z.infer<typeof oaEventSchema>;

/** Open API answers: success is HTTP 200 with `error: 0`; the code is sometimes a string. */
export const oaApiResponseSchema = z.looseObject({
  error: z.union([z.number(), z.string().regex(/^-?\d+$/).transform(Number)]).optional(),
  message: z.string().optional(),
  data: z
    .looseObject({
      message_id: idLike.optional(),
      user_id: idLike.optional(),
      /** What the image upload answers [s]. */
      attachment_id: z.string().min(1).optional(),
      /** What the file upload answers [s]. */
      token: z.string().min(1).optional(),
    })
    .optional(),
});
export type OaApiResponse = z.infer<typeof oaApiResponseSchema>;

/** The OAuth answer; `expires_in` arrives as a string of seconds in published samples. */
export const oaTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1).optional(),
  refresh_token: z.string().min(1).optional(),
  expires_in: numberLike.optional(),
  error: z.union([z.number(), z.string()]).optional(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
});
export type OaTokenResponse = z.infer<typeof oaTokenResponseSchema>;
