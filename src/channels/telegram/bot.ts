// The grammY bot as this channel uses it: the Bot API at the configured root, a bounded client
// timeout, and @grammyjs/auto-retry for the calls that may wait (sends, deletions, set-up), with a
// cap on `retry_after` so a long flood wait goes back to the outbox instead of holding a webhook;
// only a short 429 is waited here; 5xx, network errors and timeouts go back to the outbox.
// answerCallbackQuery is not retried: its answer is only useful within seconds.
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, type Transformer } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { TelegramConfig } from './config.ts';
import { httpFetch } from './http-fetch.ts';

type ClientFetch = NonNullable<NonNullable<NonNullable<ConstructorParameters<typeof Bot>[1]>['client']>['fetch']>;

/** Calls worth waiting for when Telegram says "retry after" or answers 5xx. */
const RETRIED = new Set(['sendMessage', 'deleteMessage', 'deleteMessages', 'setMyCommands', 'setWebhook', 'deleteWebhook']);

export function onlyFor(methods: ReadonlySet<string>, transformer: Transformer): Transformer {
  return (prev, method, payload, signal) =>
    methods.has(method) ? transformer(prev, method, payload, signal) : prev(method, payload, signal);
}

/**
 * How long a kept-alive connection may sit idle before we close it ourselves. grammY's own agent
 * keeps idle connections forever and so ignores the server's `Keep-Alive: timeout=` hint (Node only
 * applies the hint below an agent timeout): the server then closes an idle connection while a busy
 * process is writing the next sendMessage on it, the send fails as a cut connection it never
 * received, and the outbox has to treat it as maybe sent. With a timeout, Node closes idle sockets
 * a second before the server's announced limit, and after this long where none is announced.
 */
export const IDLE_SOCKET_MS = 4_000;

/** A keep-alive agent that closes idle connections before the server does (see IDLE_SOCKET_MS). */
export function apiAgent(apiRoot: string): HttpAgent {
  const options = { keepAlive: true, timeout: IDLE_SOCKET_MS };
  return apiRoot.startsWith('https:') ? new HttpsAgent(options) : new HttpAgent(options);
}

export function createBot(config: TelegramConfig, botInfo?: UserFromGetMe): Bot {
  const bot = new Bot(config.token, {
    ...(botInfo ? { botInfo } : {}),
    client: {
      apiRoot: config.apiRoot,
      timeoutSeconds: config.apiTimeoutSeconds,
      baseFetchConfig: { agent: apiAgent(config.apiRoot), ...(config.apiRoot.startsWith('https:') ? { compress: true } : {}) },
      // grammY reads only the response's JSON; node-fetch's WHATWG objects cost more than the call.
      fetch: httpFetch as unknown as ClientFetch,
    },
  });
  bot.api.config.use(
    onlyFor(
      RETRIED,
      // Network errors, timeouts and 5xx go back to the caller (the outbox) at once: grammY would
      // retry network errors without limit, and its waits count against the call's timeout, so a
      // 5xx retried here could end as a timeout — "maybe sent" for a message never delivered. The
      // outbox retries them, bounded and under its lease (src/core/outbox.ts). One short
      // `retry_after` is waited here, well inside the timeout.
      autoRetry({
        maxDelaySeconds: Math.min(config.maxRetryDelaySeconds, Math.floor(config.apiTimeoutSeconds / 4)),
        maxRetryAttempts: 1,
        rethrowHttpErrors: true,
        rethrowInternalServerErrors: true,
      }),
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
