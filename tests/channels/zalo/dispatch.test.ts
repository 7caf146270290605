// The journaled inbox behind both Zalo webhooks: an accepted event is not lost when its turn fails
// for a while, when the webhook answered before the turn ended, or when the process restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { createInbox, type Inbox } from '../../../src/channels/zalo/dispatch.ts';
import type { InboundPort, ReceiveResult } from '../../../src/core/channel.ts';
import type { InboundMessage } from '../../../src/core/messages.ts';
import { LockTimeoutError, silentLog } from '../../../src/core/ports.ts';
import { MemoryStore } from '../../../src/store/memory.ts';

const message = (id: string): InboundMessage => ({
  id,
  key: { channel: 'zalo-oa', account: 'oa', user: 'u1' },
  receivedAt: 1,
  payload: { type: 'text', text: 'xin chào' },
});

/** An engine stand-in: fails the first `failures` calls, can be slow, remembers what it handled. */
function engine(opts: { failures?: number; delayMs?: number } = {}) {
  const handled = new Set<string>();
  let calls = 0;
  const port: InboundPort & { calls(): number; handled: Set<string> } = {
    handled,
    calls: () => calls,
    async receive(m): Promise<ReceiveResult> {
      calls++;
      if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
      if (calls <= (opts.failures ?? 0)) throw new LockTimeoutError(m.key);
      if (handled.has(m.id)) return 'duplicate';
      handled.add(m.id);
      return 'accepted';
    },
  };
  return port;
}

const fast = { ackWithinMs: 200, retryBaseMs: 5, retryMaxMs: 20, maxAttempts: 5, staleAfterMs: 0 };
const inboxes: Inbox[] = [];
afterEach(async () => {
  for (const i of inboxes.splice(0)) {
    i.stop();
    await i.idle();
  }
});

function inbox(store: MemoryStore, inbound: InboundPort, apologies: InboundMessage[] = [], options = fast) {
  const i = createInbox({ name: 'zalo-oa', inbound, store, log: silentLog, options, apologise: async (m) => void apologies.push(m) });
  inboxes.push(i);
  return i;
}

describe('zalo inbox', () => {
  it('answers with the turn result when the turn is quick, and clears the journal', async () => {
    const store = new MemoryStore();
    const i = inbox(store, engine());
    expect(await i.accept(message('m1'))).toBe('accepted');
    expect(await i.accept(message('m1'))).toBe('duplicate');
    expect(await store.tableAll('zalo-oa:inbox')).toEqual([]);
  });

  it('answers at the deadline while a slow turn goes on, and finishes it', async () => {
    const store = new MemoryStore();
    const port = engine({ delayMs: 400 });
    const i = inbox(store, port);
    expect(await i.accept(message('m1'))).toBe('pending');
    expect(await store.tableAll('zalo-oa:inbox')).toHaveLength(1);
    await i.idle();
    expect(port.handled.has('m1')).toBe(true);
    expect(await store.tableAll('zalo-oa:inbox')).toEqual([]);
  });

  it('retries a turn that fails (a busy conversation) until it is saved', async () => {
    const store = new MemoryStore();
    const port = engine({ failures: 3 });
    const i = inbox(store, port);
    await i.accept(message('m1'));
    await i.idle();
    expect(port.calls()).toBe(4);
    expect(port.handled.has('m1')).toBe(true);
    expect(await store.tableAll('zalo-oa:inbox')).toEqual([]);
  });

  it('does not count attempts while the store is unreachable', async () => {
    const store = new MemoryStore();
    let up = false;
    store.ping = async () => up;
    const port = engine({ failures: 8 });
    const apologies: InboundMessage[] = [];
    const i = inbox(store, port, apologies);
    await i.accept(message('m1'));
    await new Promise((r) => setTimeout(r, 150));
    up = true;
    await i.idle();
    expect(apologies).toEqual([]);
    expect(port.handled.has('m1')).toBe(true);
  });

  it('gives a message up after repeated failures with the store up, with an apology', async () => {
    const store = new MemoryStore();
    const apologies: InboundMessage[] = [];
    const i = inbox(store, engine({ failures: 100 }), apologies);
    await i.accept(message('m1'));
    await i.idle();
    expect(apologies.map((m) => m.id)).toEqual(['m1']);
    expect(await store.tableAll('zalo-oa:inbox')).toEqual([]);
  });

  it('a journaled message left by a stopped process is taken up by the next one', async () => {
    const store = new MemoryStore();
    const first = engine({ failures: 100 });
    const before = inbox(store, first, [], { ...fast, ackWithinMs: 20, retryBaseMs: 50 });
    expect(await before.accept(message('m1'))).toBe('pending');
    before.stop();
    await before.idle();
    expect(await store.tableAll('zalo-oa:inbox')).toHaveLength(1);

    const next = engine();
    const after = inbox(store, next);
    expect(await after.recover()).toBe(1);
    await after.idle();
    expect(next.handled.has('m1')).toBe(true);
    expect(await store.tableAll('zalo-oa:inbox')).toEqual([]);
  });

  it('refuses to accept when the journal cannot be written (the webhook answers 503)', async () => {
    const store = new MemoryStore();
    store.tablePut = async () => {
      throw new Error('store unreachable');
    };
    const port = engine();
    await expect(inbox(store, port).accept(message('m1'))).rejects.toThrow('store unreachable');
    expect(port.calls()).toBe(0);
  });
});
