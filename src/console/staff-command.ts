// `npm run staff -- <command>`: staff accounts from the terminal, through the same code as the
// console's admin pages. The password is asked on the terminal (or read from STAFF_PASSWORD, or
// the first line of standard input, for scripts) — never given as an argument, where it would stay
// in the shell's history and the process list.
import { parseArgs } from 'node:util';
import type { Clock, Store } from '../core/ports.ts';
import { STAFF_ROLES, type StaffRole } from '../handoff/model.ts';
import { AccountError, StaffAccounts } from './accounts.ts';
import { Sessions } from './sessions.ts';
import { SignInThrottle } from './throttle.ts';

export interface StaffCommandIo {
  store: Store;
  clock: Clock;
  missionIds: readonly string[];
  /** Asks for a password (twice on a terminal); `purpose` names whose. */
  password(purpose: string): Promise<string>;
  print(line: string): void;
}

export const STAFF_USAGE = `Usage: npm run staff -- <command> [options]

  add      --id ID --name "NAME" --role agent|supervisor|admin [--missions jp-tokyo,jp-osaka]
  update   --id ID [--name "NAME"] [--role ROLE] [--missions a,b]
  passwd   --id ID                 set a new password (ends the person's sessions)
  disable  --id ID                 no more sign-in; ends the person's sessions
  enable   --id ID
  unlock   --id ID                 lift a lock after repeated failed sign-ins
  sign-out --id ID                 end every session of the person
  list

The password is asked on the terminal, or taken from STAFF_PASSWORD, or from the first line of
standard input when it is not a terminal.`;

function missionsOf(v: string | undefined): string[] | undefined {
  return v === undefined ? undefined : v.split(',').map((s) => s.trim()).filter(Boolean);
}

function roleOf(v: string | undefined): StaffRole | undefined {
  if (v === undefined) return undefined;
  if (!(STAFF_ROLES as readonly string[]).includes(v)) throw new AccountError('staff.errors.bad_role', `--role must be one of ${STAFF_ROLES.join(', ')}`);
  return v as StaffRole;
}

/** Runs one command; returns the exit code. */
export async function runStaffCommand(argv: readonly string[], io: StaffCommandIo): Promise<number> {
  const [command, ...rest] = argv;
  let values: { id?: string; name?: string; role?: string; missions?: string };
  try {
    ({ values } = parseArgs({
      args: [...rest],
      options: { id: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, missions: { type: 'string' } },
      strict: true,
    }));
  } catch (err) {
    io.print(`${err instanceof Error ? err.message : String(err)}\n\n${STAFF_USAGE}`);
    return 2;
  }
  const accounts = new StaffAccounts(io.store, io.clock, { missionIds: io.missionIds });
  // Only ids matter to these two: any lifetime will do.
  const sessions = new Sessions(io.store, io.clock, { ttlMs: 1, idleMs: 1 });
  const throttle = new SignInThrottle(io.store, io.clock, { accountFailures: 1, addressFailures: 1, periodMs: 1 });
  const need = (v: string | undefined, flag: string): string => {
    if (!v) throw new AccountError('staff.errors.badId', `${flag} is required`);
    return v;
  };

  try {
    switch (command) {
      case 'add': {
        const id = need(values.id, '--id');
        const role = roleOf(need(values.role, '--role'))!;
        const account = await accounts.create({ id, name: need(values.name, '--name'), role, missions: missionsOf(values.missions) ?? [], password: await io.password(id) });
        io.print(`added ${account.id} (${account.role}${account.missions.length > 0 ? `, ${account.missions.join(', ')}` : ''})`);
        return 0;
      }
      case 'update': {
        const id = need(values.id, '--id');
        const role = roleOf(values.role);
        const missions = missionsOf(values.missions);
        const account = await accounts.update(id, { ...(values.name ? { name: values.name } : {}), ...(role ? { role } : {}), ...(missions ? { missions } : {}) });
        io.print(`updated ${account.id} (${account.role}, ${account.missions.join(', ') || 'all missions'})`);
        return 0;
      }
      case 'passwd': {
        const id = need(values.id, '--id');
        await accounts.setPassword(id, await io.password(id));
        const n = await sessions.destroyAll(id);
        io.print(`password set for ${id}; ${n} session(s) ended`);
        return 0;
      }
      case 'disable':
      case 'enable': {
        const id = need(values.id, '--id');
        await accounts.setDisabled(id, command === 'disable');
        if (command === 'disable') await sessions.destroyAll(id);
        io.print(`${command}d ${id}`);
        return 0;
      }
      case 'unlock': {
        const id = need(values.id, '--id');
        await throttle.unlock(id);
        io.print(`unlocked ${id}`);
        return 0;
      }
      case 'sign-out': {
        const id = need(values.id, '--id');
        // Marked on the account too: a server that shares only the staff file ends them when it reads it.
        await accounts.markSessionsEnded(id);
        io.print(`${await sessions.destroyAll(id)} session(s) of ${id} ended`);
        return 0;
      }
      case 'list': {
        const all = await accounts.list();
        if (all.length === 0) io.print('no staff accounts');
        for (const a of all) io.print(`${a.id}\t${a.role}\t${a.missions.join(',') || '*'}\t${a.disabled ? 'disabled' : 'active'}\t${a.name}`);
        return 0;
      }
      default:
        io.print(STAFF_USAGE);
        return command === undefined || command === 'help' || command === '--help' ? 0 : 2;
    }
  } catch (err) {
    if (err instanceof AccountError) {
      io.print(`refused: ${err.message}`);
      return 1;
    }
    throw err;
  }
}
