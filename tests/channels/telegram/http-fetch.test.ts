// grammY's client on our node:http fetch, against a local stand-in answering as the Bot API does:
// kept-alive connections are reused, Telegram's refusals are GrammyErrors, network failures are
// HttpErrors carrying the Node error's code (what the sender reads to tell "never sent" from "maybe sent").
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { gzipSync } from 'node:zlib';
import { GrammyError, HttpError, InputFile } from 'grammy';
import { afterEach, describe, expect, it } from 'vitest';
import { createBot } from '../../../src/channels/telegram/bot.ts';
import type { TelegramConfig } from '../../../src/channels/telegram/config.ts';
import { httpFetch } from '../../../src/channels/telegram/http-fetch.ts';
import { BOT_INFO, TOKEN } from './fixtures.ts';

let server: Server | undefined;
afterEach(async () => {
  const s = server;
  server = undefined;
  if (!s?.listening) return;
  s.closeAllConnections();
  await new Promise((r) => s.close(r));
});

interface Seen {
  method: string;
  contentType: string;
  body: Buffer;
  socket: Socket;
}

type Answer = (seen: Seen, res: ServerResponse, req: IncomingMessage) => void;

const ok = (result: unknown) => JSON.stringify({ ok: true, result });
const message = (id: number, chat: number) => ({ message_id: id, date: 1_764_000_000, chat: { id: chat, type: 'private' }, text: 'ok' });

async function standIn(answer: Answer): Promise<{ url: string; seen: Seen[]; connections: Socket[] }> {
  const seen: Seen[] = [];
  const connections: Socket[] = [];
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const s = { method: req.url?.split('/').pop() ?? '', contentType: String(req.headers['content-type']), body: Buffer.concat(chunks), socket: req.socket };
      seen.push(s);
      answer(s, res, req);
    });
  });
  server.on('connection', (s: Socket) => connections.push(s));
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen, connections };
}

const configFor = (apiRoot: string): TelegramConfig => ({ token: TOKEN, botId: '7000000001', apiRoot, mode: 'webhook', maxRetryDelaySeconds: 0, apiTimeoutSeconds: 20, webhookTimeoutMs: 10_000 });
const json = (res: ServerResponse, status: number, body: string) => res.writeHead(status, { 'content-type': 'application/json' }).end(body);

describe('grammY on our fetch', () => {
  it('sends JSON calls and reads their results, two calls on one kept-alive connection', async () => {
    let id = 0;
    const api = await standIn((s, res) => json(res, 200, ok(message(++id, (JSON.parse(s.body.toString()) as { chat_id: number }).chat_id))));
    const bot = createBot(configFor(api.url), BOT_INFO as never);
    const first = await bot.api.sendMessage(5012345678, 'một');
    const second = await bot.api.sendMessage(5012345678, 'hai');
    expect([first.message_id, second.message_id]).toEqual([1, 2]);
    expect(api.seen.map((s) => [s.method, s.contentType, (JSON.parse(s.body.toString()) as { text: string }).text])).toEqual([
      ['sendMessage', 'application/json', 'một'],
      ['sendMessage', 'application/json', 'hai'],
    ]);
    expect(api.connections).toHaveLength(1);
    expect(api.seen[0]!.socket).toBe(api.seen[1]!.socket);
  });

  it('uploads a file as multipart, streamed', async () => {
    const api = await standIn((_s, res) => json(res, 200, ok({ ...message(7, 1), document: { file_id: 'f', file_unique_id: 'u' } })));
    const bot = createBot(configFor(api.url), BOT_INFO as never);
    await bot.api.sendDocument(1, new InputFile(Buffer.from('nội dung tệp'), 'giay-to.txt'));
    expect(api.seen[0]!.contentType).toMatch(/^multipart\/form-data; boundary=/);
    expect(api.seen[0]!.body.toString()).toContain('nội dung tệp');
    expect(api.seen[0]!.body.toString()).toContain('giay-to.txt');
  });

  it("gives Telegram's refusal as a GrammyError with its code and description", async () => {
    const api = await standIn((_s, res) => json(res, 400, JSON.stringify({ ok: false, error_code: 400, description: 'Bad Request: chat not found' })));
    const bot = createBot(configFor(api.url), BOT_INFO as never);
    const err = await bot.api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(GrammyError);
    expect((err as GrammyError).error_code).toBe(400);
    expect((err as GrammyError).description).toBe('Bad Request: chat not found');
  });

  it('gives an answer that is not JSON (a proxy page) as an HttpError', async () => {
    const api = await standIn((_s, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>bad gateway</html>'));
    const bot = createBot(configFor(api.url), BOT_INFO as never);
    await expect(bot.api.sendMessage(1, 'x')).rejects.toBeInstanceOf(HttpError);
  });

  it('gives a refused connection as an HttpError with ECONNREFUSED (never sent)', async () => {
    const api = await standIn(() => undefined);
    const url = api.url;
    server!.close();
    await once(server!, 'close');
    const err = await createBot(configFor(url), BOT_INFO as never).api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(((err as HttpError).error as { code?: string }).code).toBe('ECONNREFUSED');
  });

  it('gives a connection cut after the request as an HttpError with ECONNRESET (maybe sent)', async () => {
    const api = await standIn((s) => s.socket.destroy());
    const err = await createBot(configFor(api.url), BOT_INFO as never).api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(((err as HttpError).error as { code?: string }).code).toBe('ECONNRESET');
    expect(api.seen).toHaveLength(1);
  });

  it('gives a response cut in its body as ECONNRESET too', async () => {
    const api = await standIn((s, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
      res.write('{"ok":true,');
      setTimeout(() => s.socket.destroy(), 20);
    });
    const err = await createBot(configFor(api.url), BOT_INFO as never).api.sendMessage(1, 'x').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HttpError);
    expect(((err as HttpError).error as { code?: string }).code).toBe('ECONNRESET');
  });
});

describe('httpFetch', () => {
  it('asks for and reads a compressed answer when told to compress (as over HTTPS)', async () => {
    const api = await standIn((_s, res, req) => {
      expect(req.headers['accept-encoding']).toMatch(/gzip/);
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' }).end(gzipSync(ok(true)));
    });
    const res = await httpFetch(`${api.url}/botX/getMe`, { method: 'POST', body: '{}', compress: true });
    expect(res.ok).toBe(true);
    expect(await res.json()).toEqual({ ok: true, result: true });
  });

  it('rejects when its signal aborts, and at once when it is already aborted', async () => {
    const api = await standIn(() => undefined);
    const controller = new AbortController();
    const pending = httpFetch(`${api.url}/botX/getMe`, { method: 'POST', body: '{}', signal: controller.signal });
    await once(server!, 'request');
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    await expect(httpFetch(`${api.url}/botX/getMe`, { signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
