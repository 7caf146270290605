import type { ConversationKey } from '../../src/core/messages.ts';
import type { Store } from '../../src/core/ports.ts';

/**
 * Whether the store marked `messageId` handled for the conversation, asked as the engine asks it:
 * as a turn begins. The probe counts in a flood window of its own, leaving the inbound count alone.
 */
export function handled(s: Store, key: ConversationKey, messageId: string): Promise<boolean> {
  return s.withTurn(key, { ttlMs: 5_000, waitMs: 1_000, messageId, flood: { name: 'probe', windowMs: 1_000 } }, async (start) => start.handled);
}
