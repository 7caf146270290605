// Statistics are counted in calendar buckets, a week and a month per event (UTC), so the page
// can show either without keeping events: ISO weeks ("2026-W48") and months ("2026-11").

export type Granularity = 'week' | 'month';

export function monthOf(ms: number): string {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** ISO 8601 week: weeks start on Monday; week 1 holds the year's first Thursday. */
export function isoWeekOf(ms: number): string {
  const d = new Date(ms);
  const day = (d.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - day + 3);
  const year = new Date(thursday).getUTCFullYear();
  const week = 1 + Math.floor((thursday - Date.UTC(year, 0, 1)) / (7 * 86_400_000));
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export function bucketsOf(ms: number): string[] {
  return [isoWeekOf(ms), monthOf(ms)];
}

/** The buckets covering [from, to] (inclusive), oldest first. */
export function bucketsBetween(from: number, to: number, granularity: Granularity): string[] {
  const out: string[] = [];
  const step = granularity === 'week' ? 7 * 86_400_000 : 0;
  let t = from;
  for (;;) {
    const b = granularity === 'week' ? isoWeekOf(t) : monthOf(t);
    if (out.at(-1) !== b) out.push(b);
    if (granularity === 'week') t += step;
    else {
      const d = new Date(t);
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
    }
    if (t > to) {
      const last = granularity === 'week' ? isoWeekOf(to) : monthOf(to);
      if (out.at(-1) !== last) out.push(last);
      return out;
    }
  }
}
