// Logs and statistics name a conversation by a keyed hash, never by the platform's user id: the
// salt is a secret of the deployment, so the ids in a leaked log cannot be looked up.
import { createHmac } from 'node:crypto';

export function pseudonym(value: string, salt: string): string {
  return createHmac('sha256', salt).update(value).digest('base64url').slice(0, 16);
}
