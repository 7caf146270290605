// The Open API calls the channel makes: POST {base}/v3.0/oa/message/cs with the access token in an
// `access_token` header [s], and for people who write without following the OA (anonymous_send_*
// events) the anonymous message call, addressed by their anonymous id and the conversation id of
// the event [?] (see capabilities.ts). Success is HTTP 200 *and* `error: 0` [s]: Zalo answers most
// failures with HTTP 200 and a negative error code.
import { trimSlash, ZaloNetworkError, type ZaloHttp } from '../client.ts';
import { oaApiResponseSchema } from '../schemas.ts';
import type { OaOutMessage } from './encode.ts';

export type OaRecipient = { message_id: string } | { user_id: string } | { anonymous_id: string; conversation_id: string };

export type OaCallResult =
  | { ok: true; messageId?: string }
  | {
      ok: false;
      /** HTTP status; 0 when no answer came. */
      status: number;
      error?: number;
      message?: string;
      retryAfterMs?: number;
    };

export type OaFailure = Extract<OaCallResult, { ok: false }>;

export function createOaApi(opts: { http: ZaloHttp; base: string; anonymousPath?: string }) {
  const csUrl = `${trimSlash(opts.base)}/v3.0/oa/message/cs`;
  const anonymousUrl = `${trimSlash(opts.base)}${opts.anonymousPath ?? '/v2.0/oa/message'}`;
  return {
    async sendCs(accessToken: string, recipient: OaRecipient, message: OaOutMessage): Promise<OaCallResult> {
      const url = 'anonymous_id' in recipient ? anonymousUrl : csUrl;
      let res;
      try {
        res = await opts.http.request(url, { method: 'POST', headers: { access_token: accessToken }, json: { recipient, message } });
      } catch (err) {
        if (err instanceof ZaloNetworkError) return { ok: false, status: 0, message: err.message };
        throw err;
      }
      const body = oaApiResponseSchema.safeParse(res.body);
      if (res.status === 200 && body.success && body.data.error === 0) {
        return body.data.data?.message_id ? { ok: true, messageId: body.data.data.message_id } : { ok: true };
      }
      const failure: OaFailure = { ok: false, status: res.status };
      if (body.success && body.data.error !== undefined) failure.error = body.data.error;
      if (body.success && body.data.message !== undefined) failure.message = body.data.message;
      if (res.retryAfterMs !== undefined) failure.retryAfterMs = res.retryAfterMs;
      return failure;
    },
  };
}

export type OaApi = ReturnType<typeof createOaApi>;

export function describeOaFailure(f: OaFailure): string {
  const what = f.status === 0 ? 'no answer' : f.error !== undefined ? `error ${f.error}` : `HTTP ${f.status}`;
  return `zalo-oa send failed (${what})${f.message ? `: ${f.message.slice(0, 200)}` : ''}`;
}
