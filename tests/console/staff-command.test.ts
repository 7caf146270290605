// `npm run staff`: the command's checks, and the real CLI writing the staff file that the server
// loads at start-up (the in-memory default, where another process cannot reach the store).
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { runStaffCommand, type StaffCommandIo } from '../../src/console/staff-command.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import type { Server } from '../../src/server.ts';
import { Client, consoleServer, PASSWORD } from './helpers.ts';
import { PROCESS_TEST_TIMEOUT_MS, PROCESS_TIMEOUT_MS } from '../helpers/processes.ts';

const run = promisify(execFile);
let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function io(store = new MemoryStore()): StaffCommandIo & { out: string[]; store: MemoryStore } {
  const out: string[] = [];
  return { store, clock: { now: () => Date.now() }, missionIds: ['jp-tokyo', 'tw-taipei'], password: async () => PASSWORD, print: (l) => out.push(l), out };
}

describe('npm run staff', () => {
  it('adds, lists, updates and disables accounts, and refuses what would be wrong', async () => {
    const t = io();
    expect(await runStaffCommand(['add', '--id', 'Lan', '--name', 'Chị Lan', '--role', 'agent', '--missions', 'jp-tokyo'], t)).toBe(0);
    expect(t.out.at(-1)).toBe('added lan (agent, jp-tokyo)');
    expect(await runStaffCommand(['add', '--id', 'lan', '--name', 'Again', '--role', 'agent', '--missions', 'jp-tokyo'], t)).toBe(1);
    expect(await runStaffCommand(['add', '--id', 'x1', '--name', 'X', '--role', 'boss'], t)).toBe(1);
    expect(await runStaffCommand(['add', '--id', 'x2', '--name', 'X', '--role', 'agent', '--missions', 'mars-base'], t)).toBe(1);
    expect(t.out.at(-1)).toContain('unknown mission mars-base');
    expect(await runStaffCommand(['add', '--id', 'x3', '--name', 'X', '--role', 'agent'], t)).toBe(1);
    expect(await runStaffCommand(['add', '--id', 'x4', '--name', 'X', '--role', 'agent', '--missions', 'jp-tokyo'], { ...t, password: async () => 'short' })).toBe(1);
    expect(t.out.at(-1)).toContain('password refused');
    expect(await runStaffCommand(['add', '--id', 'x5', '--password', 'in-the-history'], t)).toBe(2);
    expect(await runStaffCommand(['update', '--id', 'lan', '--missions', 'jp-tokyo,tw-taipei'], t)).toBe(0);
    expect(await runStaffCommand(['disable', '--id', 'lan'], t)).toBe(0);
    t.out.length = 0;
    expect(await runStaffCommand(['list'], t)).toBe(0);
    expect(t.out).toEqual(['lan\tagent\tjp-tokyo,tw-taipei\tdisabled\tChị Lan']);
    expect(await runStaffCommand(['help'], t)).toBe(0);
    expect(await runStaffCommand(['frobnicate'], t)).toBe(2);
  });

  it('writes the staff file without Redis, and the server signs that person in', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'staff-'));
    const file = join(dir, 'staff.json');
    const env = { ...process.env, REDIS_URL: '', CONSOLE_STAFF_FILE: file, STAFF_PASSWORD: PASSWORD, LOG_LEVEL: 'silent' };
    const { stdout } = await run(process.execPath, ['--import', 'tsx', 'src/cli/staff.ts', 'add', '--id', 'lan', '--name', 'Chị Lan', '--role', 'agent', '--missions', 'jp-tokyo'], { env, timeout: PROCESS_TIMEOUT_MS });
    expect(stdout).toContain('added lan (agent, jp-tokyo)');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const saved = readFileSync(file, 'utf8');
    expect(saved).toContain('"passwordHash": "scrypt$');
    expect(saved).not.toContain(PASSWORD);

    server = await consoleServer({ env: { CONSOLE_STAFF_FILE: file } });
    expect((await new Client(server).signIn('lan')).statusCode).toBe(303);
  }, PROCESS_TEST_TIMEOUT_MS);
});
