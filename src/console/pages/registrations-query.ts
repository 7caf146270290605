// The registrations list's filters, read from the query string and held to the person's scope
// before the registrations desk sees them. A mission or country outside the scope is a 403 (the
// desk refuses a foreign mission too: the check is made twice, by two modules); a value that is not
// one of the form's is a 400. Repeated check boxes arrive as repeated parameters, and a comma list
// ("received,contacted") reads the same, so a link can name several (missions and countries too).
import { REGISTRATION_STATUSES, RETURN_REASONS, SPECIAL_SITUATIONS } from '../../core/registration.ts';
import type { MissionDirectory, Staff } from '../../handoff/model.ts';
import { SORTS, type RegistrationFilter, type RegistrationScope } from '../../registration/model.ts';
import type { CountryInfo } from '../deps.ts';
import { visibleMissions } from '../scope.ts';

export const PAGE_SIZE = 25;
/** Beyond this a page number is a typo, not a page. */
const MAX_PAGE = 10_000;
export const DEFAULT_SORT = 'urgent';

export interface RegistrationView {
  /** What the desk is asked for: the caller's missions, or all (admins). */
  scope: RegistrationScope;
  /** The missions this person may pick in the filter (undefined: every mission, admins). */
  missions: string[] | undefined;
  /** Their countries (undefined: every country). */
  countries: string[] | undefined;
}

export function registrationView(staff: Staff, directory: MissionDirectory): RegistrationView {
  const missions = visibleMissions(staff, directory);
  if (missions === undefined) return { scope: 'all', missions: undefined, countries: undefined };
  const countries = [...new Set(missions.map((id) => directory.get(id)?.country).filter((c): c is string => c !== undefined))];
  return { scope: missions, missions, countries };
}

/** The filters as the form shows them. */
export interface ListFilters {
  status: string[];
  reason: string[];
  special: string[];
  country: string[];
  mission: string[];
  from: string;
  to: string;
  returnFrom: string;
  returnTo: string;
  q: string;
  sort: (typeof SORTS)[number];
  page: number;
}

export type ListError = 'badRequest' | 'badValue' | 'badDate' | 'order' | 'badCountry' | 'badMission';

export type ParsedList =
  | { ok: true; filters: ListFilters; filter: RegistrationFilter }
  | { ok: false; status: 400 | 403; error: ListError; filters: ListFilters };

export function emptyFilters(): ListFilters {
  return { status: [], reason: [], special: [], country: [], mission: [], from: '', to: '', returnFrom: '', returnTo: '', q: '', sort: DEFAULT_SORT, page: 1 };
}

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

function realDay(s: string): boolean {
  const m = ISO_DAY.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return y >= 1900 && y <= 2200 && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

export interface ListContext {
  view: RegistrationView;
  directory: MissionDirectory;
  countries: readonly CountryInfo[];
}

export function parseList(params: unknown, ctx: ListContext): ParsedList {
  const q = (params ?? {}) as Record<string, unknown>;
  const filters = emptyFilters();
  let malformed = false;
  // One value: a repeated single field is refused rather than guessed at.
  const one = (name: string, max = 64): string => {
    const v = q[name];
    if (v === undefined) return '';
    if (typeof v !== 'string') {
      malformed = true;
      return '';
    }
    return v.trim().slice(0, max);
  };
  const many = (name: string): string[] => {
    const v = q[name];
    const raw = v === undefined ? [] : Array.isArray(v) ? v : [v];
    if (raw.some((x) => typeof x !== 'string')) malformed = true;
    return [...new Set(raw.filter((x): x is string => typeof x === 'string').flatMap((x) => x.split(',')).map((x) => x.trim()).filter(Boolean))].slice(0, 20);
  };
  filters.status = many('status');
  filters.reason = many('reason');
  filters.special = many('special');
  filters.country = many('country');
  filters.mission = many('mission');
  filters.from = one('from');
  filters.to = one('to');
  filters.returnFrom = one('returnFrom');
  filters.returnTo = one('returnTo');
  filters.q = one('q', 100);
  const sort = one('sort');
  const page = one('page');
  const fail = (status: 400 | 403, error: ListError): ParsedList => ({ ok: false, status, error, filters });
  if (malformed) return fail(400, 'badRequest');
  if (sort !== '') {
    if (!(SORTS as readonly string[]).includes(sort)) return fail(400, 'badValue');
    filters.sort = sort as ListFilters['sort'];
  }
  if (page !== '') {
    if (!/^\d{1,6}$/.test(page) || Number(page) < 1 || Number(page) > MAX_PAGE) return fail(400, 'badValue');
    filters.page = Number(page);
  }
  const known = (values: string[], allowed: readonly string[]) => values.every((v) => allowed.includes(v));
  if (!known(filters.status, REGISTRATION_STATUSES) || !known(filters.reason, RETURN_REASONS) || !known(filters.special, [...SPECIAL_SITUATIONS, 'none'])) {
    return fail(400, 'badValue');
  }
  for (const d of [filters.from, filters.to, filters.returnFrom, filters.returnTo]) if (d !== '' && !realDay(d)) return fail(400, 'badDate');
  if ((filters.from && filters.to && filters.from > filters.to) || (filters.returnFrom && filters.returnTo && filters.returnFrom > filters.returnTo)) return fail(400, 'order');

  // Scope before form: a mission or country outside the person's scope is refused as such (403),
  // even when it is listed beside their own or spelt oddly.
  const { view } = ctx;
  for (const country of filters.country) {
    if (view.countries !== undefined && !view.countries.includes(country)) return fail(403, 'badCountry');
    if (!ctx.countries.some((c) => c.code === country)) return fail(400, 'badCountry');
  }
  for (const mission of filters.mission) {
    if (view.missions !== undefined && !view.missions.includes(mission)) return fail(403, 'badMission');
    if (!ctx.directory.get(mission)) return fail(400, 'badMission');
  }

  const filter: RegistrationFilter = { sort: filters.sort, offset: (filters.page - 1) * PAGE_SIZE, limit: PAGE_SIZE };
  if (filters.status.length > 0) filter.status = filters.status;
  if (filters.reason.length > 0) filter.reason = filters.reason;
  if (filters.special.length > 0) filter.special = filters.special;
  if (filters.country.length > 0) filter.country = filters.country;
  if (filters.mission.length > 0) filter.mission = filters.mission;
  if (filters.from) filter.from = filters.from;
  if (filters.to) filter.to = filters.to;
  if (filters.returnFrom) filter.returnFrom = filters.returnFrom;
  if (filters.returnTo) filter.returnTo = filters.returnTo;
  if (filters.q) filter.q = filters.q;
  return { ok: true, filters, filter };
}

/** The filters as a query string (for paging, the CSV link and the language switch); page 1 and the default sort are left out. */
export function listQuery(f: ListFilters, over: Partial<ListFilters> = {}): string {
  const all = { ...f, ...over };
  const p = new URLSearchParams();
  for (const name of ['status', 'reason', 'special', 'country', 'mission'] as const) for (const v of all[name]) p.append(name, v);
  for (const name of ['from', 'to', 'returnFrom', 'returnTo', 'q'] as const) if (all[name]) p.set(name, all[name]);
  if (all.sort !== DEFAULT_SORT) p.set('sort', all.sort);
  if (all.page > 1) p.set('page', String(all.page));
  return p.toString();
}

/** Whether any filter beyond the search and the sort is set (the form then opens its extra filters). */
export function hasDetailFilters(f: ListFilters): boolean {
  return f.status.length + f.reason.length + f.special.length + f.country.length + f.mission.length > 0 || [f.from, f.to, f.returnFrom, f.returnTo].some(Boolean);
}
