// The grammY bot as this channel uses it: the Bot API at the configured root, a bounded client
// timeout, and @grammyjs/auto-retry for the calls that may wait (sends, deletions, set-up), with a
// cap on `retry_after` so a long flood wait goes back to the outbox instead of holding a webhook;
// 429 and 5xx (never delivered) are retried here, network errors and timeouts are not.
// answerCallbackQuery is not retried: its answer is only useful within seconds.
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { TelegramConfig } from './config.ts';

/** Calls worth waiting for when Telegram says "retry after" or answers 5xx. */
const RETRIED = new Set(['sendMessage', 'deleteMessage', 'deleteMessages', 'setMyCommands', 'setWebhook', 'deleteWebhook']);

export function onlyFor(methods: ReadonlySet<string>, transformer: Transformer): Transformer {
  return (prev, method, payload, signal) =>
    methods.has(method) ? transformer(prev, method, payload, signal) : prev(method, payload, signal);
}

export function createBot(config: TelegramConfig, botInfo?: UserFromGetMe): Bot {
  const bot = new Bot(config.token, {
    ...(botInfo ? { botInfo } : {}),
    client: { apiRoot: config.apiRoot, timeoutSeconds: config.apiTimeoutSeconds },
  });
  bot.api.config.use(
    onlyFor(
      RETRIED,
      // Network errors and timeouts go back to the caller (the outbox) at once: grammY would retry
      // them without limit, and a call that timed out may have been delivered — sent again, the
      // user reads it twice. The outbox decides, bounded (src/core/outbox.ts).
      autoRetry({ maxDelaySeconds: config.maxRetryDelaySeconds, maxRetryAttempts: 3, rethrowHttpErrors: true }),
    ),
  );
  return bot;
}

/**
 * Learns who the bot is (getMe) within `timeoutMs`. grammY's own init retries without end, which
 * would hold a webhook request for as long as Telegram is unreachable.
 */
export async function ensureInitialized(bot: Bot, timeoutMs: number, stop?: AbortSignal): Promise<void> {
  if (bot.isInited()) return;
  const signal = stop ? AbortSignal.any([stop, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs);
  await bot.init(grammySignal(signal));
}

/** grammY's Node build types signals with a polyfill's class; the platform's own works the same. */
export type GrammySignal = NonNullable<Parameters<Bot['init']>[0]>;
export const grammySignal = (signal: AbortSignal): GrammySignal => signal as unknown as GrammySignal;
