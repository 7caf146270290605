// The Messenger channel's integration harness: a server built with the channel on, pointed at the
// fake Graph API, with a fake clock and fast retries.
import { buildServer, type Server } from '../../../src/server.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import type { Store } from '../../../src/core/ports.ts';
import { ManualClock } from '../../handoff/fixtures.ts';
import { APP_SECRET, PAGE, PAGE_TOKEN, T0, VERIFY_TOKEN, fixture, sign, startGraph, type FakeGraph } from './graph.ts';

export * from './graph.ts';

export interface MessengerTestServer extends Server {
  graph: FakeGraph;
  clock: ManualClock;
  /** POSTs a body (object or exact bytes) signed with the app secret unless a signature is given. */
  post(body: unknown, opts?: { signature?: string | null; contentType?: string }): Promise<{ status: number; body: string }>;
  /** POSTs a fixture with its recorded signature, then waits for the replies to be delivered. */
  postFixture(name: string): Promise<{ status: number; body: string }>;
  /** Waits until every reply committed so far has been delivered (or given up). */
  settle(): Promise<void>;
  shutdown(): Promise<void>;
}

export async function messengerServer(opts: { store?: Store; env?: Record<string, string>; graph?: FakeGraph } = {}): Promise<MessengerTestServer> {
  // Several instances may share one fake platform; the one who started it stops it.
  const graph = opts.graph ?? (await startGraph());
  const clock = new ManualClock(T0);
  const server = await buildServer({
    clock,
    store: opts.store ?? new MemoryStore(clock),
    outbox: { baseDelayMs: 1, maxDelayMs: 5 },
    env: {
      LOG_LEVEL: 'silent',
      MESSENGER_APP_SECRET: APP_SECRET,
      MESSENGER_VERIFY_TOKEN: VERIFY_TOKEN,
      MESSENGER_PAGE_TOKEN: PAGE_TOKEN,
      MESSENGER_API_BASE: graph.base,
      // The fake clock stands still, so a per-second budget would never refill.
      SEND_RATE_LIMITS: 'messenger=100000/1s',
      ...opts.env,
    },
  });
  const settle = async () => {
    for (let i = 0; i < 3; i++) {
      await server.outbox.idle();
      await new Promise((r) => setImmediate(r));
    }
  };
  const post: MessengerTestServer['post'] = async (body, o = {}) => {
    const raw = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    const headers: Record<string, string> = { 'content-type': o.contentType ?? 'application/json' };
    const signature = o.signature === undefined ? sign(raw) : o.signature;
    if (signature !== null) headers['x-hub-signature-256'] = signature;
    const res = await server.app.inject({ method: 'POST', url: '/webhooks/messenger', payload: raw, headers });
    return { status: res.statusCode, body: res.body };
  };
  return Object.assign(server, {
    graph,
    clock,
    post,
    async postFixture(name: string) {
      const f = fixture(name);
      const res = await post(f.raw, { signature: f.signature });
      await settle();
      return res;
    },
    settle,
    async shutdown() {
      await server.close();
      if (!opts.graph) await graph.close();
    },
  });
}

// ── events as the platform sends them ─────────────────────────────────────────────────────────

let seq = 0;
const mid = () => `m_test${(++seq).toString().padStart(6, '0')}${'x'.repeat(40)}`;

export function envelope(...events: Record<string, unknown>[]): Record<string, unknown> {
  return { object: 'page', entry: [{ id: PAGE, time: events.length ? (events[0]!.timestamp as number) : 0, messaging: events }] };
}

export function textEvent(user: string, text: string, at: number): Record<string, unknown> {
  return { sender: { id: user }, recipient: { id: PAGE }, timestamp: at, message: { mid: mid(), text } };
}

export function quickReplyEvent(user: string, payload: string, title: string, at: number): Record<string, unknown> {
  return { sender: { id: user }, recipient: { id: PAGE }, timestamp: at, message: { mid: mid(), text: title, quick_reply: { payload } } };
}

export function postbackEvent(user: string, payload: string, title: string, at: number, withMid = true): Record<string, unknown> {
  return { sender: { id: user }, recipient: { id: PAGE }, timestamp: at, postback: { ...(withMid ? { mid: mid() } : {}), title, payload } };
}

// ── reading what went out ─────────────────────────────────────────────────────────────────────

export interface SentMessage {
  recipient: { id: string };
  messaging_type: string;
  tag?: string;
  message: {
    text?: string;
    quick_replies?: { content_type: string; title: string; payload: string }[];
    attachment?: { type: string; payload: { template_type: string; text: string; buttons: { type: string; title: string; payload: string }[] } };
  };
}

export const asSent = (b: Record<string, unknown>) => b as unknown as SentMessage;

/** The text a user sees in a sent message, whichever form it took. */
export function textOf(m: SentMessage): string {
  return m.message.text ?? m.message.attachment?.payload.text ?? '';
}

/** The choice payloads a sent message offers (quick replies or postback buttons). */
export function payloadsOf(m: SentMessage): string[] {
  return m.message.quick_replies?.map((q) => q.payload) ?? m.message.attachment?.payload.buttons.map((b) => b.payload) ?? [];
}
