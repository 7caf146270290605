// A stand-in for the Telegram Bot API at its HTTP boundary: POST /bot<token>/<method> with a JSON
// body, answered with `{ok, result}` or `{ok: false, error_code, description, parameters}` as the
// real API does. It records every call, can be told to fail the next calls of a method, and
// serves queued updates to getUpdates (long polling).
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseMultipart } from '../../helpers/multipart.ts';

export interface UploadedFile {
  /** The multipart field the file came in (grammy names it and points the parameter at it with attach://). */
  field: string;
  filename: string;
  type: string;
  bytes: Buffer;
}

export interface ApiCall {
  method: string;
  body: Record<string, unknown>;
  /** Files sent as multipart/form-data (sendDocument, sendPhoto with an upload). */
  files?: UploadedFile[];
  /** What the fake answered, when it succeeded. */
  result?: unknown;
}

export interface ApiAnswer {
  status: number;
  body: unknown;
}

export type Responder = (call: ApiCall) => ApiAnswer | undefined;

export const tooManyRequests = (retryAfter: number): ApiAnswer => ({
  status: 429,
  body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfter}`, parameters: { retry_after: retryAfter } },
});

export const badRequest = (description: string): ApiAnswer => ({
  status: 400,
  body: { ok: false, error_code: 400, description: `Bad Request: ${description}` },
});

export class FakeBotApi {
  readonly calls: ApiCall[] = [];
  private readonly failures = new Map<string, ApiAnswer[]>();
  /**
   * Fault injection for the fault tests: `answer` replaces the call's answer when it returns one
   * (an outage, a rate limit); `delayMs` holds the answer back (a slow API). The call is recorded
   * (and a sendMessage delivered) before the delay, as Telegram delivers before it answers.
   */
  behaviour: { answer?: Responder; delayMs?: (method: string) => number; /** Holds the answer until the promise settles. */ hold?: (method: string) => Promise<unknown> | undefined } = {};
  private readonly updates: Record<string, unknown>[] = [];
  private nextMessageId = 9000;
  /** Files getFile knows, by file_id; their bytes are served at /file/bot<token>/<path>. */
  private readonly files = new Map<string, { path: string; bytes: Buffer }>();
  private server: Server | undefined;
  url = '';

  constructor(
    private readonly token: string,
    private readonly botInfo: Record<string, unknown>,
  ) {}

  static async start(token: string, botInfo: Record<string, unknown>): Promise<FakeBotApi> {
    const api = new FakeBotApi(token, botInfo);
    api.server = createServer((req, res) => void api.handle(req, res));
    api.server.listen(0, '127.0.0.1');
    await once(api.server, 'listening');
    api.url = `http://127.0.0.1:${(api.server.address() as AddressInfo).port}`;
    return api;
  }

  /** The next `times` calls of `method` get `answer` instead of success. */
  failNext(method: string, answer: ApiAnswer, times = 1): void {
    const queue = this.failures.get(method) ?? [];
    for (let i = 0; i < times; i++) queue.push(answer);
    this.failures.set(method, queue);
  }

  /** A file a user sent, as Telegram keeps it: getFile names its path, the file URL serves it. */
  addFile(fileId: string, bytes: Buffer, path = `documents/${fileId}.bin`): void {
    this.files.set(fileId, { path, bytes });
  }

  /** Served by getUpdates (polling mode). */
  queueUpdate(update: Record<string, unknown>): void {
    this.updates.push(update);
  }

  of(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** sendMessage calls, optionally to one chat. */
  sent(chatId?: number): ApiCall[] {
    return this.of('sendMessage').filter((c) => chatId === undefined || c.body.chat_id === chatId);
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => this.server?.close(() => r()) ?? r());
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const download = /^\/file\/bot([^/]+)\/(.+)$/.exec(req.url ?? '');
    if (download) {
      const file = [...this.files.values()].find((f) => f.path === decodeURIComponent(download[2]!));
      if (download[1] !== this.token || !file) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(file.bytes.length) });
      res.end(file.bytes);
      return;
    }
    const match = /^\/bot([^/]+)\/(\w+)$/.exec(req.url ?? '');
    const reply = (a: ApiAnswer) => {
      res.writeHead(a.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(a.body));
    };
    if (!match) return reply({ status: 404, body: { ok: false, error_code: 404, description: 'Not Found' } });
    if (match[1] !== this.token) return reply({ status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
    const method = match[2]!;
    const contentType = req.headers['content-type'] ?? '';
    // Uploads come as multipart/form-data, as the Bot API takes them; everything else as JSON.
    const { body, files } = contentType.startsWith('multipart/form-data') ? await multipart(Buffer.concat(chunks), contentType) : { body: raw.length > 0 ? (JSON.parse(raw) as Record<string, unknown>) : {}, files: undefined };
    const call: ApiCall = { method, body, ...(files ? { files } : {}) };
    if (method === 'getUpdates') return reply(await this.getUpdates(body));
    const failure = this.failures.get(method)?.shift() ?? this.behaviour.answer?.(call);
    this.calls.push(call);
    if (failure) return reply(failure);
    const answer = this.answer(call);
    if (answer.status === 200) call.result = (answer.body as { result: unknown }).result;
    const delay = this.behaviour.delayMs?.(method) ?? 0;
    if (delay > 0) await new Promise((r) => setTimeout(r, delay));
    await this.behaviour.hold?.(method);
    if (!res.destroyed) reply(answer);
  }

  private answer({ method, body, files }: ApiCall): ApiAnswer {
    const ok = (result: unknown): ApiAnswer => ({ status: 200, body: { ok: true, result } });
    switch (method) {
      case 'getMe':
        return ok(this.botInfo);
      case 'sendMessage': {
        const chatId = body.chat_id as number;
        return ok({
          message_id: this.nextMessageId++,
          from: { id: this.botInfo.id, is_bot: true, first_name: this.botInfo.first_name, username: this.botInfo.username },
          chat: chatId > 0 ? { id: chatId, first_name: 'Lan', type: 'private' } : { id: chatId, title: 'Group', type: 'supergroup' },
          date: Math.floor(Date.now() / 1000),
          text: body.text,
          ...(body.reply_markup ? { reply_markup: body.reply_markup } : {}),
        });
      }
      case 'sendDocument':
      case 'sendPhoto': {
        const field = method === 'sendPhoto' ? 'photo' : 'document';
        const ref = String(body[field] ?? '');
        const file = ref.startsWith('attach://') ? files?.find((f) => f.field === ref.slice('attach://'.length)) : undefined;
        if (!file) return { status: 400, body: { ok: false, error_code: 400, description: `Bad Request: there is no ${field} in the request` } };
        const chatId = Number(body.chat_id);
        const sent = method === 'sendPhoto'
          ? { photo: [{ file_id: `ph${this.nextMessageId}`, file_unique_id: `u${this.nextMessageId}`, width: 1, height: 1, file_size: file.bytes.length }] }
          : { document: { file_id: `doc${this.nextMessageId}`, file_unique_id: `u${this.nextMessageId}`, file_name: file.filename, mime_type: file.type, file_size: file.bytes.length } };
        return ok({ message_id: this.nextMessageId++, chat: { id: chatId, first_name: 'Lan', type: 'private' }, date: Math.floor(Date.now() / 1000), ...sent });
      }
      case 'getFile': {
        const file = this.files.get(body.file_id as string);
        if (!file) return { status: 400, body: { ok: false, error_code: 400, description: 'Bad Request: invalid file_id' } };
        return ok({ file_id: body.file_id, file_unique_id: `u${body.file_id as string}`, file_size: file.bytes.length, file_path: file.path });
      }
      case 'answerCallbackQuery':
      case 'setMyCommands':
      case 'setWebhook':
      case 'deleteWebhook':
      case 'deleteMessage':
      case 'deleteMessages':
        return ok(true);
      default:
        return { status: 404, body: { ok: false, error_code: 404, description: 'Not Found: method not found' } };
    }
  }

  private async getUpdates(body: Record<string, unknown>): Promise<ApiAnswer> {
    const offset = typeof body.offset === 'number' ? body.offset : 0;
    // Drop what the client confirmed (offset = last id + 1), as Telegram does.
    while (this.updates.length > 0 && (this.updates[0]!.update_id as number) < offset) this.updates.shift();
    if (this.updates.length === 0) await new Promise((r) => setTimeout(r, 100));
    return { status: 200, body: { ok: true, result: this.updates.filter((u) => (u.update_id as number) >= offset) } };
  }
}

/** A multipart body as the platform reads it: fields as strings, files with their names and bytes. */
export async function multipart(raw: Buffer, contentType: string): Promise<{ body: Record<string, unknown>; files: UploadedFile[] }> {
  const body: Record<string, unknown> = {};
  const files: UploadedFile[] = [];
  for (const p of parseMultipart(raw, contentType)) {
    if (p.filename === undefined) body[p.name] = p.bytes.toString('utf8');
    else files.push({ field: p.name, filename: p.filename, type: p.type ?? '', bytes: p.bytes });
  }
  return { body, files };
}
