// The sending half of the Telegram channel: the outbox hands it one OutboundMessage at a time, in
// order per conversation. A message may take several sendMessage calls (long text); if a later part
// fails, the retry resumes after the parts already sent, so nobody reads the same paragraph twice.
// Every id sent or received in a private chat goes to the conversation's message log, so erasing
// the conversation also deletes those messages from the chat where Telegram allows it.
import { createHash } from 'node:crypto';
import { GrammyError, HttpError, InputFile, type Api } from 'grammy';
import type { ChannelSender, SendResult } from '../../core/channel.ts';
import { keyToString, type ConversationKey, type Locale, type OutboundAttachment, type OutboundMessage } from '../../core/messages.ts';
import type { Clock, Log, Store } from '../../core/ports.ts';
import type { Translate } from '../../core/translate.ts';
import { DELETE_BATCH, TELEGRAM_CHANNEL, telegramCapabilities } from './capabilities.ts';
import { encodeTelegramMessage } from './encode.ts';
import { MessageLog, chatIdOf, privateChatId, type LoggedMessage } from './message-log.ts';

export interface TelegramSenderDeps {
  api: Api;
  store: Store;
  clock: Clock;
  log: Log;
  translate: Translate;
  /**
   * After an erase the chat is cleaned once the confirmation has gone out (so the user reads it
   * last); if no send follows on this instance within this time, it is cleaned anyway.
   */
  eraseFallbackMs?: number;
  /** How long an erase waits for a send already on its way, so its id is deleted too. */
  inflightWaitMs?: number;
}

export interface TelegramSender extends ChannelSender {
  /** Resolves when every deletion started so far has finished (tests, shutdown). */
  idle(): Promise<void>;
  /** Runs pending deletions now and stops their timers. */
  stop(): Promise<void>;
}

interface Progress {
  next: number;
  ids: string[];
  at: number;
}

interface PendingErase {
  key: ConversationKey;
  chatId: number;
  ids: number[];
  locale: Locale;
  timer: NodeJS.Timeout;
}

/** A half-sent message not retried within this time was given up by the outbox. */
const PROGRESS_TTL_MS = 3600_000;

export function sendFailure(err: unknown): SendResult & { ok: false } {
  if (err instanceof GrammyError) {
    const retryAfter = err.parameters.retry_after;
    if (err.error_code === 429) {
      return {
        ok: false,
        retryable: true,
        reason: `telegram 429: ${err.description}`,
        ...(typeof retryAfter === 'number' ? { retryAfterMs: retryAfter * 1000 } : {}),
      };
    }
    if (err.error_code >= 500) return { ok: false, retryable: true, reason: `telegram ${err.error_code}: ${err.description}` };
    // 400 (e.g. chat not found) and 403 (the user blocked the bot) will not change by retrying.
    return { ok: false, retryable: false, reason: `telegram ${err.error_code}: ${err.description}` };
  }
  if (err instanceof HttpError) {
    const reached = reachedTelegram(err);
    return reached
      ? { ok: false, retryable: true, maybeSent: true, reason: reached === 'timeout' ? 'telegram did not answer in time' : `the connection to telegram was cut (${reached})` }
      : { ok: false, retryable: true, reason: 'telegram unreachable' };
  }
  return { ok: false, retryable: true, reason: err instanceof Error ? err.message : String(err) };
}

/**
 * Whether a failed call may have reached Telegram: a timeout or a connection cut after the request
 * went out. A refused connection or a failed lookup never reached it, so sending again is safe.
 */
function reachedTelegram(err: HttpError): false | 'timeout' | string {
  const cause = err.error as { message?: unknown; code?: unknown; cause?: { code?: unknown } } | undefined;
  const code = cause?.code ?? cause?.cause?.code;
  if (typeof code === 'string' && /^(ECONNREFUSED|ENOTFOUND|EAI_AGAIN|EHOSTUNREACH|ENETUNREACH)$/.test(code)) return false;
  if (typeof cause?.message === 'string' && /timed out/.test(cause.message)) return 'timeout';
  return typeof code === 'string' && /^(ECONNRESET|EPIPE|ETIMEDOUT|UND_ERR_SOCKET)$/.test(code) ? code : false;
}

/** What may be logged about a failed call: never its payload (chat id and text). */
export function describeError(err: unknown): Record<string, unknown> {
  if (err instanceof GrammyError) return { method: err.method, code: err.error_code, description: err.description };
  if (err instanceof HttpError) return { error: 'network' };
  return { error: err instanceof Error ? err.name : 'unknown' };
}

function digest(message: OutboundMessage): string {
  return createHash('sha256').update(JSON.stringify([message.text, message.choices, message.links, message.from, message.attachment?.id])).digest('base64url');
}

const delay = (ms: number) =>
  new Promise<void>((resolve) => {
    setTimeout(resolve, ms).unref();
  });

export function createTelegramSender(deps: TelegramSenderDeps): TelegramSender {
  const { api, clock, log } = deps;
  const messages = new MessageLog(deps.store);
  const progress = new Map<string, Progress>();
  const inflight = new Map<string, Promise<unknown>>();
  const pending = new Map<string, PendingErase>();
  const running = new Set<Promise<void>>();
  const eraseFallbackMs = deps.eraseFallbackMs ?? 15_000;
  const inflightWaitMs = deps.inflightWaitMs ?? 5_000;

  async function record(key: ConversationKey, entry: LoggedMessage): Promise<void> {
    // The message is out either way: a log that could not be written only means it cannot be deleted
    // later, or that a holder killed before its ack cannot prove the send (and dead-letters it).
    await messages.record(key, entry).catch((err: unknown) => log.warn({ err: describeError(err), conversation: keyToString(key) }, 'message id not logged'));
  }


  function remember(k: string, p: Progress): void {
    const now = clock.now();
    for (const [id, old] of progress) if (now - old.at > PROGRESS_TTL_MS) progress.delete(id);
    progress.set(k, p);
  }

  /**
   * An officer's file goes after the text, as Telegram shows it natively: a photo for an image, a
   * document for anything else, uploaded as multipart (InputFile) since it lives in no URL.
   */
  function sendFile(chatId: number | string, a: OutboundAttachment, bytes: Buffer) {
    const file = new InputFile(bytes, a.name);
    return a.kind === 'image' ? api.sendPhoto(chatId, file) : api.sendDocument(chatId, file);
  }

  async function deliver(key: ConversationKey, message: OutboundMessage, attachment?: Buffer, itemId?: string): Promise<SendResult> {
    const chatId = chatIdOf(key);
    const parts = encodeTelegramMessage(message);
    const k = `${keyToString(key)}\n${digest(message)}`;
    const done = progress.get(k) ?? { next: 0, ids: [], at: clock.now() };
    // The file counts as one more part: a retry after it failed does not send the text again.
    const file = message.attachment && attachment ? { meta: message.attachment, bytes: attachment } : undefined;
    const total = parts.length + (file ? 1 : 0);
    // Only a private chat's messages are logged (the only ones an erase deletes).
    const logs = privateChatId(key) !== undefined;
    for (let i = done.next; i < total; i++) {
      const part = parts[i];
      try {
        const sent = part ? await api.sendMessage(chatId, part.text, part.options) : await sendFile(chatId, file!.meta, file!.bytes);
        done.ids.push(String(sent.message_id));
        done.next = i + 1;
        // Logged as soon as Telegram answers, before the ack: a holder killed between the two leaves
        // the proof that the part went out, so the next one acks it instead of dead-lettering it as
        // "may have been delivered" (written with the ack instead, kill -9 on the cluster left 1–12
        // such dead letters per kill; logged here, 0–1).
        if (logs) await record(key, { id: sent.message_id, at: clock.now(), ...(itemId ? { item: itemId } : {}) });
      } catch (err) {
        const failure = sendFailure(err);
        if (failure.maybeSent && i + 1 < total) {
          // A middle part that may have arrived counts as sent (never twice); the rest follow on the retry.
          remember(k, { ...done, next: i + 1, at: clock.now() });
          return { ok: false, retryable: true, reason: failure.reason };
        }
        if (failure.retryable && done.next > 0) remember(k, { ...done, at: clock.now() });
        else progress.delete(k);
        return failure;
      }
    }
    progress.delete(k);
    return { ok: true, platformIds: done.ids };
  }

  /** Deletes the logged messages, then tells the user how many went, or that none could. */
  async function clean(p: PendingErase): Promise<void> {
    let deleted = 0;
    for (let i = 0; i < p.ids.length; i += DELETE_BATCH) {
      const batch = p.ids.slice(i, i + DELETE_BATCH);
      try {
        await api.deleteMessages(p.chatId, batch);
        deleted += batch.length;
      } catch (err) {
        if (!(err instanceof GrammyError) || err.error_code !== 400) {
          log.warn({ err: describeError(err), conversation: keyToString(p.key) }, 'chat messages not deleted');
          continue;
        }
        // One message Telegram refuses fails the batch: delete the rest one by one.
        for (const id of batch) {
          try {
            await api.deleteMessage(p.chatId, id);
            deleted++;
          } catch {
            // too old, already gone, or not ours to delete: nothing more to do for it
          }
        }
      }
    }
    try {
      // The data is erased either way (it went first); the user is told what happened in the chat.
      const text = deleted > 0 ? deps.translate(p.locale, 'telegram.deleted', { n: deleted }) : deps.translate(p.locale, 'telegram.notDeleted');
      const sent = await api.sendMessage(p.chatId, text, { link_preview_options: { is_disabled: true } });
      await record(p.key, { id: sent.message_id, at: clock.now() });
    } catch (err) {
      log.warn({ err: describeError(err), conversation: keyToString(p.key) }, 'deletion note not sent');
    }
  }

  function runPending(k: string): Promise<void> {
    const p = pending.get(k);
    if (!p) return Promise.resolve();
    pending.delete(k);
    clearTimeout(p.timer);
    const task: Promise<void> = clean(p)
      .catch((err: unknown) => log.warn({ err: describeError(err) }, 'chat clean-up failed'))
      .finally(() => running.delete(task));
    running.add(task);
    return task;
  }

  return {
    channel: TELEGRAM_CHANNEL,
    capabilities: telegramCapabilities,

    async send(key, message, ctx) {
      const k = keyToString(key);
      const work = deliver(key, message, ctx.attachment, ctx.itemId);
      inflight.set(k, work);
      try {
        const result = await work;
        if (!result.ok || !pending.has(k)) return result;
        // The erase confirmation (or whatever came first after the erase) is out, its ids logged:
        // clean the chat now, so the note that follows is the last thing in the log, as in the chat.
        await runPending(k);
        return result;
      } finally {
        if (inflight.get(k) === work) inflight.delete(k);
      }
    },

    recordsDelivery: (key) => privateChatId(key) !== undefined,

    async delivered(key, itemId, message) {
      // Only a private chat's sends are logged; elsewhere nothing is known.
      if (privateChatId(key) === undefined) return false;
      const parts = encodeTelegramMessage(message).length + (message.attachment ? 1 : 0);
      return (await messages.confirmedParts(key, itemId)) >= parts;
    },

    async forget(key) {
      const chatId = privateChatId(key);
      if (chatId === undefined) return;
      const k = keyToString(key);
      const sending = inflight.get(k);
      if (sending) await Promise.race([sending.catch(() => undefined), delay(inflightWaitMs)]);
      const ids = await messages.deletable(key, clock.now());
      if (ids.length === 0) return;
      const locale = (await deps.store.getConversation(key))?.locale ?? 'vi';
      const previous = pending.get(k);
      if (previous) clearTimeout(previous.timer);
      const timer = setTimeout(() => void runPending(k), eraseFallbackMs);
      timer.unref();
      pending.set(k, { key, chatId, ids: [...new Set([...(previous?.ids ?? []), ...ids])], locale, timer });
    },

    keep(key) {
      const k = keyToString(key);
      const p = pending.get(k);
      if (!p) return;
      clearTimeout(p.timer);
      pending.delete(k);
    },

    async idle() {
      while (running.size > 0) await Promise.all([...running]);
    },

    async stop() {
      await Promise.all([...pending.keys()].map((k) => runPending(k)));
      await this.idle();
    },
  };
}
