// The statistics page's filters, read from the query string and held to the person's scope. The
// scope is applied to the report's own query (missions / country), so a supervisor's figures are
// cut on the server: no parameter, repeated, forged or combined, widens them. A country or mission
// outside the scope is a 403, as any other route outside it; a malformed value is a 400.
import type { MissionDirectory, Staff } from '../../handoff/model.ts';
import { bucketsBetween, type Granularity, type ReportQuery } from '../../stats/index.ts';
import { UNKNOWN } from '../../stats/model.ts';
import type { CountryInfo } from '../deps.ts';
import { visibleMissions } from '../scope.ts';

const DAY = 86_400_000;
/** More columns than this cannot be read on a page (about five years by month, a year by week). */
export const MAX_PERIODS = 60;
/** The default view: this month and the five before it, by month. */
export const DEFAULT_MONTHS = 6;

export interface StatsScope {
  /** The missions whose figures this person may read; undefined: all (admins). */
  missions: string[] | undefined;
  /** Their countries; undefined: all. */
  countries: string[] | undefined;
}

export function statsScope(staff: Staff, directory: MissionDirectory): StatsScope {
  const missions = visibleMissions(staff, directory);
  if (missions === undefined) return { missions: undefined, countries: undefined };
  const countries = [...new Set(missions.map((id) => directory.get(id)?.country).filter((c): c is string => c !== undefined))];
  return { missions, countries };
}

/** The filters as the form shows them (dates as YYYY-MM-DD, UTC days). */
export interface StatsFilters {
  country: string;
  mission: string;
  from: string;
  to: string;
  granularity: Granularity;
}

export type StatsError = 'badRequest' | 'badDate' | 'order' | 'tooLong' | 'badCountry' | 'badMission' | 'badGranularity';

export type ParsedFilters =
  | {
      ok: true;
      filters: StatsFilters;
      query: ReportQuery;
      /** The picked mission is not in the picked country: the country's figures are shown. */
      missionDropped: boolean;
    }
  | { ok: false; status: 400 | 403; error: StatsError; filters: StatsFilters };

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function dayStart(s: string): number | undefined {
  const m = ISO_DAY.exec(s);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 2000 || y > 2100) return undefined;
  const t = Date.UTC(y, mo - 1, d);
  const back = new Date(t);
  // 31/02 is not a day: Date.UTC would roll it into March.
  return back.getUTCMonth() === mo - 1 && back.getUTCDate() === d ? t : undefined;
}

export function isoDay(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function defaultFilters(now: number): StatsFilters {
  const d = new Date(now);
  const from = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (DEFAULT_MONTHS - 1), 1);
  return { country: '', mission: '', from: isoDay(from), to: isoDay(now), granularity: 'month' };
}

export interface FilterContext {
  scope: StatsScope;
  directory: MissionDirectory;
  countries: readonly CountryInfo[];
  now: number;
}

export function parseFilters(params: unknown, ctx: FilterContext): ParsedFilters {
  const q = (params ?? {}) as Record<string, unknown>;
  const defaults = defaultFilters(ctx.now);
  // A repeated parameter arrives as an array: refused rather than guessed at.
  const text = (name: keyof StatsFilters): string | undefined => {
    const v = q[name];
    if (v === undefined) return '';
    return typeof v === 'string' ? v.trim().slice(0, 64) : undefined;
  };
  const raw = { country: text('country'), mission: text('mission'), from: text('from'), to: text('to'), granularity: text('granularity') };
  const filters: StatsFilters = {
    country: raw.country ?? '',
    mission: raw.mission ?? '',
    from: raw.from || defaults.from,
    to: raw.to || defaults.to,
    granularity: raw.granularity === 'week' ? 'week' : 'month',
  };
  const fail = (status: 400 | 403, error: StatsError): ParsedFilters => ({ ok: false, status, error, filters });
  if (Object.values(raw).some((v) => v === undefined)) return fail(400, 'badRequest');
  if (raw.granularity && raw.granularity !== 'week' && raw.granularity !== 'month') return fail(400, 'badGranularity');

  const from = dayStart(filters.from);
  const toStart = dayStart(filters.to);
  if (from === undefined || toStart === undefined) return fail(400, 'badDate');
  if (from > toStart) return fail(400, 'order');
  const to = toStart + DAY - 1;
  if (bucketsBetween(from, to, filters.granularity).length > MAX_PERIODS) return fail(400, 'tooLong');

  const { scope } = ctx;
  const country = filters.country;
  if (country !== '') {
    if (!/^[A-Z]{2}$/.test(country) && country !== UNKNOWN) return fail(400, 'badCountry');
    if (scope.countries !== undefined) {
      if (!scope.countries.includes(country)) return fail(403, 'badCountry');
    } else if (country !== UNKNOWN && !ctx.countries.some((c) => c.code === country)) {
      return fail(400, 'badCountry');
    }
  }
  let mission = filters.mission;
  if (mission !== '') {
    if (!/^[a-z0-9][a-z0-9-]{0,63}$/.test(mission)) return fail(400, 'badMission');
    if (scope.missions !== undefined) {
      if (!scope.missions.includes(mission)) return fail(403, 'badMission');
    } else if (mission !== UNKNOWN && !ctx.directory.get(mission)) {
      return fail(400, 'badMission');
    }
  }
  let missionDropped = false;
  if (mission !== '' && country !== '') {
    const missionCountry = mission === UNKNOWN ? undefined : ctx.directory.get(mission)?.country;
    // Figures without a mission may have a country (one no mission covers): both filters then apply.
    if (missionCountry !== undefined && missionCountry !== country) {
      missionDropped = true;
      mission = '';
      filters.mission = '';
    }
  }

  const query: ReportQuery = { from, to, granularity: filters.granularity };
  if (country !== '') query.country = country;
  const missions = mission !== '' ? [mission] : scope.missions;
  if (missions !== undefined) query.missions = missions;
  return { ok: true, filters, query, missionDropped };
}

/** The filters as a query string, for the CSV link and the language switch. */
export function filtersQuery(f: StatsFilters): string {
  const p = new URLSearchParams();
  if (f.country) p.set('country', f.country);
  if (f.mission) p.set('mission', f.mission);
  p.set('from', f.from);
  p.set('to', f.to);
  p.set('granularity', f.granularity);
  return p.toString();
}
