// The audit trail: every staff action, appended with who, when and from where. The store's list
// is append-only (the Store port has no call that edits or removes an entry), shared by every
// instance. It records what was done to which chat, never what was written: reply and note text
// stay in the transcript, which the user can erase.
import type { Clock, Store } from '../core/ports.ts';
import type { StaffRole } from '../handoff/model.ts';

export const AUDIT_LIST = 'console:audit';

export const AUDIT_ACTIONS = [
  'sign-in',
  'sign-in.failed',
  'sign-in.locked',
  'sign-out',
  'sign-out.everywhere',
  'password.change',
  'open',
  'claim',
  'reply',
  'reply.refused',
  'note',
  'transfer',
  'reassign',
  'close',
  'status',
  'export',
  'media',
  'attach',
  'staff.create',
  'staff.update',
  'staff.password',
  'staff.disable',
  'staff.enable',
  'staff.unlock',
  'staff.sign-out',
  'canned.save',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  at: number;
  /** Who acted; for a failed sign-in, the account id that was tried. */
  by: { id: string; name?: string; role?: StaffRole };
  action: AuditAction;
  /** What it acted on: a hand-off id, a staff id. */
  target?: string;
  detail?: Record<string, string | number | boolean>;
  address?: string;
}

export class AuditLog {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
  ) {}

  async record(entry: Omit<AuditEntry, 'at'>): Promise<void> {
    await this.store.listPush<AuditEntry>(AUDIT_LIST, { at: this.clock.now(), ...entry });
  }

  /** The latest entries, newest first. */
  async latest(limit: number): Promise<AuditEntry[]> {
    return (await this.store.listRead<AuditEntry>(AUDIT_LIST, limit)).reverse();
  }
}
