// A small mission directory and a hand-cranked clock for the hand-off tests.
import type { Clock } from '../../src/core/ports.ts';
import type { MissionDirectory, MissionInfo, Staff } from '../../src/handoff/model.ts';

const weekdays = { days: [1, 2, 3, 4, 5], open: '08:30', close: '17:00' };

export const MISSIONS: MissionInfo[] = [
  { id: 'jp-tokyo', name: { vi: 'Đại sứ quán tại Tokyo', en: 'Embassy in Tokyo' }, country: 'JP', timeZone: 'Asia/Tokyo', officeHours: weekdays },
  { id: 'jp-osaka', name: { vi: 'Tổng Lãnh sự quán tại Osaka', en: 'Consulate General in Osaka' }, country: 'JP', timeZone: 'Asia/Tokyo', officeHours: weekdays },
  { id: 'tw-taipei', name: { vi: 'VPKT-VH Việt Nam tại Đài Bắc', en: 'VECO Taipei' }, country: 'TW', timeZone: 'Asia/Taipei', officeHours: weekdays },
  // Riyadh works Sunday to Thursday.
  { id: 'sa-riyadh', name: { vi: 'Đại sứ quán tại Riyadh', en: 'Embassy in Riyadh' }, country: 'SA', timeZone: 'Asia/Riyadh', officeHours: { days: [7, 1, 2, 3, 4], open: '09:00', close: '15:00' } },
];

export const missions: MissionDirectory = {
  route(country, city) {
    if (country === 'JP' && city === 'osaka') return MISSIONS[1];
    return MISSIONS.find((m) => m.country === country && m.id !== 'jp-osaka');
  },
  get: (id) => MISSIONS.find((m) => m.id === id),
  all: () => MISSIONS,
};

export const tokyoAgent: Staff = { id: 'tanaka', name: 'Chị Lan', role: 'agent', missions: ['jp-tokyo'] };
export const taipeiAgent: Staff = { id: 'minh', name: 'Anh Minh', role: 'agent', missions: ['tw-taipei'] };

export class ManualClock implements Clock {
  constructor(public t: number) {}
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    this.t += ms;
  }
}

/** Wednesday 2026-11-25 10:00 in Tokyo (01:00 UTC): the Tokyo embassy is open. */
export const TOKYO_WED_10AM = Date.UTC(2026, 10, 25, 1, 0);
/** Saturday 2026-11-28 10:00 in Tokyo: closed until Monday 08:30. */
export const TOKYO_SAT_10AM = Date.UTC(2026, 10, 28, 1, 0);
