// One list of staff accounts for `npm run staff` and a running server without Redis: the server
// watches the staff file, so what the command adds, disables or changes takes effect without a
// restart, and what the console's Staff page creates is written to the file.
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { loadStaffFile, saveStaffFile, STAFF_FILE_POLL_MS, StaffAccounts } from '../../src/console/index.ts';
import { STAFF_TABLE } from '../../src/console/accounts.ts';
import { runStaffCommand } from '../../src/console/staff-command.ts';
import type { Server } from '../../src/server.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { PROCESS_TEST_TIMEOUT_MS, PROCESS_TIMEOUT_MS } from '../helpers/processes.ts';
import { Client, consoleServer, PASSWORD } from './helpers.ts';

const run = promisify(execFile);
const NEW_PASSWORD = `${PASSWORD} and another`;
/** Long enough for the server's next look at the file on a loaded machine. */
const SEEN = { timeout: 30_000, interval: 100 };

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const staffFile = () => join(mkdtempSync(join(tmpdir(), 'staff-sync-')), 'staff.json');

async function cli(file: string, ...args: string[]): Promise<string> {
  const env = { ...process.env, REDIS_URL: '', CONSOLE_STAFF_FILE: file, STAFF_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' };
  const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/staff.ts', ...args], { env, timeout: PROCESS_TIMEOUT_MS });
  return stdout;
}

/** What `npm run staff` does without Redis, in process: load the file, run the command, write it back. */
async function command(file: string, missionIds: readonly string[], ...args: string[]): Promise<void> {
  const store = new MemoryStore();
  for (const a of loadStaffFile(file)) await store.tablePut(STAFF_TABLE, a.id, a);
  const out: string[] = [];
  const code = await runStaffCommand(args, { store, clock: { now: () => Date.now() }, missionIds, password: async () => (args[0] === 'passwd' ? NEW_PASSWORD : PASSWORD), print: (l) => out.push(l) });
  expect(code, out.join('\n')).toBe(0);
  saveStaffFile(file, await new StaffAccounts(store, { now: () => Date.now() }, { missionIds }).list());
}

/** Whether the client's session still opens the queue. */
async function signedIn(c: Client): Promise<boolean> {
  return (await c.get('/console/queue')).statusCode === 200;
}

describe('staff accounts shared by the command and a running server (no Redis)', () => {
  it('an account added by `npm run staff` signs in without a restart; `disable` ends its session at once', async () => {
    const file = staffFile();
    server = await consoleServer({ env: { CONSOLE_STAFF_FILE: file } });
    const s = server;
    expect(await cli(file, 'add', '--id', 'lan', '--name', 'Chị Lan', '--role', 'agent', '--missions', 'jp-tokyo')).toContain('added lan');
    await expect.poll(() => s.console.services.accounts.get('lan').then(Boolean), SEEN).toBe(true);
    const lan = new Client(s);
    expect((await lan.signIn('lan')).statusCode).toBe(303);
    expect(await signedIn(lan)).toBe(true);

    expect(await cli(file, 'disable', '--id', 'lan')).toContain('disabled lan');
    await expect.poll(() => s.console.services.sessions.listFor('lan').then((l) => l.length), SEEN).toBe(0);
    expect(await signedIn(lan)).toBe(false);
    expect((await new Client(s).signIn('lan')).statusCode).not.toBe(303);
  }, PROCESS_TEST_TIMEOUT_MS);

  it('a new password, a sign-out or new missions from the command take effect on the running server', async () => {
    const file = staffFile();
    server = await consoleServer({ env: { CONSOLE_STAFF_FILE: file } });
    const s = server;
    const missions = s.content.missions.map((m) => m.id);
    await command(file, missions, 'add', '--id', 'hoa', '--name', 'Chị Hoa', '--role', 'agent', '--missions', 'jp-tokyo');
    await expect.poll(() => s.console.services.accounts.get('hoa').then(Boolean), SEEN).toBe(true);
    await s.console.staffFile!.idle();

    const hoa = new Client(s);
    expect((await hoa.signIn('hoa')).statusCode).toBe(303);
    await command(file, missions, 'update', '--id', 'hoa', '--missions', 'jp-tokyo,jp-osaka');
    await expect.poll(() => s.console.services.accounts.get('hoa').then((a) => a?.missions), SEEN).toEqual(['jp-tokyo', 'jp-osaka']);
    expect(await signedIn(hoa)).toBe(true);

    await command(file, missions, 'sign-out', '--id', 'hoa');
    await expect.poll(() => signedIn(hoa), SEEN).toBe(false);

    expect((await hoa.signIn('hoa')).statusCode).toBe(303);
    await command(file, missions, 'passwd', '--id', 'hoa');
    await expect.poll(() => signedIn(hoa), SEEN).toBe(false);
    expect((await new Client(s).signIn('hoa', NEW_PASSWORD)).statusCode).toBe(303);
  }, PROCESS_TEST_TIMEOUT_MS);

  it('an account created on the Staff page is written to the file, and a restarted server still has it', async () => {
    const file = staffFile();
    const missions = ['jp-tokyo'];
    await command(file, missions, 'add', '--id', 'admin', '--name', 'Quản trị', '--role', 'admin');
    server = await consoleServer({ env: { CONSOLE_STAFF_FILE: file } });
    const admin = new Client(server);
    expect((await admin.signIn('admin')).statusCode).toBe(303);
    await admin.get('/console/staff');
    const res = await admin.post('/console/staff', { id: 'minh', name: 'Anh Minh', role: 'agent', missions: 'jp-tokyo', password: PASSWORD });
    expect(res.statusCode).toBe(303);
    await server.console.staffFile!.idle();
    const saved = loadStaffFile(file);
    expect(saved.map((a) => a.id).sort()).toEqual(['admin', 'minh']);
    expect(JSON.stringify(saved)).not.toContain(PASSWORD);

    await server.close();
    server = await consoleServer({ env: { CONSOLE_STAFF_FILE: file } });
    expect((await new Client(server).signIn('minh')).statusCode).toBe(303);
  });

  it('a broken file while running keeps the accounts the server had', async () => {
    const file = staffFile();
    await command(file, ['jp-tokyo'], 'add', '--id', 'admin', '--name', 'Quản trị', '--role', 'admin');
    const good = loadStaffFile(file);
    server = await consoleServer({ env: { CONSOLE_STAFF_FILE: file } });
    const s = server;
    writeFileSync(file, '[{"id": "half');
    // A few of the server's looks at the file, so it has read the broken one.
    await new Promise((r) => setTimeout(r, 3 * STAFF_FILE_POLL_MS));
    expect((await new Client(s).signIn('admin')).statusCode).toBe(303);
    // And it still follows the file once it is whole again.
    saveStaffFile(file, good);
    await command(file, ['jp-tokyo'], 'add', '--id', 'tuan', '--name', 'Anh Tuấn', '--role', 'agent', '--missions', 'jp-tokyo');
    await expect.poll(() => s.console.services.accounts.get('tuan').then(Boolean), SEEN).toBe(true);
  });
});
