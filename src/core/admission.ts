// Back-pressure in a surge: each instance takes only as many turns as it can answer. Past the
// limit of turns in flight, or of conversations whose replies wait for delivery here, a message
// is refused before anything is read or stored for it (the webhook answers 503 + Retry-After and
// the platform sends it again later), so memory stays bounded instead of growing with the surge.
// A message in danger is admitted over the limit (up to a higher, still fixed, one): a cheap
// danger check is made only when the instance is full.
import type { InboundPort, ReceiveResult } from './channel.ts';
import { MAX_INBOUND_TEXT, type InboundMessage } from './messages.ts';

export interface AdmissionOptions {
  /** Turns this instance runs at once (waiting for the lock and the reorder hold included). */
  maxTurns: number;
  /** Conversations with replies waiting to be delivered by this instance. */
  maxBacklog: number;
  /** How long the platform is asked to wait before sending a refused message again (seconds). */
  retryAfterSeconds: number;
}

export const DEFAULT_ADMISSION: AdmissionOptions = { maxTurns: 64, maxBacklog: 500, retryAfterSeconds: 5 };

/** Messages in danger may pass a full instance, but not without bound: this many times the limit. */
const URGENT_HEADROOM = 2;

/** The instance is full: refused before anything was done (the platform's retry is safe). */
export class OverloadedError extends Error {
  constructor(readonly retryAfterSeconds: number) {
    super('this instance is at its limit of turns; try again later');
    this.name = 'OverloadedError';
  }
}

export interface AdmissionDeps {
  inner: InboundPort;
  /** How many conversations' replies wait for delivery here (the outbox's backlog). */
  backlog: () => number;
  /** Whether this text names danger (the NLU's emergency check). */
  isDanger: (text: string) => boolean;
  options?: Partial<AdmissionOptions>;
}

export class AdmittingInbound implements InboundPort {
  readonly options: AdmissionOptions;
  private inFlight = 0;
  /** Refusals so far (a diagnostic, and what the surge test reads). */
  refused = 0;

  constructor(private readonly deps: AdmissionDeps) {
    this.options = { ...DEFAULT_ADMISSION, ...deps.options };
  }

  get turnsInFlight(): number {
    return this.inFlight;
  }

  async receive(message: InboundMessage): Promise<ReceiveResult> {
    if (!this.admits(message)) {
      this.refused++;
      throw new OverloadedError(this.options.retryAfterSeconds);
    }
    this.inFlight++;
    try {
      return await this.deps.inner.receive(message);
    } finally {
      this.inFlight--;
    }
  }

  private admits(message: InboundMessage): boolean {
    const { maxTurns, maxBacklog } = this.options;
    if (this.inFlight < maxTurns && this.deps.backlog() < maxBacklog) return true;
    if (this.inFlight >= maxTurns * URGENT_HEADROOM || this.deps.backlog() >= maxBacklog * URGENT_HEADROOM) return false;
    const p = message.payload;
    return p.type === 'text' && this.deps.isDanger(p.text.slice(0, MAX_INBOUND_TEXT));
  }
}
