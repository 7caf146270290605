// A local HTTP server that answers like Zalo at the configured API bases: the Bot Platform
// (`/bot{token}/{method}`), the OA Open API (`/v3.0/oa/message/cs`, the uploads
// `/v2.0/oa/upload/image` and `/v2.0/oa/upload/file`) and OAuth
// (`/v4/oa/access_token`, single-use rotating refresh tokens). Every request is recorded, so tests
// assert what the platform would have received.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart, type Part } from '../../helpers/multipart.ts';

export interface Captured {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  /** JSON bodies parsed; forms as an object of their fields. */
  body: Record<string, unknown>;
  /** The parts of a multipart body (uploads), bytes as received. */
  parts?: Part[];
  /** What the fake answered. */
  answer?: Answer;
}

export interface Answer {
  status?: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Returns an answer to override the default, or undefined to let the fake answer as Zalo would. */
export type Override = (req: Captured) => Answer | undefined | Promise<Answer | undefined>;

export class FakeZalo {
  readonly requests: Captured[] = [];
  base = '';
  /** The OA access token the fake accepts now, and the one refresh token it will take. */
  validAccess = 'access-1';
  validRefresh = 'refresh-1';
  refreshCalls = 0;
  /** Delay before OAuth answers (to make concurrent refreshes overlap). */
  oauthDelayMs = 0;
  /** Updates handed out by getUpdates, one per call. */
  readonly updates: unknown[] = [];
  override: Override | undefined;
  /** What the uploads took, by the id they answered with (attachment_id or token). */
  readonly uploaded = new Map<string, { kind: 'image' | 'file'; part: Part }>();
  /** Zalo's upload limits as its API pages give them: images 1 MB, files 5 MB. */
  uploadLimits = { image: 1024 * 1024, file: 5 * 1024 * 1024 };
  private server: Server | undefined;
  private seq = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        void (async () => {
          const bytes = Buffer.concat(chunks);
          const raw = bytes.toString('utf8');
          const type = req.headers['content-type'] ?? '';
          let body: Record<string, unknown> = {};
          let parts: Part[] | undefined;
          if (type.includes('json') && raw) body = JSON.parse(raw) as Record<string, unknown>;
          else if (type.includes('x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
          else if (type.includes('multipart/form-data')) parts = parseMultipart(bytes, type);
          const captured: Captured = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body, ...(parts ? { parts } : {}) };
          this.requests.push(captured);
          const answer = (await this.override?.(captured)) ?? (await this.answer(captured));
          captured.answer = answer;
          res.writeHead(answer.status ?? 200, { 'content-type': 'application/json', ...answer.headers });
          res.end(typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body));
        })();
      });
    });
    await new Promise<void>((r) => this.server!.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  /** Bot Platform calls of one method, e.g. 'sendMessage'. */
  botCalls(method: string): Captured[] {
    return this.requests.filter((r) => r.path.endsWith(`/${method}`) && r.path.startsWith('/bot'));
  }

  /** OA send calls that Zalo accepted (HTTP 200 and error 0). */
  oaSends(): Captured[] {
    return this.oaCalls().filter((r) => (r.answer?.status ?? 200) === 200 && (r.answer?.body as { error?: number } | undefined)?.error === 0);
  }

  oaCalls(): Captured[] {
    return this.requests.filter((r) => r.path === '/v3.0/oa/message/cs');
  }

  /** Replies to people who write without following the OA (the anonymous message call), accepted. */
  anonymousSends(): Captured[] {
    return this.requests.filter((r) => r.path === '/v2.0/oa/message' && (r.answer?.body as { error?: number } | undefined)?.error === 0);
  }

  /** The texts the bot sent (and the fake accepted), in order. */
  botTexts(): string[] {
    return this.botCalls('sendMessage')
      .filter((r) => (r.answer?.body as { ok?: boolean } | undefined)?.ok === true)
      .map((r) => String(r.body.text));
  }

  oaTexts(): string[] {
    return this.oaSends()
      .map((r) => (r.body.message as { text?: string }).text)
      .filter((t): t is string => t !== undefined);
  }

  /** Upload calls of one kind, whatever the answer. */
  uploadCalls(kind: 'image' | 'file'): Captured[] {
    return this.requests.filter((r) => r.path === `/v2.0/oa/upload/${kind}`);
  }

  /** Waits until `predicate` holds (deliveries run after the webhook answered). */
  async waitFor(predicate: () => boolean, timeoutMs = 5_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > until) throw new Error('timed out waiting for the fake Zalo to receive the expected calls');
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  private async answer(req: Captured): Promise<Answer> {
    if (req.path.startsWith('/bot')) return this.bot(req);
    if (req.path === '/v3.0/oa/message/cs') return this.oaSend(req);
    if (req.path === '/v2.0/oa/message') return this.oaSendAnonymous(req);
    if (req.path === '/v2.0/oa/upload/image') return this.upload(req, 'image');
    if (req.path === '/v2.0/oa/upload/file') return this.upload(req, 'file');
    if (req.path === '/v4/oa/access_token') return this.oauth(req);
    return { status: 404, body: { error: 'not found' } };
  }

  private async bot(req: Captured): Promise<Answer> {
    const method = req.path.split('/').at(-1);
    switch (method) {
      case 'sendMessage': {
        const text = String(req.body.text ?? '');
        if (!req.body.chat_id || text.length === 0 || [...text].length > 2000) {
          return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: text must be 1-2000 characters' } };
        }
        return { body: { ok: true, result: { message_id: `bm${++this.seq}`, date: Date.now() } } };
      }
      case 'getUpdates': {
        const next = this.updates.shift();
        if (next !== undefined) return { body: { ok: true, result: next } };
        // A short long poll: nothing came.
        await new Promise((r) => setTimeout(r, 20));
        return { body: { ok: false, error_code: 408, description: 'Request timeout' } };
      }
      case 'deleteWebhook':
      case 'setWebhook':
        return { body: { ok: true, result: { url: '' } } };
      case 'getMe':
        return { body: { ok: true, result: { id: '1234567', account_name: 'bot.test', can_join_groups: false } } };
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } };
    }
  }

  private oaSend(req: Captured): Answer {
    if (req.headers['access_token'] !== this.validAccess) {
      return { body: { error: -216, message: 'Access token is invalid' } };
    }
    const message = req.body.message as { text?: string; attachment?: OaFileAttachment } | undefined;
    const recipient = req.body.recipient as Record<string, string> | undefined;
    if (!recipient || (!recipient.user_id && !recipient.message_id) || !(message?.text || this.knownUpload(message?.attachment))) {
      return { body: { error: -201, message: 'Parameters are invalid' } };
    }
    return { body: { error: 0, message: 'Success', data: { message_id: `om${++this.seq}`, user_id: recipient.user_id ?? 'u' } } };
  }

  /** A file or image message names what an upload answered with, of the matching kind. */
  private knownUpload(a: OaFileAttachment | undefined): boolean {
    if (a?.type === 'file') return this.uploaded.get(a.payload.token ?? '')?.kind === 'file';
    const element = a?.payload.template_type === 'media' ? a.payload.elements?.[0] : undefined;
    return element?.media_type === 'image' && this.uploaded.get(element.attachment_id ?? '')?.kind === 'image';
  }

  /** Answers as Zalo's upload pages show: `data.attachment_id` for an image, `data.token` for a file. */
  private upload(req: Captured, kind: 'image' | 'file'): Answer {
    if (req.headers['access_token'] !== this.validAccess) return { body: { error: -216, message: 'Access token is invalid' } };
    const part = req.parts?.find((p) => p.name === 'file');
    if (!part?.filename) return { body: { error: -201, message: 'Parameters are invalid' } };
    // The code of a refused size is not published: -201 here, what matters is that it is not 0.
    if (part.bytes.length > this.uploadLimits[kind]) return { body: { error: -201, message: 'File size exceeds the limit' } };
    const id = `${kind === 'image' ? 'att' : 'tok'}${++this.seq}`;
    this.uploaded.set(id, { kind, part });
    return { body: { error: 0, message: 'Success', data: kind === 'image' ? { attachment_id: id } : { token: id } } };
  }

  private oaSendAnonymous(req: Captured): Answer {
    if (req.headers['access_token'] !== this.validAccess) return { body: { error: -216, message: 'Access token is invalid' } };
    const message = req.body.message as { text?: string } | undefined;
    const recipient = req.body.recipient as Record<string, string> | undefined;
    if (!recipient?.anonymous_id || !recipient.conversation_id || !message?.text) return { body: { error: -201, message: 'Parameters are invalid' } };
    return { body: { error: 0, message: 'Success', data: { message_id: `am${++this.seq}` } } };
  }

  private async oauth(req: Captured): Promise<Answer> {
    this.refreshCalls++;
    if (this.oauthDelayMs > 0) await new Promise((r) => setTimeout(r, this.oauthDelayMs));
    if (req.headers['secret_key'] !== 'app-secret' || req.body.grant_type !== 'refresh_token') {
      return { body: { error: -14002, error_name: 'Invalid app secret', error_description: 'secret_key is invalid' } };
    }
    if (req.body.refresh_token !== this.validRefresh) {
      // Single use: a refresh token already spent (or never issued) is refused.
      return { body: { error: -14014, error_name: 'Invalid refresh token', error_description: 'refresh_token is invalid' } };
    }
    const n = this.refreshCalls + 1;
    this.validAccess = `access-${n}`;
    this.validRefresh = `refresh-${n}`;
    return { body: { access_token: this.validAccess, refresh_token: this.validRefresh, expires_in: '90000' } };
  }
}

type OaFileAttachment = {
  type?: string;
  payload: { token?: string; template_type?: string; elements?: { media_type?: string; attachment_id?: string }[] };
};

export async function startFakeZalo(): Promise<FakeZalo> {
  return new FakeZalo().start();
}
