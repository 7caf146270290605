// Two console instances over one Redis (one key prefix): accounts, sessions, lock-outs, the queue
// and the audit log are the same on both, and a restart keeps them.
import { afterEach, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { addStaff, Client, consoleServer, request } from './helpers.ts';

const env = { CONSOLE_SESSION_SECRET: 'q7Vw2LmZ9xR4tB8nK3pH6sJ1cF5gD0yA' };
const servers: Server[] = [];
let prefix = '';

async function instance(): Promise<Server> {
  const s = await consoleServer({ store: await connectTestStore(prefix), env });
  servers.push(s);
  return s;
}

afterEach(async () => {
  for (const s of servers.splice(0)) await s.close().catch(() => {});
  await dropPrefix(prefix);
});

describe('the console on two instances sharing Redis', () => {
  it('shares accounts, sessions, lock-outs, the queue and the audit log, and keeps them across a restart', async () => {
    prefix = testPrefix();
    const a = await instance();
    const b = await instance();
    await addStaff(a, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    await addStaff(a, 'boss', 'admin', []);

    // Signed in on A, the same browser is signed in on B (a load balancer may send it either way).
    const onA = new Client(a);
    await onA.signIn('lan');
    const onB = new Client(b);
    for (const [k, v] of onA.cookies) onB.cookies.set(k, v);
    expect((await onB.get('/console/queue')).statusCode).toBe(200);

    // A chat queued through A is in B's console; B takes it and answers.
    await a.handoff.open(request({ user: 'shared-worker' }));
    const [h] = await b.handoff.list(['jp-tokyo']);
    expect((await onB.get('/console/queue')).body).toContain(h!.id);
    expect((await onB.post(`/console/chats/${h!.id}/claim`)).headers.location).toContain('ok=claimed');
    expect((await onB.post(`/console/chats/${h!.id}/reply`, { text: 'Chào em' })).headers.location).toContain('ok=replied');
    expect(await a.handoff.isHeld(h!.key)).toBe(true);

    // Failures on A and B add up to one lock.
    const guesserA = new Client(a, '192.0.2.1');
    const guesserB = new Client(b, '192.0.2.2');
    await guesserA.get('/console/sign-in');
    await guesserB.get('/console/sign-in');
    await guesserA.post('/console/sign-in', { id: 'boss', password: 'wrong guess number 1' });
    await guesserB.post('/console/sign-in', { id: 'boss', password: 'wrong guess number 2' });
    expect((await guesserA.post('/console/sign-in', { id: 'boss', password: 'wrong guess number 3' })).statusCode).toBe(429);
    expect((await new Client(b).signIn('boss')).statusCode).toBe(429);
    await b.console.services.throttle.unlock('boss');

    // Restart A: nothing is lost — the chat is still held, the session still valid, the log complete.
    await a.close();
    servers.splice(servers.indexOf(a), 1);
    const restarted = await instance();
    const again = new Client(restarted);
    for (const [k, v] of onA.cookies) again.cookies.set(k, v);
    const page = await again.get(`/console/chats/${h!.id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chào em');
    expect((await restarted.handoff.get(h!.id))?.status).toBe('assigned');
    const admin = new Client(restarted);
    await admin.signIn('boss');
    const audit = await admin.get('/console/audit');
    for (const action of ['nhận', 'trả lời', 'đăng nhập sai']) expect(audit.body).toContain(`<td>${action}</td>`);
  }, 60_000);
});
