// A real engine (content, NLU, flows, locales) on a given store, with a recording sender on the
// "test" channel: what a platform would have received, in order.
import type { ChannelSender } from '../../src/core/channel.ts';
import type { ConversationKey, InboundMessage, OutboundMessage } from '../../src/core/messages.ts';
import type { Logger } from 'pino';
import type { Clock, Store } from '../../src/core/ports.ts';
import { buildEngine, type Engine } from '../../src/server.ts';

export interface TestEngine extends Engine {
  sent: { key: ConversationKey; message: OutboundMessage }[];
  /** Sends one message and waits until its replies are delivered; returns them. */
  say(user: string, payload: InboundMessage['payload'], id?: string): Promise<OutboundMessage[]>;
}

let counter = 0;

export async function testEngine(store: Store, opts: { clock?: Clock; env?: Record<string, string>; logger?: Logger } = {}): Promise<TestEngine> {
  const engine = await buildEngine({ store, env: { LOG_LEVEL: 'silent', ...opts.env }, ...(opts.clock ? { clock: opts.clock } : {}), ...(opts.logger ? { logger: opts.logger } : {}) });
  const sent: TestEngine['sent'] = [];
  const sender: ChannelSender = {
    channel: 'test',
    capabilities: { maxTextLength: 4000, maxButtons: 0, maxButtonLabel: 0 },
    async send(key, message) {
      sent.push({ key, message });
      return { ok: true };
    },
  };
  engine.outbox.register(sender);
  return Object.assign(engine, {
    sent,
    async say(user: string, payload: InboundMessage['payload'], id = `m${++counter}`) {
      const key = { channel: 'test', account: 'a', user };
      const before = sent.length;
      await engine.conversations.receive({ id, key, receivedAt: Date.now(), payload });
      await engine.outbox.flush(key);
      return sent.slice(before).map((s) => s.message);
    },
  });
}

export const text = (t: string) => ({ type: 'text' as const, text: t });
export const choice = (id: string) => ({ type: 'choice' as const, id });
export const start = { type: 'start' as const };
