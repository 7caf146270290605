import { describe, expect, it } from 'vitest';
import { bucketsBetween, isoWeekOf, monthOf } from '../../src/stats/index.ts';

const at = (iso: string) => Date.parse(`${iso}T12:00:00Z`);

describe('statistics periods', () => {
  it('names ISO weeks, including those that straddle a new year', () => {
    expect(isoWeekOf(at('2026-11-25'))).toBe('2026-W48');
    expect(isoWeekOf(at('2026-01-01'))).toBe('2026-W01');
    expect(isoWeekOf(at('2027-01-01'))).toBe('2026-W53');
    expect(isoWeekOf(at('2024-12-30'))).toBe('2025-W01');
    expect(isoWeekOf(at('2026-11-23'))).toBe('2026-W48'); // a Monday
    expect(isoWeekOf(at('2026-11-22'))).toBe('2026-W47'); // the Sunday before
  });

  it('names months', () => {
    expect(monthOf(at('2026-11-25'))).toBe('2026-11');
    expect(monthOf(at('2027-01-01'))).toBe('2027-01');
  });

  it('lists the buckets of a range, both ends included', () => {
    expect(bucketsBetween(at('2026-09-15'), at('2026-11-02'), 'month')).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(bucketsBetween(at('2026-11-01'), at('2026-11-25'), 'week')).toEqual(['2026-W44', '2026-W45', '2026-W46', '2026-W47', '2026-W48']);
    expect(bucketsBetween(at('2026-12-28'), at('2027-01-05'), 'week')).toEqual(['2026-W53', '2027-W01']);
    expect(bucketsBetween(at('2026-01-31'), at('2026-03-01'), 'month')).toEqual(['2026-01', '2026-02', '2026-03']);
  });
});
