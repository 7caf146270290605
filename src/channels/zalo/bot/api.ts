// The Bot Platform's methods over the raw client: `POST {base}/bot{token}/{method}` with a JSON
// body, answered `{ok, result?, error_code?, description?}` [v]. The token is part of the URL, so
// no error built here ever carries the URL.
import { trimSlash, ZaloNetworkError, type ZaloHttp, type ZaloRequest } from '../client.ts';
import { botEnvelopeSchema } from '../schemas.ts';

export type BotCallResult =
  | { ok: true; result: unknown }
  | {
      ok: false;
      /** The HTTP status, or 0 when no answer came (network error, timeout). */
      status: number;
      errorCode?: number;
      description?: string;
      retryAfterMs?: number;
    };

export interface BotApi {
  call(method: string, params?: Record<string, unknown>, req?: Omit<ZaloRequest, 'json' | 'form' | 'method'>): Promise<BotCallResult>;
}

export function createBotApi(opts: { http: ZaloHttp; base: string; token: string }): BotApi {
  const root = `${trimSlash(opts.base)}/bot${opts.token}`;
  return {
    async call(method, params = {}, req = {}) {
      let res;
      try {
        res = await opts.http.request(`${root}/${method}`, { ...req, method: 'POST', json: params });
      } catch (err) {
        if (err instanceof ZaloNetworkError) return { ok: false, status: 0, description: err.message };
        throw err;
      }
      const envelope = botEnvelopeSchema.safeParse(res.body);
      if (res.status === 200 && envelope.success && envelope.data.ok) return { ok: true, result: envelope.data.result };
      const failure: BotCallResult = { ok: false, status: res.status };
      if (envelope.success) {
        if (envelope.data.error_code !== undefined) failure.errorCode = envelope.data.error_code;
        if (envelope.data.description !== undefined) failure.description = envelope.data.description;
      }
      if (res.retryAfterMs !== undefined) failure.retryAfterMs = res.retryAfterMs;
      return failure;
    },
  };
}

/** Whether a failed call is worth trying again later: rate limited, a server error, or no answer. */
export function isTemporary(r: Extract<BotCallResult, { ok: false }>): boolean {
  return r.status === 0 || r.status === 429 || r.status >= 500 || r.errorCode === 429 || (r.errorCode ?? 0) >= 500;
}

export function describeFailure(method: string, r: Extract<BotCallResult, { ok: false }>): string {
  const code = r.errorCode ?? r.status;
  return `zalo-bot ${method} failed (${code === 0 ? 'no answer' : code})${r.description ? `: ${r.description.slice(0, 200)}` : ''}`;
}
