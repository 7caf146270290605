// The staff file as the one list of accounts that `npm run staff` and a running server without
// Redis share (the in-memory store cannot be reached from another process). The server loads the
// file at start, watches it, and takes in what the command changed: a new account can sign in, a
// disabled one or one whose password changed loses its sessions at once, a `sign-out` ends them.
// What the console itself changes (the Staff page, a password, a sign-in's hash upgrade) is written
// back, so the file and the running server never disagree for long and nothing vanishes at restart.
import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { Log } from '../core/ports.ts';
import type { StaffAccount, StaffAccounts } from './accounts.ts';
import type { Sessions } from './sessions.ts';
import { loadStaffFile, saveStaffFile } from './staff-file.ts';

export interface StaffFileOptions {
  path: string;
  /** Watch the file and write changes back (no Redis: the file is the accounts' home); otherwise only read at start. */
  shared: boolean;
  /** How often the file is checked for a change (a stat, so atomic renames are seen). */
  pollMs: number;
}

/** Whether an imported copy of an account ends the sessions the server holds for it. */
function endsSessions(before: StaffAccount | undefined, after: StaffAccount): boolean {
  if (!before) return false;
  return after.disabled || after.passwordChangedAt > before.passwordChangedAt || (after.sessionsEndedAt ?? 0) > (before.sessionsEndedAt ?? 0);
}

export class StaffFileSync {
  private writing: Promise<void> = Promise.resolve();
  private watching = false;

  constructor(
    private readonly opts: StaffFileOptions,
    private readonly accounts: () => StaffAccounts,
    private readonly sessions: () => Sessions,
    private readonly log: Log,
  ) {}

  /** Reads the file into the store (a broken file at start-up stops it: the operator must see it). */
  async load(): Promise<number> {
    const changed = await this.accounts().importAccounts(loadStaffFile(this.opts.path));
    for (const { before, after } of changed) {
      if (endsSessions(before, after)) await this.sessions().destroyAll(after.id);
    }
    return changed.length;
  }

  start(): void {
    if (!this.opts.shared || this.watching) return;
    this.watching = true;
    watchFile(this.opts.path, { interval: this.opts.pollMs, persistent: false }, (now: Stats, before: Stats) => {
      if (now.mtimeMs === before.mtimeMs && now.ino === before.ino && now.size === before.size) return;
      this.serially(async () => {
        const n = await this.load();
        if (n > 0) this.log.info({ accounts: n }, 'staff accounts changed in the staff file');
      });
    });
  }

  stop(): Promise<void> {
    if (this.watching) unwatchFile(this.opts.path);
    this.watching = false;
    return this.writing;
  }

  /** An account the console changed: written to the file, after taking in any newer copy a command left there. */
  changed(): void {
    if (!this.opts.shared) return;
    this.serially(async () => {
      await this.load();
      saveStaffFile(this.opts.path, await this.accounts().list());
    });
  }

  /** Resolves when every read and write asked for so far is done. */
  idle(): Promise<void> {
    return this.writing;
  }

  private serially(work: () => Promise<void>): void {
    // A half-written or hand-edited file must not stop the console: the last good accounts stay.
    this.writing = this.writing.then(work).catch((err: unknown) => this.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'staff file not synchronised'));
  }
}
