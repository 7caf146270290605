// A return registration as the mission keeps it, checked with zod on the way into the store and
// out of it, and the filters staff list registrations by. The schemas live in src/core (the only
// place that imports zod); src/registration builds on them.
import { z } from 'zod';
import { countryCodeSchema, isoDateSchema } from './content/schema.ts';
import { conversationKeySchema, localeSchema } from './messages.ts';
import { REFERENCE_PATTERN, REGISTRATION_STATUSES, RETURN_REASONS, SPECIAL_SITUATIONS, registrationDraftSchema } from './registration.ts';

/** Who made a change: the user (from their chat) or a staff member. */
export const actorSchema = z.union([
  z.strictObject({ kind: z.literal('user') }),
  z.strictObject({ kind: z.literal('staff'), id: z.string().min(1).max(128), name: z.string().min(1).max(128) }),
]);
export type Actor = z.infer<typeof actorSchema>;

export const historyEntrySchema = z.strictObject({
  at: z.number().int().nonnegative(),
  /** A status the registration moved to, or 'updated' when the user sent new answers. */
  event: z.enum([...REGISTRATION_STATUSES, 'updated']),
  by: actorSchema,
  note: z.string().max(500).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const registrationSchema = z.strictObject({
  id: z.uuid(),
  ref: z.string().regex(REFERENCE_PATTERN),
  key: conversationKeySchema,
  /** The mission whose staff handle it; absent when no mission covers where the user is (admins see those). */
  mission: z.string().min(1).optional(),
  locale: localeSchema,
  status: z.enum(REGISTRATION_STATUSES),
  createdAt: z.number().int().nonnegative(),
  updatedAt: z.number().int().nonnegative(),
  /** The inbound messages that submitted it: a retried turn finds its registration instead of making another. */
  submissions: z.array(z.string().min(1).max(300)).max(50),
  data: registrationDraftSchema,
  history: z.array(historyEntrySchema).min(1),
});
export type Registration = z.infer<typeof registrationSchema>;

/** A comma list from a query string ("received,contacted"), a repeated parameter, or an array. */
function list<T extends z.ZodType>(item: T) {
  return z.preprocess(
    (v) => (v === undefined || v === '' ? undefined : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
    z.array(item).min(1).optional(),
  );
}

export const SORTS = ['newest', 'oldest', 'urgent'] as const;

/**
 * The console's filters, as it may pass them straight from a query string. Dates are days in the
 * registration's mission's time zone: `from`/`to` bound the day it was sent, `returnFrom`/
 * `returnTo` the day the user wants to go home (a month answer counts as all its days).
 */
export const registrationFilterSchema = z.object({
  status: list(z.enum(REGISTRATION_STATUSES)),
  reason: list(z.enum(RETURN_REASONS)),
  /** Any of these special situations; 'none' for registrations with none. */
  special: list(z.enum([...SPECIAL_SITUATIONS, 'none'])),
  mission: list(z.string().min(1)),
  country: list(countryCodeSchema),
  from: isoDateSchema.optional(),
  to: isoDateSchema.optional(),
  returnFrom: isoDateSchema.optional(),
  returnTo: isoDateSchema.optional(),
  /** Part of the reference, the name, the passport number or the phone. */
  q: z.string().trim().max(100).optional(),
  sort: z.enum(SORTS).default('newest'),
  offset: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(50),
});
export type RegistrationFilter = z.input<typeof registrationFilterSchema>;
export type ParsedFilter = z.output<typeof registrationFilterSchema>;
