// Days as staff read them: in the mission's own time zone, so "sent on 3 March" means their 3 March.
import type { FlexDate } from '../core/registration.ts';

function parts(at: number, timeZone: string): Record<string, string> {
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  } catch {
    fmt = new Intl.DateTimeFormat('en-CA', { timeZone: 'UTC', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  }
  return Object.fromEntries(fmt.formatToParts(at).map((p) => [p.type, p.value]));
}

/** YYYY-MM-DD at `at` in the time zone. */
export function dayIn(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** YYYY-MM-DD HH:mm at `at` in the time zone. */
export function dateTimeIn(at: number, timeZone: string): string {
  const p = parts(at, timeZone);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** 2026-03-05 → 05/03/2026, as dates are written in Vietnam. */
export function vietnameseDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

/** The first and last day a date answer can mean: a day is itself; "cuối tháng 3" is 21–31 March. */
export function flexRange(date: FlexDate): [string, string] {
  if ('day' in date) return [date.day, date.day];
  const [y, m] = date.month.split('-').map(Number) as [number, number];
  const end = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const [from, to] = date.part === 'early' ? [1, 10] : date.part === 'mid' ? [11, 20] : date.part === 'late' ? [21, end] : [1, end];
  const pad = (n: number) => String(n).padStart(2, '0');
  return [`${date.month}-${pad(from)}`, `${date.month}-${pad(to)}`];
}

/** A day as an interface-string variable (registration.value.day): 05/03/2026 in Vietnamese, 5 March 2026 in English. */
export function dayVar(iso: string): { key: string; vars: Record<string, string | { key: string }> } {
  const [y, mm, dd] = iso.split('-') as [string, string, string];
  return { key: 'registration.value.day', vars: { d: String(Number(dd)), dd, mm, y, month: { key: `registration.month.${Number(mm)}` } } };
}
