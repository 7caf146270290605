// The registrations desk. On the user's side it implements the engine's RegistrationDesk: a
// confirmed form becomes a record with a reference number (or updates the user's open one: one
// registration per person), "check my registration" shows this chat's own records only, and the
// user may withdraw or erase them. On the staff's side (the console) every call takes the caller's
// scope — the missions they may see — and refuses anything outside it; status changes are
// timestamped with who made them and told to the user on their app through the outbox, in their
// language. Records expire a configured time after their last change, and go with the user's data.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import { foldName } from '../core/content/provinces.ts';
import { TRANSCRIPT, type TranscriptEntry } from '../core/conversation.ts';
import type { AskEffect, ChoiceSpec, Effect, Vars } from '../core/effects.ts';
import type { ConversationKey, Locale, OutboundMessage } from '../core/messages.ts';
import type { Clock, Log, OutboxItem, Store } from '../core/ports.ts';
import {
  REGISTRATION_CHOICES,
  registrationDraftSchema,
  type FlexDate,
  type RegistrationDesk,
  type RegistrationDraft,
  type RegistrationEffect,
  type RegistrationRequestContext,
  type RegistrationStatus,
} from '../core/registration.ts';
import type { Translate } from '../core/translate.ts';
import { toCsv } from './csv.ts';
import { dateTimeIn, dayIn, dayVar, flexRange } from './dates.ts';
import {
  RegistrationError,
  STATUS_MOVES,
  inScope,
  isOpen,
  isUrgent,
  registrationFilterSchema,
  type Actor,
  type ParsedFilter,
  type Registration,
  type RegistrationFilter,
  type RegistrationScope,
} from './model.ts';
import { newReference, type RandomInt } from './reference.ts';
import { REGISTRATION_TABLES, RegistrationRepository } from './repository.ts';

export interface RegistrationServiceOptions {
  /** A registration is erased this long after its last change. */
  retentionMs: number;
  /** How long the notices added to the chat's transcript (what staff read) are kept. */
  transcriptTtlMs: number;
}

/** Names for what records hold as codes: the export shows names. */
export interface RegistrationNames {
  country(code: string, locale: Locale): string | undefined;
  province(id: string): string | undefined;
  mission(id: string, locale: Locale): string | undefined;
}

export interface RegistrationServiceDeps {
  store: Store;
  clock: Clock;
  log: Log;
  translate: Translate;
  /** The mission that answers for a place (content/missions.yaml): whose staff see the record. */
  route(country?: string, city?: string): string | undefined;
  /** A mission's time zone, for the days staff read and filter by. */
  timeZone(mission?: string): string;
  names: RegistrationNames;
  /** Starts delivery of what was put in a conversation's outbox. */
  kick(key: ConversationKey): void;
  random?: RandomInt;
  options: RegistrationServiceOptions;
}

export type RegistrationChange = 'created' | 'updated' | 'status' | 'erased' | 'expired';

/** The staff member acting, as the console knows them. */
export interface StaffActor {
  id: string;
  name: string;
}

const LOCK = { ttlMs: 10_000, waitMs: 5_000, scope: 'registration' } as const;
/**
 * One issuer of a given reference at a time, across instances: a reference is never given twice.
 * Locked per candidate rather than once for all, so no one key takes every registration.
 */
const referenceLock = (ref: string): ConversationKey => ({ channel: 'system', account: 'registration-ref', user: ref });
const USER: Actor = { kind: 'user' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const say = (key: string, vars?: Vars): Effect => (vars ? { type: 'say', key, vars } : { type: 'say', key });
const ask = (key: string, choices: ChoiceSpec[]): AskEffect => ({ type: 'ask', key, choices });

export class RegistrationService implements RegistrationDesk {
  readonly repository: RegistrationRepository;
  /** Changes made by this instance (the statistics and the console's live view may listen). */
  readonly changes = new EventEmitter<{ change: [Registration, RegistrationChange] }>();

  constructor(private readonly deps: RegistrationServiceDeps) {
    this.repository = new RegistrationRepository(deps.store, deps.log);
    this.changes.setMaxListeners(0);
  }

  // ── the user's side (the engine's RegistrationDesk) ──────────────────────────────────────────

  async carry(effect: RegistrationEffect, ctx: RegistrationRequestContext): Promise<Effect[]> {
    switch (effect.type) {
      case 'registration.submit':
        return this.submit(effect.draft, ctx);
      case 'registration.status':
        return this.statusFor(ctx.key, effect.ref);
      case 'registration.withdraw':
        return this.withdrawByUser(ctx.key, effect.ref);
      case 'registration.erase':
        return this.eraseByUser(ctx.key, effect.ref);
    }
  }

  private async submit(draft: RegistrationDraft, ctx: RegistrationRequestContext): Promise<Effect[]> {
    const data = registrationDraftSchema.parse(draft);
    const result = await this.locked(ctx.key, async () => {
      const mine = await this.repository.ofConversation(ctx.key);
      const again = mine.find((r) => r.submissions.includes(ctx.messageId));
      if (again) return { record: again, change: undefined, updated: again.history.at(-1)?.event === 'updated' };
      const now = this.deps.clock.now();
      const mission = this.deps.route(data.country, data.cityId);
      const open = mine.find(isOpen);
      if (open) {
        const updated: Registration = {
          ...open,
          data,
          locale: ctx.locale,
          updatedAt: now,
          submissions: [...open.submissions, ctx.messageId].slice(-50),
          history: [...open.history, { at: now, event: 'updated', by: USER }],
        };
        if (mission) updated.mission = mission;
        else delete updated.mission;
        await this.repository.save(updated);
        return { record: updated, change: 'updated' as const, updated: true };
      }
      const id = randomUUID();
      const record: Registration = {
        id,
        ref: await this.issueReference(id),
        key: ctx.key,
        ...(mission ? { mission } : {}),
        locale: ctx.locale,
        status: 'received',
        createdAt: now,
        updatedAt: now,
        submissions: [ctx.messageId],
        data,
        history: [{ at: now, event: 'received', by: USER }],
      };
      await this.repository.save(record);
      return { record, change: 'created' as const, updated: false };
    });
    if (result.change) this.changes.emit('change', result.record, result.change);
    return [say(result.updated ? 'registration.updated' : 'registration.submitted', { ref: result.record.ref })];
  }

  private async statusFor(key: ConversationKey, ref?: string): Promise<Effect[]> {
    const mine = await this.repository.ofConversation(key);
    const shown = ref ? mine.filter((r) => r.ref === ref) : mine;
    const startOver = ask('registration.check.next', [
      { id: REGISTRATION_CHOICES.start, key: 'registration.choice.start' },
      { id: REGISTRATION_CHOICES.menu, key: 'choices.menu' },
    ]);
    if (shown.length === 0) return ref ? [say('registration.check.notFound', { ref }), startOver] : [say('registration.check.none'), startOver];
    const lines = shown.map((r) =>
      say('registration.check.line', {
        ref: r.ref,
        status: { key: `registration.status.${r.status}` },
        date: dayVar(dayIn(r.updatedAt, this.deps.timeZone(r.mission))),
      }),
    );
    const choices: ChoiceSpec[] = [
      ...(shown.some(isOpen) ? [{ id: REGISTRATION_CHOICES.withdraw, key: 'registration.choice.withdraw' }] : []),
      { id: REGISTRATION_CHOICES.erase, key: 'registration.choice.erase' },
      { id: REGISTRATION_CHOICES.menu, key: 'choices.menu' },
    ];
    return [say('registration.check.heading'), ...lines, ask('registration.check.next', choices)];
  }

  private async withdrawByUser(key: ConversationKey, ref?: string): Promise<Effect[]> {
    const withdrawn = await this.locked(key, async () => {
      const targets = (await this.repository.ofConversation(key)).filter((r) => isOpen(r) && (!ref || r.ref === ref));
      const now = this.deps.clock.now();
      const out: Registration[] = [];
      for (const r of targets) {
        const next: Registration = { ...r, status: 'withdrawn', updatedAt: now, history: [...r.history, { at: now, event: 'withdrawn', by: USER }] };
        await this.repository.save(next);
        out.push(next);
      }
      return out;
    });
    for (const r of withdrawn) this.changes.emit('change', r, 'status');
    return withdrawn.length === 0 ? [say('registration.nothingToWithdraw')] : [say('registration.withdrawn', { refs: withdrawn.map((r) => r.ref).join(', ') })];
  }

  private async eraseByUser(key: ConversationKey, ref?: string): Promise<Effect[]> {
    const erased = await this.locked(key, async () => {
      const targets = (await this.repository.ofConversation(key)).filter((r) => !ref || r.ref === ref);
      for (const r of targets) await this.repository.remove(r);
      return targets;
    });
    for (const r of erased) this.changes.emit('change', r, 'erased');
    return erased.length === 0 ? [say('registration.nothingToErase')] : [say('registration.erased', { refs: erased.map((r) => r.ref).join(', ') })];
  }

  /** The user erased their data ("xoá dữ liệu"): every registration from that conversation goes. */
  async forget(key: ConversationKey): Promise<number> {
    const erased = await this.locked(key, async () => {
      const mine = await this.repository.ofConversation(key);
      for (const r of mine) await this.repository.remove(r);
      return mine;
    });
    for (const r of erased) this.changes.emit('change', r, 'erased');
    return erased.length;
  }

  // ── the staff's side (the console) ───────────────────────────────────────────────────────────

  /** The registrations in scope that pass the filter, one page of them, and how many there are. */
  async list(scope: RegistrationScope, filter: RegistrationFilter = {}): Promise<{ total: number; items: Registration[] }> {
    const f = this.parseFilter(filter);
    const all = await this.filtered(scope, f);
    return { total: all.length, items: all.slice(f.offset, f.offset + f.limit) };
  }

  /** One registration by its id or reference; outside the caller's missions it is refused, not hidden. */
  async get(scope: RegistrationScope, idOrRef: string): Promise<Registration> {
    const r = await this.find(idOrRef);
    if (!inScope(scope, r.mission)) throw new RegistrationError('forbidden', 'this registration belongs to another mission');
    return r;
  }

  async setStatus(scope: RegistrationScope, idOrRef: string, status: RegistrationStatus, staff: StaffActor, note?: string): Promise<Registration> {
    const first = await this.get(scope, idOrRef);
    const changed = await this.locked(first.key, async () => {
      // Read again under the lock: the user or another officer may have changed it meanwhile.
      const r = await this.repository.get(first.id);
      if (!r) throw new RegistrationError('not_found', 'this registration no longer exists');
      if (!inScope(scope, r.mission)) throw new RegistrationError('forbidden', 'this registration belongs to another mission');
      if (!STATUS_MOVES[r.status].includes(status)) {
        throw new RegistrationError('invalid_status_change', `a registration that is ${r.status} cannot become ${status}`);
      }
      const now = this.deps.clock.now();
      const trimmed = note?.trim().slice(0, 500);
      const next: Registration = {
        ...r,
        status,
        updatedAt: now,
        history: [...r.history, { at: now, event: status, by: { kind: 'staff', id: staff.id, name: staff.name }, ...(trimmed ? { note: trimmed } : {}) }],
      };
      await this.repository.save(next);
      return next;
    });
    this.changes.emit('change', changed, 'status');
    await this.tellUser(changed, this.deps.translate(changed.locale, `registration.notify.${status}`, { ref: changed.ref }));
    return changed;
  }

  /** The filtered list (every page) as CSV for Excel, column names and labels in `locale`. */
  async exportCsv(scope: RegistrationScope, filter: RegistrationFilter, locale: Locale): Promise<string> {
    const f = this.parseFilter(filter);
    const rows = await this.filtered(scope, f);
    const t = (key: string, vars?: Record<string, unknown>) => this.deps.translate(locale, key, vars);
    const { names } = this.deps;
    const flex = (d: FlexDate | null) => (d === null ? t('registration.value.noContract') : 'day' in d ? d.day : d.part ? t(`registration.value.part.${d.part}`, { month: d.month }) : d.month);
    const columns = [
      'ref', 'status', 'createdAt', 'updatedAt', 'lastChangeBy', 'mission', 'channel', 'fullName', 'birthDate', 'sex', 'passport', 'country', 'city',
      'contact', 'employer', 'contractEnd', 'reason', 'special', 'returnDate', 'province', 'formerProvince', 'sector',
    ] as const;
    const body = rows.map((r) => {
      const d = r.data;
      const tz = this.deps.timeZone(r.mission);
      const last = r.history.at(-1)!.by;
      const cell: Record<(typeof columns)[number], string> = {
        ref: r.ref,
        status: t(`registration.status.${r.status}`),
        createdAt: dateTimeIn(r.createdAt, tz),
        updatedAt: dateTimeIn(r.updatedAt, tz),
        lastChangeBy: last.kind === 'staff' ? last.name : t('registration.csv.byUser'),
        mission: r.mission ? (names.mission(r.mission, locale) ?? r.mission) : '',
        channel: r.key.channel,
        fullName: d.fullName,
        birthDate: d.birthDate,
        sex: d.sex ? t(`registration.sex.${d.sex}`) : '',
        passport: d.passport.status === 'held' ? d.passport.number : t(`registration.value.passport.${d.passport.status}`),
        country: d.country ? (names.country(d.country, locale) ?? d.country) : (d.countryName ?? ''),
        city: d.city,
        contact: d.contact.kind === 'chat' ? t('registration.value.viaChat') : d.contact.value,
        employer: d.employer ?? t('registration.value.unknown'),
        contractEnd: flex(d.contractEnd),
        reason: t(`registration.reason.${d.reason}`),
        special: d.special.map((s) => t(`registration.special.${s}`)).join('; '),
        returnDate: 'asap' in d.returnDate ? t('registration.value.asap') : flex(d.returnDate),
        province: names.province(d.province) ?? d.province,
        formerProvince: d.formerProvince ?? '',
        sector: d.sector ? t(`registration.sector.${d.sector}`) : '',
      };
      return columns.map((c) => cell[c]);
    });
    return toCsv([columns.map((c) => t(`registration.csv.${c}`)), ...body]);
  }

  // ── retention ───────────────────────────────────────────────────────────────────────────────

  /** Erases every registration whose last change is older than the retention period. */
  async purgeExpired(): Promise<number> {
    const now = this.deps.clock.now();
    const due = (r: Registration) => now - r.updatedAt >= this.deps.options.retentionMs;
    let purged = 0;
    for (const candidate of (await this.repository.inMissions('all')).filter(due)) {
      const gone = await this.locked(candidate.key, async () => {
        const r = await this.repository.get(candidate.id);
        if (!r || !due(r)) return undefined;
        await this.repository.remove(r);
        return r;
      });
      if (gone) {
        purged++;
        this.changes.emit('change', gone, 'expired');
      }
    }
    return purged;
  }

  // ── internals ───────────────────────────────────────────────────────────────────────────────

  private parseFilter(filter: RegistrationFilter): ParsedFilter {
    const parsed = registrationFilterSchema.safeParse(filter);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new RegistrationError('invalid_filter', `${issue?.path.join('.') ?? 'filter'}: ${issue?.message ?? 'invalid'}`);
    }
    return parsed.data;
  }

  private async filtered(scope: RegistrationScope, f: ParsedFilter): Promise<Registration[]> {
    if (f.mission && scope !== 'all') {
      const outside = f.mission.filter((m) => !scope.includes(m));
      if (outside.length > 0) throw new RegistrationError('forbidden', `not your mission: ${outside.join(', ')}`);
    }
    const records = await this.repository.inMissions(f.mission ?? scope);
    const q = f.q ? foldName(f.q) : undefined;
    const qRaw = f.q?.replace(/[\s.\-]/g, '').toUpperCase();
    const kept = records.filter((r) => {
      const d = r.data;
      if (f.status && !f.status.includes(r.status)) return false;
      if (f.reason && !f.reason.includes(d.reason)) return false;
      if (f.special && !f.special.some((s) => (s === 'none' ? d.special.length === 0 : d.special.includes(s)))) return false;
      if (f.country && (!d.country || !f.country.includes(d.country))) return false;
      const tz = this.deps.timeZone(r.mission);
      if (f.from || f.to) {
        const sent = dayIn(r.createdAt, tz);
        if ((f.from && sent < f.from) || (f.to && sent > f.to)) return false;
      }
      if (f.returnFrom || f.returnTo) {
        // "As soon as possible" means from the day it was sent.
        const [first, last] = 'asap' in d.returnDate ? [dayIn(r.createdAt, tz), dayIn(r.createdAt, tz)] : flexRange(d.returnDate);
        if ((f.returnFrom && last < f.returnFrom) || (f.returnTo && first > f.returnTo)) return false;
      }
      if (q) {
        const hay = [foldName(r.ref), foldName(d.fullName), d.passport.status === 'held' ? foldName(d.passport.number) : '', 'value' in d.contact ? foldName(d.contact.value) : ''];
        const compact = [r.ref, d.passport.status === 'held' ? d.passport.number : '', 'value' in d.contact ? d.contact.value.replace(/[\s.\-]/g, '').toUpperCase() : ''];
        if (!hay.some((h) => h.includes(q)) && !(qRaw && compact.some((c) => c.length > 0 && c.includes(qRaw)))) return false;
      }
      return true;
    });
    const order: Record<ParsedFilter['sort'], (a: Registration, b: Registration) => number> = {
      newest: (a, b) => b.createdAt - a.createdAt,
      oldest: (a, b) => a.createdAt - b.createdAt,
      urgent: (a, b) => Number(isUrgent(b)) - Number(isUrgent(a)) || a.createdAt - b.createdAt,
    };
    return kept.sort(order[f.sort]);
  }

  private async find(idOrRef: string): Promise<Registration> {
    const r = UUID.test(idOrRef) ? await this.repository.get(idOrRef) : await this.repository.byRef(idOrRef.trim().toUpperCase());
    if (!r) throw new RegistrationError('not_found', 'no such registration');
    return r;
  }

  /** A fresh reference, reserved before it is returned so no other instance can issue it too. */
  private async issueReference(id: string): Promise<string> {
    const { store } = this.deps;
    for (;;) {
      const ref = newReference(this.deps.random);
      const issued = await store.withLock(referenceLock(ref), { ...LOCK, scope: 'reference' }, async () => {
        if (await this.repository.refTaken(ref)) return false;
        await store.tablePut(REGISTRATION_TABLES.refs, ref, id);
        return true;
      });
      if (issued) return ref;
    }
  }

  private locked<T>(key: ConversationKey, fn: () => Promise<T>): Promise<T> {
    return this.deps.store.withLock(key, LOCK, fn);
  }

  /** A status change reaches the user where they registered, in their language, like staff replies do. */
  private async tellUser(r: Registration, text: string): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    const message: OutboundMessage = { text, from: 'bot', priority: 'normal', locale: r.locale };
    const item: OutboxItem = { id: randomUUID(), key: r.key, message, attempts: 0, enqueuedAt: now };
    await store.outboxPush(r.key, [item]);
    await store.mailboxPush<TranscriptEntry>(TRANSCRIPT, r.key, { from: 'bot', text, at: now }, this.deps.options.transcriptTtlMs);
    this.deps.kick(r.key);
  }
}
