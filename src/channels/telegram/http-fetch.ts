// The `fetch` grammY's client calls the Bot API with (its `client.fetch` option), written on
// node:http and node:https. grammY reads nothing of a response but its JSON, and its default,
// node-fetch, spends per call on a WHATWG Request, Headers and Response and on body streams it
// builds and copies; for a short JSON reply that was a few per cent of a message's CPU. This one
// writes the request on the same kept-alive agent (baseFetchConfig's `agent`), reads the body into
// one buffer and parses it. It fails the way grammY's callers expect: a Node network error with its
// own `code` (ECONNREFUSED, ECONNRESET… — the sender tells "never sent" from "maybe sent" by it),
// and a body that is not JSON rejects from json(), which grammY turns into an HttpError.
import { request as httpRequest, type Agent, type IncomingMessage, type OutgoingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** What grammY passes: its JSON or multipart payload, the base config's agent and compress, its abort signal. */
export interface FetchInit {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Readable;
  agent?: Agent;
  compress?: boolean;
  signal?: { aborted: boolean; addEventListener(type: 'abort', listener: () => void): void; removeEventListener(type: 'abort', listener: () => void): void } | null;
}

export interface FetchReply {
  status: number;
  ok: boolean;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

const abortError = () => Object.assign(new Error('The operation was aborted'), { name: 'AbortError', code: 'ABORT_ERR' });

export function httpFetch(url: string, init: FetchInit = {}): Promise<FetchReply> {
  return new Promise((resolve, reject) => {
    const signal = init.signal ?? undefined;
    if (signal?.aborted) return reject(abortError());
    const headers: OutgoingHttpHeaders = { ...init.headers };
    if (init.compress) headers['accept-encoding'] = 'gzip, deflate, br';
    if (typeof init.body === 'string') headers['content-length'] = Buffer.byteLength(init.body);
    const send = url.startsWith('https:') ? httpsRequest : httpRequest;
    const req = send(url, { method: init.method ?? 'GET', headers, ...(init.agent ? { agent: init.agent } : {}) });
    const onAbort = () => req.destroy(abortError());
    signal?.addEventListener('abort', onAbort);
    const done = () => signal?.removeEventListener('abort', onAbort);
    req.on('error', (err) => {
      done();
      reject(err);
    });
    req.on('response', (res) => {
      const body = readBody(decoded(res, init.compress === true)).finally(done);
      // Read at once, so the socket goes back to the agent whether or not json() is called.
      body.catch(() => undefined);
      const status = res.statusCode ?? 0;
      resolve({
        status,
        ok: status >= 200 && status < 300,
        text: async () => (await body).toString('utf8'),
        json: async () => JSON.parse((await body).toString('utf8')) as unknown,
      });
    });
    const stream = init.body;
    if (stream === undefined || typeof stream === 'string') req.end(stream);
    else {
      stream.on('error', (err) => req.destroy(err));
      stream.pipe(req);
    }
  });
}

function decoded(res: IncomingMessage, compress: boolean): Readable {
  if (!compress) return res;
  const encoding = String(res.headers['content-encoding'] ?? '').trim().toLowerCase();
  const unzip = encoding === 'gzip' || encoding === 'x-gzip' ? createGunzip() : encoding === 'deflate' ? createInflate() : encoding === 'br' ? createBrotliDecompress() : undefined;
  if (!unzip) return res;
  res.on('error', (err) => unzip.destroy(err));
  return res.pipe(unzip);
}

function readBody(stream: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let ended = false;
    // A response cut before its end: the request reached the server, so this is "maybe sent".
    const cut = () => reject(Object.assign(new Error('the response was cut short'), { code: 'ECONNRESET' }));
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => {
      ended = true;
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks));
    });
    stream.on('error', reject);
    stream.on('aborted', cut);
    stream.on('close', () => {
      if (!ended) cut();
    });
  });
}
