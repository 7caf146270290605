// A local server answering like the Graph API's Send API (it records every request and can be told
// to fail the next ones the way the platform does), the signed fixtures and the test identities.
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { TOKYO_WED_10AM } from '../../handoff/fixtures.ts';
import { parseMultipart, type Part } from '../../helpers/multipart.ts';

const FIXTURES = new URL('../../fixtures/messenger/', import.meta.url);
const signed = JSON.parse(readFileSync(new URL('signatures.json', FIXTURES), 'utf8')) as { appSecret: string; signatures: Record<string, string> };

export const APP_SECRET = signed.appSecret;
export const VERIFY_TOKEN = 'verify-token-for-tests-81f3';
export const PAGE_TOKEN = 'EAAGtestPageToken0123456789';
export const PAGE = '107234561298765';
export const USER_A = '6543210987654321';
export const USER_B = '7012345678901234';
/** The fixtures' clock: Wednesday 2026-11-25 10:00 in Tokyo, when the Tokyo embassy is open. */
export const T0 = TOKYO_WED_10AM;

/** A fixture's exact bytes and the signature computed for them outside the code under test. */
export function fixture(name: string): { raw: Buffer; signature: string } {
  const signature = signed.signatures[name];
  if (!signature) throw new Error(`no signature recorded for ${name}`);
  return { raw: readFileSync(new URL(name, FIXTURES)), signature };
}

export function sign(raw: Buffer | string, secret = APP_SECRET): string {
  return `sha256=${createHmac('sha256', secret).update(raw).digest('hex')}`;
}

export interface GraphRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  /** The JSON body; for a multipart upload, its fields (each JSON-decoded where it is JSON). */
  body: Record<string, unknown>;
  /** The files of a multipart upload (`filedata`), with their exact bytes. */
  files?: Part[];
}

export interface GraphReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

/** Error bodies as the Graph API sends them. */
export const GRAPH_ERRORS = {
  outsideWindow: {
    status: 400,
    body: { error: { message: '(#10) This message is sent outside of allowed window.', type: 'OAuthException', code: 10, error_subcode: 2018278, fbtrace_id: 'AbCdEfGhIjK' } },
  },
  rateLimited: {
    status: 400,
    body: { error: { message: '(#613) Calls to this api have exceeded the rate limit.', type: 'OAuthException', code: 613, fbtrace_id: 'AxByCzDwEvF' } },
  },
  appRateLimited: {
    status: 403,
    body: { error: { message: '(#4) Application request limit reached', type: 'OAuthException', is_transient: true, code: 4, fbtrace_id: 'A1b2C3d4E5f' } },
  },
  unavailable: {
    status: 400,
    body: { error: { message: '(#551) This person isn\'t available right now.', type: 'OAuthException', code: 551, error_subcode: 1545041, fbtrace_id: 'Zz9Yy8Xx7Ww' } },
  },
  serverError: { status: 500, body: { error: { message: 'An unexpected error has occurred. Please retry your request later.', type: 'OAuthException', is_transient: true, code: 2, fbtrace_id: 'Qq1Ww2Ee3Rr' } } },
} satisfies Record<string, GraphReply>;

export interface FakeGraph {
  base: string;
  requests: GraphRequest[];
  /** Message bodies sent to the Send API (recipient, messaging_type, tag, message), in order. */
  sent(): Record<string, unknown>[];
  /** The next Send API calls answer these, in order, before answering normally again. */
  failNext(...replies: GraphReply[]): void;
  close(): Promise<void>;
}

export async function startGraph(): Promise<FakeGraph> {
  const requests: GraphRequest[] = [];
  const failures: GraphReply[] = [];
  let n = 0;
  const server: HttpServer = createServer((req, res) => {
    void readBody(req).then((raw) => {
      const url = new URL(req.url ?? '/', 'http://graph.local');
      const type = req.headers['content-type'] ?? '';
      const { body, files } = /^multipart\/form-data/i.test(type) ? formBody(raw, type) : { body: (raw.length ? JSON.parse(raw.toString('utf8')) : {}) as Record<string, unknown>, files: undefined };
      requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, body, ...(files ? { files } : {}) });
      const failure = failures.shift();
      const recipient = (body.recipient as { id?: string } | undefined)?.id ?? '';
      const reply: GraphReply = failure ?? { status: 200, body: { recipient_id: recipient, message_id: `m_out_${++n}` } };
      res.writeHead(reply.status, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    base: `http://127.0.0.1:${port}/v25.0`,
    requests,
    sent: () => requests.filter((r) => r.path.endsWith('/me/messages')).map((r) => r.body),
    failNext: (...replies) => failures.push(...replies),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** An attachment upload as the Send API reads it: form fields (recipient and message are JSON text) and `filedata`. */
function formBody(raw: Buffer, type: string): { body: Record<string, unknown>; files: Part[] } {
  const body: Record<string, unknown> = {};
  const files: Part[] = [];
  for (const part of parseMultipart(raw, type)) {
    if (part.filename !== undefined) {
      files.push(part);
      continue;
    }
    const text = part.bytes.toString('utf8');
    try {
      body[part.name] = JSON.parse(text);
    } catch {
      body[part.name] = text;
    }
  }
  return { body, files };
}
