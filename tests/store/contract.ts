// One behavioural contract for every Store implementation; each implementation's test file runs it.
import { describe, expect, it } from 'vitest';
import type { ConversationKey } from '../../src/core/messages.ts';
import { LockLostError, type ConversationRecord, type Lease, type OutboxItem, type Store, type TurnOptions } from '../../src/core/ports.ts';
import { handled } from './handled.ts';

const key: ConversationKey = { channel: 'telegram', account: 'bot1', user: '42' };
const other: ConversationKey = { channel: 'web', account: 'default', user: 'a{b}*c' };

function record(over: Partial<ConversationRecord> = {}): ConversationRecord {
  return { flowVersion: 1, snapshot: { value: 'menu' }, pending: [], updatedAt: 1, ...over };
}
function item(id: string, k = key): OutboxItem {
  return { id, key: k, message: { text: id, from: 'bot', priority: 'normal' }, attempts: 0, enqueuedAt: 1 };
}

export function storeContract(name: string, make: () => Promise<Store>, cleanup: (s: Store) => Promise<void>) {
  describe(`${name} store contract`, () => {
    const withStore = (fn: (s: Store) => Promise<void>) => async () => {
      const s = await make();
      try {
        await fn(s);
      } finally {
        await cleanup(s);
      }
    };

    it(
      'commits a turn atomically: record, handled mark and outbox',
      withStore(async (s) => {
        expect(await s.getConversation(key)).toBeUndefined();
        await s.commitTurn(key, { record: record({ country: 'JP' }), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a'), item('b')] });
        expect(await s.getConversation(key)).toMatchObject({ country: 'JP', snapshot: { value: 'menu' } });
        expect(await handled(s, key, 'm1')).toBe(true);
        expect(await handled(s, key, 'm2')).toBe(false);
        expect(await handled(s, other, 'm1')).toBe(false);
        expect((await s.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['a', 'b']);
        expect(await s.outboxConversations()).toEqual([key]);
      }),
    );

    it(
      'acks only the head it delivered and forgets an emptied outbox',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a'), item('b')] });
        await s.outboxAck(key, 'b');
        expect((await s.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['a', 'b']);
        await s.outboxUpdateHead(key, { ...item('a'), attempts: 2 });
        expect((await s.outboxPeek(key, 1))[0]?.attempts).toBe(2);
        await s.outboxAck(key, 'a');
        await s.outboxAck(key, 'b');
        expect(await s.outboxPeek(key, 10)).toEqual([]);
        expect(await s.outboxConversations()).toEqual([]);
      }),
    );

    it(
      'serialises holders of one conversation lock and lets other conversations through',
      withStore(async (s) => {
        const order: string[] = [];
        const hold = (k: ConversationKey, label: string, ms: number) =>
          s.withLock(k, { ttlMs: 5_000, waitMs: 5_000 }, async () => {
            order.push(`${label}+`);
            await new Promise((r) => setTimeout(r, ms));
            order.push(`${label}-`);
          });
        await Promise.all([hold(key, 'a', 60), hold(key, 'b', 1), hold(other, 'c', 1)]);
        expect(order.indexOf('a-')).toBeLessThan(order.indexOf('b+'));
        expect(order.indexOf('c-')).toBeLessThan(order.indexOf('a-'));
      }),
    );

    it(
      'releases the lock when the holder throws',
      withStore(async (s) => {
        await expect(s.withLock(key, { ttlMs: 5_000, waitMs: 100 }, async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
        await expect(s.withLock(key, { ttlMs: 5_000, waitMs: 100 }, async () => 'ok')).resolves.toBe('ok');
      }),
    );

    it(
      'gives up waiting for a busy lock',
      withStore(async (s) => {
        let release!: () => void;
        const held = s.withLock(key, { ttlMs: 5_000, waitMs: 100 }, () => new Promise<void>((r) => (release = r)));
        await new Promise((r) => setTimeout(r, 20));
        await expect(s.withLock(key, { ttlMs: 5_000, waitMs: 50 }, async () => 'late')).rejects.toThrow(/busy/);
        release();
        await held;
      }),
    );

    it(
      'keeps mailboxes in order with sequence numbers, per conversation',
      withStore(async (s) => {
        expect(await s.mailboxPush('web', key, { n: 1 }, 60_000)).toBe(1);
        expect(await s.mailboxPush('web', key, { n: 2 }, 60_000)).toBe(2);
        await s.mailboxPush('web', other, { n: 9 }, 60_000);
        expect(await s.mailboxRead('web', key, 0)).toEqual([{ seq: 1, item: { n: 1 } }, { seq: 2, item: { n: 2 } }]);
        expect(await s.mailboxRead('web', key, 1)).toEqual([{ seq: 2, item: { n: 2 } }]);
      }),
    );

    it(
      'deletes one mailbox of a conversation at once, and no other mailbox or conversation',
      withStore(async (s) => {
        await s.mailboxPush('media:a', key, { n: 1 }, 60_000);
        await s.mailboxPush('media:b', key, { n: 2 }, 60_000);
        await s.mailboxPush('media:a', other, { n: 3 }, 60_000);
        await s.mailboxDelete('media:a', key);
        expect(await s.mailboxRead('media:a', key, 0)).toEqual([]);
        expect(await s.mailboxRead('media:b', key, 0)).toEqual([{ seq: 1, item: { n: 2 } }]);
        expect(await s.mailboxRead('media:a', other, 0)).toEqual([{ seq: 1, item: { n: 3 } }]);
        // Deleting what is not there is no error; a new push starts the list again.
        await s.mailboxDelete('media:a', key);
        expect(await s.mailboxPush('media:a', key, { n: 4 }, 60_000)).toBe(1);
      }),
    );

    it(
      'erases everything of one conversation and nothing of another',
      withStore(async (s) => {
        for (const k of [key, other]) {
          await s.commitTurn(k, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('x', k)] });
          await s.mailboxPush('transcript', k, { text: 'hi' }, 60_000);
        }
        await s.deleteConversation(other);
        expect(await s.getConversation(other)).toBeUndefined();
        expect(await s.mailboxRead('transcript', other, 0)).toEqual([]);
        expect(await s.outboxPeek(other, 10)).toEqual([]);
        expect(await s.getConversation(key)).toBeDefined();
        expect(await s.mailboxRead('transcript', key, 0)).toHaveLength(1);
        expect(await s.outboxConversations()).toEqual([key]);
      }),
    );

    it(
      'deletes the record when a commit carries none (erasure)',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [] });
        await s.commitTurn(key, { recordTtlMs: 60_000, messageId: 'm2', dedupeTtlMs: 60_000, outbox: [] });
        expect(await s.getConversation(key)).toBeUndefined();
        expect(await handled(s, key, 'm2')).toBe(true);
      }),
    );

    it(
      'appends replies outside a turn after those already queued',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('bot')] });
        await s.outboxPush(key, [item('agent1'), item('agent2')]);
        await s.outboxPush(other, [item('o', other)]);
        expect((await s.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['bot', 'agent1', 'agent2']);
        const index = (await s.outboxConversations()).map((k) => k.user).sort();
        expect(index).toEqual([key.user, other.user].sort());
      }),
    );

    it(
      'counts events per conversation in a window that starts with the first one',
      withStore(async (s) => {
        expect(await s.countInWindow('flood', key, 200)).toBe(1);
        expect(await s.countInWindow('flood', key, 200)).toBe(2);
        expect(await s.countInWindow('flood', other, 200)).toBe(1);
        await new Promise((r) => setTimeout(r, 250));
        expect(await s.countInWindow('flood', key, 200)).toBe(1);
      }),
    );

    it(
      'keeps tables of JSON rows shared by name',
      withStore(async (s) => {
        expect(await s.tableAll('handoffs')).toEqual([]);
        await s.tablePut('handoffs', 'a', { n: 1 });
        await s.tablePut('handoffs', 'b', { n: 2 });
        await s.tablePut('staff', 'a', { other: true });
        await s.tablePut('handoffs', 'a', { n: 3 });
        expect(await s.tableGet('handoffs', 'a')).toEqual({ n: 3 });
        expect(await s.tableGet('handoffs', 'zz')).toBeUndefined();
        expect((await s.tableAll<{ n: number }>('handoffs')).map((r) => r.n).sort()).toEqual([2, 3]);
        await s.tableDelete('handoffs', 'b');
        expect(await s.tableAll('handoffs')).toEqual([{ n: 3 }]);
      }),
    );

    it(
      'appends to a conversation mailbox in the same write as the turn',
      withStore(async (s) => {
        await s.mailboxPush('transcript', key, { n: 0 }, 60_000);
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [], mailbox: { name: 'transcript', items: [{ n: 1 }, { n: 2 }], ttlMs: 60_000 } });
        expect((await s.mailboxRead<{ n: number }>('transcript', key, 0)).map((e) => [e.seq, e.item.n])).toEqual([[1, 0], [2, 1], [3, 2]]);
        await s.deleteConversation(key);
        expect(await s.mailboxRead('transcript', key, 0)).toEqual([]);
      }),
    );

    it(
      'adds to shared counters per bucket, and erasing a conversation leaves them alone',
      withStore(async (s) => {
        expect(await s.countersRead('stats:2026-11')).toEqual({});
        await s.countersAdd('stats:2026-11', { 'question|topic=hotline': 1, 'question|topic=support_fund': 2 });
        await s.countersAdd('stats:2026-11', { 'question|topic=hotline': 3, 'zero|x=y': 0 });
        await s.countersAdd('stats:2026-W48', { 'question|topic=hotline': 1 });
        await s.deleteConversation(key);
        expect(await s.countersRead('stats:2026-11')).toEqual({ 'question|topic=hotline': 4, 'question|topic=support_fund': 2 });
        expect(await s.countersRead('stats:2026-W48')).toEqual({ 'question|topic=hotline': 1 });
      }),
    );

    const turn = (messageId: string, over: Partial<TurnOptions<boolean>> = {}): TurnOptions<boolean> => ({ ttlMs: 5_000, waitMs: 2_000, messageId, flood: { name: 'inbound', windowMs: 60_000 }, ...over });

    // The turn lock taken either way fences the same.
    const turnHolders: Record<string, <T>(s: Store, fn: (lease: Lease) => Promise<T>) => Promise<T>> = {
      withLock: (s, fn) => s.withLock(key, { ttlMs: 5_000, waitMs: 100 }, fn),
      withTurn: (s, fn) => s.withTurn(key, turn(`held-${Math.random()}`), (_start, lease) => fn(lease)),
    };
    for (const [how, hold] of Object.entries(turnHolders)) it(
      `refuses a commit under a turn lock (${how}) that is no longer held, and writes nothing of it`,
      withStore(async (s) => {
        const stale = await hold(s, async (lease) => lease.token);
        await hold(s, async (lease) => {
          await expect(
            s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'late', dedupeTtlMs: 60_000, outbox: [item('late')], fence: stale }),
          ).rejects.toThrow(LockLostError);
          await s.commitTurn(key, { record: record({ country: 'KR' }), recordTtlMs: 60_000, messageId: 'now', dedupeTtlMs: 60_000, outbox: [], fence: lease.token });
        });
        expect(await handled(s, key, 'late')).toBe(false);
        expect(await s.outboxPeek(key, 10)).toEqual([]);
        expect((await s.getConversation(key))?.country).toBe('KR');
      }),
    );

    it(
      'fences outbox writes with the outbox lock: a drain that lost it can neither ack nor give up',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a'), item('b')] });
        const stale = await s.withLock(key, { ttlMs: 5_000, waitMs: 100, scope: 'outbox' }, async (lease) => lease.token);
        await expect(s.outboxAck(key, 'a', stale)).rejects.toThrow(LockLostError);
        await expect(s.outboxGiveUp(key, item('a'), 60_000, stale)).rejects.toThrow(LockLostError);
        await expect(s.outboxUpdateHead(key, { ...item('a'), attempts: 3 }, stale)).rejects.toThrow(LockLostError);
        expect((await s.outboxPeek(key, 10)).map((i) => [i.id, i.attempts])).toEqual([['a', 0], ['b', 0]]);
        await s.withLock(key, { ttlMs: 5_000, waitMs: 100, scope: 'outbox' }, async (lease) => {
          expect(await lease.confirm()).toBe(true);
          expect(await s.outboxAck(key, 'a', lease.token)).toBe(false);
          expect(await s.outboxGiveUp(key, { ...item('b'), lastError: 'blocked' }, 60_000, lease.token)).toBe(true);
        });
        expect(await s.outboxConversations()).toEqual([]);
        expect((await s.deadLetters(10)).map((d) => [d.id, d.lastError])).toEqual([['b', 'blocked']]);
      }),
    );

    it(
      'hands a drain its first replies with the outbox lease, and an ack asked to release it does so once no reply is left',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a'), item('b'), item('c')] });
        const another = () => s.withLock(key, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, async () => 'taken');
        await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 100, peek: 2 }, async (lease, head) => {
          expect(head.map((i) => i.id)).toEqual(['a', 'b']);
          await expect(another()).rejects.toThrow(/busy/);
          // Replies left: the lease stays.
          expect(await s.outboxAck(key, 'a', lease.token, { release: true })).toBe(false);
          await expect(another()).rejects.toThrow(/busy/);
          expect(await s.outboxAck(key, 'b', lease.token)).toBe(false);
          expect(await s.outboxAck(key, 'c', lease.token, { release: true })).toBe(true);
          // Released by that same write: the next drain starts at once.
          await expect(another()).resolves.toBe('taken');
        });
        expect(await s.outboxConversations()).toEqual([]);
        await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 100, peek: 10 }, async (_lease, head) => expect(head).toEqual([]));
        await expect(another()).resolves.toBe('taken');
      }),
    );

    it(
      'acks a reply and marks the next in flight in one write, fenced; with nothing left it acks and releases the lease as the last ack does',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a'), item('b'), item('c')] });
        const another = () => s.withLock(key, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, async () => 'taken');
        const stale = await s.withLock(key, { ttlMs: 5_000, waitMs: 100, scope: 'outbox' }, async (lease) => lease.token);
        await expect(s.outboxAckAndMark(key, 'a', { ...item('b'), inFlight: true }, stale, 5_000)).rejects.toThrow(LockLostError);
        await expect(s.outboxAckAndMark(key, 'a', { ...item('b'), inFlight: true }, '', 5_000)).rejects.toThrow(LockLostError);
        expect((await s.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight ?? false])).toEqual([['a', false], ['b', false], ['c', false]]);
        await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 100, peek: 3 }, async (lease) => {
          expect(await s.outboxAckAndMark(key, 'a', { ...item('b'), inFlight: true }, lease.token, 5_000)).toBe('marked');
          expect((await s.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight ?? false])).toEqual([['b', true], ['c', false]]);
          // The next one is not the head after the ack (the outbox changed): acked, nothing marked.
          expect(await s.outboxAckAndMark(key, 'b', { ...item('x'), inFlight: true }, lease.token, 5_000)).toBe(false);
          expect((await s.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight ?? false])).toEqual([['c', false]]);
          await expect(another()).rejects.toThrow(/busy/);
          expect(await s.outboxAckAndMark(key, 'c', { ...item('d'), inFlight: true }, lease.token, 5_000)).toBe(true);
          await expect(another()).resolves.toBe('taken');
        });
        expect(await s.outboxPeek(key, 10)).toEqual([]);
        expect(await s.outboxConversations()).toEqual([]);
      }),
    );

    it(
      'a commit offered the outbox lease takes it only when it appends replies, and the drain holds it as if taken itself',
      withStore(async (s) => {
        const another = () => s.withLock(key, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, async () => 'taken');
        const offered = (token: string) => ({ token, ttlMs: 5_000, peek: 2 });
        // No replies: nothing taken, nothing answered.
        expect(await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm0', dedupeTtlMs: 60_000, outbox: [], lease: offered('t0') })).toBeUndefined();
        await expect(another()).resolves.toBe('taken');
        // Replies: the lock is the offered token's, with the first replies (older ones first).
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a')] });
        const head = await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm2', dedupeTtlMs: 60_000, outbox: [item('b'), item('c')], lease: offered('t1') });
        expect(head?.map((i) => i.id)).toEqual(['a', 'b']);
        await expect(another()).rejects.toThrow(/busy/);
        await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 0, peek: 2, taken: { token: 't1', head: head! } }, async (lease, given) => {
          expect(lease.token).toBe('t1');
          expect(given.map((i) => i.id)).toEqual(['a', 'b']);
          expect(await lease.confirm()).toBe(true);
          await s.outboxUpdateHead(key, { ...item('a'), inFlight: true }, lease.token, 5_000);
          expect(await s.outboxAck(key, 'a', lease.token, { release: true })).toBe(false);
          expect(await s.outboxAck(key, 'b', lease.token, { release: true })).toBe(false);
          await expect(another()).rejects.toThrow(/busy/);
          // The last ack releases it, as for a lease the drain took.
          expect(await s.outboxAck(key, 'c', lease.token, { release: true })).toBe(true);
          await expect(another()).resolves.toBe('taken');
        });
        expect(await s.outboxConversations()).toEqual([]);
        // A taken lease nobody uses is released by a holder that does nothing.
        expect(await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm3', dedupeTtlMs: 60_000, outbox: [item('d')], lease: offered('t2') })).toHaveLength(1);
        await expect(another()).rejects.toThrow(/busy/);
        await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 0, peek: 2, taken: { token: 't2', head: [] } }, async () => undefined);
        await expect(another()).resolves.toBe('taken');
        expect((await s.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['d']);
      }),
    );

    it(
      'a commit does not take an outbox lease someone holds, nor one its turn lock no longer allows; a token that holds nothing is fenced and lets nothing go',
      withStore(async (s) => {
        const another = () => s.withLock(key, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, async () => 'taken');
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm0', dedupeTtlMs: 60_000, outbox: [item('a')] });
        await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 100, peek: 10 }, async (lease, head) => {
          expect(head.map((i) => i.id)).toEqual(['a']);
          // Another instance's drain holds it: the commit appends its reply and takes nothing.
          expect(await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('b')], lease: { token: 'mine', ttlMs: 5_000, peek: 10 } })).toBeUndefined();
          // A drain started with that token holds nothing: its writes are refused, the holder's lock stays.
          await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 0, peek: 10, taken: { token: 'mine', head: [] } }, async (stale) => {
            await expect(s.outboxUpdateHead(key, { ...item('a'), inFlight: true }, stale.token, 5_000)).rejects.toThrow(LockLostError);
            await expect(s.outboxAck(key, 'a', stale.token, { release: true })).rejects.toThrow(LockLostError);
          });
          await expect(another()).rejects.toThrow(/busy/);
          expect(await lease.confirm()).toBe(true);
          // The holder delivers both, the one committed meanwhile too (the normal path).
          expect(await s.outboxAck(key, 'a', lease.token, { release: true })).toBe(false);
          expect((await s.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['b']);
          expect(await s.outboxAck(key, 'b', lease.token, { release: true })).toBe(true);
        });
        await expect(another()).resolves.toBe('taken');
        // A commit its turn lock refuses writes nothing and takes no lease.
        const stale = await s.withTurn(key, turn('t-old'), async (_start, lease) => lease.token);
        await s.withTurn(key, turn('t-new'), async () => {
          await expect(
            s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'late', dedupeTtlMs: 60_000, outbox: [item('late')], fence: stale, lease: { token: 'late', ttlMs: 5_000, peek: 10 } }),
          ).rejects.toThrow(LockLostError);
        });
        await expect(another()).resolves.toBe('taken');
        expect(await s.outboxPeek(key, 10)).toEqual([]);
      }),
    );

    it(
      'renews the outbox lock with the in-flight mark, and refuses both to a lease that was lost',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a')] });
        const stale = await s.withLock(key, { ttlMs: 5_000, waitMs: 100, scope: 'outbox' }, async (lease) => lease.token);
        await expect(s.outboxUpdateHead(key, { ...item('a'), inFlight: true }, stale, 60_000)).rejects.toThrow(LockLostError);
        expect((await s.outboxPeek(key, 1))[0]?.inFlight).toBeUndefined();
        // A lock of 300 ms, never renewed but by the mark: still held well after its first life.
        await s.withLock(key, { ttlMs: 300, waitMs: 100, scope: 'outbox' }, async (lease) => {
          await s.outboxUpdateHead(key, { ...item('a'), inFlight: true }, lease.token, 60_000);
          await new Promise((r) => setTimeout(r, 600));
          await expect(s.withLock(key, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, async () => 'taken')).rejects.toThrow(/busy/);
          expect(await lease.confirm()).toBe(true);
        });
        expect((await s.outboxPeek(key, 1))[0]?.inFlight).toBe(true);
      }),
    );

    it(
      'acks only the head item: an ack of another, or the same ack again (its answer was lost), removes nothing',
      withStore(async (s) => {
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a'), item('b'), item('c')] });
        const left = async () => (await s.outboxPeek(key, 10)).map((i) => i.id);
        await s.withOutboxLease(key, { ttlMs: 5_000, waitMs: 100, peek: 10 }, async (lease) => {
          expect(await s.outboxAck(key, 'b', lease.token)).toBe(false);
          expect(await left()).toEqual(['a', 'b', 'c']);
          expect(await s.outboxAck(key, 'a', lease.token)).toBe(false);
          expect(await s.outboxAck(key, 'a', lease.token)).toBe(false);
          expect(await left()).toEqual(['b', 'c']);
        });
      }),
    );

    it(
      'keeps a turn’s intents with it until done, and the conversation in the recovery index meanwhile',
      withStore(async (s) => {
        const intent = { id: 'i1', kind: 'handoff', data: { reason: 'emergency' } };
        await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('a')], intents: [intent] });
        await s.withLock(key, { ttlMs: 5_000, waitMs: 100, scope: 'outbox' }, async (lease) => {
          expect(await s.outboxAck(key, 'a', lease.token)).toBe(true);
        });
        // The reply is out, the hand-off is not opened yet: recovery must still find the conversation.
        expect(await s.outboxConversations()).toEqual([key]);
        expect(await s.intents(key)).toEqual([intent]);
        await s.intentsDone(key, ['i1']);
        expect(await s.intents(key)).toEqual([]);
        expect(await s.outboxConversations()).toEqual([]);
      }),
    );

    it(
      'keeps dead letters per conversation and erases them with it',
      withStore(async (s) => {
        await s.deadLetter(item('mine'), 60_000);
        await s.deadLetter(item('theirs', other), 60_000);
        await s.deleteConversation(key);
        expect((await s.deadLetters(10)).map((i) => i.id)).toEqual(['theirs']);
      }),
    );

    it(
      'trims a capped mailbox to its newest entries by push and by turn, keeping their numbers (a reader’s position stays valid)',
      withStore(async (s) => {
        s.capMailboxes({ web: 3, transcript: 4 });
        for (let n = 1; n <= 5; n++) expect(await s.mailboxPush('web', key, { n }, 60_000)).toBe(Math.min(n, 3));
        expect(await s.mailboxRead('web', key, 0)).toEqual([3, 4, 5].map((n) => ({ seq: n, item: { n } })));
        // A reader that had seen up to 4 gets 5 only; one that had seen 1 gets what is left.
        expect(await s.mailboxRead('web', key, 4)).toEqual([{ seq: 5, item: { n: 5 } }]);
        expect(await s.mailboxRead('web', key, 1)).toEqual([3, 4, 5].map((n) => ({ seq: n, item: { n } })));
        expect(await s.mailboxRead('web', key, 5)).toEqual([]);
        // Turns append to the transcript in their commit: trimmed in the same write.
        for (let t = 1; t <= 3; t++) {
          await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: `t${t}`, dedupeTtlMs: 60_000, outbox: [], mailbox: { name: 'transcript', items: [{ t, from: 'user' }, { t, from: 'bot' }], ttlMs: 60_000 } });
        }
        expect((await s.mailboxRead<{ t: number; from: string }>('transcript', key, 0)).map((e) => [e.seq, e.item.t, e.item.from])).toEqual([
          [3, 2, 'user'],
          [4, 2, 'bot'],
          [5, 3, 'user'],
          [6, 3, 'bot'],
        ]);
        expect(await s.mailboxPush('transcript', key, { t: 4, from: 'staff' }, 60_000)).toBe(4);
        expect((await s.mailboxRead('transcript', key, 0)).map((e) => e.seq)).toEqual([4, 5, 6, 7]);
        // Uncapped mailboxes keep everything.
        for (let n = 1; n <= 5; n++) await s.mailboxPush('media-index', key, { n }, 60_000);
        expect(await s.mailboxRead('media-index', key, 0)).toHaveLength(5);
        // Erased whole: a new mailbox starts again at 1.
        await s.deleteConversation(key);
        expect(await s.mailboxRead('web', key, 0)).toEqual([]);
        expect(await s.mailboxPush('web', key, { n: 1 }, 60_000)).toBe(1);
        expect(await s.mailboxRead('web', key, 0)).toEqual([{ seq: 1, item: { n: 1 } }]);
      }),
    );

    it(
      'begins a turn under the turn lock with the record, and counts in the flood window only messages not handled',
      withStore(async (s) => {
        const first = await s.withTurn(key, turn('m1'), async (start, lease) => {
          await s.commitTurn(key, { record: record({ country: 'JP' }), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [], fence: lease.token });
          return start;
        });
        expect(first).toEqual({ handled: false, count: 1 });
        // A platform's retry: handled, nothing read or counted.
        expect(await s.withTurn(key, turn('m1'), async (start) => start)).toEqual({ handled: true, count: 0 });
        const next = await s.withTurn(key, turn('m2'), async (start) => start);
        expect(next).toMatchObject({ handled: false, count: 2, record: { country: 'JP' } });
        // Another conversation has a window of its own; erasing one erases its count.
        expect((await s.withTurn(other, turn('m1'), async (start) => start)).count).toBe(1);
        await s.deleteConversation(key);
        expect(await s.withTurn(key, turn('m3'), async (start) => start)).toEqual({ handled: false, count: 1 });
      }),
    );

    it(
      'begins a turn only once the turn lock is free, and gives up on a lock busy past the wait',
      withStore(async (s) => {
        const order: string[] = [];
        let release!: () => void;
        const holding = s.withLock(key, { ttlMs: 5_000, waitMs: 100 }, async () => {
          order.push('held');
          await new Promise<void>((r) => (release = r));
          order.push('released');
        });
        await new Promise((r) => setTimeout(r, 20));
        await expect(s.withTurn(key, turn('late', { waitMs: 30 }), async () => 'ran')).rejects.toThrow(/busy/);
        // The read alongside answers as of the attempt that took the lock, not an earlier one.
        let gate = 'closed';
        const waiting = s.withTurn(key, { ...turn('m1'), alongside: async () => gate }, async (start) => {
          order.push('turn');
          return start.alongside;
        });
        await new Promise((r) => setTimeout(r, 20));
        gate = 'open';
        release();
        await holding;
        expect(await waiting).toBe('open');
        expect(order).toEqual(['held', 'released', 'turn']);
      }),
    );

    it(
      'releases the turn lock with a commit that asks it: the next holder takes it at once, and the released token fences no more',
      withStore(async (s) => {
        const order: string[] = [];
        await s.withTurn(key, turn('m1'), async (_start, lease) => {
          await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [], fence: lease.token, release: true });
          // Still inside the first holder: a second one gets the lock without waiting for it to return.
          await s.withLock(key, { ttlMs: 5_000, waitMs: 50 }, async () => order.push('second'));
          await expect(s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'again', dedupeTtlMs: 60_000, outbox: [], fence: lease.token })).rejects.toThrow(LockLostError);
          order.push('first returns');
        });
        expect(order).toEqual(['second', 'first returns']);
        expect(await handled(s, key, 'again')).toBe(false);
        // A commit without `release` keeps the lock to its holder's end.
        await s.withTurn(key, turn('m2'), async (_start, lease) => {
          await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm2', dedupeTtlMs: 60_000, outbox: [], fence: lease.token });
          await expect(s.withLock(key, { ttlMs: 5_000, waitMs: 30 }, async () => 'in')).rejects.toThrow(/busy/);
        });
        // And the lock released by a commit is not released again by its holder's end (the next holder keeps it).
        let release!: () => void;
        const next = new Promise<void>((r) => (release = r));
        let nextHolds!: Promise<unknown>;
        await s.withTurn(key, turn('m3'), async (_start, lease) => {
          await s.commitTurn(key, { record: record(), recordTtlMs: 60_000, messageId: 'm3', dedupeTtlMs: 60_000, outbox: [], fence: lease.token, release: true });
          nextHolds = s.withLock(key, { ttlMs: 5_000, waitMs: 50 }, () => next);
          await new Promise((r) => setTimeout(r, 10));
        });
        await expect(s.withLock(key, { ttlMs: 5_000, waitMs: 30 }, async () => 'in')).rejects.toThrow(/busy/);
        release();
        await nextHolds;
      }),
    );

    it(
      'appends to further mailboxes in the same write as the turn, capped and erased like the others',
      withStore(async (s) => {
        s.capMailboxes({ log: 2 });
        for (let t = 1; t <= 3; t++) {
          await s.commitTurn(key, {
            record: record(),
            recordTtlMs: 60_000,
            messageId: `t${t}`,
            dedupeTtlMs: 60_000,
            outbox: [item(`r${t}`)],
            mailbox: { name: 'transcript', items: [{ t }], ttlMs: 60_000 },
            mailboxes: [{ name: 'log', items: [{ id: t }], ttlMs: 60_000 }, { name: 'empty', items: [], ttlMs: 60_000 }],
          });
        }
        expect((await s.mailboxRead('log', key, 0)).map((e) => [e.seq, e.item])).toEqual([[2, { id: 2 }], [3, { id: 3 }]]);
        expect(await s.mailboxRead('transcript', key, 0)).toHaveLength(3);
        expect(await s.mailboxRead('empty', key, 0)).toEqual([]);
        expect((await s.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['r1', 'r2', 'r3']);
        await s.deleteConversation(key);
        expect(await s.mailboxRead('log', key, 0)).toEqual([]);
      }),
    );

    it(
      'keeps dead letters and shared lists',
      withStore(async (s) => {
        await s.deadLetter(item('dead'), 60_000);
        expect((await s.deadLetters(10)).map((i) => i.id)).toEqual(['dead']);
        await s.listPush('handoff-requests', { a: 1 });
        await s.listPush('handoff-requests', { a: 2 });
        expect(await s.listRead('handoff-requests', 1)).toEqual([{ a: 2 }]);
        expect(await s.ping()).toBe(true);
      }),
    );
  });
}
