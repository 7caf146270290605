// The outbox's lease and its edge cases on one instance: a drain that lost its lease sends and
// acks nothing; a shutdown during a retry leaves the reply for the next instance; a send that
// timed out after reaching the platform ("maybe sent") is not repeated for an ordinary reply and
// tried once more for an emergency, then dead-lettered (never dropped) unless the channel recorded
// the platform's confirmation; a hand-off the instance never opened is opened by recovery.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChannelSender, SendResult } from '../../src/core/channel.ts';
import type { ConversationKey, OutboundMessage, Priority } from '../../src/core/messages.ts';
import { MAYBE_SENT, Outbox } from '../../src/core/outbox.ts';
import { LockLostError, silentLog, type AckOptions, type Lease, type LockOptions, type OutboxItem, type OutboxLeaseOptions } from '../../src/core/ports.ts';
import type { SendLimiter } from '../../src/core/send-limiter.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { testEngine, text, type TestEngine } from '../helpers/engine.ts';

const key: ConversationKey = { channel: 'test', account: 'a', user: 'lease' };
const msg = (t: string, priority: Priority = 'normal'): OutboundMessage => ({ text: t, from: 'bot', priority });
const item = (id: string, priority: Priority = 'normal'): OutboxItem => ({ id, key, message: msg(id, priority), attempts: 0, enqueuedAt: 0 });

function sender(answer: (text: string) => SendResult | Promise<SendResult>): ChannelSender & { sent: string[] } {
  const sent: string[] = [];
  return {
    channel: 'test',
    capabilities: { maxTextLength: 100, maxButtons: 0, maxButtonLabel: 0 },
    sent,
    async send(_k, m) {
      sent.push(m.text);
      return answer(m.text);
    },
  };
}

async function queued(store: MemoryStore, items: OutboxItem[]) {
  await store.commitTurn(key, { recordTtlMs: 60_000, messageId: items.map((i) => i.id).join(), dedupeTtlMs: 60_000, outbox: items });
}

/** A store whose outbox leases are lost as soon as they are taken (another instance took over). */
class LosingStore extends MemoryStore {
  override withLock<T>(k: ConversationKey, opts: LockOptions, fn: (lease: Lease) => Promise<T>): Promise<T> {
    if (opts.scope !== 'outbox') return super.withLock(k, opts, fn);
    return super.withLock(k, opts, (lease) => fn({ token: 'stale', lost: true, confirm: async () => false }));
  }
}

let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

describe('outbox lease', () => {
  it('a drain that lost its lease sends nothing and leaves the replies in place', async () => {
    const store = new LosingStore();
    const s = sender(() => ({ ok: true }));
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    await queued(store, [item('1'), item('2')]);
    await outbox.flush(key);
    expect(s.sent).toEqual([]);
    expect((await store.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['1', '2']);
  });

  it('a shutdown during a 5xx back-off leaves the reply for the next instance, never dead-lettered', async () => {
    const store = new MemoryStore();
    let fail = true;
    const s = sender(() => (fail ? { ok: false, retryable: true, reason: 'telegram 502' } : { ok: true }));
    const first = new Outbox(store, silentLog, { baseDelayMs: 60_000, maxDelayMs: 60_000 });
    first.register(s);
    await queued(store, [item('numbers', 'emergency')]);
    const draining = first.flush(key);
    while (s.sent.length === 0) await new Promise((r) => setTimeout(r, 1));
    first.stop();
    await draining;
    expect(await store.deadLetters(10)).toEqual([]);
    expect((await store.outboxPeek(key, 10)).map((i) => [i.id, i.attempts])).toEqual([['numbers', 1]]);

    fail = false;
    const next = new Outbox(store, silentLog);
    next.register(s);
    await next.recover();
    await next.idle();
    expect(s.sent).toEqual(['numbers', 'numbers']);
    expect(await store.outboxConversations()).toEqual([]);
  });

  it('does not repeat an ordinary reply that may have been delivered, tries an emergency once more, and dead-letters both visibly', async () => {
    const store = new MemoryStore();
    const s = sender((t) => (t === 'after' ? { ok: true } : { ok: false, retryable: true, maybeSent: true, reason: 'telegram did not answer in time' }));
    const outbox = new Outbox(store, silentLog, { baseDelayMs: 1 });
    outbox.register(s);
    await queued(store, [item('menu'), item('hotline', 'emergency'), item('after')]);
    await outbox.flush(key);
    expect(s.sent).toEqual(['menu', 'hotline', 'hotline', 'after']);
    expect(await store.outboxPeek(key, 10)).toEqual([]);
    // Never dropped: each is a dead letter the console lists, saying it may have arrived.
    const dead = await store.deadLetters(10);
    expect(dead.map((d) => [d.id, d.lastError])).toEqual([
      ['menu', `${MAYBE_SENT}: telegram did not answer in time`],
      ['hotline', `${MAYBE_SENT}: telegram did not answer in time`],
    ]);
    expect(dead.every((d) => d.inFlight === undefined)).toBe(true);
  });

  it('a holder killed between a send and its ack: the channel’s record of the platform’s message id settles it without a double', async () => {
    const store = new MemoryStore();
    const confirmed = new Set(['sent-before-the-kill']);
    const s = Object.assign(
      sender(() => ({ ok: true })),
      { delivered: async (_k: ConversationKey, id: string) => confirmed.has(id) },
    );
    // What a killed holder leaves: an item marked in flight, which the platform had confirmed.
    await queued(store, [{ ...item('sent-before-the-kill'), inFlight: true }]);
    const outbox = new Outbox(store, silentLog, { baseDelayMs: 1 });
    outbox.register(s);
    await outbox.flush(key);
    expect(s.sent).toEqual([]);
    expect(await store.deadLetters(10)).toEqual([]);
    expect(await store.outboxConversations()).toEqual([]);

    await store.commitTurn(key, { recordTtlMs: 60_000, messageId: 'm2', dedupeTtlMs: 60_000, outbox: [{ ...item('unknown'), inFlight: true }] });
    await outbox.flush(key);
    expect(s.sent).toEqual([]);
    expect((await store.deadLetters(10)).map((d) => [d.id, d.lastError])).toEqual([['unknown', `${MAYBE_SENT}: the previous holder stopped during the send`]]);
  });

  it('a channel whose resends show once (the web page) sends an in-flight item again', async () => {
    const store = new MemoryStore();
    const s = Object.assign(sender(() => ({ ok: true })), { idempotent: true });
    await queued(store, [{ ...item('web reply'), inFlight: true }]);
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    await outbox.flush(key);
    expect(s.sent).toEqual(['web reply']);
    expect(await store.deadLetters(10)).toEqual([]);
  });

  it('dead-letters into the conversation, and erasing the conversation erases them', async () => {
    const store = new MemoryStore();
    const s = sender(() => ({ ok: false, retryable: false, reason: 'telegram 403: blocked' }));
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    await queued(store, [item('1')]);
    await outbox.flush(key);
    expect((await store.deadLetters(10)).map((d) => d.id)).toEqual(['1']);
    await store.deleteConversation(key);
    expect(await store.deadLetters(10)).toEqual([]);
  });

  it('leaves a reply whose ack was refused (the lease lost after the send) in flight, for the next holder to settle', async () => {
    /** The lease is lost between the send and its ack (another instance took over). */
    class LostBeforeAck extends MemoryStore {
      override async outboxAck(): Promise<boolean> {
        throw new LockLostError(key, 'outbox');
      }
    }
    const losing = new LostBeforeAck();
    const late = new Outbox(losing, silentLog);
    late.register(sender(() => ({ ok: true })));
    await queued(losing, [item('2')]);
    await late.flush(key);
    // Not acked: the next holder decides, from what the channel recorded.
    expect((await losing.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight])).toEqual([['2', true]]);
  });
});

/** Counts the outbox leases a drain had to take itself (not handed over by a commit). */
class CountingStore extends MemoryStore {
  acquired = 0;
  override withOutboxLease<T>(k: ConversationKey, opts: OutboxLeaseOptions, fn: (lease: Lease, head: OutboxItem[]) => Promise<T>): Promise<T> {
    if (!opts.taken) this.acquired++;
    return super.withOutboxLease(k, opts, fn);
  }
}

/** Whether another holder could take the conversation's outbox lock now. */
const lockFree = (store: MemoryStore) =>
  store.withLock(key, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, async () => true).catch(() => false);

describe('a lease taken by the turn’s commit', () => {
  it('is used by the drain without taking the lease again, and released by its last ack', async () => {
    const store = new CountingStore();
    const s = sender(() => ({ ok: true }));
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    await queued(store, [item('earlier')]);
    const offer = outbox.offer(key)!;
    expect(offer).toBeDefined();
    const head = await store.commitTurn(key, { recordTtlMs: 60_000, messageId: 'm', dedupeTtlMs: 60_000, outbox: [item('1'), item('2')], lease: offer.lease });
    expect(head?.map((i) => i.id)).toEqual(['earlier', '1', '2']);
    expect(await lockFree(store)).toBe(false);
    offer.committed(head);
    await outbox.idle();
    expect(s.sent).toEqual(['earlier', '1', '2']);
    expect(store.acquired).toBe(0);
    expect(await lockFree(store)).toBe(true);
    expect(await store.outboxConversations()).toEqual([]);
  });

  it('is offered only when this instance would drain at once: not stopped, no drain of it running or queued, a slot free', async () => {
    const store = new MemoryStore();
    const gates: (() => void)[] = [];
    const s = sender(() => new Promise<SendResult>((r) => gates.push(() => r({ ok: true }))));
    const outbox = new Outbox(store, silentLog, { maxDrains: 1, maxQueued: 10 });
    outbox.register(s);
    const other = { ...key, user: 'other' };
    const first = outbox.offer(key)!;
    // The offer holds the only slot, and a second one for the same conversation is refused.
    expect(outbox.offer(key)).toBeUndefined();
    expect(outbox.offer(other)).toBeUndefined();
    // Not counted as waiting for delivery before its commit answers.
    expect(outbox.backlog()).toBe(0);
    first.committed(await store.commitTurn(key, { recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('1')], lease: first.lease }));
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    // Draining: the conversation, and the slot, are busy; a kick for the other waits in the queue.
    expect(outbox.offer(key)).toBeUndefined();
    await store.commitTurn(other, { recordTtlMs: 60_000, messageId: 'o1', dedupeTtlMs: 60_000, outbox: [{ ...item('o1'), key: other }] });
    outbox.kick(other);
    expect(outbox.offer(other)).toBeUndefined();
    while (s.sent.length < 2) {
      gates.shift()?.();
      await new Promise((r) => setTimeout(r, 1));
    }
    gates.shift()?.();
    await outbox.idle();
    expect(s.sent).toEqual(['1', 'o1']);
    expect(outbox.offer(other)).toBeDefined();
    outbox.stop();
    expect(outbox.offer(key)).toBeUndefined();
  });

  it('that cannot be used (the instance stopped meanwhile) is released at once, the replies left for the next holder', async () => {
    const store = new MemoryStore();
    const s = sender(() => ({ ok: true }));
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    const offer = outbox.offer(key)!;
    const head = await store.commitTurn(key, { recordTtlMs: 60_000, messageId: 'm', dedupeTtlMs: 60_000, outbox: [item('1')], lease: offer.lease });
    expect(head).toHaveLength(1);
    outbox.stop();
    offer.committed(head);
    await outbox.idle();
    expect(s.sent).toEqual([]);
    expect(await lockFree(store)).toBe(true);
    expect((await store.outboxPeek(key, 10)).map((i) => i.id)).toEqual(['1']);
  });

  it('is released when the commit failed after taking it, and nothing is sent from here', async () => {
    const store = new MemoryStore();
    const s = sender(() => ({ ok: true }));
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    const offer = outbox.offer(key)!;
    // Applied, but its answer lost (the store went away before answering).
    await store.commitTurn(key, { recordTtlMs: 60_000, messageId: 'm', dedupeTtlMs: 60_000, outbox: [item('1')], lease: offer.lease });
    offer.abandoned();
    // Answered once: a late answer changes nothing.
    offer.committed([item('1')]);
    await outbox.idle();
    expect(s.sent).toEqual([]);
    expect(await lockFree(store)).toBe(true);
    // Recovery delivers it.
    await outbox.recover();
    await outbox.idle();
    expect(s.sent).toEqual(['1']);
  });

  it('held by another holder: the commit takes nothing, and the drain waits for it and delivers, in order and once', async () => {
    const store = new CountingStore();
    const s = sender(() => ({ ok: true }));
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    let letGo!: () => void;
    let holding!: () => void;
    const held = new Promise<void>((r) => (holding = r));
    // Another instance's drain, stalled with the lease.
    const elsewhere = store.withLock(key, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, () => {
      holding();
      return new Promise<void>((r) => (letGo = r));
    });
    await held;
    const offer = outbox.offer(key)!;
    const head = await store.commitTurn(key, { recordTtlMs: 60_000, messageId: 'm', dedupeTtlMs: 60_000, outbox: [item('1'), item('2')], lease: offer.lease });
    expect(head).toBeUndefined();
    offer.committed(head);
    // A staff reply kicked meanwhile goes after them.
    await store.outboxPush(key, [item('3')]);
    outbox.kick(key);
    await new Promise((r) => setTimeout(r, 20));
    expect(s.sent).toEqual([]);
    letGo();
    await elsewhere;
    await outbox.idle();
    expect(s.sent).toEqual(['1', '2', '3']);
    expect(store.acquired).toBeGreaterThanOrEqual(1);
    expect(await lockFree(store)).toBe(true);
  });

  it('through the conversation service: a turn’s reply goes out under the lease its commit took, and a failed commit’s is released', async () => {
    const counting = new CountingStore();
    engine = await testEngine(counting);
    const replies = await engine.say('folded', text('menu'));
    expect(replies.length).toBeGreaterThan(0);
    // The flush after the turn finds nothing left: the drain itself never had to take the lease.
    expect(counting.acquired).toBe(1);
    await engine.close();

    /** Applies the commit (taking the lease), then loses its answer. */
    class LostAnswer extends MemoryStore {
      override async commitTurn(...args: Parameters<MemoryStore['commitTurn']>): Promise<OutboxItem[] | undefined> {
        await super.commitTurn(...args);
        throw new Error('connection reset');
      }
    }
    const lost = new LostAnswer();
    engine = await testEngine(lost);
    await expect(engine.conversations.receive({ id: 'x', key: { channel: 'test', account: 'a', user: 'lost' }, receivedAt: Date.now(), payload: text('menu') })).rejects.toThrow(/connection reset/);
    await engine.outbox.idle();
    expect(engine.sent).toEqual([]);
    expect(await lost.withLock({ channel: 'test', account: 'a', user: 'lost' }, { ttlMs: 5_000, waitMs: 0, scope: 'outbox' }, async () => true)).toBe(true);
  });
});

describe('what a turn owes is committed with it', () => {
  it('an emergency whose hand-off was not opened (the instance died after the commit) is opened by recovery', async () => {
    engine = await testEngine(new MemoryStore());
    const open = engine.handoff.open.bind(engine.handoff);
    let dead = true;
    engine.handoff.open = async (request) => {
      if (dead) throw new Error('instance killed');
      return open(request);
    };
    const replies = await engine.say('in-danger', text('chủ đánh tôi, giữ hộ chiếu, cứu tôi'));
    expect(replies.length).toBeGreaterThan(0);
    expect(await engine.handoff.list()).toEqual([]);

    dead = false;
    await engine.outbox.recover();
    await engine.outbox.idle();
    const opened = await engine.handoff.list();
    expect(opened.map((h) => [h.key.user, h.priority])).toEqual([['in-danger', 'emergency']]);
    // Done once: recovering again opens nothing more, and the conversation leaves the index.
    await engine.outbox.recover();
    expect(await engine.handoff.list()).toHaveLength(1);
    expect(await engine.store.outboxConversations()).toEqual([]);
  });
});

/** Counts the outbox's writes between sends: marks, acks, and the two in one. */
class FoldCountingStore extends MemoryStore {
  writes: string[] = [];
  override async outboxUpdateHead(k: ConversationKey, i: OutboxItem, fence?: string, renewMs?: number): Promise<void> {
    if (i.inFlight) this.writes.push(`mark ${i.id}`);
    return super.outboxUpdateHead(k, i, fence, renewMs);
  }
  override async outboxAck(k: ConversationKey, id: string, fence?: string, opts?: AckOptions): Promise<boolean> {
    this.writes.push(`ack ${id}`);
    return super.outboxAck(k, id, fence, opts);
  }
  override async outboxAckAndMark(k: ConversationKey, id: string, next: OutboxItem, fence: string, renewMs: number): Promise<boolean | 'marked'> {
    this.writes.push(`ack ${id} + mark ${next.id}`);
    return super.outboxAckAndMark(k, id, next, fence, renewMs);
  }
}

/** A send limiter whose `n`-th wait (from 1) runs `during` before it lets the send go. */
function limiterAt(n: number, during: () => void | Promise<void>): SendLimiter {
  let calls = 0;
  return {
    async acquire() {
      if (++calls === n) await during();
    },
  } as unknown as SendLimiter;
}

describe('the ack that goes with the next reply’s mark', () => {
  it('on a channel that records what the platform confirmed: one write between two sends, the next reply marked before it leaves', async () => {
    const store = new FoldCountingStore();
    const heads: [string, boolean][][] = [];
    const s = Object.assign(
      sender(() => ({ ok: true })),
      { delivered: async () => false },
    );
    const send = s.send.bind(s);
    s.send = async (k, m, ctx) => {
      heads.push((await store.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight ?? false]));
      return send(k, m, ctx);
    };
    await queued(store, [item('1'), item('2'), item('3')]);
    const outbox = new Outbox(store, silentLog);
    outbox.register(s);
    await outbox.flush(key);
    expect(s.sent).toEqual(['1', '2', '3']);
    expect(store.writes).toEqual(['mark 1', 'ack 1 + mark 2', 'ack 2 + mark 3', 'ack 3']);
    // Each reply is in flight, and the one before it gone, when it leaves.
    expect(heads).toEqual([[['1', true], ['2', false], ['3', false]], [['2', true], ['3', false]], [['3', true]]]);
    expect(await store.outboxConversations()).toEqual([]);
    expect(await lockFree(store)).toBe(true);
  });

  it('the web page (a resend shows once) folds too; a channel that cannot settle an unacked send, or a chat it keeps no record of, does not', async () => {
    const web = new FoldCountingStore();
    const outbox = new Outbox(web, silentLog);
    outbox.register(Object.assign(sender(() => ({ ok: true })), { idempotent: true }));
    await queued(web, [item('1'), item('2')]);
    await outbox.flush(key);
    expect(web.writes).toEqual(['mark 1', 'ack 1 + mark 2', 'ack 2']);

    for (const s of [sender(() => ({ ok: true })), Object.assign(sender(() => ({ ok: true })), { delivered: async () => false, recordsDelivery: () => false })]) {
      const store = new FoldCountingStore();
      const plain = new Outbox(store, silentLog);
      plain.register(s);
      await queued(store, [item('1'), item('2')]);
      await plain.flush(key);
      expect(s.sent).toEqual(['1', '2']);
      expect(store.writes).toEqual(['mark 1', 'ack 1', 'mark 2', 'ack 2']);
    }
  });

  it('waits for the next reply’s send rate before acking; a shutdown in that wait acks the reply sent and leaves the next unmarked (nothing dead-lettered)', async () => {
    const store = new FoldCountingStore();
    const s = Object.assign(sender(() => ({ ok: true })), { delivered: async () => false });
    let outbox!: Outbox;
    let during: [string, boolean][] = [];
    outbox = new Outbox(store, silentLog, {}, undefined, limiterAt(2, async () => {
      during = (await store.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight ?? false]);
      outbox.stop();
    }));
    outbox.register(s);
    await queued(store, [item('1'), item('2')]);
    await outbox.flush(key);
    // In the wait, the reply sent is still in flight (a kill there leaves it for delivered() to settle).
    expect(during).toEqual([['1', true], ['2', false]]);
    expect(s.sent).toEqual(['1']);
    expect(store.writes).toEqual(['mark 1', 'ack 1']);
    expect((await store.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight ?? false])).toEqual([['2', false]]);
    expect(await store.deadLetters(10)).toEqual([]);
    expect(await lockFree(store)).toBe(true);
  });

  it('a holder killed in that wait: the next one settles the sent reply from the platform’s record and sends the next, once each', async () => {
    const store = new MemoryStore();
    const confirmed = new Set<string>();
    const s = Object.assign(
      sender((t) => (confirmed.add(t), { ok: true })),
      { delivered: async (_k: ConversationKey, id: string) => confirmed.has(id) },
    );
    // What the killed holder left: reply 1 sent (and confirmed) but in flight, reply 2 untouched.
    const dying = new Outbox(store, silentLog, {}, undefined, limiterAt(2, () => new Promise<void>(() => undefined)));
    dying.register(s);
    await queued(store, [item('1'), item('2')]);
    void dying.flush(key);
    await vi.waitFor(async () => expect((await store.outboxPeek(key, 10)).map((i) => [i.id, i.inFlight ?? false])).toEqual([['1', true], ['2', false]]));
    expect(s.sent).toEqual(['1']);
    // The next holder (this store's locks never expire: read from a store holding what was left).
    const after = new MemoryStore();
    await queued(after, (await store.outboxPeek(key, 10)));
    const next = new Outbox(after, silentLog);
    next.register(s);
    await next.flush(key);
    expect(s.sent).toEqual(['1', '2']);
    expect(await after.deadLetters(10)).toEqual([]);
    expect(await after.outboxConversations()).toEqual([]);
  });
});
