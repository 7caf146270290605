// A link to one file of one conversation for a platform that cannot carry the file itself (the
// Zalo Bot Platform takes no uploads): the link names the conversation and the item and is signed
// with a secret of the channel, so nobody can make one for another conversation or another item.
// It holds nothing of the file; it leads nowhere once the vault no longer keeps the item
// (retention, an erase, a refused send).
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ConversationKey } from './messages.ts';

const MAC_CHARS = 43; // the whole SHA-256, base64url

function mac(secret: string, payload: string): string {
  return createHmac('sha256', secret).update(`file-link\n${payload}`).digest('base64url').slice(0, MAC_CHARS);
}

export function signFileLink(secret: string, key: ConversationKey, id: string): string {
  const payload = Buffer.from(JSON.stringify([key.channel, key.account, key.user, id])).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
}

/** The conversation and item a link names, if it was signed with `secret`. */
export function openFileLink(secret: string, token: string): { key: ConversationKey; id: string } | undefined {
  const [payload, given, extra] = token.split('.');
  if (!payload || !given || extra !== undefined || payload.length > 1024) return undefined;
  const want = Buffer.from(mac(secret, payload));
  const got = Buffer.from(given);
  if (got.length !== want.length || !timingSafeEqual(got, want)) return undefined;
  try {
    const parts: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    if (!Array.isArray(parts) || parts.length !== 4 || !parts.every((p) => typeof p === 'string')) return undefined;
    const [channel, account, user, id] = parts as string[];
    return { key: { channel: channel!, account: account!, user: user! }, id: id! };
  } catch {
    return undefined;
  }
}
