// The OA webhook's signature: X-ZEvent-Signature = hex SHA-256 of app id + raw body + the event's
// `timestamp` field + the OA secret key, sometimes written `mac=<hex>` [s]. Sources disagree on the
// details [?] (which id, the prefix), so check a captured event before relying on it in production;
// a mismatch is a 401 and is logged without the values.
import { createHash, timingSafeEqual } from 'node:crypto';

export function oaSignature(appId: string, rawBody: string, timestamp: string, secretKey: string): string {
  return createHash('sha256').update(appId + rawBody + timestamp + secretKey, 'utf8').digest('hex');
}

/** The event's timestamp as it appears in the body (a string in samples, accepted as a number). */
export function eventTimestamp(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const t = (body as Record<string, unknown>).timestamp;
  if (typeof t === 'string') return t;
  if (typeof t === 'number' && Number.isFinite(t)) return String(t);
  return undefined;
}

export function verifyOaSignature(
  header: string | string[] | undefined,
  input: { appId: string; rawBody: string; timestamp: string; secretKey: string },
): boolean {
  if (typeof header !== 'string') return false;
  const given = header.trim().replace(/^mac=/i, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const expected = oaSignature(input.appId, input.rawBody, input.timestamp, input.secretKey);
  return timingSafeEqual(Buffer.from(given, 'hex'), Buffer.from(expected, 'hex'));
}
