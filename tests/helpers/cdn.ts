// A local stand-in for a platform's CDN: serves the bytes registered under a path (declaring their
// length, or streaming them without it), redirects where told, and records every request, so
// tests can assert what the server fetched — and that it fetched nothing it should not.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Cdn {
  /** e.g. http://127.0.0.1:40123 — the origin to allow-list. */
  origin: string;
  /** Serves `bytes` at `path`; `declare: false` streams them without a Content-Length. */
  put(path: string, bytes: Buffer, opts?: { mime?: string; declare?: boolean }): string;
  /** Answers `path` with a 302 to `to`. */
  redirect(path: string, to: string): string;
  /** Paths requested so far, in order. */
  requested: string[];
  close(): Promise<void>;
}

export async function startCdn(): Promise<Cdn> {
  const files = new Map<string, { bytes: Buffer; mime: string; declare: boolean }>();
  const redirects = new Map<string, string>();
  const requested: string[] = [];
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://cdn.local').pathname;
    requested.push(path);
    const to = redirects.get(path);
    if (to) {
      res.writeHead(302, { location: to });
      res.end();
      return;
    }
    const f = files.get(path);
    if (!f) {
      res.writeHead(404);
      res.end();
      return;
    }
    res.writeHead(200, { 'content-type': f.mime, ...(f.declare ? { 'content-length': String(f.bytes.length) } : {}) });
    // In pieces, as a large file arrives: a reader that stops early must be able to.
    const step = 64 * 1024;
    let at = 0;
    const pump = () => {
      while (at < f.bytes.length) {
        const ok = res.write(f.bytes.subarray(at, at + step));
        at += step;
        if (!ok) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    res.on('error', () => {});
    pump();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    put(path, bytes, opts = {}) {
      files.set(path, { bytes, mime: opts.mime ?? 'application/octet-stream', declare: opts.declare ?? true });
      return `${origin}${path}`;
    },
    redirect(path, to) {
      redirects.set(path, to);
      return `${origin}${path}`;
    },
    requested,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}
