// Handing webhook events to the engine without losing any. Zalo wants a quick 200 (about 2 s for
// the OA [s], unpublished for the Bot Platform [?]) and neither API documents whether or how it
// retries a failed delivery, so the answer we give cannot be what keeps a message alive:
//
//   1. the event is written to a journal in the store (a table row) before anything else; if that
//      write fails the webhook answers 503, so a platform that does retry, retries;
//   2. the turn runs; the webhook waits for it only up to a deadline, then answers 200 anyway;
//   3. a turn that throws (the conversation is busy, the store went away) is retried here with
//      back-off until it succeeds; the journal row is deleted only once the turn is saved;
//   4. rows older than a minute with nobody working on them in this process (an instance that
//      died, a restart) are picked up again by a periodic sweep, by any instance.
//
// The engine deduplicates by message id under the conversation's lock, so a row handled twice
// (two instances sweeping, a platform retry of a journaled event) is still one turn.
// The trade-off: one extra store write and delete per event, and a message whose turn keeps
// failing while the store is reachable is given up after `maxAttempts` (logged, the user gets an
// apology) rather than retried forever. While the store is unreachable attempts are not counted.
import { OverloadedError } from '../../core/admission.ts';
import type { InboundPort, ReceiveResult } from '../../core/channel.ts';
import { keyToString, type InboundMessage } from '../../core/messages.ts';
import type { Log, Store } from '../../core/ports.ts';

export interface InboxOptions {
  /** The webhook answers by then even if the turn is still running. */
  ackWithinMs: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Failed attempts (with the store reachable) before a message is given up. */
  maxAttempts: number;
  /** A journal row this old, not being worked on here, is taken up again by the sweep. */
  staleAfterMs: number;
}

export const DEFAULT_INBOX_OPTIONS: InboxOptions = {
  ackWithinMs: 1_500,
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  maxAttempts: 10,
  staleAfterMs: 60_000,
};

interface JournalRow {
  message: InboundMessage;
  acceptedAt: number;
}

export type AcceptResult = ReceiveResult | 'pending';

export interface Inbox {
  /**
   * Journals the message and starts its turn; resolves with the turn's result, or 'pending' when
   * the deadline passed first. Rejects only when the journal could not be written (answer 503).
   */
  accept(message: InboundMessage): Promise<AcceptResult>;
  /** Takes up journal rows left behind (by a restart, another instance); returns how many. */
  recover(): Promise<number>;
  /** Runs recover() now and every `intervalMs` until stop(). */
  start(intervalMs: number): void;
  /** Stops retrying; rows still journaled are taken up after the next start. */
  stop(): void;
  /** Resolves when every turn started here has finished or stopped (tests, shutdown). */
  idle(): Promise<void>;
}

export interface InboxDeps {
  /** The journal's table name, one per channel. */
  name: string;
  inbound: InboundPort;
  store: Store;
  log: Log;
  /** Best effort, when a message is given up: tell the user it was not handled. */
  apologise: (message: InboundMessage) => Promise<void>;
  options?: Partial<InboxOptions>;
}

export function createInbox(deps: InboxDeps): Inbox {
  const opts = { ...DEFAULT_INBOX_OPTIONS, ...deps.options };
  const { store, log } = deps;
  const table = `${deps.name}:inbox`;
  const working = new Map<string, Promise<ReceiveResult | undefined>>();
  const sleepers = new Set<() => void>();
  let stopped = false;
  let sweep: NodeJS.Timeout | undefined;

  const rowId = (m: InboundMessage) => `${keyToString(m.key)}|${m.id}`;

  function sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        sleepers.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      timer.unref();
      sleepers.add(wake);
    });
  }

  async function storeUp(): Promise<boolean> {
    try {
      return await store.ping();
    } catch {
      return false;
    }
  }

  /** Runs the turn until it is saved, retrying what can be retried; never rejects. */
  async function work(message: InboundMessage): Promise<ReceiveResult | undefined> {
    const conversation = keyToString(message.key);
    let failures = 0;
    for (let attempt = 1; !stopped; attempt++) {
      try {
        const result = await deps.inbound.receive(message);
        if (result === 'duplicate') log.debug({ conversation }, 'duplicate delivery dropped');
        await store.tableDelete(table, rowId(message)).catch((err: unknown) => {
          // The turn is saved; a row left behind is only re-run into the dedupe check later.
          log.warn({ err, conversation }, 'inbox row not removed');
        });
        return result;
      } catch (err) {
        // A full instance is not a failure of this message: it waits its turn (journaled meanwhile).
        if (!(err instanceof OverloadedError) && (await storeUp())) failures++;
        if (failures >= opts.maxAttempts) {
          log.error({ err, conversation, attempts: attempt }, 'inbound message given up after repeated failures');
          await deps.apologise(message).catch((e: unknown) => log.warn({ err: e, conversation }, 'apology not sent'));
          await store.tableDelete(table, rowId(message)).catch(() => undefined);
          return undefined;
        }
        log.warn({ err: err instanceof Error ? err.message : String(err), conversation, attempt }, 'inbound turn failed; retrying');
        await sleep(Math.min(opts.retryBaseMs * 2 ** (attempt - 1), opts.retryMaxMs));
      }
    }
    return undefined;
  }

  function begin(message: InboundMessage): Promise<ReceiveResult | undefined> {
    const id = rowId(message);
    const existing = working.get(id);
    if (existing) return existing;
    const run = work(message).finally(() => working.delete(id));
    working.set(id, run);
    return run;
  }

  async function recover(): Promise<number> {
    const rows = await store.tableAll<JournalRow>(table);
    const cutoff = Date.now() - opts.staleAfterMs;
    let taken = 0;
    for (const row of rows) {
      if (!row?.message || row.acceptedAt > cutoff || working.has(rowId(row.message))) continue;
      taken++;
      void begin(row.message);
    }
    if (taken > 0) log.info({ inbox: deps.name, taken }, 'journaled inbound messages taken up again');
    return taken;
  }

  return {
    async accept(message) {
      await store.tablePut<JournalRow>(table, rowId(message), { message, acceptedAt: Date.now() });
      const run = begin(message);
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<'pending'>((resolve) => {
        timer = setTimeout(() => resolve('pending'), opts.ackWithinMs);
        timer.unref();
      });
      const result = await Promise.race([run, deadline]);
      clearTimeout(timer);
      // undefined: given up or stopped; the platform has nothing better to do with it than we had.
      return result ?? 'pending';
    },

    recover,

    start(intervalMs) {
      stopped = false;
      const run = () => {
        recover().catch((err: unknown) => log.warn({ err, inbox: deps.name }, 'inbox recovery failed; retrying later'));
      };
      run();
      sweep ??= setInterval(run, intervalMs);
      sweep.unref();
    },

    stop() {
      stopped = true;
      if (sweep) clearInterval(sweep);
      sweep = undefined;
      for (const wake of [...sleepers]) wake();
    },

    async idle() {
      while (working.size > 0) await Promise.all([...working.values()]);
    },
  };
}
