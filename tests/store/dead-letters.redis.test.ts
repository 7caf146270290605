// Dead letters on Redis, as erasure and retention need them: one list per conversation, in its own
// key with the conversation's TTL (they hold chat ids and whole replies, an emergency's among them),
// and gone with the conversation when it is erased — never a shared list that outlives the user.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelSender } from '../../src/core/channel.ts';
import type { ConversationKey } from '../../src/core/messages.ts';
import { Outbox } from '../../src/core/outbox.ts';
import { silentLog, type OutboxItem } from '../../src/core/ports.ts';
import { keys } from '../../src/store/keys.ts';
import type { RedisStore } from '../../src/store/redis.ts';
import { connectTestStore, dropPrefix, keysUnder, testPrefix, withAdmin } from '../helpers/redis.ts';

const DAY = 24 * 3600_000;
let prefix = '';
let store: RedisStore | undefined;
afterEach(async () => {
  await store?.close();
  store = undefined;
  await dropPrefix(prefix);
});

const refused: ChannelSender = {
  channel: 'telegram',
  capabilities: { maxTextLength: 4096, maxButtons: 0, maxButtonLabel: 0 },
  send: async () => ({ ok: false, retryable: false, reason: 'telegram 403: Forbidden: bot was blocked by the user' }),
};

async function keysWith(fragment: string): Promise<string[]> {
  return withAdmin(async (_c, conn) => (await keysUnder(conn, prefix)).flatMap((n) => n.keys).filter((k) => k.includes(fragment)));
}

describe('dead letters on Redis', () => {
  it('are kept in the conversation’s own key with its retention, and erasing the conversation leaves no dead letter key', async () => {
    prefix = testPrefix();
    store = await connectTestStore(prefix);
    const key: ConversationKey = { channel: 'telegram', account: '7000000001', user: '5012345678' };
    const other: ConversationKey = { ...key, user: '5012345679' };
    const item = (k: ConversationKey, id: string): OutboxItem => ({ id, key: k, message: { text: `Tổng đài: ${id}`, from: 'bot', priority: 'emergency' }, attempts: 0, enqueuedAt: 1 });
    for (const k of [key, other]) await store.commitTurn(k, { record: { flowVersion: 1, snapshot: {}, pending: [], updatedAt: 0 }, recordTtlMs: 30 * DAY, messageId: `m-${k.user}`, dedupeTtlMs: DAY, outbox: [item(k, `reply-${k.user}`)] });
    const outbox = new Outbox(store, silentLog, { deadLetterTtlMs: 30 * DAY });
    outbox.register(refused);
    await outbox.flush(key);
    await outbox.flush(other);
    expect((await store.deadLetters(10)).map((d) => d.id).sort()).toEqual(['reply-5012345678', 'reply-5012345679']);

    const mine = `${prefix}${keys.deadLetters(key)}`;
    expect(await keysWith('dead:')).toEqual(expect.arrayContaining([mine, `${prefix}${keys.deadLetters(other)}`]));
    const ttl = await withAdmin((c) => c.pTTL(mine));
    // The conversation's retention, not "forever" (-1).
    expect(ttl).toBeGreaterThan(29 * DAY);
    expect(ttl).toBeLessThanOrEqual(30 * DAY);

    await store.deleteConversation(key);
    expect(await withAdmin((c) => c.exists(mine))).toBe(0);
    expect(await keysWith(`dead:${mine.slice(mine.indexOf('{'))}`)).toEqual([]);
    expect((await store.deadLetters(10)).map((d) => d.id)).toEqual(['reply-5012345679']);
    // The other conversation's dead letter is untouched, TTL and all.
    expect(await withAdmin((c) => c.pTTL(`${prefix}${keys.deadLetters(other)}`))).toBeGreaterThan(29 * DAY);
  });
});
