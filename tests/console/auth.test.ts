// Signing in to the console: hashing, sessions that expire, sign-out everywhere, CSRF refusals,
// throttling and lock-out — with a hand-cranked clock where time matters.
import { afterEach, describe, expect, it } from 'vitest';
import { hashPassword, needsRehash, verifyPassword } from '../../src/console/passwords.ts';
import { SESSION_TABLE } from '../../src/console/sessions.ts';
import type { Server } from '../../src/server.ts';
import { ManualClock } from '../handoff/fixtures.ts';
import { addStaff, Client, consoleServer, PASSWORD } from './helpers.ts';

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe('passwords', () => {
  it('are hashed with scrypt and a salt of their own, and verified in constant time', async () => {
    const a = await hashPassword('correct horse battery staple');
    const b = await hashPassword('correct horse battery staple');
    expect(a).toMatch(/^scrypt\$15\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('correct horse battery staple', a)).toBe(true);
    expect(await verifyPassword('correct horse battery stapl', a)).toBe(false);
    expect(await verifyPassword('anything', 'plain-text-password')).toBe(false);
    // A hash of an older, cheaper cost is recognised for an upgrade.
    const cheap = await hashPassword('x'.repeat(12), { log2N: 10, r: 8, p: 1 });
    expect(needsRehash(cheap)).toBe(true);
    expect(needsRehash(a)).toBe(false);
    expect(await verifyPassword('x'.repeat(12), cheap)).toBe(true);
  });
});

describe('console sign-in', () => {
  it('sends the signed-out to the sign-in page, and signs in with a hardened session cookie', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    const browser = new Client(server);
    const first = await browser.get('/console/queue');
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/console/sign-in?next=%2Fconsole%2Fqueue');
    expect((await browser.get('/console/queue/rows', '*/*')).statusCode).toBe(401);

    const page = await browser.get('/console/sign-in');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Đăng nhập');
    expect(page.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');

    const res = await browser.post('/console/sign-in', { id: 'lan', password: PASSWORD, next: '/console/queue' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/console/queue');
    const cookie = String(([] as string[]).concat(res.headers['set-cookie'] ?? []).find((c) => c.startsWith('console_session=')));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\/console/);
    // Plain http in development: not Secure (see the production test below).
    expect(cookie).not.toMatch(/Secure/);
    // The store keeps the token's hash, never the token.
    const token = browser.cookies.get('console_session')!;
    const sessions = await server.store.tableAll<{ id: string }>(SESSION_TABLE);
    expect(sessions).toHaveLength(1);
    expect(JSON.stringify(sessions)).not.toContain(token);

    const queue = await browser.get('/console/queue');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Chị Lan');

    // English is one click away, and remembered.
    expect((await browser.get('/console/queue?lang=en')).body).toContain('Queue');
    expect((await browser.get('/console/queue')).body).toContain('<html lang="en">');
  });

  it('marks the cookie Secure behind TLS', async () => {
    server = await consoleServer({ env: { PUBLIC_URL: 'https://lanhsu.example.vn' } });
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    const browser = new Client(server);
    const form = await browser.get('/console/sign-in');
    const res = await browser.post('/console/sign-in', { id: 'lan', password: PASSWORD, next: '' });
    const cookies = [...([] as string[]).concat(form.headers['set-cookie'] ?? []), ...([] as string[]).concat(res.headers['set-cookie'] ?? [])];
    expect(cookies.find((c) => c.startsWith('console_session='))).toMatch(/; Secure/);
    expect(cookies.find((c) => c.startsWith('console_csrf='))).toMatch(/; Secure/);
  });

  it('answers a wrong id and a wrong password alike, and sends nobody outside the console after sign-in', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    const browser = new Client(server);
    await browser.get('/console/sign-in');
    const wrongPassword = await browser.post('/console/sign-in', { id: 'lan', password: 'not the password at all' });
    const wrongId = await browser.post('/console/sign-in', { id: 'nobody', password: 'not the password at all' });
    expect(wrongPassword.statusCode).toBe(401);
    expect(wrongId.statusCode).toBe(401);
    const message = (body: string) => /role="alert">([^<]+)</.exec(body)?.[1];
    expect(message(wrongPassword.body)).toBe(message(wrongId.body));
    const res = await browser.post('/console/sign-in', { id: 'lan', password: PASSWORD, next: 'https://evil.example/' });
    expect(res.headers.location).toBe('/console/queue');
  });

  it('refuses a form without a valid CSRF token, the sign-in form included', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    const browser = new Client(server);
    await browser.get('/console/sign-in');
    const forged = await browser.post('/console/sign-in', { id: 'lan', password: PASSWORD }, { token: null });
    expect(forged.statusCode).toBe(403);
    expect(forged.body).toContain('Biểu mẫu đã hết hạn');
    expect(browser.cookies.has('console_session')).toBe(false);

    await browser.signIn('lan');
    expect((await browser.post('/console/sign-out', {}, { token: 'made-up-token' })).statusCode).toBe(403);
    // A token from before sign-in is bound to "anonymous", not to this session.
    const anonymous = new Client(server);
    await anonymous.get('/console/sign-in');
    expect((await browser.post('/console/sign-out', {}, { token: anonymous.token })).statusCode).toBe(403);
    // Still signed in; the right token signs out.
    expect((await browser.get('/console/queue')).statusCode).toBe(200);
    expect((await browser.post('/console/sign-out')).statusCode).toBe(303);
    expect((await browser.get('/console/queue')).statusCode).toBe(303);
  });

  it('ends a session after its idle time and after its lifetime', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 1, 0));
    server = await consoleServer({ clock, env: { CONSOLE_IDLE_MINUTES: '30', CONSOLE_SESSION_HOURS: '2' } });
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    const browser = new Client(server);
    await browser.signIn('lan');
    clock.advance(29 * 60_000);
    expect((await browser.get('/console/queue')).statusCode).toBe(200);
    clock.advance(29 * 60_000);
    expect((await browser.get('/console/queue')).statusCode).toBe(200);
    clock.advance(31 * 60_000);
    expect((await browser.get('/console/queue')).statusCode).toBe(303);
    // An active session still ends at its lifetime (2 h).
    await browser.signIn('lan');
    for (let i = 0; i < 4; i++) {
      clock.advance(25 * 60_000);
      expect((await browser.get('/console/queue')).statusCode).toBe(200);
    }
    clock.advance(25 * 60_000);
    expect((await browser.get('/console/queue')).statusCode).toBe(303);
    expect(await server.store.tableAll(SESSION_TABLE)).toEqual([]);
  });

  it('signs out everywhere: every browser of that person, not others', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await addStaff(server, 'minh', 'agent', ['tw-taipei']);
    const laptop = new Client(server);
    const tablet = new Client(server, '198.51.100.4');
    const colleague = new Client(server);
    await laptop.signIn('lan');
    await tablet.signIn('lan');
    await colleague.signIn('minh');
    const account = await tablet.get('/console/account');
    expect(account.body).toContain('198.51.100.4');
    expect(account.body).toContain('203.0.113.7');
    expect((await tablet.post('/console/sign-out-everywhere')).statusCode).toBe(303);
    expect((await laptop.get('/console/queue')).statusCode).toBe(303);
    expect((await tablet.get('/console/queue')).statusCode).toBe(303);
    expect((await colleague.get('/console/queue')).statusCode).toBe(200);
  });

  it('locks an account after repeated failures for a while, from any address, and a lock can be lifted', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 1, 0));
    server = await consoleServer({ clock, env: { CONSOLE_LOCKOUT_FAILURES: '3', CONSOLE_LOCKOUT_MINUTES: '15' } });
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await addStaff(server, 'boss', 'admin', []);
    const guesser = new Client(server, '192.0.2.66');
    await guesser.get('/console/sign-in');
    for (let i = 0; i < 2; i++) expect((await guesser.post('/console/sign-in', { id: 'lan', password: `guess number ${i}` })).statusCode).toBe(401);
    const third = await guesser.post('/console/sign-in', { id: 'lan', password: 'guess number 2' });
    expect(third.statusCode).toBe(429);
    expect(third.body).toContain('15 phút');
    // Locked: even the right password, even from the owner's own address, for the period.
    const owner = new Client(server);
    expect((await owner.signIn('lan')).statusCode).toBe(429);
    clock.advance(14 * 60_000);
    expect((await owner.signIn('lan')).statusCode).toBe(429);
    clock.advance(2 * 60_000);
    expect((await owner.signIn('lan')).statusCode).toBe(303);

    // Locked again; an admin lifts it; the audit log shows it all.
    for (let i = 0; i < 3; i++) await guesser.post('/console/sign-in', { id: 'lan', password: `again ${i}` });
    expect((await new Client(server).signIn('lan')).statusCode).toBe(429);
    const admin = new Client(server, '198.51.100.9');
    await admin.signIn('boss');
    expect((await admin.get('/console/staff/lan')).body).toContain('Mở khoá đăng nhập');
    expect((await admin.post('/console/staff/lan/unlock')).statusCode).toBe(303);
    expect((await new Client(server).signIn('lan')).statusCode).toBe(303);
    const audit = await admin.get('/console/audit');
    expect(audit.body).toContain('đăng nhập sai');
    expect(audit.body).toContain('mở khoá đăng nhập');
  });

  it('throttles an address that guesses across many accounts', async () => {
    const clock = new ManualClock(Date.UTC(2026, 10, 25, 1, 0));
    server = await consoleServer({ clock, env: { CONSOLE_LOCKOUT_FAILURES: '5', CONSOLE_ADDRESS_FAILURES: '4' } });
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    const guesser = new Client(server, '192.0.2.66');
    await guesser.get('/console/sign-in');
    for (const id of ['a1', 'b2', 'c3']) expect((await guesser.post('/console/sign-in', { id, password: 'some guess here' })).statusCode).toBe(401);
    expect((await guesser.post('/console/sign-in', { id: 'd4', password: 'some guess here' })).statusCode).toBe(429);
    // That address cannot sign in now, even with a right password; another address can.
    expect((await guesser.post('/console/sign-in', { id: 'lan', password: PASSWORD })).statusCode).toBe(429);
    expect((await new Client(server).signIn('lan')).statusCode).toBe(303);
  });

  it('ends the sessions of a disabled account at once', async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo']);
    await addStaff(server, 'boss', 'admin', []);
    const lan = new Client(server);
    await lan.signIn('lan');
    const admin = new Client(server);
    await admin.signIn('boss');
    expect((await admin.post('/console/staff/lan/disable')).statusCode).toBe(303);
    expect((await lan.get('/console/queue')).statusCode).toBe(303);
    expect((await lan.signIn('lan')).statusCode).toBe(401);
    // The last admin cannot disable themself.
    const refused = await admin.post('/console/staff/boss/disable');
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('quản trị viên cuối cùng');
  });
});
