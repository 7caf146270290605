import { describe, expect, it } from 'vitest';
import { inboundMessageSchema, keyToString, outboundMessageSchema } from '../../src/core/messages.ts';

describe('message model', () => {
  it('accepts a text message and rejects an unknown payload type', () => {
    const ok = inboundMessageSchema.safeParse({
      id: '1', key: { channel: 'web', account: 'default', user: 'u1' }, receivedAt: 0,
      payload: { type: 'text', text: 'xin chao' },
    });
    expect(ok.success).toBe(true);
    const bad = inboundMessageSchema.safeParse({
      id: '1', key: { channel: 'web', account: 'default', user: 'u1' }, receivedAt: 0,
      payload: { type: 'telepathy' },
    });
    expect(bad.success).toBe(false);
  });
  it('defaults outbound messages to the bot at normal priority', () => {
    expect(outboundMessageSchema.parse({ text: 'hi' })).toEqual({ text: 'hi', from: 'bot', priority: 'normal' });
    expect(keyToString({ channel: 'telegram', account: 'b', user: '42' })).toBe('telegram:b:42');
  });
});
