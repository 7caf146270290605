// The shape of every file under content/, as zod schemas: what the loader accepts is exactly what
// the rest of the app may rely on. Facts carry where they come from (`source`), when someone last
// checked them (`reviewed`) and whether the source was read (`verified`); the bot shows all three.
import { z } from 'zod';

const nonEmpty = z.string().trim().min(1);
export const localizedSchema = z.strictObject({ vi: nonEmpty, en: nonEmpty });
const localizedListSchema = z.strictObject({ vi: z.array(nonEmpty).min(1), en: z.array(nonEmpty).min(1) });

/** ISO date (YYYY-MM-DD), checked to be a real day. */
export const isoDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'not a real date');

const idSchema = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes');
/** ISO 3166-1 alpha-2, as the NLU's country slot gives it. */
export const countryCodeSchema = z.string().regex(/^[A-Z]{2}$/, 'a two-letter country code (JP, TW…)');

/** Where a fact comes from, and how sure we are of it. */
const provenance = {
  source: nonEmpty,
  /** The date of the source itself, when known (a 2019 phone list may be outdated). */
  sourceDate: isoDateSchema.optional(),
  reviewed: isoDateSchema,
  verified: z.boolean(),
};

export const TOPIC_IDS = ['contract_liquidation', 'return_registration', 'support_fund', 'hotline'] as const;

/** A slot's name or value, as articles and dialogues refer to it (`case`, `accident`, `asks`, `amount`). */
export const slotWordSchema = z.string().regex(/^[a-z][a-z_]*$/, 'lower-case letters and underscores');

/**
 * What a message says about its case and what it asks, as data: slot → value → the phrases that
 * say it (with and without marks, teencode, English), e.g. `case: { accident: [tai nạn, gãy tay] }`.
 */
export const slotFileSchema = z.record(slotWordSchema, z.record(slotWordSchema, z.array(nonEmpty).min(1)));
export type SlotFile = z.infer<typeof slotFileSchema>;

export const articleSchema = z.strictObject({
  id: idSchema,
  topic: z.enum(TOPIC_IDS),
  /** Short title, shown in lists and to staff. */
  title: localizedSchema,
  /** How people ask it: the search index is built from these (several phrasings, with and without diacritics). */
  questions: localizedListSchema,
  /** What to do first, then why. `{{hotline:ID}}` is replaced by that hotline's number. */
  answer: localizedSchema,
  /** Extra lines for one country (its hotlines, its procedure), shown under the answer there — or above it with `first` (Korea's EPS has no sending company). */
  byCountry: z.record(countryCodeSchema, localizedSchema.extend({ first: z.boolean().optional() })).optional(),
  /** Which case and which asked thing the answer is for (slots of slots.yaml): `{case: [accident], asks: [amount]}`. */
  tags: z.record(slotWordSchema, z.array(slotWordSchema).min(1)).optional(),
  /** The kinds of danger this article is the answer for (`sexual_abuse`, `trafficking`): shown after the emergency numbers when that danger is found. */
  danger: z.array(z.string().regex(/^[a-z_]+$/)).min(1).optional(),
  /** Also found by its tags for a message without danger: a danger article that is a warning too (a job offer weighed before going). */
  calmTags: z.boolean().optional(),
  /** The answer is that the content does not know (a deadline not found): the bot says so and offers a person first. */
  unknown: z.boolean().optional(),
  ...provenance,
  /** The date of the newest source the answer rests on (`undated` when it gives none): shown beside the review date, never mistaken for it. */
  sourceDate: z.union([isoDateSchema, z.literal('undated')]),
  /** Shown to the user under the answer, so it may be written in each language (Luật / Law). */
  source: z.union([nonEmpty, localizedSchema]),
});
export type Article = z.infer<typeof articleSchema>;
export const articleFileSchema = z.array(articleSchema).min(1);

/** E.164 (+ and up to 15 digits) — how a number is stored, and shown as it is so apps make it tappable. */
export const e164Schema = z.string().regex(/^\+[1-9]\d{6,14}$/, 'an E.164 number: "+", the country code and the number, digits only');

export const hotlineSchema = z
  .strictObject({
    id: idSchema,
    label: localizedSchema,
    /** The number in E.164, callable from any phone. */
    phone: e164Schema.optional(),
    /** A number that only works inside the country (a short code, a toll-free number), as it is dialled there. */
    local: z.string().regex(/^[0-9#*][0-9 #*-]{1,15}$/, 'digits as dialled locally (digits, dashes, # and *)').optional(),
    email: z.email().optional(),
    /** When it answers, and in which language, in a few words. */
    hours: localizedSchema.optional(),
    /** The needs it is for, as values of the `case` slot (wages, dispute): asked for one, it is given first. */
    needs: z.array(idSchema).optional(),
    /** The mission this line belongs to (for citizen-protection lines). */
    mission: idSchema.optional(),
    ...provenance,
    /** Required for a number: a line without its source's date would read as new however old it is. */
    sourceDate: z.union([isoDateSchema, z.literal('undated')]),
  })
  .refine((h) => h.phone !== undefined || h.local !== undefined || h.email !== undefined, 'a hotline needs a phone, a local number or an email');
export type Hotline = z.infer<typeof hotlineSchema>;

export const HOTLINE_KINDS = ['emergency', 'mission', 'labour'] as const;
export type HotlineKind = (typeof HOTLINE_KINDS)[number];

export const hotlineFileSchema = z.strictObject({
  /** Lines that work from anywhere, at any hour. */
  global: z.array(hotlineSchema).min(1),
  countries: z.record(
    countryCodeSchema,
    z.strictObject({
      /** The two or three lines an emergency reply leads with, in order (any kind of this country). */
      urgent: z.array(idSchema).default([]),
      /** Lines put first for one kind of danger (self_harm: the ambulance before the police). */
      urgentByKind: z.record(z.string().regex(/^[a-z_]+$/), z.array(idSchema).min(1)).default({}),
      emergency: z.array(hotlineSchema).default([]),
      mission: z.array(hotlineSchema).default([]),
      labour: z.array(hotlineSchema).default([]),
    }),
  ),
});
export type HotlineFile = z.infer<typeof hotlineFileSchema>;

export const citySchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  /** Other ways people write it (Cao Hùng, Kaohsiung, cao hung); matched without diacritics. */
  aliases: z.array(nonEmpty).default([]),
});

export const countrySchema = z.strictObject({
  code: countryCodeSchema,
  name: localizedSchema,
  /** Vietnamese, English and short forms people type: Nhật, japan, Đài, Malai… */
  aliases: z.array(nonEmpty).min(1),
  /** Offered as a button when the bot asks where the user works. */
  offered: z.boolean().default(false),
  /** The button's words when the name is longer than a button allows (Messenger: 20 characters). */
  label: localizedSchema.optional(),
  cities: z.array(citySchema).default([]),
  /**
   * The host country's own words workers use for its people and offices (kumiai, sajang, lão bản,
   * kafeel): they say where the user is when no place is named.
   */
  words: z.array(nonEmpty).default([]),
  /**
   * The writing systems of the host country's language (Unicode script names: Hangul, Hiragana):
   * a message typed partly in them ("'죽여버린다' nó hét") says where the user is when nothing else does.
   */
  scripts: z.array(z.string().refine(isScript, 'a Unicode script name (Hangul, Hiragana, Han…)')).default([]),
});
export type Country = z.infer<typeof countrySchema>;

function isScript(name: string): boolean {
  try {
    new RegExp(`\\p{Script=${name}}`, 'u');
    return true;
  } catch {
    return false;
  }
}
export const countryFileSchema = z.array(countrySchema).min(1);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a time as HH:MM');

export const missionSchema = z.strictObject({
  id: idSchema,
  name: localizedSchema,
  country: countryCodeSchema,
  /** Other countries it answers for (the embassy in Abu Dhabi also covers Jordan). */
  alsoCovers: z.array(countryCodeSchema).default([]),
  /** City ids (from countries.yaml) it covers where a country has several missions; empty = the rest of the country. */
  cities: z.array(idSchema).default([]),
  /** IANA time zone, e.g. Asia/Tokyo. */
  timeZone: z.string().refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'an IANA time zone such as Asia/Tokyo'),
  officeHours: z.strictObject({
    days: z.array(z.number().int().min(1).max(7)).min(1),
    open: hhmm,
    close: hhmm,
  }),
  address: z.string().optional(),
  email: z.email().optional(),
  ...provenance,
});
export type Mission = z.infer<typeof missionSchema>;
export const missionFileSchema = z.array(missionSchema).min(1);

const dialogueOptionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9_]+$/, 'lower-case letters, digits and underscores'),
  label: localizedSchema,
  next: idSchema,
  /** Taken without asking when the message already said one of these (`slot=value`, from slots.yaml). */
  when: z.array(z.string().regex(/^[a-z][a-z_]*=[a-z][a-z_]*$/, 'slot=value')).min(1).optional(),
});

export const dialogueNodeSchema = z
  .strictObject({
    ask: localizedSchema.optional(),
    options: z.array(dialogueOptionSchema).min(2).max(9).optional(),
    /** Article ids shown at this leaf, in order. */
    answer: z.array(idSchema).optional(),
    /** The case needs a person: the leaf offers staff first. */
    offerStaff: z.boolean().optional(),
    /** The user said they are not safe: the leaf also gives the emergency numbers and raises a priority hand-off. */
    emergency: z.boolean().optional(),
  })
  .refine((n) => (n.options !== undefined) !== (n.answer !== undefined), 'a node either asks (options) or answers (answer)')
  .refine((n) => !n.emergency || n.answer !== undefined, 'only an answer node can be an emergency');

export const dialogueFileSchema = z.strictObject({
  id: z.enum(TOPIC_IDS),
  start: idSchema,
  nodes: z.record(idSchema, dialogueNodeSchema),
});
export type DialogueFile = z.infer<typeof dialogueFileSchema>;

/** Replies staff pick in the console and then edit. `{{hotline:ID}}` in a text is replaced by that number when loaded. */
export const cannedReplySchema = z.strictObject({
  id: idSchema,
  title: localizedSchema,
  text: localizedSchema,
});
export type CannedReply = z.infer<typeof cannedReplySchema>;
export const cannedFileSchema = z.array(cannedReplySchema).default([]);
