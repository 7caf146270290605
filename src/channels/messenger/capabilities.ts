// What a Messenger conversation can show, and the platform's limits the encoder and the window
// rules follow. Marked where the platform's documentation was not confirmed.
import type { ChannelCapabilities } from '../../core/channel.ts';

export const MESSENGER_CHANNEL = 'messenger';

/** Quick replies: at most 13, titles of at most 20 characters (longer titles are cut by the app). */
export const QUICK_REPLIES_MAX = 13;
export const QUICK_REPLY_TITLE_MAX = 20;
/** Button template: 1–3 postback buttons under a text of at most 640 characters; titles ≤ 20. */
export const BUTTONS_MAX = 3;
export const BUTTON_TITLE_MAX = 20;
export const BUTTON_TEXT_MAX = 640;
/**
 * Text messages: 2000 characters. Whether the platform counts code points or UTF-16 units is not
 * documented, so parts are kept under 2000 of both.
 */
export const TEXT_MAX = 2000;
/** Payloads we accept back as choice ids (ours are ≤ 48 ASCII characters). */
export const PAYLOAD_MAX = 64;

export const messengerCapabilities: ChannelCapabilities = {
  maxTextLength: TEXT_MAX,
  maxButtons: QUICK_REPLIES_MAX,
  maxButtonLabel: QUICK_REPLY_TITLE_MAX,
  // The Send API takes uploaded attachments up to 25 MB [s].
  maxAttachmentBytes: { image: 25 * 1024 * 1024, file: 25 * 1024 * 1024 },
};

const HOUR_MS = 3600_000;
/** The standard messaging window after the user's last message. */
export const STANDARD_WINDOW_MS = 24 * HOUR_MS;
/** A person (never the bot) may answer with the HUMAN_AGENT tag up to this long after it. */
export const HUMAN_AGENT_WINDOW_MS = 7 * 24 * HOUR_MS;

/** The postback payload of the Get Started button (set in the page's Messenger profile). */
export const GET_STARTED_PAYLOAD = 'GET_STARTED';

export const SIGNATURE_HEADER = 'x-hub-signature-256';
export const WEBHOOK_PATH = '/webhooks/messenger';
