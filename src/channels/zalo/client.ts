// The raw HTTP layer both Zalo APIs share: one place for retries, back-off and pacing, so the
// adapters only deal in platform payloads. Zalo publishes no rate limits and no retry policy for
// either API, so every number here is a guess kept configurable.
import { createHash } from 'node:crypto';

export interface ZaloHttpOptions {
  fetch?: typeof fetch;
  /** Extra attempts after a 429, a 5xx or a network error (the outbox retries beyond these). */
  retries?: number;
  baseDelayMs?: number;
  /** Caps back-off and Retry-After: the outbox holds a conversation's lock while we wait. */
  maxDelayMs?: number;
  /** Spacing between call starts in this process; limits are unpublished, so this is a guess. */
  minIntervalMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

export interface ZaloRequest {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  /** Sent as application/json. */
  json?: unknown;
  /** Sent as application/x-www-form-urlencoded (the OAuth endpoint wants a form). */
  form?: Record<string, string>;
  /** Sent as multipart/form-data (uploads); fetch writes the boundary, and again on a retry. */
  multipart?: FormData;
  timeoutMs?: number;
  /** Long polls skip the pacing: they would hold every send behind them. */
  paced?: boolean;
  /** Long polls are retried by their own loop. */
  retry?: boolean;
  /** Aborts the call (stopping a long poll on shutdown). */
  signal?: AbortSignal;
}

export interface ZaloResponse {
  status: number;
  /** The parsed JSON body, or undefined when it was not JSON. */
  body: unknown;
  retryAfterMs?: number;
}

/** A call that never got an HTTP answer (network error, timeout) even after the retries. */
export class ZaloNetworkError extends Error {
  constructor(message: string, cause?: unknown) {
    super(message, { cause });
    this.name = 'ZaloNetworkError';
  }
}

export interface ZaloHttp {
  request(url: string, req?: ZaloRequest): Promise<ZaloResponse>;
}

const defaultSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export const isRetryableStatus = (status: number) => status === 429 || status >= 500;

export function createZaloHttp(opts: ZaloHttpOptions = {}): ZaloHttp {
  const doFetch = opts.fetch ?? globalThis.fetch;
  const retries = opts.retries ?? 2;
  const baseDelayMs = opts.baseDelayMs ?? 300;
  const maxDelayMs = opts.maxDelayMs ?? 5_000;
  const minIntervalMs = opts.minIntervalMs ?? 50;
  const timeoutMs = opts.timeoutMs ?? 10_000;
  const sleep = opts.sleep ?? defaultSleep;
  let nextSlot = 0;

  async function pace(): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, nextSlot);
    nextSlot = at + minIntervalMs;
    if (at > now) await sleep(at - now);
  }

  async function once(url: string, req: ZaloRequest): Promise<ZaloResponse> {
    const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
    let body: string | FormData | undefined;
    if (req.multipart) {
      body = req.multipart;
    } else if (req.json !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(req.json);
    } else if (req.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(req.form).toString();
    }
    const res = await doFetch(url, {
      method: req.method ?? 'POST',
      headers,
      ...(body !== undefined ? { body } : {}),
      signal: req.signal
        ? AbortSignal.any([req.signal, AbortSignal.timeout(req.timeoutMs ?? timeoutMs)])
        : AbortSignal.timeout(req.timeoutMs ?? timeoutMs),
    });
    const text = await res.text();
    let parsed: unknown;
    try {
      parsed = text.length > 0 ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    const out: ZaloResponse = { status: res.status, body: parsed };
    const retryAfter = retryAfterMs(res.headers.get('retry-after'));
    if (retryAfter !== undefined) out.retryAfterMs = retryAfter;
    return out;
  }

  return {
    async request(url, req = {}) {
      const attempts = req.retry === false ? 1 : retries + 1;
      let lastError: unknown;
      for (let attempt = 1; ; attempt++) {
        if (req.paced !== false) await pace();
        let res: ZaloResponse | undefined;
        try {
          res = await once(url, req);
        } catch (err) {
          lastError = err;
          if (req.signal?.aborted) throw new ZaloNetworkError('zalo call aborted', err);
        }
        if (res && (!isRetryableStatus(res.status) || attempt >= attempts)) return res;
        if (!res && attempt >= attempts) {
          throw new ZaloNetworkError(`zalo call failed: ${lastError instanceof Error ? lastError.message : String(lastError)}`, lastError);
        }
        const backoff = Math.min(baseDelayMs * 2 ** (attempt - 1), maxDelayMs);
        await sleep(Math.min(Math.max(res?.retryAfterMs ?? 0, backoff), maxDelayMs));
      }
    },
  };
}

function retryAfterMs(header: string | null): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

/** A short stable digest, for ids built from secrets or bodies (never log the secret itself). */
export function shortHash(s: string): string {
  return createHash('sha256').update(s).digest('hex').slice(0, 16);
}

export function trimSlash(base: string): string {
  return base.replace(/\/+$/, '');
}
