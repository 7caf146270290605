// Office hours in a mission's own time zone. Staff in Tokyo and Riyadh keep different days and
// hours; the user is told, in the mission's local time, when a person will answer.

export interface OfficeHours {
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  days: readonly number[];
  /** Local wall-clock times, 'HH:MM'. */
  open: string;
  close: string;
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall clock in `timeZone` at instant `ms`. */
export function wallClock(ms: number, timeZone: string): Wall {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** The instant at which `timeZone`'s wall clock shows the given date and time. */
function instantOf(year: number, month: number, day: number, minutes: number, timeZone: string): number {
  const guess = Date.UTC(year, month - 1, day, 0, minutes);
  const offset = (ms: number) => {
    const w = wallClock(ms, timeZone);
    return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute) - Math.floor(ms / 60_000) * 60_000;
  };
  const first = guess - offset(guess);
  // Near a daylight-saving change the offset at the guess and at the answer differ; take the latter.
  const second = guess - offset(first);
  return second;
}

export function isOpen(hours: OfficeHours, timeZone: string, now: number): boolean {
  const w = wallClock(now, timeZone);
  if (!hours.days.includes(w.weekday)) return false;
  const m = w.hour * 60 + w.minute;
  return m >= minutesOf(hours.open) && m < minutesOf(hours.close);
}

/** `now` when open; otherwise the next opening within a week, or undefined when there is none. */
export function nextOpening(hours: OfficeHours, timeZone: string, now: number): number | undefined {
  if (isOpen(hours, timeZone, now)) return now;
  const today = wallClock(now, timeZone);
  for (let i = 0; i <= 7; i++) {
    const date = new Date(Date.UTC(today.year, today.month - 1, today.day + i));
    const weekday = ((today.weekday - 1 + i) % 7) + 1;
    if (!hours.days.includes(weekday)) continue;
    const at = instantOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate(), minutesOf(hours.open), timeZone);
    if (at > now) return at;
  }
  return undefined;
}

/** "T2–T6 08:30–17:00" from the locale's short day names (Monday first). */
export function describeHours(hours: OfficeHours, dayNames: readonly string[]): string {
  const days = [...hours.days].sort((a, b) => a - b);
  const ranges: string[] = [];
  let start = days[0];
  for (let i = 0; i < days.length; i++) {
    const d = days[i]!;
    const next = days[i + 1];
    if (next === d + 1) continue;
    ranges.push(start === d ? name(d) : `${name(start!)}–${name(d)}`);
    start = next;
  }
  return `${ranges.join(', ')} ${hours.open}–${hours.close}`;

  function name(d: number): string {
    return dayNames[d - 1] ?? String(d);
  }
}

/** "08:30 T2 30/11" — an instant as the mission's wall clock shows it. */
export function describeInstant(ms: number, timeZone: string, dayNames: readonly string[]): string {
  const w = wallClock(ms, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(w.hour)}:${pad(w.minute)} ${dayNames[w.weekday - 1] ?? ''} ${pad(w.day)}/${pad(w.month)}`;
}
