import type { ChannelCapabilities } from '../../core/channel.ts';

/** The web page draws buttons for any reasonable list; long labels wrap. */
export const webCapabilities: ChannelCapabilities = {
  maxTextLength: 8000,
  maxButtons: 10,
  maxButtonLabel: 80,
};

export const WEB_CHANNEL = 'web';
export const WEB_ACCOUNT = 'default';
/** The mailbox a web user's replies wait in until the page fetches them. */
export const WEB_MAILBOX = 'web';
