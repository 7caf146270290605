// Long polling for development (no public URL needed). getUpdates hands out one update per call
// and answers error 408 when nothing came during the wait [s]; it does not work while a webhook is
// set [s], so polling starts by deleting the webhook, as grammY's bot.start() does on Telegram.
// The platform forgets an update once it handed it out (there is no offset to confirm), so each
// one goes through the journaled inbox before the next call.
import type { InboundMessage } from '../../../core/messages.ts';
import type { Log } from '../../../core/ports.ts';
import { describeFailure, isTemporary, type BotApi } from './api.ts';
import { BOT_NOTHING_NEW } from './capabilities.ts';
import { decodeBotUpdate, unwrapBotUpdates } from './decode.ts';

export interface PollerOptions {
  /** Seconds the platform holds a getUpdates call open; a guess, the maximum is unpublished [?]. */
  waitSeconds: number;
  /** Back-off after a failed call (doubling up to the maximum). */
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_POLLER_OPTIONS: PollerOptions = { waitSeconds: 30, retryBaseMs: 1_000, retryMaxMs: 30_000 };

export interface Poller {
  start(): void;
  /** Ends the loop (aborting the open call) and resolves once it has stopped. */
  stop(): Promise<void>;
}

export function createPoller(deps: {
  api: BotApi;
  account: string;
  now: () => number;
  log: Log;
  accept: (message: InboundMessage) => Promise<unknown>;
  options?: Partial<PollerOptions>;
}): Poller {
  const opts = { ...DEFAULT_POLLER_OPTIONS, ...deps.options };
  const { api, log } = deps;
  let abort: AbortController | undefined;
  let loop: Promise<void> | undefined;

  const pause = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve();
      }, { once: true });
    });

  async function run(signal: AbortSignal): Promise<void> {
    const dropped = await api.call('deleteWebhook', {}, { signal });
    if (!dropped.ok && !signal.aborted) log.warn({ reason: describeFailure('deleteWebhook', dropped) }, 'zalo-bot: could not delete the webhook; polling anyway');
    let failures = 0;
    while (!signal.aborted) {
      const res = await api.call(
        'getUpdates',
        { timeout: String(opts.waitSeconds) },
        { signal, paced: false, retry: false, timeoutMs: (opts.waitSeconds + 10) * 1000 },
      );
      if (signal.aborted) return;
      if (res.ok) {
        failures = 0;
        const updates = unwrapBotUpdates({ ok: true, result: res.result });
        if (!updates) {
          log.warn({}, 'zalo-bot: getUpdates returned something that is not an update; skipped');
          continue;
        }
        for (const update of updates) {
          const decoded = decodeBotUpdate(update, deps.account, deps.now());
          if (decoded.kind === 'ignored') {
            log.debug({ reason: decoded.reason }, 'zalo-bot update ignored');
            continue;
          }
          if (!decoded.known) log.info({ event: update.event_name }, 'zalo-bot: unknown event answered as unsupported');
          await acceptUntilStored(decoded.message, signal);
        }
        continue;
      }
      if (res.errorCode === BOT_NOTHING_NEW || res.status === BOT_NOTHING_NEW) {
        failures = 0;
        continue;
      }
      failures++;
      const wait = Math.min(opts.retryBaseMs * 2 ** (failures - 1), opts.retryMaxMs);
      log[isTemporary(res) ? 'warn' : 'error']({ reason: describeFailure('getUpdates', res), waitMs: wait }, 'zalo-bot polling failed');
      await pause(Math.max(wait, res.retryAfterMs ?? 0), signal);
    }
  }

  /** The update is ours alone now: keep trying to journal it while the store is away. */
  async function acceptUntilStored(message: InboundMessage, signal: AbortSignal): Promise<void> {
    for (let attempt = 1; !signal.aborted; attempt++) {
      try {
        await deps.accept(message);
        return;
      } catch (err) {
        log.warn({ err: err instanceof Error ? err.message : String(err), attempt }, 'zalo-bot: update not journaled; retrying');
        await pause(Math.min(opts.retryBaseMs * 2 ** (attempt - 1), opts.retryMaxMs), signal);
      }
    }
  }

  return {
    start() {
      if (loop) return;
      abort = new AbortController();
      const signal = abort.signal;
      loop = run(signal).catch((err: unknown) => log.error({ err }, 'zalo-bot polling stopped by an error'));
    },
    async stop() {
      abort?.abort();
      await loop;
      loop = undefined;
    },
  };
}
