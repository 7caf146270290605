// How a registration reads as a returning migrant's profile for the statistics: whether the return
// is the worker's own choice (mode) and whether it comes before, at or after the contract's end
// (timing). Only these classifications and the coarse answers leave the record: no name, no date
// of birth, no contact.
import type { ReturnReason } from '../core/registration.ts';
import { flexRange } from './dates.ts';
import type { Registration } from './model.ts';

const MODE: Record<ReturnReason, 'voluntary' | 'involuntary' | 'unknown'> = {
  contract_ended: 'voluntary',
  early_own_decision: 'voluntary',
  early_accident: 'involuntary',
  early_illness: 'involuntary',
  early_employer_closed: 'involuntary',
  early_abuse: 'involuntary',
  undocumented: 'unknown',
};

/** A contract that ended this long before the registration makes the return late (overstay). */
const LATE_AFTER_DAYS = 90;

export function returnProfile(r: Registration): { mode: 'voluntary' | 'involuntary' | 'unknown'; timing: 'early' | 'on_time' | 'late' | 'unknown' } {
  const { reason, contractEnd } = r.data;
  const mode = MODE[reason];
  if (reason.startsWith('early_')) return { mode, timing: 'early' };
  if (reason !== 'contract_ended' || !contractEnd) return { mode, timing: 'unknown' };
  const [, lastDay] = flexRange(contractEnd);
  const ended = Date.parse(`${lastDay}T00:00:00Z`);
  return { mode, timing: r.createdAt - ended > LATE_AFTER_DAYS * 24 * 3600_000 ? 'late' : 'on_time' };
}
