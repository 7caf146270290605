// What a Zalo Bot Platform chat can show: plain text up to 2000 characters and nothing else that
// a choice could use (no buttons, no edit), so every choice goes out as a numbered list.
import type { ChannelCapabilities } from '../../../core/channel.ts';

export const ZALO_BOT_CHANNEL = 'zalo-bot';

export const zaloBotCapabilities: ChannelCapabilities = {
  maxTextLength: 2000,
  maxButtons: 0,
  maxButtonLabel: 0,
};

/** The events the docs list; any other name is logged and answered as unsupported content. */
export const BOT_EVENTS = {
  text: 'message.text.received',
  image: 'message.image.received',
  sticker: 'message.sticker.received',
  /** Sent by the app for a voice note; named by one SDK, not by the docs [?]. */
  voice: 'message.voice.received',
  unsupported: 'message.unsupported.received',
} as const;

export const BOT_SECRET_HEADER = 'x-bot-api-secret-token';

/** getUpdates answers this error code when nothing new arrived during the long poll. */
export const BOT_NOTHING_NEW = 408;
