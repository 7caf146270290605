// Times and durations as staff read them: in their mission's time zone, with the console's day names.
import type { MissionDirectory, Staff } from '../handoff/model.ts';
import { describeInstant } from '../handoff/office-hours.ts';
import type { Ctx } from './router.ts';
import { shortDuration } from './windows.ts';

/** Staff without a mission (admins) read times in Viet Nam's time. */
const HOME_TIME_ZONE = 'Asia/Ho_Chi_Minh';

export function staffTimeZone(staff: Staff, missions: MissionDirectory): string {
  for (const id of staff.missions) {
    const m = missions.get(id);
    if (m) return m.timeZone;
  }
  return HOME_TIME_ZONE;
}

/** "14:05 T6 28/11" in `timeZone`. */
export function when(c: Pick<Ctx, 't'>, ms: number, timeZone: string): string {
  return describeInstant(ms, timeZone, c.t('time.days').split(','));
}

/** "12 phút", "3 giờ", "2 ngày". */
export function duration(c: Pick<Ctx, 't'>, ms: number): string {
  return shortDuration(ms, { min: c.t('time.min'), h: c.t('time.h'), d: c.t('time.d') });
}

/** "vừa xong" under a minute, else "12 phút trước". */
export function ago(c: Pick<Ctx, 't'>, ms: number): string {
  return ms < 60_000 ? c.t('time.justNow') : c.t('time.ago', { d: duration(c, ms) });
}
