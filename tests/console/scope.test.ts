// What each role may see and do, route by route. A Tokyo agent cannot open, claim, reply to,
// note, transfer, close or export a Taipei chat, nor learn of it from the queue or the live stream;
// every route that names a chat is walked, so a new one cannot skip the check unnoticed.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { addStaff, Client, consoleServer, request } from './helpers.ts';

let server: Server;
let tokyoChat: string;
let taipeiChat: string;

beforeEach(async () => {
  server = await consoleServer();
  await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
  await addStaff(server, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
  await addStaff(server, 'hoa', 'supervisor', ['jp-osaka'], 'Chị Hoa');
  await addStaff(server, 'boss', 'admin', [], 'Quản trị');
  await server.handoff.open(request({ user: 'tokyo-worker-1', country: 'JP' }));
  await server.handoff.open(request({ user: 'taipei-worker-1', country: 'TW', topic: 'support_fund' }));
  const all = await server.handoff.list();
  tokyoChat = all.find((h) => h.mission === 'jp-tokyo')!.id;
  taipeiChat = all.find((h) => h.mission === 'tw-taipei')!.id;
});
afterEach(async () => {
  await server.close();
});

/** A filled-in form for each chat action, so a refusal is the scope's and not a missing field's. */
const FORMS: Record<string, Record<string, string>> = {
  reply: { text: 'Chào em' },
  note: { text: 'ghi chú' },
  transfer: { mission: 'jp-osaka' },
  reassign: { staff: 'lan' },
};

describe('scope', () => {
  it('a Tokyo agent cannot see, open, claim, answer or act on a Taipei chat — on any chat route', async () => {
    const lan = new Client(server);
    await lan.signIn('lan');
    const queue = await lan.get('/console/queue');
    expect(queue.body).toContain(tokyoChat);
    expect(queue.body).not.toContain(taipeiChat);
    expect((await lan.get('/console/queue/rows')).body).not.toContain(taipeiChat);
    // Asking for the Taipei mission's list gives the agent's own list, not Taipei's.
    expect((await lan.get('/console/queue?mission=tw-taipei')).body).not.toContain(taipeiChat);

    const chatRoutes = server.console.routes().filter((r) => r.handoff);
    expect(chatRoutes.length).toBeGreaterThanOrEqual(9);
    for (const route of chatRoutes) {
      const url = route.url.replace(':id', taipeiChat);
      const res = route.method === 'GET' ? await lan.get(url) : await lan.post(url, FORMS[url.split('/').pop()!] ?? {});
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(route.outOfScope ?? 403);
    }
    const taipei = (await server.handoff.get(taipeiChat))!;
    expect(taipei.status).toBe('waiting');
    expect(taipei.notes).toEqual([]);
    expect(await server.store.outboxPeek(taipei.key, 10)).toEqual([]);
    // The same routes on the agent's own chat are allowed.
    expect((await lan.get(`/console/chats/${tokyoChat}`)).statusCode).toBe(200);
    expect((await lan.post(`/console/chats/${tokyoChat}/claim`)).statusCode).toBe(303);
  });

  it('the Taipei agent answers Taipei and not Tokyo', async () => {
    const minh = new Client(server);
    await minh.signIn('minh');
    expect((await minh.get(`/console/chats/${taipeiChat}`)).statusCode).toBe(200);
    expect((await minh.get(`/console/chats/${tokyoChat}`)).statusCode).toBe(403);
    expect((await minh.post(`/console/chats/${tokyoChat}/claim`)).statusCode).toBe(403);
  });

  it('a supervisor sees every mission of their country and only those', async () => {
    const hoa = new Client(server);
    await hoa.signIn('hoa');
    const queue = await hoa.get('/console/queue');
    expect(queue.body).toContain(tokyoChat);
    expect(queue.body).not.toContain(taipeiChat);
    expect((await hoa.get(`/console/chats/${tokyoChat}`)).statusCode).toBe(200);
    expect((await hoa.get(`/console/chats/${taipeiChat}`)).statusCode).toBe(403);
    // And may give a chat of their country to an agent of its mission — not to one of another.
    expect((await hoa.post(`/console/chats/${tokyoChat}/reassign`, { staff: 'minh' })).headers.location).toContain('error=badAssignee');
    expect((await hoa.post(`/console/chats/${tokyoChat}/reassign`, { staff: 'lan' })).headers.location).toContain('ok=reassigned');
    expect((await server.handoff.get(tokyoChat))?.assignee?.id).toBe('lan');
  });

  it('an agent cannot reassign or close a chat they do not hold', async () => {
    const lan = new Client(server);
    await lan.signIn('lan');
    expect((await lan.post(`/console/chats/${tokyoChat}/reassign`, { staff: 'lan' })).statusCode).toBe(403);
    expect((await lan.post(`/console/chats/${tokyoChat}/close`)).statusCode).toBe(403);
    expect((await server.handoff.get(tokyoChat))?.status).toBe('waiting');
  });

  it('role pages: agents get 403 on supervisor and admin pages, supervisors on admin pages', async () => {
    const clients = { agent: new Client(server), supervisor: new Client(server), admin: new Client(server) };
    await clients.agent.signIn('lan');
    await clients.supervisor.signIn('hoa');
    await clients.admin.signIn('boss');
    const rank = { public: 0, agent: 1, supervisor: 2, admin: 3 } as const;
    // The admin's actions go to an account none of the three uses, so nobody is signed out midway.
    await addStaff(server, 'target', 'agent', ['jp-osaka']);
    const roleRoutes = server.console.routes().filter((r) => !r.handoff && r.access !== 'public' && r.access !== 'agent');
    expect(roleRoutes.map((r) => r.url)).toEqual(expect.arrayContaining(['/console/dead-letters', '/console/audit', '/console/staff', '/console/staff/:sid']));
    for (const route of roleRoutes) {
      const url = route.url.replace(':sid', 'target');
      for (const [role, client] of Object.entries(clients) as [keyof typeof clients, Client][]) {
        await client.get('/console/account');
        const res = route.method === 'GET' ? await client.get(url) : await client.post(url, { name: 'X Y', role: 'agent', missions: 'jp-tokyo', password: 'another long sentence here', id: 'newbie' });
        const allowed = rank[role] >= rank[route.access];
        if (allowed) expect(res.statusCode, `${role} ${route.method} ${route.url}`).not.toBe(403);
        else expect(res.statusCode, `${role} ${route.method} ${route.url}`).toBe(403);
      }
    }
    // What the agent and the supervisor asked for did not happen: the only account created is the admin's.
    expect((await server.console.services.accounts.list()).map((a) => a.id)).toEqual(['boss', 'hoa', 'lan', 'minh', 'newbie', 'target']);
  });

  it('admins see every chat, chats of no known country included', async () => {
    await server.handoff.open(request({ user: 'somewhere-worker', country: undefined }));
    const boss = new Client(server);
    await boss.signIn('boss');
    const queue = await boss.get('/console/queue');
    expect(queue.body).toContain(tokyoChat);
    expect(queue.body).toContain(taipeiChat);
    expect(queue.body).toContain('chưa rõ cơ quan');
  });
});
