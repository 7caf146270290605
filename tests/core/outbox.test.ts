import { describe, expect, it } from 'vitest';
import type { ChannelSender, SendResult } from '../../src/core/channel.ts';
import type { ConversationKey, OutboundMessage } from '../../src/core/messages.ts';
import { Outbox } from '../../src/core/outbox.ts';
import { silentLog, type AckOptions, type Lease, type OutboxItem, type OutboxLeaseOptions } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/store/memory.ts';

const key: ConversationKey = { channel: 'test', account: 'a', user: 'u' };
const msg = (text: string): OutboundMessage => ({ text, from: 'bot', priority: 'normal' });
const item = (id: string, k = key): OutboxItem => ({ id, key: k, message: msg(id), attempts: 0, enqueuedAt: 0 });

function scriptedSender(results: (SendResult | Error)[]) {
  const sent: string[] = [];
  const sender: ChannelSender = {
    channel: 'test',
    capabilities: { maxTextLength: 100, maxButtons: 0, maxButtonLabel: 0 },
    async send(_k, m) {
      const next = results.shift() ?? { ok: true };
      if (next instanceof Error) throw next;
      if (next.ok) sent.push(m.text);
      return next;
    },
  };
  return { sender, sent };
}

async function queued(store: MemoryStore, ids: string[]) {
  await store.commitTurn(key, { recordTtlMs: 1000, messageId: ids.join(), dedupeTtlMs: 1000, outbox: ids.map((i) => item(i)) });
}

describe('outbox', () => {
  it('tells the channel when the user last wrote, for platforms with messaging windows', async () => {
    const store = new MemoryStore();
    const seen: unknown[] = [];
    const sender: ChannelSender = {
      channel: 'test',
      capabilities: { maxTextLength: 100, maxButtons: 0, maxButtonLabel: 0 },
      async send(_k, _m, ctx) {
        seen.push(ctx);
        return { ok: true };
      },
    };
    const outbox = new Outbox(store, silentLog, {}, { now: () => 5_000 });
    outbox.register(sender);
    const record = { flowVersion: 1, snapshot: undefined, pending: [], updatedAt: 1, lastUserAt: 1_000, lastUserMessageId: 'mid.1' };
    await store.commitTurn(key, { record, recordTtlMs: 10_000, messageId: 'x', dedupeTtlMs: 1000, outbox: [item('1')] });
    await outbox.flush(key);
    expect(seen).toEqual([{ now: 5_000, lastUserAt: 1_000, lastUserMessageId: 'mid.1', itemId: '1' }]);
  });

  it('delivers a conversation in order and empties it', async () => {
    const store = new MemoryStore();
    const { sender, sent } = scriptedSender([]);
    const outbox = new Outbox(store, silentLog);
    outbox.register(sender);
    await queued(store, ['1', '2', '3']);
    await outbox.flush(key);
    expect(sent).toEqual(['1', '2', '3']);
    expect(await store.outboxPeek(key, 10)).toEqual([]);
  });

  it('retries what the platform calls temporary, keeping the order', async () => {
    const store = new MemoryStore();
    const { sender, sent } = scriptedSender([
      { ok: false, retryable: true, reason: '429', retryAfterMs: 5 },
      new Error('socket hang up'),
      { ok: true },
      { ok: true },
    ]);
    const outbox = new Outbox(store, silentLog, { baseDelayMs: 1 });
    outbox.register(sender);
    await queued(store, ['1', '2']);
    await outbox.flush(key);
    expect(sent).toEqual(['1', '2']);
  });

  it('dead-letters a reply that keeps failing or cannot be sent, and goes on with the next', async () => {
    const store = new MemoryStore();
    const { sender, sent } = scriptedSender([
      { ok: false, retryable: false, reason: 'blocked by user' },
      { ok: true },
    ]);
    const outbox = new Outbox(store, silentLog, { baseDelayMs: 1 });
    outbox.register(sender);
    await queued(store, ['1', '2']);
    await outbox.flush(key);
    expect(sent).toEqual(['2']);
    const dead = await store.deadLetters(10);
    expect(dead.map((d) => [d.id, d.lastError])).toEqual([['1', 'blocked by user']]);
  });

  it('gives up after the configured attempts', async () => {
    const store = new MemoryStore();
    const fail: SendResult = { ok: false, retryable: true, reason: '502' };
    const { sender } = scriptedSender([fail, fail, fail]);
    const outbox = new Outbox(store, silentLog, { baseDelayMs: 1, maxAttempts: 3 });
    outbox.register(sender);
    await queued(store, ['1']);
    await outbox.flush(key);
    expect((await store.deadLetters(10))[0]).toMatchObject({ id: '1', attempts: 3, lastError: '502' });
  });

  it('dead-letters replies for a channel that has no sender instead of losing them silently', async () => {
    const store = new MemoryStore();
    const outbox = new Outbox(store, silentLog);
    await queued(store, ['1']);
    await outbox.flush(key);
    expect((await store.deadLetters(10))[0]?.lastError).toMatch(/no sender/);
  });

  it('after a restart, delivers what was committed but never sent', async () => {
    const store = new MemoryStore();
    await queued(store, ['1', '2']);
    const { sender, sent } = scriptedSender([]);
    const outbox = new Outbox(store, silentLog);
    outbox.register(sender);
    expect(await outbox.recover()).toBe(1);
    await outbox.idle();
    expect(sent).toEqual(['1', '2']);
  });
});

/** Counts the outbox leases taken, and runs `duringAck` once, after an ack's write and before its answer. */
class WatchedStore extends MemoryStore {
  leases = 0;
  duringAck: (() => Promise<void>) | undefined;
  override withOutboxLease<T>(k: ConversationKey, opts: OutboxLeaseOptions, fn: (lease: Lease, head: OutboxItem[]) => Promise<T>): Promise<T> {
    this.leases++;
    return super.withOutboxLease(k, opts, fn);
  }
  override async outboxAck(k: ConversationKey, id: string, fence?: string, opts?: AckOptions): Promise<boolean> {
    const empty = await super.outboxAck(k, id, fence, opts);
    const hook = this.duringAck;
    this.duringAck = undefined;
    await hook?.();
    return empty;
  }
}

describe('a pass behind a running drain (a reply committed while it delivers)', () => {
  it('is skipped when the drain found the outbox empty after the reply was committed: one lease for both', async () => {
    const store = new WatchedStore();
    let commitNext: (() => Promise<void>) | undefined;
    const sent: string[] = [];
    const outbox = new Outbox(store, silentLog);
    outbox.register({
      channel: 'test',
      capabilities: { maxTextLength: 100, maxButtons: 0, maxButtonLabel: 0 },
      async send(_k, m) {
        sent.push(m.text);
        const next = commitNext;
        commitNext = undefined;
        await next?.();
        return { ok: true };
      },
    });
    // The user's next message commits (and kicks) while the first reply is being sent.
    commitNext = async () => {
      await queued(store, ['2']);
      outbox.kick(key);
    };
    await queued(store, ['1']);
    await outbox.flush(key);
    await outbox.idle();
    expect(sent).toEqual(['1', '2']);
    expect(store.leases).toBe(1);
  });

  it('still runs, and sends, for a reply committed during the last ack (after its write found nothing left)', async () => {
    const store = new WatchedStore();
    const { sender, sent } = scriptedSender([]);
    const outbox = new Outbox(store, silentLog);
    outbox.register(sender);
    store.duringAck = async () => {
      await queued(store, ['2']);
      outbox.kick(key);
    };
    await queued(store, ['1']);
    await outbox.flush(key);
    await outbox.idle();
    expect(sent).toEqual(['1', '2']);
    expect(store.leases).toBe(2);
    expect(await store.outboxPeek(key, 10)).toEqual([]);
  });
});

describe('outbox drain slots (bounded work per instance)', () => {
  it('runs at most maxDrains at once; the rest wait in a queue, urgent ones first, and every reply goes out', async () => {
    const store = new MemoryStore();
    const order: string[] = [];
    let running = 0;
    let most = 0;
    const gates: (() => void)[] = [];
    const sender: ChannelSender = {
      channel: 'test',
      capabilities: { maxTextLength: 100, maxButtons: 0, maxButtonLabel: 0 },
      async send(k, m) {
        running++;
        most = Math.max(most, running);
        await new Promise<void>((r) => gates.push(r));
        running--;
        order.push(`${k.user}:${m.text}`);
        return { ok: true };
      },
    };
    const outbox = new Outbox(store, silentLog, { maxDrains: 2, maxQueued: 10 });
    outbox.register(sender);
    const users = ['a', 'b', 'c', 'd', 'e'];
    for (const u of users) {
      const k = { ...key, user: u };
      await store.commitTurn(k, { recordTtlMs: 1000, messageId: u, dedupeTtlMs: 1000, outbox: [item(u, k)] });
      outbox.kick(k, u === 'e');
    }
    expect(outbox.backlog()).toBe(5);
    // Let the sends finish one by one.
    while (order.length < users.length) {
      await new Promise((r) => setTimeout(r, 5));
      gates.shift()?.();
    }
    await outbox.idle();
    expect(most).toBe(2);
    expect(order.slice(0, 2).sort()).toEqual(['a:a', 'b:b']);
    // The urgent one (a staff reply, an emergency) passed those queued before it.
    expect(order[2]).toBe('e:e');
    expect(order.sort()).toEqual(['a:a', 'b:b', 'c:c', 'd:d', 'e:e']);
    expect(outbox.backlog()).toBe(0);
  });
});
