// A registration's values in the officer's language: the vocabulary of the form (statuses,
// reasons, special situations, sectors, sex) from the console's strings, places from the content
// (countries, cities, provinces by their names), and dates as the mission reads them — a day in its
// own time zone, a month answer as the month it is ("cuối tháng 1/2027"), never a guessed day.
import { foldName } from '../../core/content/provinces.ts';
import type { FlexDate, RegistrationStatus } from '../../core/registration.ts';
import { dateTimeIn, dayIn } from '../../registration/dates.ts';
import type { Registration } from '../../registration/model.ts';
import { channelLabel, countryName, missionName } from '../describe.ts';
import { html, type Html } from '../html.ts';
import type { Ctx } from '../router.ts';

type C = Pick<Ctx, 't' | 'has' | 'locale' | 'deps'>;

/** Registrations no mission covers are the ministry's: Viet Nam's clock. */
const HOME_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function zoneOf(c: C, mission: string | undefined): string {
  return (mission ? c.deps.missions.get(mission)?.timeZone : undefined) ?? HOME_TIME_ZONE;
}

/** A value of the form's vocabulary, or the value itself when the console has no name for it yet. */
function named(c: C, key: string, value: string): string {
  return c.has(key) ? c.t(key) : value;
}

export const statusLabel = (c: C, s: string) => named(c, `registrations.status.${s}`, s);
export const reasonLabel = (c: C, r: string) => named(c, `registrations.reason.${r}`, r);
export const specialLabel = (c: C, s: string) => named(c, `registrations.special.${s}`, s);
export const sectorLabel = (c: C, s: string) => named(c, `registrations.sector.${s}`, s);
export const sexLabel = (c: C, s: string) => named(c, `registrations.sex.${s}`, s);

export function statusBadge(c: C, s: RegistrationStatus): Html {
  return html`<span class="badge reg-${s}">${statusLabel(c, s)}</span>`;
}

/** 2026-03-05 → "5/3/2026" (vi) or "5 Mar 2026" (en). */
export function day(c: C, iso: string): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const month = c.t('registrations.value.monthNames').split(',')[m - 1] ?? String(m);
  return c.t('registrations.value.day', { d, m, y, month });
}

export function dateTime(c: C, ms: number, timeZone: string): string {
  const [date, time] = dateTimeIn(ms, timeZone).split(' ') as [string, string];
  return `${day(c, date)} ${time}`;
}

/** A date answer as precise as the user gave it. */
export function flexDate(c: C, d: FlexDate): string {
  if ('day' in d) return day(c, d.day);
  const [y, m] = d.month.split('-').map(Number) as [number, number];
  const month = c.t('registrations.value.month', { m, y, month: c.t('registrations.value.monthNames').split(',')[m - 1] ?? String(m) });
  return d.part ? c.t(`registrations.value.part.${d.part}`, { month }) : month;
}

export function returnDate(c: C, r: Registration): string {
  const d = r.data.returnDate;
  return 'asap' in d ? c.t('registrations.value.asap') : flexDate(c, d);
}

export function contractEnd(c: C, r: Registration): string {
  return r.data.contractEnd === null ? c.t('registrations.value.noContract') : flexDate(c, r.data.contractEnd);
}

/** Age in whole years on the mission's today. */
export function age(birth: string, now: number, timeZone: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = dayIn(now, timeZone).split('-').map(Number) as [number, number, number];
  return ty - by - (tm < bm || (tm === bm && td < bd) ? 1 : 0);
}

export function passport(c: C, r: Registration): string {
  const p = r.data.passport;
  return p.status === 'held' ? p.number : c.t(`registrations.value.passport.${p.status}`);
}

/** How the user can be reached: a phone or address to use at once, or this chat on its app. */
export function contact(c: C, r: Registration): Html {
  const x = r.data.contact;
  switch (x.kind) {
    case 'phone':
      return html`<a href="tel:${x.value}">${x.value}</a> <span class="small muted">(${c.t('registrations.value.contact.phone')})</span>`;
    case 'email':
      return html`<a href="mailto:${x.value}">${x.value}</a>`;
    case 'other':
      return html`${x.value}`;
    case 'chat':
      return html`${c.t('registrations.value.contact.chat', { channel: channelLabel(c, r.key.channel) })}`;
  }
}

/**
 * Where the user is: the country by its name (or as they typed it, when it is none the bot knows),
 * and the city as they typed it. A known city id names the mission's area ("Dao Vien" is in the
 * Taipei area): said beside what was typed, or instead of it when it is the same name.
 */
export function place(c: C, r: Registration): { country: string; city: string } {
  const d = r.data;
  const country = d.country ? countryName(c, d.country) : c.t('registrations.value.typedCountry', { name: d.countryName ?? '' });
  const area = d.cityId ? c.deps.countries.find((x) => x.code === d.country)?.cities.find((x) => x.id === d.cityId)?.name[c.locale] : undefined;
  if (!area) return { country, city: d.city };
  return { country, city: foldName(area) === foldName(d.city) ? area : c.t('registrations.value.cityArea', { city: d.city, area }) };
}

export function province(c: C, r: Registration, provinceName: (id: string) => string | undefined): string {
  const name = provinceName(r.data.province) ?? r.data.province;
  return r.data.formerProvince ? c.t('registrations.value.formerProvince', { province: name, former: r.data.formerProvince }) : name;
}

export function missionLabel(c: C, mission: string | undefined): string {
  return mission ? missionName(c, mission) : c.t('registrations.noMission');
}
