// The Messenger channel's public face: what src/server.ts mounts and what tests and the console use.
export { createMessengerChannel, type MessengerChannelDeps } from './adapter.ts';
export { GET_STARTED_PAYLOAD, MESSENGER_CHANNEL, WEBHOOK_PATH, messengerCapabilities } from './capabilities.ts';
export { signatureOf } from './signature.ts';
export type { MessengerWindow } from './window.ts';
