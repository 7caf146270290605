// Webhook plumbing both Zalo routes share: the body as the raw string it arrived as (the OA
// signature covers the exact bytes; JSON.stringify of a parsed body would not reproduce them), a
// JSON parse that reports instead of throwing, and constant-time comparison of secrets.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

/**
 * Makes every body in this (encapsulated) scope arrive as a string, whatever its content type, so
 * a route can verify it before parsing. Only the routes registered inside the scope are affected.
 */
export function rawBodyScope(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', { parseAs: 'string' }, (_req, body, done) => done(null, body));
}

export type Parsed = { ok: true; value: unknown } | { ok: false };

export function parseJsonBody(body: unknown): Parsed {
  if (typeof body !== 'string' || body.length === 0) return { ok: false };
  try {
    return { ok: true, value: JSON.parse(body) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * Compares a received secret with the expected one without leaking, through timing, how much of
 * it matched or how long it is: both sides are hashed to equal-length digests first. The expected
 * side's digest is taken once, when the route is set up, not per request.
 */
export function secretCheck(expected: string): (received: string | string[] | undefined) => boolean {
  const want = createHash('sha256').update(expected).digest();
  return (received) => typeof received === 'string' && received.length > 0 && timingSafeEqual(createHash('sha256').update(received).digest(), want);
}
