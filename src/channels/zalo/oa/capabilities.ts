// What a Zalo Official Account can send, and the platform rules the adapter follows. Almost all of
// it comes from third-party samples rather than Zalo's own pages (marked [s]) or could not be
// confirmed at all ([?]), so every number is a setting with a default here, not a constant inline.
import type { ChannelCapabilities } from '../../../core/channel.ts';

export const ZALO_OA_CHANNEL = 'zalo-oa';

export const OA_SIGNATURE_HEADER = 'x-zevent-signature';

export interface OaRules {
  /** Text per message: 2000 characters [s]. */
  maxTextLength: number;
  /** Buttons under one message: 5 [s]; more choices go out as a numbered list. */
  maxButtons: number;
  /** Button title: 100 characters [s]. */
  maxButtonLabel: number;
  /** `oa.query.hide` sends the payload back as the user's text without showing it in the chat [s]. */
  buttonType: string;
  /** After a user message, replies quoting its message_id are free for 48 hours [v]… */
  freeWindowMs: number;
  /** …and up to 8 of them per user message [v]. */
  freeRepliesPerMessage: number;
  /** Consultation messages (by user_id) need an interaction within the last 7 days [s]. */
  consultationWindowMs: number;
  /** Error codes meaning "the access token is expired or invalid": -216 [s]; -124 seen in samples [?]. */
  expiredTokenCodes: number[];
  /** Error codes worth retrying later (rate limits, server trouble); none is published [?]. */
  temporaryCodes: number[];
  /** Refresh this long before the token's announced expiry (`expires_in`, about 25 h [s]). */
  refreshMarginMs: number;
  /**
   * Where replies to anonymous users go: Zalo's older message call, with
   * `recipient: {anonymous_id, conversation_id}` [?]. Neither the path nor the recipient shape is in
   * the v3 samples this project follows; kept as a setting so a deployment can correct it.
   */
  anonymousPath: string;
  /**
   * An officer's file is uploaded first, then sent by what the upload answers: images (JPG, PNG) to
   * `/v2.0/oa/upload/image`, at most 1 MB, answering `data.attachment_id`; documents (PDF, DOC,
   * DOCX) to `/v2.0/oa/upload/file`, at most 5 MB, answering `data.token` — both multipart with the
   * bytes in a `file` field and the access token in the `access_token` header (Zalo's OA API pages
   * "Upload hình ảnh" and "Upload file" as quoted by third-party samples [s]; not checked against
   * Zalo's own site).
   */
  uploadImagePath: string;
  uploadFilePath: string;
  maxImageBytes: number;
  maxFileBytes: number;
}

const HOUR = 3600_000;

export const DEFAULT_OA_RULES: OaRules = {
  maxTextLength: 2000,
  maxButtons: 5,
  maxButtonLabel: 100,
  buttonType: 'oa.query.hide',
  freeWindowMs: 48 * HOUR,
  freeRepliesPerMessage: 8,
  consultationWindowMs: 7 * 24 * HOUR,
  expiredTokenCodes: [-216, -124],
  temporaryCodes: [-32, -500],
  refreshMarginMs: 10 * 60_000,
  anonymousPath: '/v2.0/oa/message',
  uploadImagePath: '/v2.0/oa/upload/image',
  uploadFilePath: '/v2.0/oa/upload/file',
  maxImageBytes: 1024 * 1024,
  maxFileBytes: 5 * 1024 * 1024,
};

export function oaCapabilities(rules: OaRules): ChannelCapabilities {
  return {
    maxTextLength: rules.maxTextLength,
    maxButtons: rules.maxButtons,
    maxButtonLabel: rules.maxButtonLabel,
    maxAttachmentBytes: { image: rules.maxImageBytes, file: rules.maxFileBytes },
  };
}

/** Webhook events [s]: user_send_<kind> for what users send, oa_send_<kind> echoes our own. */
export const OA_EVENTS = {
  text: 'user_send_text',
  follow: 'follow',
  unfollow: 'unfollow',
} as const;
