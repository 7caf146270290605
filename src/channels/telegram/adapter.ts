// The Telegram channel glued together: grammY receives updates (webhook, or @grammyjs/runner when
// polling), decode.ts turns each into an InboundMessage for the engine, and the sender delivers what
// the outbox hands it. At start-up, in the background and never blocking the server, the bot learns
// who it is, registers its command menu in vi and en, and sets its webhook when configured to.
import { run, sequentialize, type RunnerHandle } from '@grammyjs/runner';
import type { FastifyInstance } from 'fastify';
import type { Bot, Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { InboundPort } from '../../core/channel.ts';
import { keyToString, type Locale } from '../../core/messages.ts';
import { LockTimeoutError, type Clock, type Log, type Store } from '../../core/ports.ts';
import type { Translate } from '../../core/translate.ts';
import { createBot, ensureInitialized, grammySignal } from './bot.ts';
import { ALLOWED_UPDATES, BOT_COMMANDS } from './capabilities.ts';
import type { TelegramConfig } from './config.ts';
import { decodeUpdate } from './decode.ts';
import { telegramMediaFetcher } from './media-fetch.ts';
import { keptWithTurn } from './message-log.ts';
import { createTelegramSender, describeError, type TelegramSender } from './sender.ts';
import { registerWebhook } from './webhook.ts';

export interface TelegramChannelDeps {
  config: TelegramConfig;
  inbound: InboundPort;
  store: Store;
  clock: Clock;
  log: Log;
  translate: Translate;
  /** Known bot identity (skips getMe; tests and benchmarks). */
  botInfo?: UserFromGetMe;
  /** See TelegramSenderDeps. */
  eraseFallbackMs?: number;
}

export interface TelegramChannel {
  bot: Bot;
  sender: TelegramSender;
  /** Mounts the webhook route (webhook mode only). */
  register(app: FastifyInstance): Promise<void>;
  /** Starts the background set-up (and the polling loop in polling mode); returns at once. */
  start(): void;
  /** Resolves when the start-up tasks have run (tests, diagnostics). */
  started(): Promise<void>;
  stop(): Promise<void>;
}

/** A callback answer is only useful while the button still spins: never hold the update for it. */
const ANSWER_TIMEOUT_MS = 3_000;
/** How long a webhook request waits for getMe when the bot does not know itself yet. */
const INIT_TIMEOUT_MS = 5_000;
/** Polling only: a turn that failed for a passing reason (store away, busy chat) is tried again. */
const POLL_RETRIES = [1_000, 2_000, 4_000, 8_000];

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export function createTelegramChannel(deps: TelegramChannelDeps): TelegramChannel {
  const { config, log, clock, translate } = deps;
  const bot = createBot(config, deps.botInfo);
  const sender = createTelegramSender({
    api: bot.api,
    store: deps.store,
    clock,
    log,
    translate,
    ...(deps.eraseFallbackMs !== undefined ? { eraseFallbackMs: deps.eraseFallbackMs } : {}),
  });
  sender.fetchMedia = telegramMediaFetcher(bot.api, config);
  const stopping = new AbortController();
  let setup: Promise<void> = Promise.resolve();
  let runner: RunnerHandle | undefined;

  async function handle(ctx: Context): Promise<void> {
    const decoded = decodeUpdate(ctx.update, { id: ctx.me.id, username: ctx.me.username }, config.botId, clock.now());
    if (decoded.callbackQueryId) {
      // Not awaited: the button stops spinning whatever the turn does, and a slow API does not
      // hold the turn (a late answer is harmless).
      void bot.api
        .answerCallbackQuery(decoded.callbackQueryId, {}, grammySignal(AbortSignal.timeout(ANSWER_TIMEOUT_MS)))
        .catch((err: unknown) => log.debug({ err: describeError(err) }, 'callback query not answered'));
    }
    if (decoded.kind === 'ignored') {
      // Acknowledged (200) either way, since Telegram would resend it for a day; one we cannot read
      // is worth seeing at the default level: the update id and the field, never its content.
      if (decoded.field !== undefined) log.info({ update: ctx.update.update_id, reason: decoded.reason, field: decoded.field }, 'telegram update not readable; acknowledged and ignored');
      else log.debug({ update: ctx.update.update_id, reason: decoded.reason }, 'telegram update ignored');
      return;
    }
    const { message } = decoded;
    // The user's message id is logged (to delete it on erase) in the turn's own write.
    if (decoded.userMessage) message.keep = keptWithTurn(decoded.userMessage);
    const result = await deps.inbound.receive(message);
    if (result === 'duplicate') log.debug({ conversation: keyToString(message.key), update: ctx.update.update_id }, 'duplicate update dropped');
  }

  async function handleWithRetries(ctx: Context): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await handle(ctx);
      } catch (err) {
        const wait = POLL_RETRIES[attempt];
        if (wait === undefined || stopping.signal.aborted) throw err;
        log.warn({ err: err instanceof LockTimeoutError ? 'busy' : describeError(err), update: ctx.update.update_id }, 'telegram update failed; trying again');
        await sleep(wait);
      }
    }
  }

  function commandsFor(locale: Locale) {
    return BOT_COMMANDS.map((command) => ({ command, description: translate(locale, `commands.${command}`) }));
  }

  async function attempt(what: string, task: () => Promise<unknown>): Promise<boolean> {
    try {
      await task();
      return true;
    } catch (err) {
      if (!stopping.signal.aborted) log.warn({ err: describeError(err) }, `telegram ${what} failed`);
      return false;
    }
  }

  async function startUp(): Promise<void> {
    const scope = { type: 'all_private_chats' as const };
    // Aborted on stop(), which also cuts auto-retry's waits short.
    const signal = grammySignal(stopping.signal);
    await attempt('getMe', () => ensureInitialized(bot, 30_000, stopping.signal));
    if (stopping.signal.aborted) return;
    // Vietnamese for everyone by default, English for clients set to English.
    await attempt('setMyCommands', async () => {
      await bot.api.setMyCommands(commandsFor('vi'), { scope }, signal);
      await bot.api.setMyCommands(commandsFor('vi'), { scope, language_code: 'vi' }, signal);
      await bot.api.setMyCommands(commandsFor('en'), { scope, language_code: 'en' }, signal);
    });
    if (config.mode === 'webhook' && config.webhookUrl && config.secret) {
      const url = config.webhookUrl;
      const secret = config.secret;
      const ok = await attempt('setWebhook', () =>
        bot.api.setWebhook(url, { secret_token: secret, allowed_updates: [...ALLOWED_UPDATES], drop_pending_updates: false }, signal),
      );
      if (ok) log.info({}, 'telegram webhook set');
    }
    if (config.mode === 'polling' && !stopping.signal.aborted) {
      // getUpdates is refused while a webhook is set.
      await attempt('deleteWebhook', () => bot.api.deleteWebhook({ drop_pending_updates: false }, signal));
      if (stopping.signal.aborted) return;
      runner = run(bot, {
        // Errors are ours to log (without payloads); a steady pace rather than a doubling one, so a
        // development machine back online picks up within seconds.
        runner: { fetch: { timeout: 10, allowed_updates: [...ALLOWED_UPDATES] }, silent: true, retryInterval: 3_000 },
      });
      runner.task()?.catch((err: unknown) => log.error({ err: describeError(err) }, 'telegram polling stopped'));
      log.info({}, 'telegram polling started');
    }
  }

  if (config.mode === 'polling') {
    // Updates of one chat in order; different chats in parallel.
    bot.use(sequentialize((ctx: Context) => (ctx.chat?.id ?? ctx.from?.id)?.toString()));
    bot.use(handleWithRetries);
    bot.catch((err) => log.error({ err: describeError(err.error), update: err.ctx.update.update_id }, 'telegram update lost'));
  } else {
    bot.use(handle);
  }

  return {
    bot,
    sender,
    async register(app) {
      if (config.mode !== 'webhook' || !config.secret) return;
      registerWebhook(app, {
        bot,
        secret: config.secret,
        timeoutMs: config.webhookTimeoutMs,
        ready: () => ensureInitialized(bot, INIT_TIMEOUT_MS, stopping.signal),
      });
    },
    start() {
      setup = startUp().catch((err: unknown) => log.warn({ err: describeError(err) }, 'telegram start-up failed'));
    },
    started: () => setup,
    async stop() {
      stopping.abort();
      await setup;
      if (runner?.isRunning()) await runner.stop();
      await sender.stop();
    },
  };
}
