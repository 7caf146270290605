// Return registration as the engine and the flows share it: what the form collects (the draft the
// flow hands over when the user confirms), its vocabulary (reasons, special situations, sectors),
// and the port through which the engine carries out the flow's registration effects. The record the
// mission keeps (reference, status, history) lives in src/registration; this is only the contract.
import { z } from 'zod';
import { countryCodeSchema, isoDateSchema } from './content/schema.ts';
import type { Effect } from './effects.ts';
import type { ConversationKey, Locale } from './messages.ts';

export const RETURN_REASONS = [
  'contract_ended',
  'early_accident',
  'early_illness',
  'early_employer_closed',
  'early_abuse',
  'early_own_decision',
  'undocumented',
] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];

export const SPECIAL_SITUATIONS = ['pregnant', 'injured', 'sick', 'with_children'] as const;
export type SpecialSituation = (typeof SPECIAL_SITUATIONS)[number];

export const SEXES = ['female', 'male', 'undisclosed'] as const;
export type Sex = (typeof SEXES)[number];

/** The sectors the statistics count (issue: returning-migrant profiles by sector). */
export const SECTORS = ['domestic_work', 'manufacturing', 'construction', 'agriculture', 'fishing', 'caregiving', 'other'] as const;
export type Sector = (typeof SECTORS)[number];

export const DATE_PARTS = ['early', 'mid', 'late'] as const;
export type DatePart = (typeof DATE_PARTS)[number];

/**
 * A date as precise as the user gave it: a day, or a month ("tháng 3", "cuối tháng 3"). Return
 * plans are rarely known to the day, and a guessed day would look more certain than it is.
 */
export const flexDateSchema = z.union([
  z.strictObject({ day: isoDateSchema }),
  z.strictObject({
    month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM'),
    part: z.enum(DATE_PARTS).optional(),
  }),
]);
export type FlexDate = z.infer<typeof flexDateSchema>;

/** Vietnamese passports: one letter and seven digits (C1234567); older and other series vary a little. */
export const PASSPORT_NUMBER = /^[A-Z]{1,2}\d{6,8}$/;

export const passportSchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('held'), number: z.string().regex(PASSPORT_NUMBER) }),
  z.strictObject({ status: z.literal('lost') }),
  z.strictObject({ status: z.literal('employer') }),
]);
export type PassportAnswer = z.infer<typeof passportSchema>;

export const contactSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('phone'), value: z.string().regex(/^\+?\d{8,15}$/) }),
  z.strictObject({ kind: z.literal('email'), value: z.email().max(120) }),
  /** Another app and a handle ("Zalo 0912…", "fb.com/…"). */
  z.strictObject({ kind: z.literal('other'), value: z.string().trim().min(3).max(120) }),
  /** Through this chat, on the app the user registered from. */
  z.strictObject({ kind: z.literal('chat') }),
]);
export type ContactAnswer = z.infer<typeof contactSchema>;

export const returnDateSchema = z.union([flexDateSchema, z.strictObject({ asap: z.literal(true) })]);
export type ReturnDateAnswer = z.infer<typeof returnDateSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** What the form collects, as the flow hands it over on confirmation. */
export const registrationDraftSchema = z
  .strictObject({
    fullName: text(100).min(2),
    birthDate: isoDateSchema,
    passport: passportSchema,
    /** Where the user is now: the country's code when the bot knows the country, else its name as typed. */
    country: countryCodeSchema.optional(),
    countryName: text(60).optional(),
    city: text(80),
    /** The city's id in content/countries.yaml, where several missions share a country. */
    cityId: z.string().regex(/^[a-z0-9][a-z0-9-]*$/).optional(),
    contact: contactSchema,
    /** null: the user does not know or has none (undocumented, or the broker's name only). */
    employer: text(120).nullable(),
    /** null: no contract, or the user does not know. */
    contractEnd: flexDateSchema.nullable(),
    reason: z.enum(RETURN_REASONS),
    /** Empty: none of them. */
    special: z.array(z.enum(SPECIAL_SITUATIONS)).max(SPECIAL_SITUATIONS.length).refine((s) => new Set(s).size === s.length, 'listed twice'),
    returnDate: returnDateSchema,
    /** The current provincial unit (content/provinces.yaml); the former one when the user named it. */
    province: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    formerProvince: text(60).optional(),
    /** Optional; 'undisclosed' is the user's answer "prefer not to say", absent is "not asked". */
    sex: z.enum(SEXES).optional(),
    sector: z.enum(SECTORS).optional(),
  })
  .refine((d) => d.country !== undefined || d.countryName !== undefined, { message: 'the country is missing', path: ['country'] });
export type RegistrationDraft = z.infer<typeof registrationDraftSchema>;

/**
 * Reference numbers the user can read out on the phone: no 0/O, 1/I/L, U/V or 5/S look-alikes.
 * Short on purpose; uniqueness is checked when one is issued, and a reference proves nothing by
 * itself (a registration is shown only in the chat it came from, or to the mission's staff).
 */
export const REFERENCE_ALPHABET = '2346789ABCDEFGHJKMNPQRTWXYZ';
export const REFERENCE_LENGTH = 6;
export const REFERENCE_PATTERN = new RegExp(`^[${REFERENCE_ALPHABET}]{${REFERENCE_LENGTH}}$`);

/** What the staff move a registration through; 'withdrawn' may also come from the user. */
export const REGISTRATION_STATUSES = ['received', 'contacted', 'travel_arranged', 'returned', 'withdrawn'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];

/** Choice ids the engine's replies share with the form (flows/registration.ts handles them). */
export const REGISTRATION_CHOICES = {
  start: 'reg_start',
  check: 'reg_check',
  withdraw: 'reg_withdraw',
  erase: 'reg_erase',
  menu: 'menu',
} as const;

/** A registration effect a flow emits; the engine carries it out through the RegistrationDesk. */
export type RegistrationEffect = Extract<Effect, { type: `registration.${string}` }>;

export function isRegistrationEffect(e: Effect): e is RegistrationEffect {
  return e.type.startsWith('registration.');
}

export interface RegistrationRequestContext {
  key: ConversationKey;
  locale: Locale;
  /** The inbound message that confirmed: a retried turn submits the same registration, not a second one. */
  messageId: string;
  at: number;
}

/**
 * The registrations as the engine sees them (src/registration implements it): each effect is
 * carried out for this conversation only, and what to tell the user comes back as effects (the
 * reference number, the status), rendered in the same reply as the flow's own.
 */
export interface RegistrationDesk {
  carry(effect: RegistrationEffect, ctx: RegistrationRequestContext): Promise<Effect[]>;
}
