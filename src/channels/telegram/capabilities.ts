// What a Telegram private chat can show and the platform limits the adapter works within. Numbers
// marked [?] are not published as hard limits by Telegram; they are kept here, in one place.
import type { ChannelCapabilities } from '../../core/channel.ts';

export const TELEGRAM_CHANNEL = 'telegram';

/** Text of one message: 4096 characters after entity parsing (we send plain text). [?] counted in UTF-16 units */
export const MAX_TEXT_UTF16 = 4096;

/** `callback_data` is 1–64 bytes: a choice whose id is longer goes out as numbered text. */
export const MAX_CALLBACK_DATA_BYTES = 64;

export const telegramCapabilities: ChannelCapabilities = {
  maxTextLength: MAX_TEXT_UTF16,
  // The inline keyboard takes up to 100 buttons [?]; beyond a dozen a list reads better as numbers.
  maxButtons: 12,
  // Buttons are one per row; a longer label is cut with an ellipsis on a phone's width. [?]
  maxButtonLabel: 48,
  // Bot API uploads: photos up to 10 MB, other files up to 50 MB [s].
  maxAttachmentBytes: { image: 10 * 1024 * 1024, file: 50 * 1024 * 1024 },
};

/** Labels this short go two to a row (yes/no, the two languages). */
export const SHORT_LABEL = 14;

export const WEBHOOK_PATH = '/webhooks/telegram';
export const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

/** Bots may delete messages of a private chat (their own and the user's) up to 48 hours old. */
export const DELETABLE_FOR_MS = 48 * 3600_000;
/** Margin so a message is not attempted seconds before it becomes undeletable. */
export const DELETE_MARGIN_MS = 10 * 60_000;
/** `deleteMessages` takes 1–100 ids per call. */
export const DELETE_BATCH = 100;
/**
 * The ids of the messages in a private chat (sent and received), kept with the conversation so
 * erasing it can delete them from the chat too. Nothing older than Telegram lets us delete is
 * useful, so the list expires 48 hours after its last entry.
 */
export const MESSAGE_LOG = 'telegram-messages';

/** The updates the bot subscribes to (webhook and polling alike). */
export const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/** The commands shown in Telegram's menu, described by `commands.<name>` in locales/. */
export const BOT_COMMANDS = ['start', 'menu', 'help', 'staff', 'language', 'delete'] as const;
