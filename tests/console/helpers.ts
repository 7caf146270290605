// A console on a real server (in-memory store, optional hand-cranked clock) and a small client
// that keeps cookies and picks the CSRF token from each page, as a browser would.
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { Clock, Store } from '../../src/core/ports.ts';
import type { HandoffRequest } from '../../src/core/conversation.ts';
import { runStaffCommand } from '../../src/console/staff-command.ts';
import { buildServer, type Server } from '../../src/server.ts';
import { MemoryStore } from '../../src/store/memory.ts';

export const PASSWORD = 'a long sentence that nobody guesses';

export async function consoleServer(opts: { clock?: Clock; store?: Store; env?: Record<string, string> } = {}): Promise<Server> {
  const store = opts.store ?? new MemoryStore(opts.clock);
  return buildServer({
    store,
    ...(opts.clock ? { clock: opts.clock } : {}),
    env: { LOG_LEVEL: 'silent', CONSOLE_LOCKOUT_FAILURES: '3', CONSOLE_ADDRESS_FAILURES: '10', ...opts.env },
  });
}

/** Creates an account through the same code as `npm run staff -- add`. */
export async function addStaff(server: Server, id: string, role: 'agent' | 'supervisor' | 'admin', missions: string[], name = id): Promise<void> {
  const out: string[] = [];
  const code = await runStaffCommand(['add', '--id', id, '--name', name, '--role', role, ...(missions.length > 0 ? ['--missions', missions.join(',')] : [])], {
    store: server.store,
    clock: { now: () => Date.now() },
    missionIds: server.content.missions.map((m) => m.id),
    password: async () => PASSWORD,
    print: (l) => out.push(l),
  });
  if (code !== 0) throw new Error(`staff add failed: ${out.join('\n')}`);
}

export function request(overrides: Partial<HandoffRequest> & { user: string }): HandoffRequest {
  const { user, ...rest } = overrides;
  return { key: { channel: 'web', account: 'web', user }, reason: 'asked', priority: 'normal', locale: 'vi', country: 'JP', at: 0, ...rest };
}

export class Client {
  readonly cookies = new Map<string, string>();
  token = '';

  constructor(
    private readonly server: Server,
    readonly address = '203.0.113.7',
  ) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private take(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const m = /name="_csrf" value="([^"]+)"/.exec(res.body);
    if (m) this.token = m[1]!;
    return res;
  }

  async get(url: string, accept = 'text/html'): Promise<LightMyRequestResponse> {
    return this.take(await this.server.app.inject({ method: 'GET', url, headers: { cookie: this.cookieHeader(), accept }, remoteAddress: this.address }));
  }

  async post(url: string, form: Record<string, string | string[]> = {}, opts: { token?: string | null } = {}): Promise<LightMyRequestResponse> {
    const params = new URLSearchParams();
    const token = opts.token === undefined ? this.token : opts.token;
    if (token !== null) params.append('_csrf', token);
    for (const [k, v] of Object.entries(form)) for (const x of Array.isArray(v) ? v : [v]) params.append(k, x);
    return this.take(
      await this.server.app.inject({
        method: 'POST',
        url,
        payload: params.toString(),
        headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
        remoteAddress: this.address,
      }),
    );
  }

  /** Posts a multipart form (the reply form with a file), as a browser encodes it. */
  async postMultipart(url: string, form: Record<string, string>, file?: { field: string; name: string; type: string; bytes: Buffer }): Promise<LightMyRequestResponse> {
    const data = new FormData();
    data.append('_csrf', this.token);
    for (const [k, v] of Object.entries(form)) data.append(k, v);
    if (file) data.append(file.field, new Blob([new Uint8Array(file.bytes)], { type: file.type }), file.name);
    const encoded = new Request('http://console.invalid/', { method: 'POST', body: data });
    const payload = Buffer.from(await encoded.arrayBuffer());
    return this.take(
      await this.server.app.inject({
        method: 'POST',
        url,
        payload,
        headers: { cookie: this.cookieHeader(), 'content-type': encoded.headers.get('content-type')!, accept: 'text/html' },
        remoteAddress: this.address,
      }),
    );
  }

  /** Signs in; returns the sign-in response (303 on success). */
  async signIn(id: string, password = PASSWORD): Promise<LightMyRequestResponse> {
    await this.get('/console/sign-in');
    const res = await this.post('/console/sign-in', { id, password, next: '/console/queue' });
    // The token is bound to the session: read a fresh one from a signed-in page.
    if (res.statusCode === 303) await this.get('/console/account');
    return res;
  }
}

/** An agent of the chat's mission signs in and takes the chat; returns once what that sent is out. */
export async function claimedBy(server: Server, chat: { id: string; mission?: string }, id: string, name: string): Promise<Client> {
  await addStaff(server, id, 'agent', [chat.mission!], name);
  const agent = new Client(server);
  expect((await agent.signIn(id)).statusCode).toBe(303);
  expect((await agent.post(`/console/chats/${chat.id}/claim`)).statusCode).toBe(303);
  await server.outbox.idle();
  return agent;
}
