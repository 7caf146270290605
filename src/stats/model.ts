// What is counted, and along which dimensions. Every counter carries the country and the mission,
// so the page can filter by either; nothing identifies a person (no ids, no dates of birth, no
// free text), so erasing a user never has to touch these figures.

export const METRICS = {
  /** A question answered, by topic ('not_understood' when the bot could not answer). */
  question: 'topic',
  handoff: 'reason',
  /** Time from the request to a person taking it, in buckets. */
  handoff_wait: 'wait',
  /** How officers closed chats (answered, referred, no response, false alarm). */
  handoff_outcome: 'outcome',
  emergency: 'kind',
  registration: 'reason',
  registration_mode: 'mode',
  registration_timing: 'timing',
  registration_sector: 'sector',
  registration_sex: 'sex',
  registration_special: 'special',
} as const;
export type Metric = keyof typeof METRICS;

export interface Place {
  country?: string;
  mission?: string;
}

export const UNKNOWN = 'unknown';

/** `question|country=TW|mission=tw-taipei|topic=hotline` — a counter's field name. */
export function field(metric: Metric, place: Place, value: string): string {
  return [metric, `country=${clean(place.country)}`, `mission=${clean(place.mission)}`, `${METRICS[metric]}=${clean(value)}`].join('|');
}

export interface ParsedField {
  metric: Metric;
  country: string;
  mission: string;
  value: string;
}

export function parseField(f: string): ParsedField | undefined {
  const [metric, ...parts] = f.split('|');
  if (!metric || !(metric in METRICS) || parts.length !== 3) return undefined;
  const kv = Object.fromEntries(parts.map((p) => p.split('=') as [string, string]));
  const dim = METRICS[metric as Metric];
  if (kv.country === undefined || kv.mission === undefined || kv[dim] === undefined) return undefined;
  return { metric: metric as Metric, country: kv.country, mission: kv.mission, value: kv[dim] };
}

function clean(v: string | undefined): string {
  const s = (v ?? '').replace(/[|=\s]+/g, '_').slice(0, 48);
  return s === '' ? UNKNOWN : s;
}

/** Waiting time for a person, in the buckets the page shows. */
export function waitBucket(ms: number): string {
  const min = ms / 60_000;
  if (min < 5) return 'lt5m';
  if (min < 30) return '5to30m';
  if (min < 120) return '30mto2h';
  if (min < 24 * 60) return '2hto24h';
  return 'gt24h';
}
export const WAIT_BUCKETS = ['lt5m', '5to30m', '30mto2h', '2hto24h', 'gt24h'] as const;
