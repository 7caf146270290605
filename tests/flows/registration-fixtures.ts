// The registration form's data for the machine tests: the real provinces file, a few country names,
// and time zones by country as the missions give them.
import { createFlowRunner, type FlowDeps } from '../../flows/index.ts';
import type { RegistrationFlowDeps } from '../../flows/registration.ts';
import { loadProvinces } from '../../src/core/content/provinces.ts';
import type { Effect, FlowEvent, FlowState, Understanding } from '../../src/core/effects.ts';
import { createResponder, type ContentView } from '../../src/core/respond.ts';
import { createTranslate } from '../../src/i18n/index.ts';
import { fixtureDeps, understood } from './fixtures.ts';

const ZONES: Record<string, string> = { JP: 'Asia/Tokyo', TW: 'Asia/Taipei', SA: 'Asia/Riyadh', RO: 'Europe/Bucharest' };

export const registrationDeps: RegistrationFlowDeps = {
  provinces: loadProvinces().provinces,
  infoArticles: ['return-steps'],
  countryNames: {
    JP: { vi: 'Nhật Bản', en: 'Japan' },
    TW: { vi: 'Đài Loan', en: 'Taiwan' },
    SA: { vi: 'Ả Rập Xê Út', en: 'Saudi Arabia' },
  },
  cityNames: { taichung: { vi: 'Đài Trung', en: 'Taichung' }, osaka: { vi: 'Osaka', en: 'Osaka' } },
  timeZone: (country) => (country ? (ZONES[country] ?? 'UTC') : 'UTC'),
};

export const depsWithRegistration: FlowDeps = { ...fixtureDeps, registration: registrationDeps };

/** 25/11/2026 09:00 in Taipei. */
export const NOW = Date.parse('2026-11-25T01:00:00Z');

const translate = await createTranslate({ defaults: { retentionDays: 30, registrationRetentionDays: 180 } });
const contentView: ContentView = {
  article: (id) => `[article ${id}]`,
  hotlines: () => '[hotlines]',
  urgent: () => '[urgent lines]',
  countryName: (code) => code,
};
const render = createResponder({ translate, content: contentView });

/**
 * Runs events through fresh actors, one per turn, persisting a JSON copy in between like the
 * engine does; every turn is also rendered in both languages, so a key the form emits that the
 * locales lack fails here.
 */
export function conversation(initial: FlowState = { locale: 'vi', country: 'TW' }, deps: FlowDeps = depsWithRegistration) {
  const runner = createFlowRunner(deps);
  let persisted: unknown;
  let last: Effect[] = [];
  let state: FlowState = initial;
  let now = NOW;
  const c = {
    send(event: FlowEvent) {
      const r = runner.step(persisted, initial, event);
      persisted = JSON.parse(JSON.stringify(r.persisted));
      last = r.effects;
      state = r.state;
      for (const locale of ['vi', 'en'] as const) render(r.effects, locale);
      return r.effects;
    },
    text(text: string, nlu: Partial<Understanding> = {}) {
      return c.send({ type: 'user.text', text, nlu: understood(nlu), at: now });
    },
    choose(id: string) {
      return c.send({ type: 'user.choice', id, at: now });
    },
    /** Moves the clock the flow reads dates against. */
    set now(at: number) {
      now = at;
    },
    get effects() {
      return last;
    },
    get state() {
      return state;
    },
    get value(): unknown {
      return (persisted as { value: unknown }).value;
    },
    get context(): Record<string, unknown> {
      return (persisted as { context: Record<string, unknown> }).context;
    },
    /** The text the user would read (with the numbered choices), in Vietnamese by default. */
    rendered(locale: 'vi' | 'en' = 'vi') {
      return render(last, locale)
        .messages.map((m) => [m.text, ...(m.choices ?? []).map((ch, i) => `${i + 1}. ${ch.label}`)].join('\n'))
        .join('\n---\n');
    },
  };
  return c;
}

export const asks = (effects: Effect[]) => effects.filter((e) => e.type === 'ask');
export const choiceIds = (effects: Effect[]) => asks(effects).flatMap((e) => (e.type === 'ask' ? e.choices.map((c) => c.id) : []));
export const keysSaid = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'say' ? [e.key] : e.type === 'ask' && e.key ? [e.key] : []));
