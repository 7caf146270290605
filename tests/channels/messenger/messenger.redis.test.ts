// Two instances on one Redis, the platform delivering the same batch to both at once (a retry that
// crossed the first delivery): every event is handled once and every reply sent once.
import { afterEach, describe, expect, it } from 'vitest';
import { connectTestStore, dropPrefix, testPrefix } from '../../helpers/redis.ts';
import { USER_A, USER_B, asSent, fixture, messengerServer, payloadsOf, startGraph, textOf, type FakeGraph, type MessengerTestServer } from './harness.ts';

let servers: MessengerTestServer[] = [];
let graph: FakeGraph | undefined;
let prefix = '';
afterEach(async () => {
  for (const s of servers) await s.shutdown();
  servers = [];
  await graph?.close();
  graph = undefined;
  if (prefix) await dropPrefix(prefix);
});

describe('Messenger on a shared Redis', () => {
  it('handles a batch delivered to two instances at once exactly once', async () => {
    prefix = testPrefix();
    graph = await startGraph();
    const g = graph;
    servers = [
      await messengerServer({ store: await connectTestStore(prefix), graph: g }),
      await messengerServer({ store: await connectTestStore(prefix), graph: g }),
    ];
    const { raw, signature } = fixture('batched.json');
    const statuses = await Promise.all(servers.map((s) => s.post(raw, { signature })));
    expect(statuses.map((r) => r.status)).toEqual([200, 200]);
    for (const s of servers) await s.settle();
    for (const s of servers) await s.settle();

    const sent = g.sent().map(asSent);
    const toA = sent.filter((m) => m.recipient.id === USER_A);
    const toB = sent.filter((m) => m.recipient.id === USER_B);
    expect(toA.filter((m) => payloadsOf(m).join() === 'lang_vi,lang_en')).toHaveLength(1);
    expect(toA.length).toBeGreaterThanOrEqual(2);
    expect(toB.length).toBeGreaterThan(0);
    const texts = sent.map((m) => `${m.recipient.id}:${textOf(m)}`);
    expect(new Set(texts).size).toBe(texts.length);
    // The conversation went on as one: English was chosen after Get Started.
    expect((await servers[1]!.store.getConversation({ channel: 'messenger', account: '107234561298765', user: USER_A }))?.locale).toBe('en');
  });
});
