// The Open API calls the channel makes: POST {base}/v3.0/oa/message/cs with the access token in an
// `access_token` header [s], the uploads of an officer's file before its message (capabilities.ts), and for people who write without following the OA (anonymous_send_*
// events) the anonymous message call, addressed by their anonymous id and the conversation id of
// the event [?] (see capabilities.ts). Success is HTTP 200 *and* `error: 0` [s]: Zalo answers most
// failures with HTTP 200 and a negative error code.
import { trimSlash, ZaloNetworkError, type ZaloHttp } from '../client.ts';
import { oaApiResponseSchema } from '../schemas.ts';
import type { OaOutMessage, OaUploaded } from './encode.ts';

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

export type OaUploadResult = { ok: true; uploaded: OaUploaded } | OaFailure;

export interface OaFile {
  kind: 'image' | 'file';
  bytes: Buffer;
  mime: string;
  name: string;
}

export function createOaApi(opts: { http: ZaloHttp; base: string; anonymousPath?: string; uploadImagePath?: string; uploadFilePath?: string }) {
  const base = trimSlash(opts.base);
  const csUrl = `${base}/v3.0/oa/message/cs`;
  const anonymousUrl = `${base}${opts.anonymousPath ?? '/v2.0/oa/message'}`;
  const uploadUrl = { image: `${base}${opts.uploadImagePath ?? '/v2.0/oa/upload/image'}`, file: `${base}${opts.uploadFilePath ?? '/v2.0/oa/upload/file'}` };

  function failure(res: { status: number; retryAfterMs?: number }, body: ReturnType<typeof oaApiResponseSchema.safeParse>): OaFailure {
    const f: OaFailure = { ok: false, status: res.status };
    if (body.success && body.data.error !== undefined) f.error = body.data.error;
    if (body.success && body.data.message !== undefined) f.message = body.data.message;
    if (res.retryAfterMs !== undefined) f.retryAfterMs = res.retryAfterMs;
    return f;
  }

  return {
    /** Uploads an officer's file; what Zalo answers is what the message then names. */
    async upload(accessToken: string, file: OaFile): Promise<OaUploadResult> {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.mime }), file.name);
      let res;
      try {
        // An upload takes longer than a line of text.
        res = await opts.http.request(uploadUrl[file.kind], { method: 'POST', headers: { access_token: accessToken }, multipart: form, timeoutMs: 60_000 });
      } catch (err) {
        if (err instanceof ZaloNetworkError) return { ok: false, status: 0, message: err.message };
        throw err;
      }
      const body = oaApiResponseSchema.safeParse(res.body);
      if (res.status === 200 && body.success && body.data.error === 0) {
        const id = file.kind === 'image' ? body.data.data?.attachment_id : body.data.data?.token;
        if (id) return { ok: true, uploaded: file.kind === 'image' ? { kind: 'image', attachmentId: id } : { kind: 'file', token: id } };
        return { ok: false, status: res.status, message: `the ${file.kind} upload answered without ${file.kind === 'image' ? 'attachment_id' : 'token'}` };
      }
      return failure(res, body);
    },

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
      return failure(res, body);
    },
  };
}

export type OaApi = ReturnType<typeof createOaApi>;

export function describeOaFailure(f: OaFailure): string {
  const what = f.status === 0 ? 'no answer' : f.error !== undefined ? `error ${f.error}` : `HTTP ${f.status}`;
  return `zalo-oa send failed (${what})${f.message ? `: ${f.message.slice(0, 200)}` : ''}`;
}
