// The return registration form, as states of the root machine: consent first, then one question a
// state, each answer checked (flows/registration-input.ts) and re-asked with the reason when it
// does not fit, a review where any item can be changed, and the confirmation that hands the
// answers to the engine (`registration.submit`) — the reference number comes back from there.
// Living inside the root machine keeps what the root does everywhere: an emergency typed mid-form
// is answered there and "continue" asks the same question again; "menu" leaves the draft, which
// is offered again the next time.
import { and, setup } from 'xstate';
import { createProvinceIndex, type Province, type ProvinceMatch } from '../src/core/content/provinces.ts';
import type { AskEffect, ChoiceSpec, Effect, FlowEvent, FlowState, Localized, VarValue, Vars } from '../src/core/effects.ts';
import {
  REGISTRATION_CHOICES,
  RETURN_REASONS,
  SECTORS,
  SEXES,
  SPECIAL_SITUATIONS,
  type ContactAnswer,
  type FlexDate,
  type PassportAnswer,
  type RegistrationDraft,
  type ReturnDateAnswer,
  type ReturnReason,
  type Sector,
  type Sex,
  type SpecialSituation,
} from '../src/core/registration.ts';
import { asksSameElsewhere } from './elsewhere.ts';
import type { RootContext } from './root.machine.ts';
import {
  asksForStatus,
  asksToRegister,
  isCancelRequest,
  isNo,
  isNotPast,
  isYes,
  localToday,
  parseContact,
  parseCountryName,
  parseDate,
  parseEditRequest,
  parseFullName,
  parseLabel,
  parsePassport,
  parseSex,
  parseSpecial,
  referenceIn,
  type DateField,
  type Day,
} from './registration-input.ts';

/** What the form is built from: data only. */
export interface RegistrationFlowDeps {
  provinces: readonly Province[];
  /** Article ids with the general information on going home, given when the user does not consent. */
  infoArticles: readonly string[];
  /** Every country the bot knows, by code (the form names the one it believes the user is in). */
  countryNames: Readonly<Record<string, Localized>>;
  /** Cities the bot may already know the user is in (content/countries.yaml), by id, to offer to confirm. */
  cityNames?: Readonly<Record<string, Localized>>;
  /** The user's time zone for where they are (their mission's), to read "today" and typed dates. */
  timeZone(country?: string, city?: string): string;
}

/** The questions, in the order they are asked. */
export const FIELDS = [
  'name', 'birth', 'passport', 'country', 'city', 'contact', 'employer', 'contractEnd', 'reason', 'special', 'returnDate', 'province', 'sex', 'sector',
] as const;
export type Field = (typeof FIELDS)[number];

/** The review's numbered items; the place where the user is is one item of two questions. */
export const ITEMS = [
  ['name', ['name']], ['birth', ['birth']], ['passport', ['passport']], ['location', ['country', 'city']], ['contact', ['contact']],
  ['employer', ['employer']], ['contractEnd', ['contractEnd']], ['reason', ['reason']], ['special', ['special']],
  ['returnDate', ['returnDate']], ['province', ['province']], ['sex', ['sex']], ['sector', ['sector']],
] as const satisfies readonly (readonly [string, readonly Field[]])[];

export interface DraftInProgress {
  fullName?: string;
  birthDate?: string;
  passport?: PassportAnswer;
  country?: string;
  countryName?: string;
  city?: string;
  cityId?: string;
  contact?: ContactAnswer;
  employer?: string | null;
  contractEnd?: FlexDate | null;
  reason?: ReturnReason;
  special?: SpecialSituation[];
  returnDate?: ReturnDateAnswer;
  province?: string;
  formerProvince?: string;
  sex?: Sex;
  sector?: Sector;
}

/** The form's part of the conversation's context. Kept until confirmed, cancelled or erased. */
export interface RegState {
  consented: boolean;
  draft: DraftInProgress;
  /** Questions answered (or, for the optional ones, skipped). */
  done: Field[];
  /** Changing an item from the review: back there when its questions are answered. */
  editing?: { before: Field[] };
  /** Special situations tapped so far (buttons pick one at a time). */
  picked?: SpecialSituation[];
  /** Provinces offered for a name that fitted several or none exactly. */
  suggestions?: ProvinceMatch[];
  /** The reference the user asked about, for withdrawing or erasing that one. */
  ref?: string;
}

export const REG = {
  start: REGISTRATION_CHOICES.start,
  check: REGISTRATION_CHOICES.check,
  info: 'reg_info',
  resume: 'reg_resume',
  restart: 'reg_restart',
  consentYes: 'reg_agree',
  consentMore: 'reg_details',
  consentNo: 'reg_decline',
  confirm: 'reg_confirm',
  edit: 'reg_edit',
  cancel: 'reg_cancel',
  cancelYes: 'reg_cancel_yes',
  cancelNo: 'reg_cancel_no',
  review: 'reg_review',
  here: 'reg_here',
  hereCity: 'reg_here_city',
  passportLost: 'reg_pp_lost',
  passportEmployer: 'reg_pp_employer',
  viaChat: 'reg_via_chat',
  employerUnknown: 'reg_employer_unknown',
  noContract: 'reg_no_contract',
  asap: 'reg_asap',
  specialNone: 'reg_sp_none',
  specialDone: 'reg_sp_done',
  provinceList: 'reg_prov_list',
  skip: 'reg_skip',
  withdraw: REGISTRATION_CHOICES.withdraw,
  withdrawYes: 'reg_withdraw_yes',
  erase: REGISTRATION_CHOICES.erase,
  eraseYes: 'reg_erase_yes',
  keep: 'reg_keep',
  menu: 'menu',
  staff: 'staff',
} as const;
const reasonId = (r: ReturnReason) => `reg_reason_${r}`;
const specialId = (s: SpecialSituation) => `reg_sp_${s}`;
const sexId = (s: Sex) => `reg_sex_${s}`;
const sectorId = (s: Sector) => `reg_sector_${s}`;
const provinceId = (i: number) => `reg_prov_${i}`;
const itemId = (i: number) => `reg_item_${i + 1}`;
const COUNTRY_PREFIX = 'country_';

const formSetup = setup({
  types: { context: {} as RootContext, events: {} as FlowEvent, emitted: {} as Effect, input: {} as FlowState },
});

type Args = { context: RootContext; event: FlowEvent };
type Answer =
  /** Store these and go on. */
  | { set: DraftInProgress; place?: { country: string | undefined; city?: string } }
  /** Not an answer: say why and ask again. */
  | { error: string; vars?: Vars }
  /** A step inside the question (a special situation tapped, provinces to choose from). */
  | { stay: Partial<RegState>; effects?: Effect[] };

const say = (key: string, vars?: Vars): Effect => (vars ? { type: 'say', key, vars } : { type: 'say', key });
const ask = (key: string, choices: ChoiceSpec[], vars?: Vars): AskEffect => ({ type: 'ask', key, choices, ...(vars ? { vars } : {}) });
const choice = (id: string, key: string, vars?: Vars): ChoiceSpec => ({ id, key, ...(vars ? { vars } : {}) });
const eventText = (event: FlowEvent) => (event.type === 'user.text' ? event.text : undefined);
const eventChoice = (event: FlowEvent) => (event.type === 'user.choice' ? event.id : undefined);
const regOf = (ctx: RootContext): RegState => ctx.reg ?? { consented: false, draft: {}, done: [] };

/** The shapes the review shows: dates in words where the language has them. */
export function dateVar(date: FlexDate): VarValue {
  if ('day' in date) {
    const [y, m, d] = date.day.split('-') as [string, string, string];
    return { key: 'registration.value.day', vars: { d: String(Number(d)), dd: d, mm: m, y, month: { key: `registration.month.${Number(m)}` } } };
  }
  const [y, m] = date.month.split('-') as [string, string];
  const month = { key: 'registration.value.month', vars: { mm: m, y, month: { key: `registration.month.${Number(m)}` } } };
  return date.part ? { key: `registration.value.part.${date.part}`, vars: { month } } : month;
}

export function createRegistration(deps: RegistrationFlowDeps | undefined, offeredCountries: readonly { code: string; label: Localized }[]) {
  const provinces = createProvinceIndex(deps?.provinces ?? []);
  const countryLabel = (code: string): VarValue => {
    const name = deps?.countryNames[code];
    return name ? { text: name } : code;
  };
  const today = (ctx: RootContext, event: FlowEvent): Day | undefined => {
    const at = event.type === 'user.text' || event.type === 'user.choice' ? event.at : undefined;
    if (at === undefined || !deps) return undefined;
    const d = regOf(ctx).draft;
    return localToday(at, deps.timeZone(d.country ?? ctx.country, d.cityId ?? ctx.city));
  };
  /** The city the bot already places the user in, when it is in the country they just confirmed. */
  const knownCity = (ctx: RootContext): { id: string; name: Localized } | undefined => {
    const d = regOf(ctx).draft;
    const name = ctx.city ? deps?.cityNames?.[ctx.city] : undefined;
    return ctx.city && name && d.country !== undefined && ctx.country === d.country ? { id: ctx.city, name } : undefined;
  };
  const provinceVar = (m: ProvinceMatch): VarValue => {
    const name = provinces.get(m.id)?.name ?? m.id;
    return m.former ? { key: 'registration.value.province.former', vars: { province: name, former: m.former } } : name;
  };

  // ── the questions ─────────────────────────────────────────────────────────────────────────

  function question(field: Field, ctx: RootContext): AskEffect {
    const reg = regOf(ctx);
    const d = reg.draft;
    switch (field) {
      case 'name':
        return ask('registration.ask.name', []);
      case 'birth':
        return ask('registration.ask.birth', []);
      case 'passport':
        return ask('registration.ask.passport', [choice(REG.passportLost, 'registration.choice.passportLost'), choice(REG.passportEmployer, 'registration.choice.passportEmployer')]);
      case 'country': {
        const known = d.country ?? ctx.country;
        const others = offeredCountries.filter((c) => c.code !== known).map((c): ChoiceSpec => ({ id: `${COUNTRY_PREFIX}${c.code}`, label: c.label }));
        return known
          ? ask('registration.ask.countryKnown', [choice(REG.here, 'registration.choice.here', { country: countryLabel(known) }), ...others], { country: countryLabel(known) })
          : ask('registration.ask.country', others);
      }
      case 'city': {
        const country = d.country ? countryLabel(d.country) : (d.countryName ?? '');
        const city = knownCity(ctx);
        return city
          ? ask('registration.ask.cityKnown', [choice(REG.hereCity, 'registration.choice.hereCity', { city: { text: city.name } })], { city: { text: city.name }, country })
          : ask('registration.ask.city', [], { country });
      }
      case 'contact':
        return ask('registration.ask.contact', [choice(REG.viaChat, 'registration.choice.viaChat')]);
      case 'employer':
        return ask('registration.ask.employer', [choice(REG.employerUnknown, 'registration.choice.employerUnknown')]);
      case 'contractEnd':
        return ask('registration.ask.contractEnd', [choice(REG.noContract, 'registration.choice.noContract')]);
      case 'reason':
        return ask('registration.ask.reason', RETURN_REASONS.map((r) => choice(reasonId(r), `registration.reason.${r}`)));
      case 'special': {
        const picked = reg.picked ?? [];
        const choices = [
          ...SPECIAL_SITUATIONS.map((s) => choice(specialId(s), picked.includes(s) ? 'registration.choice.picked' : `registration.special.${s}`, picked.includes(s) ? { item: { key: `registration.special.${s}` } } : undefined)),
          choice(REG.specialNone, 'registration.choice.specialNone'),
          ...(picked.length > 0 ? [choice(REG.specialDone, 'registration.choice.specialDone')] : []),
        ];
        return picked.length > 0
          ? ask('registration.ask.specialMore', choices, { picked: picked.map((s) => ({ key: `registration.special.${s}` })) })
          : ask('registration.ask.special', choices);
      }
      case 'returnDate':
        return ask('registration.ask.returnDate', [choice(REG.asap, 'registration.choice.asap')]);
      case 'province': {
        const suggestions = reg.suggestions ?? [];
        if (suggestions.length > 0) {
          return ask('registration.ask.provinceSuggest', [
            // A button shows the name the user will recognise: the former province's when that is what matched.
            ...suggestions.map((m, i) => choice(provinceId(i), 'registration.choice.province', { province: m.former ?? provinces.get(m.id)?.name ?? m.id })),
            choice(REG.provinceList, 'registration.choice.provinceList'),
          ]);
        }
        return ask('registration.ask.province', [choice(REG.provinceList, 'registration.choice.provinceList')]);
      }
      case 'sex':
        return ask('registration.ask.sex', SEXES.map((s) => choice(sexId(s), `registration.sex.${s}`)));
      case 'sector':
        return ask('registration.ask.sector', [...SECTORS.map((s) => choice(sectorId(s), `registration.sector.${s}`)), choice(REG.skip, 'registration.choice.skip')]);
    }
  }

  const dateError = (field: DateField, error: string): Answer => ({
    error: `registration.error.date.${error}`,
    vars: { field: { key: `registration.item.${field === 'return' ? 'returnDate' : field}` } },
  });

  function dateAnswer(field: DateField, text: string, ctx: RootContext, event: FlowEvent): Answer {
    const parsed = parseDate(text, field, today(ctx, event));
    if (!parsed.ok) return dateError(field, parsed.error);
    if (field === 'birth') return 'day' in parsed.value ? { set: { birthDate: parsed.value.day } } : dateError(field, 'needDay');
    return field === 'contractEnd' ? { set: { contractEnd: parsed.value } } : { set: { returnDate: parsed.value } };
  }

  /** What the user's message means for this question; undefined when it is not about it (the root handles it). */
  function answerOf(field: Field, ctx: RootContext, event: FlowEvent): Answer | undefined {
    const text = eventText(event);
    const id = eventChoice(event);
    const reg = regOf(ctx);
    if (text === undefined && id === undefined) return undefined;
    switch (field) {
      case 'name': {
        if (text === undefined) return undefined;
        const r = parseFullName(text);
        return r.ok ? { set: { fullName: r.value } } : { error: 'registration.error.name' };
      }
      case 'birth':
        return text === undefined ? undefined : dateAnswer('birth', text, ctx, event);
      case 'passport': {
        if (id === REG.passportLost) return { set: { passport: { status: 'lost' } } };
        if (id === REG.passportEmployer) return { set: { passport: { status: 'employer' } } };
        if (text === undefined) return undefined;
        const r = parsePassport(text);
        return r.ok ? { set: { passport: r.value } } : { error: 'registration.error.passport' };
      }
      case 'country': {
        const known = reg.draft.country ?? ctx.country;
        // The same country keeps the city the bot knew; another one starts without.
        const place = (code: string) => ({ country: code, ...(code === ctx.country && ctx.city ? { city: ctx.city } : {}) });
        if (id === REG.here && known) return { set: { country: known, countryName: undefined }, place: place(known) };
        if (id?.startsWith(COUNTRY_PREFIX)) {
          const code = id.slice(COUNTRY_PREFIX.length);
          return offeredCountries.some((c) => c.code === code) ? { set: { country: code, countryName: undefined }, place: place(code) } : undefined;
        }
        if (text === undefined || event.type !== 'user.text') return undefined;
        const code = event.nlu.country;
        if (code) return { set: { country: code, countryName: undefined }, place: { country: code, ...(event.nlu.city ? { city: event.nlu.city } : code === ctx.country && ctx.city ? { city: ctx.city } : {}) } };
        const r = parseCountryName(text);
        return r.ok ? { set: { country: undefined, countryName: r.value }, place: { country: undefined } } : { error: 'registration.error.country' };
      }
      case 'city': {
        const city = knownCity(ctx);
        // Kept in Vietnamese: it is for the mission's staff.
        if (id === REG.hereCity && city) return { set: { city: city.name.vi, cityId: city.id }, place: { country: reg.draft.country, city: city.id } };
        if (text === undefined || event.type !== 'user.text') return undefined;
        const r = parseLabel(text, 80);
        if (!r.ok) return { error: 'registration.error.city' };
        // The NLU knows the cities where a country has several missions: that picks the mission.
        const cityId = event.nlu.city && (!event.nlu.country || event.nlu.country === reg.draft.country) ? event.nlu.city : undefined;
        return { set: { city: r.value, cityId }, place: { country: reg.draft.country, ...(cityId ? { city: cityId } : {}) } };
      }
      case 'contact': {
        if (id === REG.viaChat) return { set: { contact: { kind: 'chat' } } };
        if (text === undefined) return undefined;
        const r = parseContact(text);
        return r.ok ? { set: { contact: r.value } } : { error: 'registration.error.contact' };
      }
      case 'employer': {
        if (id === REG.employerUnknown) return { set: { employer: null } };
        if (text === undefined) return undefined;
        const r = parseLabel(text, 120);
        return r.ok ? { set: { employer: r.value } } : { error: 'registration.error.employer' };
      }
      case 'contractEnd':
        if (id === REG.noContract) return { set: { contractEnd: null } };
        return text === undefined ? undefined : dateAnswer('contractEnd', text, ctx, event);
      case 'reason': {
        const r = RETURN_REASONS.find((x) => reasonId(x) === id);
        if (r) return { set: { reason: r } };
        return text === undefined ? undefined : { error: 'registration.error.pick' };
      }
      case 'special': {
        const picked = reg.picked ?? [];
        if (id === REG.specialNone) return { set: { special: [] } };
        if (id === REG.specialDone) return picked.length > 0 ? { set: { special: picked } } : undefined;
        const tapped = SPECIAL_SITUATIONS.find((s) => specialId(s) === id);
        if (tapped) {
          const next = picked.includes(tapped) ? picked.filter((s) => s !== tapped) : SPECIAL_SITUATIONS.filter((s) => s === tapped || picked.includes(s));
          return { stay: { picked: next } };
        }
        if (text === undefined) return undefined;
        const r = parseSpecial(text);
        return r.ok ? { set: { special: r.value } } : { error: 'registration.error.special' };
      }
      case 'returnDate':
        if (id === REG.asap) return { set: { returnDate: { asap: true } } };
        return text === undefined ? undefined : dateAnswer('return', text, ctx, event);
      case 'province': {
        if (id === REG.provinceList) {
          return { stay: {}, effects: [say('registration.provinceList', { list: provinces.list.map((p) => p.name).join(', ') })] };
        }
        const offered = (reg.suggestions ?? []).find((_, i) => provinceId(i) === id);
        if (offered) return { set: { province: offered.id, formerProvince: offered.former } };
        if (text === undefined) return undefined;
        const found = provinces.find(text);
        if (found.kind === 'one') return { set: { province: found.match.id, formerProvince: found.match.former } };
        if (found.kind === 'some') return { stay: { suggestions: found.matches } };
        return { error: 'registration.error.province' };
      }
      case 'sex': {
        const s = SEXES.find((x) => sexId(x) === id);
        if (s) return { set: { sex: s } };
        if (text === undefined) return undefined;
        const r = parseSex(text);
        return r.ok ? { set: { sex: r.value } } : { error: 'registration.error.pick' };
      }
      case 'sector': {
        if (id === REG.skip) return { set: { sector: undefined } };
        const s = SECTORS.find((x) => sectorId(x) === id);
        if (s) return { set: { sector: s } };
        return text === undefined ? undefined : { error: 'registration.error.pick' };
      }
    }
  }

  // ── the review ────────────────────────────────────────────────────────────────────────────

  const none = (key: string): VarValue => ({ key: `registration.value.${key}` });

  function reviewVars(ctx: RootContext): Vars {
    const d = regOf(ctx).draft;
    const passport: VarValue =
      d.passport?.status === 'held' ? d.passport.number : d.passport ? { key: `registration.value.passport.${d.passport.status}` } : '';
    const contact: VarValue =
      d.contact === undefined ? '' : d.contact.kind === 'chat' ? none('viaChat') : d.contact.value;
    const where: VarValue[] = [d.country ? countryLabel(d.country) : (d.countryName ?? ''), d.city ?? ''];
    const returnDate: VarValue = d.returnDate === undefined ? '' : 'asap' in d.returnDate ? none('asap') : dateVar(d.returnDate);
    return {
      name: d.fullName ?? '',
      birth: d.birthDate ? dateVar({ day: d.birthDate }) : '',
      passport,
      location: where,
      contact,
      employer: d.employer ?? none('unknown'),
      contractEnd: d.contractEnd ? dateVar(d.contractEnd) : none('noContract'),
      reason: d.reason ? { key: `registration.reason.${d.reason}` } : '',
      special: d.special && d.special.length > 0 ? d.special.map((s) => ({ key: `registration.special.${s}` })) : none('none'),
      returnDate,
      province: d.province ? provinceVar({ id: d.province, ...(d.formerProvince ? { former: d.formerProvince } : {}) }) : '',
      sex: d.sex ? { key: `registration.sex.${d.sex}` } : none('skipped'),
      sector: d.sector ? { key: `registration.sector.${d.sector}` } : none('skipped'),
    };
  }

  const reviewAsk = (ctx: RootContext) =>
    ask('registration.review.prompt', [choice(REG.confirm, 'registration.choice.confirm'), choice(REG.edit, 'registration.choice.edit'), choice(REG.cancel, 'registration.choice.cancel')], reviewVars(ctx));
  const editAsk = () =>
    ask('registration.edit.prompt', [...ITEMS.map(([item], i) => choice(itemId(i), `registration.item.${item}`)), choice(REG.review, 'registration.choice.backToReview')]);

  /** The answers as the engine takes them, or undefined while something is missing. */
  function completeDraft(ctx: RootContext): RegistrationDraft | undefined {
    const d = regOf(ctx).draft;
    if (!d.fullName || !d.birthDate || !d.passport || !d.city || !d.contact || d.employer === undefined || d.contractEnd === undefined) return undefined;
    if (!d.reason || !d.special || !d.returnDate || !d.province || (!d.country && !d.countryName)) return undefined;
    return {
      fullName: d.fullName,
      birthDate: d.birthDate,
      passport: d.passport,
      ...(d.country ? { country: d.country } : {}),
      ...(!d.country && d.countryName ? { countryName: d.countryName } : {}),
      city: d.city,
      ...(d.cityId ? { cityId: d.cityId } : {}),
      contact: d.contact,
      employer: d.employer,
      contractEnd: d.contractEnd,
      reason: d.reason,
      special: d.special,
      returnDate: d.returnDate,
      province: d.province,
      ...(d.formerProvince ? { formerProvince: d.formerProvince } : {}),
      ...(d.sex ? { sex: d.sex } : {}),
      ...(d.sector ? { sector: d.sector } : {}),
    };
  }

  // ── guards and actions ──────────────────────────────────────────────────────────────────

  const isChoice = (id: string) => ({ event }: Args) => eventChoice(event) === id;
  const isBack = ({ event }: Args) => event.type === 'user.command' && event.command === 'back';
  const enabled = () => deps !== undefined;
  const typedCancel = ({ event }: Args) => event.type === 'user.text' && isCancelRequest(event.text);
  const typedStatus = ({ event }: Args) => event.type === 'user.text' && asksForStatus(event.text);
  const typedRegister = ({ event }: Args) => event.type === 'user.text' && asksToRegister(event.text);

  const takes = (field: Field) => ({ context, event }: Args) => {
    const a = answerOf(field, context, event);
    return a !== undefined && 'set' in a;
  };
  const handles = (field: Field) => ({ context, event }: Args) => answerOf(field, context, event) !== undefined;

  const take = (field: Field) =>
    formSetup.assign(({ context, event }) => {
      const a = answerOf(field, context, event);
      if (!a || !('set' in a)) return {};
      const reg = regOf(context);
      const draft = { ...reg.draft, ...a.set };
      for (const k of Object.keys(a.set) as (keyof DraftInProgress)[]) if (a.set[k] === undefined) delete draft[k];
      const next: RegState = { ...reg, draft, done: [...reg.done.filter((f) => f !== field), field] };
      delete next.picked;
      delete next.suggestions;
      // Where the user says they are now is where the bot believes they are (hotlines, the mission).
      return a.place ? { reg: next, country: a.place.country, city: a.place.city } : { reg: next };
    });

  /** Not (yet) an answer: the reason, or the step inside the question, then the question again. */
  const respond = (field: Field) =>
    formSetup.enqueueActions(({ context, event, enqueue }) => {
      const a = answerOf(field, context, event);
      const reg = regOf(context);
      if (a && 'stay' in a) {
        const next = { ...reg, ...a.stay };
        enqueue.assign({ reg: next });
        for (const e of a.effects ?? []) enqueue.emit(e);
        enqueue.emit(question(field, { ...context, reg: next }));
        return;
      }
      if (a && 'error' in a) enqueue.emit(say(a.error, a.vars));
      else enqueue.emit(say('registration.error.pick'));
      enqueue.emit(question(field, context));
    });

  const askField = (field: Field) => formSetup.emit(({ context }) => question(field, context));

  /** "back": the question before (its answer reopened), or the review when changing an item. */
  const stepBack = (field: Field) =>
    formSetup.assign(({ context }) => {
      const reg = regOf(context);
      if (reg.editing) {
        const restored: RegState = { ...reg, done: reg.editing.before };
        delete restored.editing;
        return { reg: restored };
      }
      const before = FIELDS[FIELDS.indexOf(field) - 1];
      return { reg: { ...reg, done: reg.done.filter((f) => f !== before) } };
    });
  const isFirstField = (field: Field) => () => FIELDS.indexOf(field) === 0;

  const fieldState = (field: Field) =>
    formSetup.createStateConfig({
      entry: askField(field),
      on: {
        'user.text': [
          { guard: typedCancel, target: 'cancelConfirm' },
          { guard: typedStatus, target: 'check', actions: rememberRef },
          // "đăng ký về nước" typed again is not a name: the user is already here.
          { guard: typedRegister, actions: [formSetup.emit(say('registration.error.alreadyIn')), askField(field)] },
          { guard: takes(field), target: 'route', actions: take(field) },
          { actions: respond(field) },
        ],
        'user.choice': [
          { guard: takes(field), target: 'route', actions: take(field) },
          { guard: handles(field), actions: respond(field) },
        ],
        'user.command': [
          { guard: and([isBack, isFirstField(field), ({ context }: Args) => !regOf(context).editing]), target: 'consent' },
          { guard: isBack, target: 'route', actions: stepBack(field) },
        ],
      },
    });

  const rememberRef = formSetup.assign(({ context, event }) => {
    const ref = eventText(event) !== undefined ? referenceIn(eventText(event)!) : undefined;
    const reg = regOf(context);
    const next: RegState = { ...reg };
    if (ref) next.ref = ref;
    else delete next.ref;
    return { reg: next };
  });
  const forgetRef = formSetup.assign(({ context }) => {
    const next: RegState = { ...regOf(context) };
    delete next.ref;
    return { reg: next };
  });
  const startTopic = formSetup.assign({ topic: 'return_registration' as const, node: undefined, trail: [], article: undefined });
  const giveConsent = formSetup.assign(({ context }) => ({ reg: { ...regOf(context), consented: true } }));
  const clearDraft = formSetup.assign(({ context }) => {
    const reg = regOf(context);
    return { reg: { consented: false, draft: {}, done: [], ...(reg.ref ? { ref: reg.ref } : {}) } };
  });
  const dropForm = formSetup.assign({ reg: undefined });
  const startEditing = formSetup.assign(({ context, event }) => {
    const reg = regOf(context);
    const id = eventChoice(event);
    const typed = eventText(event) !== undefined ? parseEditRequest(eventText(event)!) : undefined;
    const index = typed !== undefined ? typed - 1 : ITEMS.findIndex((_, i) => itemId(i) === id);
    const fields: readonly Field[] = ITEMS[index]?.[1] ?? [];
    return { reg: { ...reg, editing: { before: reg.done }, done: reg.done.filter((f) => !fields.includes(f)) } };
  });
  const stopEditing = formSetup.assign(({ context }) => {
    const reg = regOf(context);
    if (!reg.editing) return {};
    const next = { ...reg };
    delete next.editing;
    return { reg: next };
  });
  const reopenReturnDate = formSetup.assign(({ context }) => {
    const reg = regOf(context);
    return { reg: { ...reg, done: reg.done.filter((f) => f !== 'returnDate') } };
  });

  const isEditRequest = ({ event }: Args) => {
    const n = event.type === 'user.text' ? parseEditRequest(event.text) : undefined;
    return n !== undefined && n >= 1 && n <= ITEMS.length;
  };
  const isItemChoice = ({ event }: Args) => ITEMS.some((_, i) => itemId(i) === eventChoice(event));
  const returnDatePassed = ({ context, event }: Args) => {
    const d = regOf(context).draft.returnDate;
    const now = today(context, event);
    return d !== undefined && !('asap' in d) && now !== undefined && !isNotPast(d, now);
  };
  const isComplete = ({ context }: Args) => completeDraft(context) !== undefined;

  const needs = (field: Field) => ({ context }: Args) => !regOf(context).done.includes(field);
  const hasDraft = ({ context }: Args) => regOf(context).done.length > 0;
  const hasConsent = ({ context }: Args) => regOf(context).consented;
  const hasInfo = () => (deps?.infoArticles.length ?? 0) > 0;

  const showInfo = formSetup.emit(({ context }) => ({
    type: 'articles' as const,
    ids: [...(deps?.infoArticles ?? [])],
    ...(context.country ? { country: context.country } : {}),
  }));
  /** "đăng ký về nước ở đâu, thế nào" is a question too: its answer first, then the ways on. */
  const showTypedAnswer = formSetup.enqueueActions(({ context, event, enqueue }) => {
    if (event.type === 'user.text' && event.nlu.article) {
      enqueue.emit({ type: 'articles', ids: [event.nlu.article.id], ...(context.country ? { country: context.country } : {}) });
    }
  });
  /** The typed question's answer is kept, so "em ở Tokyo" after it gives it again for there. */
  const keepTypedAnswer = formSetup.assign(({ event }) => ({ article: event.type === 'user.text' ? event.nlu.article?.id : undefined }));
  /** Where the user said they are, for the answer given again there. */
  const takePlace = formSetup.assign(({ event }) => (event.type === 'user.text' && event.nlu.country ? { country: event.nlu.country, city: event.nlu.city } : {}));
  const askAfterInfo = formSetup.emit(() =>
    ask('registration.info.next', [choice(REG.start, 'registration.choice.start'), choice(REG.menu, 'choices.menu'), choice(REG.staff, 'choices.staff')]),
  );
  const askConsent = formSetup.emit(() =>
    ask('registration.consent.prompt', [
      choice(REG.consentYes, 'registration.choice.agree'),
      choice(REG.consentMore, 'registration.choice.details'),
      choice(REG.consentNo, 'registration.choice.decline'),
    ]),
  );

  const state = formSetup.createStateConfig({
    initial: 'entry',
    states: {
      /** Where "register" leads: the consent, or the draft left unfinished. */
      entry: {
        entry: startTopic,
        always: [
          { guard: () => !enabled(), target: '#root.menu', actions: formSetup.emit(say('topic.unavailable')) },
          { guard: and([hasConsent, hasDraft]), target: 'resume' },
          { guard: hasConsent, target: 'route' },
          { target: 'consent' },
        ],
      },
      /** Typed "đăng ký về nước": register now, read how it works, or check an earlier one. */
      hub: {
        entry: [
          startTopic,
          showTypedAnswer,
          keepTypedAnswer,
          formSetup.emit(() =>
            ask('registration.hub.prompt', [
              choice(REG.start, 'registration.choice.start'),
              ...(hasInfo() ? [choice(REG.info, 'registration.choice.info')] : []),
              choice(REG.check, 'registration.choice.check'),
              choice(REG.menu, 'choices.menu'),
            ]),
          ),
        ],
        on: {
          'user.text': [{ guard: ({ context, event }: Args) => asksSameElsewhere(context, event), target: '#root.routing', actions: takePlace }],
        },
      },
      info: {
        entry: [showInfo, askAfterInfo],
      },
      resume: {
        entry: formSetup.emit(() =>
          ask('registration.resume.prompt', [choice(REG.resume, 'registration.choice.resume'), choice(REG.restart, 'registration.choice.restart'), choice(REG.menu, 'choices.menu')]),
        ),
        on: {
          'user.choice': [
            { guard: isChoice(REG.resume), target: 'route' },
            { guard: isChoice(REG.restart), target: 'consent', actions: clearDraft },
          ],
        },
      },
      consent: {
        entry: askConsent,
        on: {
          'user.choice': [
            { guard: isChoice(REG.consentYes), target: 'route', actions: giveConsent },
            { guard: isChoice(REG.consentMore), actions: [formSetup.emit(say('registration.consent.details')), askConsent] },
            { guard: isChoice(REG.consentNo), target: 'declined', actions: dropForm },
          ],
          'user.text': [
            { guard: ({ event }: Args) => event.type === 'user.text' && isYes(event.text), target: 'route', actions: giveConsent },
            { guard: ({ event }: Args) => event.type === 'user.text' && isNo(event.text), target: 'declined', actions: dropForm },
            { guard: typedStatus, target: 'check', actions: rememberRef },
            { actions: [formSetup.emit(say('registration.error.consent')), askConsent] },
          ],
        },
      },
      /** No consent, no record; what to know about going home is still given. */
      declined: {
        entry: [formSetup.emit(say('registration.consent.declined')), showInfo, askAfterInfo],
      },
      /** The next question not answered yet, or the review when all are. */
      route: {
        always: [...FIELDS.map((f) => ({ guard: needs(f), target: f })), { target: 'review' }],
      },
      name: fieldState('name'),
      birth: fieldState('birth'),
      passport: fieldState('passport'),
      country: fieldState('country'),
      city: fieldState('city'),
      contact: fieldState('contact'),
      employer: fieldState('employer'),
      contractEnd: fieldState('contractEnd'),
      reason: fieldState('reason'),
      special: fieldState('special'),
      returnDate: fieldState('returnDate'),
      province: fieldState('province'),
      sex: fieldState('sex'),
      sector: fieldState('sector'),
      review: {
        entry: [stopEditing, formSetup.emit(({ context }) => reviewAsk(context))],
        on: {
          'user.choice': [
            { guard: and([isChoice(REG.confirm), returnDatePassed]), target: 'route', actions: [reopenReturnDate, formSetup.emit(say('registration.error.date.past', { field: { key: 'registration.item.returnDate' } }))] },
            { guard: and([isChoice(REG.confirm), isComplete]), target: 'submitted' },
            { guard: isChoice(REG.confirm), target: 'route' },
            { guard: isChoice(REG.edit), target: 'editPick' },
            { guard: isChoice(REG.cancel), target: 'cancelConfirm' },
          ],
          'user.text': [
            { guard: isEditRequest, target: 'route', actions: startEditing },
            { guard: typedCancel, target: 'cancelConfirm' },
            { actions: [formSetup.emit(say('registration.error.review')), formSetup.emit(({ context }) => reviewAsk(context))] },
          ],
          'user.command': [{ guard: isBack, target: 'editPick' }],
        },
      },
      editPick: {
        entry: formSetup.emit(editAsk),
        on: {
          'user.choice': [
            { guard: isItemChoice, target: 'route', actions: startEditing },
            { guard: isChoice(REG.review), target: 'review' },
          ],
          'user.text': [
            { guard: isEditRequest, target: 'route', actions: startEditing },
            { actions: [formSetup.emit(say('registration.error.pick')), formSetup.emit(editAsk)] },
          ],
          'user.command': [{ guard: isBack, target: 'review' }],
        },
      },
      cancelConfirm: {
        entry: formSetup.emit(() =>
          ask('registration.cancel.prompt', [choice(REG.cancelYes, 'registration.choice.cancelYes'), choice(REG.cancelNo, 'registration.choice.cancelNo')]),
        ),
        on: {
          'user.choice': [
            { guard: isChoice(REG.cancelYes), target: '#root.menu', actions: [dropForm, formSetup.emit(say('registration.cancel.done'))] },
            { guard: isChoice(REG.cancelNo), target: 'route' },
          ],
          'user.command': [{ guard: isBack, target: 'route' }],
        },
      },
      /** Confirmed: the answers go to the engine, which answers with the reference number. */
      submitted: {
        entry: [
          formSetup.emit(({ context }) => ({ type: 'registration.submit' as const, draft: completeDraft(context)! })),
          dropForm,
          formSetup.emit(() => ask('registration.next', [choice(REG.check, 'registration.choice.check'), choice(REG.menu, 'choices.menu')])),
        ],
      },
      /** The registrations of this chat and their status; the engine adds what the user may do next. */
      check: {
        entry: [startTopic, formSetup.emit(({ context }) => ({ type: 'registration.status' as const, ...(regOf(context).ref ? { ref: regOf(context).ref } : {}) }))],
      },
      withdrawConfirm: {
        entry: formSetup.emit(() =>
          ask('registration.withdraw.prompt', [choice(REG.withdrawYes, 'registration.choice.withdrawYes'), choice(REG.keep, 'registration.choice.keep')]),
        ),
        on: {
          'user.choice': [
            {
              guard: isChoice(REG.withdrawYes),
              target: 'finished',
              actions: formSetup.emit(({ context }) => ({ type: 'registration.withdraw' as const, ...(regOf(context).ref ? { ref: regOf(context).ref } : {}) })),
            },
            { guard: isChoice(REG.keep), target: '#root.menu', actions: formSetup.emit(say('registration.kept')) },
          ],
        },
      },
      eraseConfirm: {
        entry: formSetup.emit(() =>
          ask('registration.erase.prompt', [choice(REG.eraseYes, 'registration.choice.eraseYes'), choice(REG.keep, 'registration.choice.keep')]),
        ),
        on: {
          'user.choice': [
            {
              guard: isChoice(REG.eraseYes),
              target: 'finished',
              actions: [
                formSetup.emit(({ context }) => ({ type: 'registration.erase' as const, ...(regOf(context).ref ? { ref: regOf(context).ref } : {}) })),
                dropForm,
              ],
            },
            { guard: isChoice(REG.keep), target: '#root.menu', actions: formSetup.emit(say('registration.kept')) },
          ],
        },
      },
      finished: {
        entry: formSetup.emit(() => ask('registration.next', [choice(REG.check, 'registration.choice.check'), choice(REG.menu, 'choices.menu')])),
      },
    },
  });

  /** Choices that work from anywhere (buttons of an earlier message included). */
  const chosen = (id: string) => ({ event }: Args) => enabled() && eventChoice(event) === id;
  const choices = [
    { guard: chosen(REG.start), target: '#root.registration.entry' },
    { guard: chosen(REG.info), target: '#root.registration.info' },
    { guard: chosen(REG.check), target: '#root.registration.check', actions: forgetRef },
    { guard: chosen(REG.withdraw), target: '#root.registration.withdrawConfirm' },
    { guard: chosen(REG.erase), target: '#root.registration.eraseConfirm' },
  ];
  /** The language of a first message that is a registration request. */
  const adoptLocale = formSetup.assign(({ context, event }) => ({
    locale: context.locale ?? (event.type === 'user.text' ? event.nlu.locale : undefined),
  }));
  /** Typed requests, checked before the NLU's topic routing so the form is reached by its own words. */
  const texts = [
    { guard: (a: Args) => enabled() && typedStatus(a), target: '#root.registration.check', actions: [adoptLocale, rememberRef] },
    { guard: (a: Args) => enabled() && typedRegister(a), target: '#root.registration.hub', actions: adoptLocale },
  ];
  /** The topic chosen from the menu when no dialogue and no article covers it: the form's own start. */
  const isTopicWithoutContent = ({ context }: Args) => enabled() && context.topic === 'return_registration';

  return { state, choices, texts, isTopicWithoutContent, enabled, startChoice: (): ChoiceSpec => choice(REG.start, 'registration.choice.start') };
}
