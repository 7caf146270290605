// The queue of escalated chats. One open hand-off per conversation; every change happens under that
// conversation's 'handoff' lock and is written to the store, so several instances share the queue
// and a restart loses nothing. Messages to the user leave through the outbox like the bot's own.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import type { HandoffDesk, HandoffRequest, TranscriptEntry } from '../core/conversation.ts';
import { TRANSCRIPT } from '../core/conversation.ts';
import { sharedIdsOf, unpackEntries } from '../core/transcript-codec.ts';
import type { SendWindow } from '../core/channel.ts';
import type { SystemEvent } from '../core/effects.ts';
import type { ConversationKey, Locale, OutboundAttachment, OutboundMessage } from '../core/messages.ts';
import type { Clock, Log, OutboxItem, Store } from '../core/ports.ts';
import type { Translate } from '../core/translate.ts';
import { byUrgency, type Handoff, type HandoffEvent, type MissionDirectory, type MissionInfo, type Outcome, type Staff, type WithdrawnLine } from './model.ts';
import { describeHours, describeInstant, nextOpening } from './office-hours.ts';

export const OPEN_TABLE = 'handoffs:open';
export const DONE_TABLE = 'handoffs:done';
const BY_CONVERSATION = 'handoffs:by-conversation';
const WITHDRAWN_TABLE = 'handoffs:withdrawn';
/** A withdrawn chat's line stays in the queue for a shift. */
const WITHDRAWN_KEPT_MS = 12 * 3600_000;

export interface HandoffQueueOptions {
  /** Waiting time (counted from the office's opening) before the user is offered to leave a message. */
  offerAfterMs: number;
  /** A chat nobody took this long after its offer was due is expired. */
  expireAfterMs: number;
  /** Closed and expired hand-offs are kept this long for statistics and audit, then purged. */
  retentionMs: number;
  transcriptTtlMs: number;
}

const DEFAULTS: HandoffQueueOptions = {
  offerAfterMs: 15 * 60_000,
  expireAfterMs: 3 * 24 * 3600_000,
  retentionMs: 30 * 24 * 3600_000,
  transcriptTtlMs: 30 * 24 * 3600_000,
};

export interface HandoffQueueDeps {
  store: Store;
  clock: Clock;
  log: Log;
  translate: Translate;
  missions: MissionDirectory;
  /** The numbers to call while nobody can answer (the country's emergency lines and the 24/7 line). */
  emergencyLines(locale: Locale, country?: string): string;
  /** Runs a synthetic event through the user's dialogue (the conversation service's notify). */
  notify(key: ConversationKey, event: SystemEvent): Promise<void>;
  /** Starts delivery of what was put in the outbox. */
  kick(key: ConversationKey): void;
  /**
   * The channel's messaging window for this conversation now (undefined: the channel has none).
   * Staff replies past it are refused with the channel's reason instead of failing in the outbox.
   */
  window?(key: ConversationKey, from: 'bot' | 'agent'): Promise<SendWindow | undefined>;
  options?: Partial<HandoffQueueOptions>;
}

export class HandoffError extends Error {
  constructor(
    readonly code: 'not_found' | 'not_assigned_to_you' | 'closed' | 'unknown_mission' | 'already_assigned' | 'window_closed',
    message: string,
    /** For 'window_closed': the channel's reason, as its adapter gave it. */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'HandoffError';
  }
}

const LOCK = { ttlMs: 10_000, waitMs: 5_000, scope: 'handoff' } as const;

/** Locations kept on one hand-off. */
const MAX_LOCATIONS = 10;

export class HandoffQueue implements HandoffDesk {
  private readonly opts: HandoffQueueOptions;
  /** Changes made by this instance; the console also polls the store for other instances' changes. */
  readonly changes = new EventEmitter<{ change: [Handoff] }>();

  constructor(private readonly deps: HandoffQueueDeps) {
    this.opts = { ...DEFAULTS, ...deps.options };
    this.changes.setMaxListeners(0);
  }

  // ── the engine's side (HandoffDesk) ──────────────────────────────────────────────────────────

  async open(request: HandoffRequest): Promise<void> {
    const { store, clock } = this.deps;
    const created = await this.locked(request.key, async () => {
      const now = clock.now();
      const existing = await this.openFor(request.key);
      if (existing) {
        // Asking again changes nothing; an emergency raises the chat to the top.
        if (request.priority === 'emergency' && existing.priority !== 'emergency') {
          existing.priority = 'emergency';
          this.record(existing, { at: now, event: 'raised', detail: request.reason });
          await this.save(existing);
        }
        return undefined;
      }
      const mission = this.deps.missions.route(request.country, request.city);
      const opensAt = mission ? (nextOpening(mission.officeHours, mission.timeZone, now) ?? now) : now;
      const h: Handoff = {
        id: randomUUID(),
        key: request.key,
        ...(mission ? { mission: mission.id } : {}),
        ...(request.country ? { country: request.country } : {}),
        ...(request.city ? { city: request.city } : {}),
        ...(request.topic ? { topic: request.topic } : {}),
        locale: request.locale,
        reason: request.reason,
        priority: request.priority,
        status: 'waiting',
        createdAt: now,
        updatedAt: now,
        lastUserAt: now,
        offerDueAt: opensAt + this.opts.offerAfterMs,
        alerts: [],
        notes: [],
        history: [{ at: now, event: 'waiting', detail: request.reason }],
      };
      await store.tablePut(BY_CONVERSATION, conversationId(h.key), h.id);
      await this.save(h);
      return { h, mission, opensAt };
    });
    if (created?.mission && created.opensAt > created.h.createdAt) {
      await this.tellOffHours(created.h, created.mission, created.opensAt);
    }
  }

  async cancel(key: ConversationKey): Promise<void> {
    await this.locked(key, async () => {
      const h = await this.openFor(key);
      if (!h || h.status !== 'waiting') return;
      h.status = 'expired';
      this.record(h, { at: this.deps.clock.now(), event: 'cancelled', by: 'user' });
      await this.finish(h);
    });
  }

  async isHeld(key: ConversationKey): Promise<boolean> {
    return (await this.openFor(key))?.status === 'assigned';
  }

  async relay(key: ConversationKey, entry: { text: string; at: number; emergency: readonly string[]; choice?: string }): Promise<void> {
    await this.locked(key, async () => {
      const h = await this.openFor(key);
      if (!h) return;
      h.lastUserAt = entry.at;
      // A button tapped while a person answers does nothing; said once, so the worker is not left in silence.
      if (entry.choice !== undefined && h.tapNoticeAt === undefined && h.status === 'assigned') {
        h.tapNoticeAt = entry.at;
        await this.sendToUser(h, this.deps.translate(h.locale, 'handoff.heldTap', { name: h.assignee?.name ?? '' }), 'bot');
      }
      if (entry.emergency.length > 0) {
        h.alerts.push({ at: entry.at, kinds: [...entry.emergency] });
        if (h.priority !== 'emergency') {
          h.priority = 'emergency';
          this.record(h, { at: entry.at, event: 'raised', detail: entry.emergency.join(',') });
        }
      }
      await this.save(h);
    });
  }

  async attachLocation(key: ConversationKey, location: { lat: number; lon: number; at: number }): Promise<boolean> {
    return this.locked(key, async () => {
      const h = await this.openFor(key);
      if (!h) return false;
      h.lastUserAt = location.at;
      // The last few are enough to follow someone moving; the transcript keeps every one.
      h.locations = [...(h.locations ?? []), { at: location.at, lat: location.lat, lon: location.lon }].slice(-MAX_LOCATIONS);
      h.updatedAt = location.at;
      await this.save(h);
      return true;
    });
  }

  // ── the staff's side (the console) ───────────────────────────────────────────────────────────

  async get(id: string): Promise<Handoff | undefined> {
    return (await this.deps.store.tableGet<Handoff>(OPEN_TABLE, id)) ?? this.deps.store.tableGet<Handoff>(DONE_TABLE, id);
  }

  /** Closed and expired hand-offs still kept, newest first; `missions` as for list(). */
  async listDone(missions?: readonly string[], limit = 100): Promise<Handoff[]> {
    const all = await this.deps.store.tableAll<Handoff>(DONE_TABLE);
    return all
      .filter((h) => !missions || (h.mission !== undefined && missions.includes(h.mission)))
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, limit);
  }

  /** Open hand-offs, most urgent first; `missions` limits them to those missions (undefined: all). */
  async list(missions?: readonly string[]): Promise<Handoff[]> {
    const all = await this.deps.store.tableAll<Handoff>(OPEN_TABLE);
    return all.filter((h) => !missions || (h.mission !== undefined && missions.includes(h.mission))).sort(byUrgency);
  }

  async transcript(h: Handoff): Promise<TranscriptEntry[]> {
    const items = (await this.deps.store.mailboxRead<unknown>(TRANSCRIPT, h.key, 0)).map((e) => e.item);
    const ids = sharedIdsOf(items);
    return unpackEntries(items, ids.length > 0 ? await this.deps.store.sharedTextsGet(ids) : {});
  }

  async claim(id: string, staff: Staff): Promise<Handoff> {
    return this.change(id, async (h, now) => {
      if (h.status === 'assigned' && h.assignee?.id !== staff.id) throw new HandoffError('already_assigned', 'another officer holds this chat');
      if (h.status === 'assigned') return h;
      h.status = 'assigned';
      h.assignee = { id: staff.id, name: staff.name };
      this.record(h, { at: now, event: 'assigned', by: staff.id });
      await this.save(h);
      await this.tellAssigned(h, staff);
      return h;
    });
  }

  /** A supervisor gives a chat to another officer (who must be able to answer for its mission). */
  async reassign(id: string, by: Staff, to: Staff): Promise<Handoff> {
    return this.change(id, async (h, now) => {
      if (h.status === 'assigned' && h.assignee?.id === to.id) return h;
      h.status = 'assigned';
      h.assignee = { id: to.id, name: to.name };
      this.record(h, { at: now, event: 'assigned', by: by.id, detail: to.id });
      await this.save(h);
      await this.tellAssigned(h, to);
      return h;
    });
  }

  /** An officer's reply; `attachment` names a file already kept in the media vault under the conversation. */
  async reply(id: string, staff: Staff, text: string, attachment?: OutboundAttachment): Promise<Handoff> {
    return this.change(id, async (h) => {
      if (h.status !== 'assigned' || h.assignee?.id !== staff.id) throw new HandoffError('not_assigned_to_you', 'claim the chat before replying');
      const window = await this.deps.window?.(h.key, 'agent');
      if (window && !window.canSend) {
        throw new HandoffError('window_closed', 'the channel no longer lets staff write to this user', window.reason);
      }
      await this.sendToUser(h, this.deps.translate(h.locale, 'handoff.agentSays', { name: staff.name, text }), 'agent', attachment);
      return h;
    });
  }

  async note(id: string, staff: Staff, text: string): Promise<Handoff> {
    return this.change(id, async (h, now) => {
      h.notes.push({ at: now, by: staff.name, text });
      await this.save(h);
      return h;
    });
  }

  /** Moves a chat to another mission's queue; `reason` becomes a note the receiving officers read first. */
  async transfer(id: string, staff: Staff, missionId: string, reason?: string): Promise<Handoff> {
    const mission = this.deps.missions.get(missionId);
    if (!mission) throw new HandoffError('unknown_mission', `no mission ${missionId}`);
    return this.change(id, async (h, now) => {
      if (reason) h.notes.push({ at: now, by: staff.name, text: reason, transfer: { ...(h.mission ? { from: h.mission } : {}), to: mission.id } });
      h.mission = mission.id;
      h.status = 'waiting';
      delete h.assignee;
      this.record(h, { at: now, event: 'transferred', by: staff.id, detail: mission.id });
      await this.save(h);
      if (await this.mayWrite(h, 'bot')) {
        await this.sendToUser(h, this.deps.translate(h.locale, 'handoff.transferred', { mission: mission.name[h.locale] }), 'bot');
      }
      return h;
    });
  }

  async close(id: string, staff: Staff, outcome?: Outcome): Promise<Handoff> {
    const closed = await this.change(id, async (h, now) => {
      h.status = 'closed';
      if (outcome) h.outcome = outcome;
      this.record(h, { at: now, event: 'closed', by: staff.id, ...(outcome ? { detail: outcome } : {}) });
      await this.finish(h);
      return h;
    });
    // Back to the bot through the dialogue, so the menu it shows answers to digits and words.
    await this.deps.notify(closed.key, { type: 'handoff.closed' });
    return closed;
  }

  /**
   * The user erased their data: their hand-offs go too. An open one leaves an anonymous line in its
   * mission's queue for the shift, so the officer who was alerted knows it was withdrawn, not lost.
   */
  async forget(key: ConversationKey): Promise<void> {
    const { store, clock } = this.deps;
    await this.locked(key, async () => {
      const open = await this.openFor(key);
      if (open) {
        await store.tableDelete(OPEN_TABLE, open.id);
        const line: WithdrawnLine = { id: randomUUID(), priority: open.priority, status: open.status === 'assigned' ? 'assigned' : 'waiting', at: clock.now() };
        if (open.mission) line.mission = open.mission;
        if (open.country) line.country = open.country;
        await store.tablePut(WITHDRAWN_TABLE, line.id, line);
        // Consoles drop the row (and fetch the line in its place); nothing of the person goes with it.
        this.changes.emit('change', { ...open, key: { channel: open.key.channel, account: '', user: '' }, notes: [], alerts: [], status: 'expired', updatedAt: line.at, history: [...open.history, { at: line.at, event: 'cancelled', by: 'user' }] });
      }
      await store.tableDelete(BY_CONVERSATION, conversationId(key));
      for (const h of await store.tableAll<Handoff>(DONE_TABLE)) {
        if (conversationId(h.key) === conversationId(key)) await store.tableDelete(DONE_TABLE, h.id);
      }
    });
  }

  /** Chats withdrawn by their users during the last shift, newest first; `missions` as for list(). */
  async withdrawn(missions?: readonly string[]): Promise<WithdrawnLine[]> {
    const since = this.deps.clock.now() - WITHDRAWN_KEPT_MS;
    const all = await this.deps.store.tableAll<WithdrawnLine>(WITHDRAWN_TABLE);
    return all.filter((l) => l.at >= since && (!missions || (l.mission !== undefined && missions.includes(l.mission)))).sort((a, b) => b.at - a.at);
  }

  // ── the sweeper's side ───────────────────────────────────────────────────────────────────────

  /** Offers a way out to users nobody answered, expires abandoned chats, purges old records. */
  async sweep(): Promise<{ offered: number; expired: number; purged: number }> {
    const { store, clock } = this.deps;
    const now = clock.now();
    let offered = 0;
    let expired = 0;
    let purged = 0;
    for (const snapshot of await store.tableAll<Handoff>(OPEN_TABLE)) {
      if (snapshot.status !== 'waiting') continue;
      // Counted from when staff could first answer, so a weekend does not expire Friday's chats.
      if (now - snapshot.offerDueAt >= this.opts.expireAfterMs) {
        await this.locked(snapshot.key, async () => {
          const h = await this.openFor(snapshot.key);
          if (h?.status !== 'waiting') return;
          h.status = 'expired';
          this.record(h, { at: now, event: 'expired' });
          await this.finish(h);
          expired++;
        });
      } else if (snapshot.offeredAt === undefined && now >= snapshot.offerDueAt) {
        const due = await this.locked(snapshot.key, async () => {
          const h = await this.openFor(snapshot.key);
          if (h?.status !== 'waiting' || h.offeredAt !== undefined) return false;
          h.offeredAt = now;
          this.record(h, { at: now, event: 'offered' });
          await this.save(h);
          return true;
        });
        if (due) {
          await this.deps.notify(snapshot.key, { type: 'handoff.timeout' });
          offered++;
        }
      }
    }
    for (const l of await store.tableAll<WithdrawnLine>(WITHDRAWN_TABLE)) {
      if (now - l.at >= WITHDRAWN_KEPT_MS) await store.tableDelete(WITHDRAWN_TABLE, l.id);
    }
    for (const h of await store.tableAll<Handoff>(DONE_TABLE)) {
      if (now - h.updatedAt >= this.opts.retentionMs) {
        await store.tableDelete(DONE_TABLE, h.id);
        purged++;
      }
    }
    return { offered, expired, purged };
  }

  // ── internals ────────────────────────────────────────────────────────────────────────────────

  private async openFor(key: ConversationKey): Promise<Handoff | undefined> {
    const id = await this.deps.store.tableGet<string>(BY_CONVERSATION, conversationId(key));
    return id === undefined ? undefined : this.deps.store.tableGet<Handoff>(OPEN_TABLE, id);
  }

  private async change(id: string, fn: (h: Handoff, now: number) => Promise<Handoff>): Promise<Handoff> {
    const first = await this.deps.store.tableGet<Handoff>(OPEN_TABLE, id);
    if (!first) {
      if (await this.deps.store.tableGet<Handoff>(DONE_TABLE, id)) throw new HandoffError('closed', 'this chat is closed');
      throw new HandoffError('not_found', 'no such chat');
    }
    return this.locked(first.key, async () => {
      // Re-read under the lock: another officer or instance may have changed it meanwhile.
      const h = await this.deps.store.tableGet<Handoff>(OPEN_TABLE, id);
      if (!h) throw new HandoffError('closed', 'this chat is closed');
      return fn(h, this.deps.clock.now());
    });
  }

  private locked<T>(key: ConversationKey, fn: () => Promise<T>): Promise<T> {
    return this.deps.store.withLock(key, LOCK, fn);
  }

  private record(h: Handoff, e: HandoffEvent): void {
    h.history.push(e);
    h.updatedAt = e.at;
  }

  private async save(h: Handoff): Promise<void> {
    await this.deps.store.tablePut(OPEN_TABLE, h.id, h);
    this.changes.emit('change', h);
  }

  /** Moves a closed or expired hand-off out of the queue. */
  private async finish(h: Handoff): Promise<void> {
    const { store } = this.deps;
    await store.tablePut(DONE_TABLE, h.id, h);
    await store.tableDelete(OPEN_TABLE, h.id);
    await store.tableDelete(BY_CONVERSATION, conversationId(h.key));
    this.changes.emit('change', h);
  }

  private async tellOffHours(h: Handoff, mission: MissionInfo, opensAt: number): Promise<void> {
    const { translate } = this.deps;
    const days = translate(h.locale, 'handoff.days').split(',');
    const vars = { mission: mission.name[h.locale], hours: describeHours(mission.officeHours, days), next: describeInstant(opensAt, mission.timeZone, days) };
    // An emergency was just answered with the numbers to call: say when staff answer, not the whole list again.
    const text =
      h.priority === 'emergency'
        ? translate(h.locale, 'handoff.offHoursEmergency', vars)
        : [translate(h.locale, 'handoff.offHours', vars), this.deps.emergencyLines(h.locale, h.country)].join('\n');
    await this.sendToUser(h, text, 'bot');
  }

  /** Tells the user who answers, when the channel still lets a person write to them. */
  private async tellAssigned(h: Handoff, staff: Staff): Promise<void> {
    if (!(await this.mayWrite(h, 'agent'))) return;
    const mission = h.mission ? this.deps.missions.get(h.mission) : undefined;
    await this.sendToUser(h, this.deps.translate(h.locale, 'handoff.assigned', { name: staff.name, mission: mission?.name[h.locale] ?? '' }), 'agent');
  }

  /** A notice the platform would refuse is not queued (it would only end in the dead-letter list). */
  private async mayWrite(h: Handoff, from: 'bot' | 'agent'): Promise<boolean> {
    const window = await this.deps.window?.(h.key, from);
    return !window || window.canSend;
  }

  private async sendToUser(h: Handoff, text: string, from: OutboundMessage['from'], attachment?: OutboundAttachment): Promise<void> {
    const { store, clock } = this.deps;
    const now = clock.now();
    // Staff replies leave ahead of ordinary bot replies when a channel is rate limited.
    const priority = h.priority === 'emergency' ? 'emergency' : from === 'agent' ? 'agent' : 'normal';
    const message: OutboundMessage = { text, from, priority, locale: h.locale, ...(attachment ? { attachment } : {}) };
    const item: OutboxItem = { id: randomUUID(), key: h.key, message, attempts: 0, enqueuedAt: now };
    await store.outboxPush(h.key, [item]);
    const entry: TranscriptEntry = { from: from === 'agent' ? 'agent' : 'bot', text, at: now };
    if (attachment) entry.media = [{ id: attachment.id, kind: attachment.kind, mime: attachment.mime, name: attachment.name, size: attachment.size }];
    await store.mailboxPush<TranscriptEntry>(TRANSCRIPT, h.key, entry, this.opts.transcriptTtlMs);
    this.deps.kick(h.key);
  }
}

function conversationId(key: ConversationKey): string {
  return JSON.stringify([key.channel, key.account, key.user]);
}

