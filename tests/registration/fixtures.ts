// Registrations for the service and repository tests, and the service wired to a store with a
// clock the test moves.
import { randomUUID } from 'node:crypto';
import type { ConversationKey } from '../../src/core/messages.ts';
import { silentLog, type Store } from '../../src/core/ports.ts';
import type { RegistrationDraft } from '../../src/core/registration.ts';
import type { Registration } from '../../src/registration/model.ts';
import { RegistrationService, type RegistrationServiceOptions } from '../../src/registration/service.ts';
import { createTranslate } from '../../src/i18n/index.ts';

export const DAY = 24 * 3600_000;

export const draft = (over: Partial<RegistrationDraft> = {}): RegistrationDraft => ({
  fullName: 'Nguyễn Thị Lan',
  birthDate: '1995-12-25',
  passport: { status: 'held', number: 'C1234567' },
  country: 'TW',
  city: 'Đài Trung',
  contact: { kind: 'phone', value: '+886912345678' },
  employer: 'Công ty Minh Phát',
  contractEnd: { day: '2026-06-30' },
  reason: 'early_employer_closed',
  special: [],
  returnDate: { month: '2027-01', part: 'late' },
  province: 'nghe-an',
  sex: 'female',
  sector: 'manufacturing',
  ...over,
});

export const userKey = (user = `u${randomUUID().slice(0, 8)}`, channel = 'web'): ConversationKey => ({ channel, account: 'web', user });

export function record(over: Partial<Registration> = {}): Registration {
  const at = over.createdAt ?? Date.parse('2026-11-25T02:00:00Z');
  return {
    id: randomUUID(),
    ref: 'K7M3QX',
    key: userKey(),
    mission: 'tw-taipei',
    locale: 'vi',
    status: 'received',
    createdAt: at,
    updatedAt: at,
    submissions: ['m1'],
    data: draft(),
    history: [{ at, event: 'received', by: { kind: 'user' } }],
    ...over,
  };
}

const MISSIONS: Record<string, { zone: string; country: string; name: string }> = {
  'tw-taipei': { zone: 'Asia/Taipei', country: 'TW', name: 'VECO Đài Bắc' },
  'jp-tokyo': { zone: 'Asia/Tokyo', country: 'JP', name: 'ĐSQ Tokyo' },
  'jp-osaka': { zone: 'Asia/Tokyo', country: 'JP', name: 'TLSQ Osaka' },
  'sa-riyadh': { zone: 'Asia/Riyadh', country: 'SA', name: 'ĐSQ Riyadh' },
};

export interface TestClock {
  now(): number;
  at: number;
}

export async function service(store: Store, clock: TestClock, options: Partial<RegistrationServiceOptions> = {}) {
  const kicked: ConversationKey[] = [];
  const translate = await createTranslate({ defaults: { retentionDays: 30, registrationRetentionDays: 180 } });
  const s = new RegistrationService({
    store,
    clock,
    log: silentLog,
    translate,
    route: (country, city) => {
      if (country === 'JP') return city === 'osaka' ? 'jp-osaka' : 'jp-tokyo';
      return Object.entries(MISSIONS).find(([, m]) => m.country === country)?.[0];
    },
    timeZone: (mission) => (mission ? MISSIONS[mission]?.zone : undefined) ?? 'Asia/Ho_Chi_Minh',
    names: {
      country: (code, locale) => ({ TW: { vi: 'Đài Loan', en: 'Taiwan' }, JP: { vi: 'Nhật Bản', en: 'Japan' } })[code]?.[locale],
      province: (id) => ({ 'nghe-an': 'Nghệ An', 'tuyen-quang': 'Tuyên Quang' })[id],
      mission: (id) => MISSIONS[id]?.name,
    },
    kick: (key) => kicked.push(key),
    options: { retentionMs: 180 * DAY, transcriptTtlMs: 30 * DAY, ...options },
  });
  return { service: s, kicked };
}

export function testClock(at = Date.parse('2026-11-25T02:00:00Z')): TestClock {
  const c = { at, now: () => c.at };
  return c;
}
