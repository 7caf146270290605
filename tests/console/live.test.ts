// The live queue over server-sent events: a change on this instance arrives at once, a change made
// by another instance (same store) arrives with the next poll, and nobody hears of a chat outside
// their missions.
import { afterEach, describe, expect, it } from 'vitest';
import { buildEngine, type Engine, type Server } from '../../src/server.ts';
import { addStaff, Client, consoleServer, request } from './helpers.ts';

let server: Server | undefined;
let other: Engine | undefined;
afterEach(async () => {
  await other?.close().catch(() => {});
  await server?.close();
  server = undefined;
  other = undefined;
});

/** Reads a server-sent event stream, collecting `change` notices. */
async function listen(url: string, cookie: string) {
  const controller = new AbortController();
  const res = await fetch(url, { headers: { cookie, accept: 'text/event-stream' }, signal: controller.signal });
  const notices: { id: string; status: string; priority: string; alert: boolean; mission?: string }[] = [];
  let raw = '';
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  const pump = (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        raw += decoder.decode(value, { stream: true });
        let end: number;
        while ((end = raw.indexOf('\n\n')) >= 0) {
          const block = raw.slice(0, end);
          raw = raw.slice(end + 2);
          if (block.startsWith('event: change')) notices.push(JSON.parse(block.split('\ndata: ')[1]!));
        }
      }
    } catch {
      // aborted
    }
  })();
  return { res, notices, stop: async () => { controller.abort(); await pump; } };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out waiting for a live notice');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('the live stream', () => {
  it('tells a Tokyo agent about Tokyo chats at once, never about Taipei ones', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.app.server.address() as { port: number }).port;
    const lan = new Client(server);
    await lan.signIn('lan');
    const cookie = [...lan.cookies].map(([k, v]) => `${k}=${v}`).join('; ');

    const unauthenticated = await fetch(`http://127.0.0.1:${port}/console/events`);
    expect(unauthenticated.status).toBe(401);

    const stream = await listen(`http://127.0.0.1:${port}/console/events`, cookie);
    expect(stream.res.status).toBe(200);
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream');
    await server.handoff.open(request({ user: 'taipei-user-1', country: 'TW' }));
    await server.handoff.open(request({ user: 'tokyo-user-1' }));
    await until(() => stream.notices.length >= 1);
    const tokyo = (await server.handoff.list(['jp-tokyo']))[0]!;
    expect(stream.notices[0]).toMatchObject({ id: tokyo.id, status: 'waiting', mission: 'jp-tokyo', alert: false });
    // An emergency is flagged for an alert.
    await server.handoff.relay(tokyo.key, { text: 'họ đánh em', at: Date.now(), emergency: ['violence'] });
    await until(() => stream.notices.some((n) => n.alert));
    expect(stream.notices.find((n) => n.alert)).toMatchObject({ id: tokyo.id, priority: 'emergency' });
    const taipei = (await server.handoff.list(['tw-taipei']))[0]!;
    expect(stream.notices.map((n) => n.id)).not.toContain(taipei.id);
    await stream.stop();
  });

  it('shows changes made by another instance on the same store, at the next poll', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await server.app.listen({ port: 0, host: '127.0.0.1' });
    const port = (server.app.server.address() as { port: number }).port;
    const lan = new Client(server);
    await lan.signIn('lan');
    const cookie = [...lan.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const stream = await listen(`http://127.0.0.1:${port}/console/events`, cookie);
    await server.console.services.live.poll();

    // A second instance: its own queue object, the same store.
    other = await buildEngine({ store: server.store, env: { LOG_LEVEL: 'silent' } });
    await other.handoff.open(request({ user: 'via-other-instance' }));
    expect(stream.notices).toEqual([]);
    await server.console.services.live.poll();
    await until(() => stream.notices.length === 1);
    const [h] = await server.handoff.list();
    expect(stream.notices[0]).toMatchObject({ id: h!.id, status: 'waiting' });
    // Closed over there: gone from the queue here too.
    await other.handoff.claim(h!.id, { id: 'x', name: 'X', role: 'agent', missions: ['jp-tokyo'] });
    await other.handoff.close(h!.id, { id: 'x', name: 'X', role: 'agent', missions: ['jp-tokyo'] });
    await server.console.services.live.poll();
    await until(() => stream.notices.some((n) => n.status === 'closed'));
    await stream.stop();
    // other.close() would close the shared store; the server closes it.
    other = undefined;
  });
});
