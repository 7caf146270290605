import { describe, expect, it } from 'vitest';
import { AdmittingInbound, OverloadedError } from '../../src/core/admission.ts';
import type { InboundPort, ReceiveResult } from '../../src/core/channel.ts';
import type { InboundMessage } from '../../src/core/messages.ts';

const msg = (text: string, user = 'u1'): InboundMessage => ({ id: `m-${user}-${text}`, key: { channel: 'telegram', account: 'b', user }, receivedAt: 0, payload: { type: 'text', text } });

/** An inner service whose turns finish only when told to. */
function held() {
  const releases: (() => void)[] = [];
  const inner: InboundPort = { receive: () => new Promise<ReceiveResult>((r) => releases.push(() => r('accepted'))) };
  return { inner, releaseAll: () => releases.splice(0).forEach((r) => r()) };
}

describe('admission (back-pressure per instance)', () => {
  it('refuses past the limit of turns in flight, before the service is reached, and admits again once they end', async () => {
    const { inner, releaseAll } = held();
    const gate = new AdmittingInbound({ inner, backlog: () => 0, isDanger: () => false, options: { maxTurns: 2 } });
    const a = gate.receive(msg('a'));
    const b = gate.receive(msg('b'));
    await expect(gate.receive(msg('c'))).rejects.toBeInstanceOf(OverloadedError);
    expect(gate.refused).toBe(1);
    releaseAll();
    await Promise.all([a, b]);
    const d = gate.receive(msg('d'));
    releaseAll();
    await expect(d).resolves.toBe('accepted');
  });

  it('refuses while the outbox backlog is full', async () => {
    const { inner } = held();
    let backlog = 10;
    const gate = new AdmittingInbound({ inner, backlog: () => backlog, isDanger: () => false, options: { maxBacklog: 10 } });
    await expect(gate.receive(msg('a'))).rejects.toBeInstanceOf(OverloadedError);
    backlog = 9;
    void gate.receive(msg('b'));
    expect(gate.turnsInFlight).toBe(1);
  });

  it('admits a message in danger over the limit, up to a fixed headroom', async () => {
    const { inner } = held();
    const gate = new AdmittingInbound({ inner, backlog: () => 0, isDanger: (t) => t.includes('cứu'), options: { maxTurns: 1 } });
    void gate.receive(msg('a'));
    await expect(gate.receive(msg('b'))).rejects.toBeInstanceOf(OverloadedError);
    void gate.receive(msg('cứu tôi', 'u2'));
    expect(gate.turnsInFlight).toBe(2);
    await expect(gate.receive(msg('cứu tôi', 'u3'))).rejects.toBeInstanceOf(OverloadedError);
  });
});
