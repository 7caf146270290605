// The Telegram channel's public face: what src/server.ts wires and tests drive.
export { createTelegramChannel, type TelegramChannel, type TelegramChannelDeps } from './adapter.ts';
export { TELEGRAM_CHANNEL, WEBHOOK_PATH, telegramCapabilities } from './capabilities.ts';
export { TelegramConfigError, loadTelegramConfig, type TelegramConfig } from './config.ts';
export { decodeUpdate } from './decode.ts';
export { encodeTelegramMessage } from './encode.ts';
