// Sign-in throttling: failed attempts are counted per account and per address; past a threshold
// within the period, that account (or address) is locked for the period. Counted in the store
// so every instance enforces the same lock, and against the injected clock so tests can move time.
import type { Clock, Store } from '../core/ports.ts';

export const SIGNIN_TABLE = 'console:signin';

export interface ThrottleOptions {
  /** Failures for one account within `periodMs` before it is locked. */
  accountFailures: number;
  /** Failures from one address within `periodMs` before it is locked (higher: an office shares one). */
  addressFailures: number;
  /** The counting window and the lock's length. */
  periodMs: number;
}

interface Row {
  failures: number[];
  lockedUntil?: number;
}

export interface Lock {
  scope: 'account' | 'address';
  until: number;
}

export class SignInThrottle {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly opts: ThrottleOptions,
  ) {}

  /** The lock that stands against this attempt, if any. */
  async check(accountId: string, address: string): Promise<Lock | undefined> {
    const now = this.clock.now();
    const [account, addr] = await Promise.all([this.read(rowId('account', accountId)), this.read(rowId('address', address))]);
    if (account?.lockedUntil !== undefined && account.lockedUntil > now) return { scope: 'account', until: account.lockedUntil };
    if (addr?.lockedUntil !== undefined && addr.lockedUntil > now) return { scope: 'address', until: addr.lockedUntil };
    return undefined;
  }

  /** Counts a failure; returns the lock it caused, if it caused one. */
  async fail(accountId: string, address: string): Promise<Lock | undefined> {
    const account = await this.count(rowId('account', accountId), this.opts.accountFailures);
    const addr = await this.count(rowId('address', address), this.opts.addressFailures);
    if (account !== undefined) return { scope: 'account', until: account };
    if (addr !== undefined) return { scope: 'address', until: addr };
    return undefined;
  }

  /** A successful sign-in clears the account's count (not the address's: one good password must not reset a guesser). */
  async succeed(accountId: string): Promise<void> {
    await this.store.tableDelete(SIGNIN_TABLE, rowId('account', accountId));
  }

  /** An admin lifts an account's lock. */
  async unlock(accountId: string): Promise<void> {
    await this.store.tableDelete(SIGNIN_TABLE, rowId('account', accountId));
  }

  async lockedUntil(accountId: string): Promise<number | undefined> {
    const row = await this.read(rowId('account', accountId));
    return row?.lockedUntil !== undefined && row.lockedUntil > this.clock.now() ? row.lockedUntil : undefined;
  }

  /** Drops rows with nothing recent in them. */
  async purge(): Promise<number> {
    const now = this.clock.now();
    let n = 0;
    const all = await this.store.tableAll<Row & { id: string }>(SIGNIN_TABLE);
    for (const row of all) {
      const recent = row.failures.some((t) => now - t < this.opts.periodMs);
      if (!recent && (row.lockedUntil === undefined || row.lockedUntil <= now)) {
        await this.store.tableDelete(SIGNIN_TABLE, row.id);
        n++;
      }
    }
    return n;
  }

  private read(id: string): Promise<(Row & { id: string }) | undefined> {
    return this.store.tableGet<Row & { id: string }>(SIGNIN_TABLE, id);
  }

  /** Adds a failure under the row's lock; returns the new lock's end when the threshold is reached. */
  private async count(id: string, threshold: number): Promise<number | undefined> {
    const key = { channel: 'console', account: 'signin', user: id };
    return this.store.withLock(key, { scope: 'signin', ttlMs: 5_000, waitMs: 5_000 }, async () => {
      const now = this.clock.now();
      const row = (await this.read(id)) ?? { id, failures: [] };
      row.failures = [...row.failures.filter((t) => now - t < this.opts.periodMs), now];
      let locked: number | undefined;
      if (row.failures.length >= threshold) {
        locked = now + this.opts.periodMs;
        row.lockedUntil = locked;
        row.failures = [];
      }
      await this.store.tablePut(SIGNIN_TABLE, id, row);
      return locked;
    });
  }
}

function rowId(scope: 'account' | 'address', value: string): string {
  return `${scope}:${value.trim().toLowerCase().slice(0, 100)}`;
}
