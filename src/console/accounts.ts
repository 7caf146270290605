// Staff accounts, kept in the store's table so every instance sees the same ones. The console's
// admin pages and `npm run staff` both go through this module.
import { z } from 'zod';
import type { Clock, Store } from '../core/ports.ts';
import { STAFF_ROLES, type Staff } from '../handoff/model.ts';
import { DEFAULT_COST, hashPassword, needsRehash, passwordProblem, verifyPassword, type ScryptCost } from './passwords.ts';

export const STAFF_TABLE = 'console:staff';

export interface StaffAccount extends Staff {
  passwordHash: string;
  disabled: boolean;
  createdAt: number;
  updatedAt: number;
  passwordChangedAt: number;
  lastSignInAt?: number;
  /** When `npm run staff -- sign-out` last ended every session (a server reading the staff file ends them too). */
  sessionsEndedAt?: number;
}

export const staffIdSchema = z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9._-]{1,31}$/, 'staff id: 2–32 lower-case letters, digits, dot, dash or underscore');
export const staffFieldsSchema = z.object({
  name: z.string().trim().min(1).max(80),
  role: z.enum(STAFF_ROLES),
  missions: z.array(z.string().trim().min(1)).max(50),
});
export type StaffFields = z.infer<typeof staffFieldsSchema>;

export const staffAccountSchema = staffFieldsSchema.extend({
  id: staffIdSchema,
  passwordHash: z.string().startsWith('scrypt$'),
  disabled: z.boolean(),
  createdAt: z.number(),
  updatedAt: z.number(),
  passwordChangedAt: z.number(),
  lastSignInAt: z.number().optional(),
  sessionsEndedAt: z.number().optional(),
});

export class AccountError extends Error {
  constructor(
    /** A console string key (`staff.errors.*`, `password.*`). */
    readonly key: string,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/** The public part of an account: what the hand-off desk and the pages need. */
export function asStaff(a: StaffAccount): Staff {
  return { id: a.id, name: a.name, role: a.role, missions: [...a.missions] };
}

export interface AccountsOptions {
  /** Mission ids that exist (from content/missions.yaml): an account cannot name another. */
  missionIds: readonly string[];
  cost?: ScryptCost;
  /** Told of every account this service writes (not of imports), e.g. to keep the staff file in step. */
  onChange?: (account: StaffAccount) => void;
}

export class StaffAccounts {
  private readonly cost: ScryptCost;
  /** Checked against when the account does not exist, so both cases take the same time. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly opts: AccountsOptions,
  ) {
    this.cost = opts.cost ?? DEFAULT_COST;
  }

  get(id: string): Promise<StaffAccount | undefined> {
    return this.store.tableGet<StaffAccount>(STAFF_TABLE, id.trim().toLowerCase());
  }

  async list(): Promise<StaffAccount[]> {
    return (await this.store.tableAll<StaffAccount>(STAFF_TABLE)).sort((a, b) => a.id.localeCompare(b.id));
  }

  async create(input: { id: string } & StaffFields & { password: string }): Promise<StaffAccount> {
    const id = this.parseId(input.id);
    const fields = this.parseFields(input);
    if (await this.get(id)) throw new AccountError('staff.errors.exists', `staff ${id} already exists`);
    this.checkPassword(input.password, [id, fields.name]);
    const now = this.clock.now();
    const account: StaffAccount = {
      id,
      ...fields,
      passwordHash: await hashPassword(input.password, this.cost),
      disabled: false,
      createdAt: now,
      updatedAt: now,
      passwordChangedAt: now,
    };
    await this.put(account);
    return account;
  }

  async update(id: string, patch: Partial<StaffFields>): Promise<StaffAccount> {
    const account = await this.require(id);
    const fields = this.parseFields({ name: account.name, role: account.role, missions: account.missions, ...patch });
    const next: StaffAccount = { ...account, ...fields, updatedAt: this.clock.now() };
    await this.guardLastAdmin(account, next);
    await this.put(next);
    return next;
  }

  async setPassword(id: string, password: string): Promise<StaffAccount> {
    const account = await this.require(id);
    this.checkPassword(password, [account.id, account.name]);
    const now = this.clock.now();
    const next: StaffAccount = { ...account, passwordHash: await hashPassword(password, this.cost), passwordChangedAt: now, updatedAt: now };
    await this.put(next);
    return next;
  }

  async setDisabled(id: string, disabled: boolean): Promise<StaffAccount> {
    const account = await this.require(id);
    const next: StaffAccount = { ...account, disabled, updatedAt: this.clock.now() };
    await this.guardLastAdmin(account, next);
    await this.put(next);
    return next;
  }

  /** The account when the password is right and the account active; the same time either way. */
  async authenticate(id: string, password: string): Promise<StaffAccount | undefined> {
    const parsed = staffIdSchema.safeParse(id);
    const account = parsed.success ? await this.get(parsed.data) : undefined;
    if (!account) {
      this.dummyHash ??= hashPassword('not a password of anyone', this.cost);
      await verifyPassword(password, await this.dummyHash);
      return undefined;
    }
    const ok = await verifyPassword(password, account.passwordHash);
    if (!ok || account.disabled) return undefined;
    const now = this.clock.now();
    const next: StaffAccount = { ...account, lastSignInAt: now };
    // A hash made with an older, cheaper cost is upgraded while the password is at hand.
    if (needsRehash(account.passwordHash, this.cost)) next.passwordHash = await hashPassword(password, this.cost);
    await this.put(next);
    return next;
  }

  /** Marks that every session of the account was ended, so a server that imports the account ends them too. */
  async markSessionsEnded(id: string): Promise<StaffAccount> {
    const account = await this.require(id);
    const now = this.clock.now();
    const next: StaffAccount = { ...account, sessionsEndedAt: now, updatedAt: now };
    await this.put(next);
    return next;
  }

  /** Accounts from a staff file: added when missing, replaced when the file's copy is newer; returns what changed. */
  async importAccounts(records: readonly StaffAccount[]): Promise<{ before?: StaffAccount; after: StaffAccount }[]> {
    const changed: { before?: StaffAccount; after: StaffAccount }[] = [];
    for (const r of records) {
      const current = await this.get(r.id);
      if (!current || current.updatedAt < r.updatedAt) {
        await this.store.tablePut(STAFF_TABLE, r.id, r);
        changed.push({ ...(current ? { before: current } : {}), after: r });
      }
    }
    return changed;
  }

  private async put(account: StaffAccount): Promise<void> {
    await this.store.tablePut(STAFF_TABLE, account.id, account);
    this.opts.onChange?.(account);
  }

  private async require(id: string): Promise<StaffAccount> {
    const account = await this.get(id);
    if (!account) throw new AccountError('staff.errors.notFound', `no staff ${id}`);
    return account;
  }

  private parseId(id: string): string {
    const parsed = staffIdSchema.safeParse(id);
    if (!parsed.success) throw new AccountError('staff.errors.badId', parsed.error.issues[0]?.message ?? 'bad id');
    return parsed.data;
  }

  private parseFields(input: StaffFields): StaffFields {
    const parsed = staffFieldsSchema.safeParse(input);
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'name');
      throw new AccountError(`staff.errors.bad_${field}`, parsed.error.issues[0]?.message ?? 'bad value');
    }
    const missions = [...new Set(parsed.data.missions)];
    const unknown = missions.filter((m) => !this.opts.missionIds.includes(m));
    if (unknown.length > 0) throw new AccountError('staff.errors.unknownMission', `unknown mission ${unknown.join(', ')}`);
    // Agents and supervisors are scoped by their missions; an admin sees every mission anyway.
    if (missions.length === 0 && parsed.data.role !== 'admin') throw new AccountError('staff.errors.noMission', 'agents and supervisors need at least one mission');
    return { ...parsed.data, missions };
  }

  private checkPassword(password: string, context: string[]): void {
    const problem = passwordProblem(password, context);
    if (problem) throw new AccountError(problem, `password refused (${problem})`);
  }

  /** Nobody can remove the last active admin: the console would have nobody to manage it. */
  private async guardLastAdmin(before: StaffAccount, after: StaffAccount): Promise<void> {
    const wasAdmin = before.role === 'admin' && !before.disabled;
    const isAdmin = after.role === 'admin' && !after.disabled;
    if (!wasAdmin || isAdmin) return;
    const others = (await this.list()).filter((a) => a.id !== before.id && a.role === 'admin' && !a.disabled);
    if (others.length === 0) throw new AccountError('staff.errors.lastAdmin', 'the last active admin cannot be removed');
  }
}
