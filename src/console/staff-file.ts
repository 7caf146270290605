// The staff file: where `npm run staff` keeps accounts when there is no Redis to put them in (the
// in-memory default cannot be reached from another process). The server loads it into the store
// at start-up. It holds password hashes, never passwords, and is written readable by its owner only.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';
import { staffAccountSchema, type StaffAccount } from './accounts.ts';

const fileSchema = z.array(staffAccountSchema);

export function loadStaffFile(path: string): StaffAccount[] {
  if (!existsSync(path)) return [];
  const parsed = fileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`staff file ${path}: ${issue?.path.join('.') ?? ''} ${issue?.message ?? 'invalid'}`);
  }
  return parsed.data as StaffAccount[];
}

export function saveStaffFile(path: string, accounts: readonly StaffAccount[]): void {
  mkdirSync(dirname(path), { recursive: true });
  // Written beside and renamed, so a reader never sees half a file.
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(accounts, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, path);
}
