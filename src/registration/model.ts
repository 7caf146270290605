// A return registration as the mission keeps it: the user's answers (src/core/registration.ts),
// where they came from (the conversation, so status changes reach the user on their app), which
// mission's staff see it, its status and every change with who made it and when. The schemas are
// in src/core/registration-record.ts; this is what the desk knows about them.
import type { RegistrationStatus } from '../core/registration.ts';
import type { Registration } from '../core/registration-record.ts';

export {
  SORTS,
  actorSchema,
  historyEntrySchema,
  registrationFilterSchema,
  registrationSchema,
  type Actor,
  type HistoryEntry,
  type ParsedFilter,
  type Registration,
  type RegistrationFilter,
} from '../core/registration-record.ts';

/** Still to be dealt with: a user's new answers update it rather than start another. */
export function isOpen(r: Pick<Registration, 'status'>): boolean {
  return r.status !== 'returned' && r.status !== 'withdrawn';
}

/**
 * The moves staff may make: forward through the process, back one step to correct a slip,
 * withdrawn from any open status, and reopened from withdrawn.
 */
export const STATUS_MOVES: Readonly<Record<RegistrationStatus, readonly RegistrationStatus[]>> = {
  received: ['contacted', 'travel_arranged', 'returned', 'withdrawn'],
  contacted: ['received', 'travel_arranged', 'returned', 'withdrawn'],
  travel_arranged: ['contacted', 'returned', 'withdrawn'],
  returned: ['travel_arranged'],
  withdrawn: ['received'],
};

/** Those who most need to go first (priority groups in missions' past crises: the pregnant, the sick, the hurt). */
export function isUrgent(r: Registration): boolean {
  return r.data.special.length > 0 || ['early_accident', 'early_illness', 'early_abuse'].includes(r.data.reason);
}

/**
 * Which missions' registrations a staff member may see: their mission ids, or all (an admin,
 * who also sees the ones no mission covers). The console computes it from the staff's role.
 */
export type RegistrationScope = readonly string[] | 'all';

export function inScope(scope: RegistrationScope, mission: string | undefined): boolean {
  return scope === 'all' || (mission !== undefined && scope.includes(mission));
}

export type RegistrationErrorCode = 'forbidden' | 'not_found' | 'invalid_status_change' | 'invalid_filter';

/** What the console turns into 403, 404, 409 and 400. */
export class RegistrationError extends Error {
  constructor(
    readonly code: RegistrationErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'RegistrationError';
  }

  get httpStatus(): number {
    return { forbidden: 403, not_found: 404, invalid_status_change: 409, invalid_filter: 400 }[this.code];
  }
}

