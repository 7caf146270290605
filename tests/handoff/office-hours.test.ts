import { describe, expect, it } from 'vitest';
import { describeHours, describeInstant, isOpen, nextOpening } from '../../src/handoff/office-hours.ts';
import { MISSIONS, TOKYO_SAT_10AM, TOKYO_WED_10AM } from './fixtures.ts';

const [tokyo, , taipei, riyadh] = MISSIONS as [typeof MISSIONS[0], typeof MISSIONS[0], typeof MISSIONS[0], typeof MISSIONS[0]];
const VI_DAYS = ['T2', 'T3', 'T4', 'T5', 'T6', 'T7', 'CN'];

describe('office hours in the mission time zone', () => {
  it('is open on a weekday morning in Tokyo, and the same instant is still 09:00 in Taipei', () => {
    expect(isOpen(tokyo.officeHours, tokyo.timeZone, TOKYO_WED_10AM)).toBe(true);
    expect(isOpen(taipei.officeHours, taipei.timeZone, TOKYO_WED_10AM)).toBe(true);
    // 08:00 in Tokyo is 07:00 in Taipei: both closed.
    const early = TOKYO_WED_10AM - 2 * 3600_000;
    expect(isOpen(tokyo.officeHours, tokyo.timeZone, early)).toBe(false);
    expect(nextOpening(tokyo.officeHours, tokyo.timeZone, early)).toBe(Date.UTC(2026, 10, 24, 23, 30));
  });

  it('follows the mission week: Riyadh works on Sunday, Tokyo does not', () => {
    const sundayNoonRiyadh = Date.UTC(2026, 10, 29, 9, 0);
    expect(isOpen(riyadh.officeHours, riyadh.timeZone, sundayNoonRiyadh)).toBe(true);
    expect(isOpen(tokyo.officeHours, tokyo.timeZone, sundayNoonRiyadh)).toBe(false);
    // Friday in Riyadh: closed until Sunday 09:00 local (06:00 UTC).
    const friday = Date.UTC(2026, 10, 27, 9, 0);
    expect(nextOpening(riyadh.officeHours, riyadh.timeZone, friday)).toBe(Date.UTC(2026, 10, 29, 6, 0));
  });

  it('finds Monday morning from a Saturday and says it in local time', () => {
    const next = nextOpening(tokyo.officeHours, tokyo.timeZone, TOKYO_SAT_10AM)!;
    expect(next).toBe(Date.UTC(2026, 10, 29, 23, 30));
    expect(describeInstant(next, tokyo.timeZone, VI_DAYS)).toBe('08:30 T2 30/11');
    expect(describeHours(tokyo.officeHours, VI_DAYS)).toBe('T2–T6 08:30–17:00');
    expect(describeHours(riyadh.officeHours, VI_DAYS)).toBe('T2–T5, CN 09:00–15:00');
  });

  it('handles a daylight-saving zone (Bucharest) across the October change', () => {
    const bucharest = { days: [1, 2, 3, 4, 5], open: '09:00', close: '17:00' };
    // Saturday 24 Oct 2026; clocks go back on Sunday 25 Oct: Monday 09:00 is then UTC+2 → 07:00 UTC.
    expect(nextOpening(bucharest, 'Europe/Bucharest', Date.UTC(2026, 9, 24, 12))).toBe(Date.UTC(2026, 9, 26, 7, 0));
    // In summer, Friday 09:00 is UTC+3 → 06:00 UTC.
    expect(nextOpening(bucharest, 'Europe/Bucharest', Date.UTC(2026, 6, 2, 20))).toBe(Date.UTC(2026, 6, 3, 6, 0));
  });
});
