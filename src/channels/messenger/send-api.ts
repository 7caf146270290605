// The Send API over plain fetch: POST {base}/me/messages with the page token and its appsecret_proof.
// Errors are sorted into "try again later" (rate limits, the platform's temporary faults, the
// network) and "final" (a closed window, a user who cannot be reached, a bad token), because the
// outbox retries the first and dead-letters the second.
import { createHmac } from 'node:crypto';
import { z } from 'zod';

export interface SendRequest {
  /** A page-scoped id, or the user_ref of a chat-plugin guest or a checkbox-plugin optin. */
  recipient: { id: string } | { user_ref: string };
  messaging_type?: 'RESPONSE' | 'UPDATE' | 'MESSAGE_TAG';
  tag?: 'HUMAN_AGENT';
  message?: unknown;
  sender_action?: 'typing_on' | 'typing_off' | 'mark_seen';
}

export interface SendApiOptions {
  /** The Graph API's versioned base, e.g. https://graph.facebook.com/v25.0 (tests: a local server). */
  base: string;
  pageToken: string;
  appSecret: string;
  timeoutMs?: number;
}

/** What the console can be told, in its own words, about a refusal that no retry will fix. */
export type SendErrorKey = 'messenger.window.refused' | 'messenger.send.unreachable';

export class SendApiError extends Error {
  constructor(
    readonly retryable: boolean,
    message: string,
    readonly details: { status?: number; code?: number; subcode?: number; retryAfterMs?: number; reasonKey?: SendErrorKey } = {},
  ) {
    super(message);
    this.name = 'SendApiError';
  }
}

const okSchema = z.looseObject({ recipient_id: z.string().optional(), message_id: z.string().optional() });
const errorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.number().optional(),
    error_subcode: z.number().optional(),
    is_transient: z.boolean().optional(),
  }),
});

/** Graph error codes that mean "too many calls now": app (4), user (17), page (32), API (613), Messenger (80006). */
const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80006]);
/** Temporary faults on the platform's side. */
const TRANSIENT_CODES = new Set([1, 2]);
/** A rate limit's wait is capped: the outbox holds one conversation's replies while it waits. */
const MAX_WAIT_MS = 60_000;

export class SendApi {
  private readonly url: string;

  constructor(private readonly opts: SendApiOptions) {
    const proof = createHmac('sha256', opts.appSecret).update(opts.pageToken).digest('hex');
    const q = new URLSearchParams({ access_token: opts.pageToken, appsecret_proof: proof });
    this.url = `${opts.base.replace(/\/+$/, '')}/me/messages?${q.toString()}`;
  }

  async send(body: SendRequest): Promise<{ recipientId?: string; messageId?: string }> {
    return this.post({ headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }, this.opts.timeoutMs ?? 10_000);
  }

  /**
   * A file uploaded with the message itself (multipart: the Send API fields as form fields, the
   * bytes as `filedata`), since an officer's attachment lives at no public URL.
   */
  async sendFile(fields: Omit<SendRequest, 'message' | 'sender_action'>, file: { type: 'image' | 'file'; bytes: Buffer; mime: string; name: string }): Promise<{ recipientId?: string; messageId?: string }> {
    const form = new FormData();
    form.append('recipient', JSON.stringify(fields.recipient));
    if (fields.messaging_type) form.append('messaging_type', fields.messaging_type);
    if (fields.tag) form.append('tag', fields.tag);
    form.append('message', JSON.stringify({ attachment: { type: file.type, payload: { is_reusable: false } } }));
    form.append('filedata', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name);
    // An upload takes longer than a line of text.
    return this.post({ body: form }, Math.max(this.opts.timeoutMs ?? 10_000, 60_000));
  }

  private async post(init: { headers?: Record<string, string>; body: string | FormData }, timeoutMs: number): Promise<{ recipientId?: string; messageId?: string }> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        ...init,
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (err) {
      // Never the URL in the message: it carries the page token.
      const what = err instanceof Error ? err.name : 'error';
      throw new SendApiError(true, `Send API unreachable (${what})`);
    }
    const text = await res.text().catch(() => '');
    const json = parseJson(text);
    if (res.ok) {
      const ok = okSchema.safeParse(json);
      return ok.success ? { ...(ok.data.recipient_id ? { recipientId: ok.data.recipient_id } : {}), ...(ok.data.message_id ? { messageId: ok.data.message_id } : {}) } : {};
    }
    throw classify(res, json);
  }
}

function classify(res: Response, json: unknown): SendApiError {
  const status = res.status;
  const parsed = errorSchema.safeParse(json);
  const headerWait = retryAfterMs(res);
  if (!parsed.success) {
    const retryable = status === 429 || status >= 500;
    return new SendApiError(retryable, `Send API HTTP ${status}`, { status, ...(headerWait ? { retryAfterMs: headerWait } : {}) });
  }
  const e = parsed.data.error;
  const code = e.code;
  const subcode = e.error_subcode;
  const base = { status, ...(code !== undefined ? { code } : {}), ...(subcode !== undefined ? { subcode } : {}) };
  const said = `Send API error ${code ?? '?'}${subcode !== undefined ? `/${subcode}` : ''}: ${e.message ?? e.type ?? 'unknown'}`;
  if (code === 10 && subcode === 2018278) {
    return new SendApiError(false, `outside the messaging window (${said})`, { ...base, reasonKey: 'messenger.window.refused' });
  }
  if (code === 551) return new SendApiError(false, `user not reachable (${said})`, { ...base, reasonKey: 'messenger.send.unreachable' });
  if (code !== undefined && RATE_LIMIT_CODES.has(code)) {
    return new SendApiError(true, `rate limited (${said})`, { ...base, ...(headerWait ? { retryAfterMs: headerWait } : {}) });
  }
  if (e.is_transient === true || (code !== undefined && TRANSIENT_CODES.has(code)) || status >= 500) {
    return new SendApiError(true, said, base);
  }
  return new SendApiError(false, said, base);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * How long the platform asked us to wait: Retry-After, or the Business Use Case usage header's
 * estimated_time_to_regain_access (minutes), whichever is given; capped.
 */
function retryAfterMs(res: Response): number | undefined {
  const after = Number(res.headers.get('retry-after'));
  if (Number.isFinite(after) && after > 0) return Math.min(after * 1000, MAX_WAIT_MS);
  const usage = res.headers.get('x-business-use-case-usage');
  if (!usage) return undefined;
  const parsed = parseJson(usage);
  if (!parsed || typeof parsed !== 'object') return undefined;
  let minutes = 0;
  for (const entries of Object.values(parsed as Record<string, unknown>)) {
    if (!Array.isArray(entries)) continue;
    for (const u of entries) {
      const m = (u as { estimated_time_to_regain_access?: unknown }).estimated_time_to_regain_access;
      if (typeof m === 'number' && m > minutes) minutes = m;
    }
  }
  return minutes > 0 ? Math.min(minutes * 60_000, MAX_WAIT_MS) : undefined;
}
