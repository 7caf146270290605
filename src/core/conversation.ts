// The conversation service: one inbound message becomes one turn. Under the conversation's lock it
// drops duplicates, loads the record, turns the message into a flow event (choice, command,
// emergency or understood text), runs the flow, renders its effects, and commits the new record,
// the "handled" mark and the replies to the outbox in one write. A failed turn saves nothing.
import { randomUUID } from 'node:crypto';
import { resolveChoice } from './choices.ts';
import { parseCommand } from './commands.ts';
import type { Earlier, Effect, FlowEvent, FlowRunner, FlowState, SystemEvent, Understanding } from './effects.ts';
import { isRegistrationEffect, type RegistrationDesk, type RegistrationRequestContext } from './registration.ts';
import type { InboundPort, ReceiveResult } from './channel.ts';
import {
  MAX_INBOUND_TEXT,
  keyToString,
  type Choice,
  type ConversationKey,
  type InboundMessage,
  type Locale,
  type OutboundMessage,
} from './messages.ts';
import type { Clock, ConversationRecord, Intent, Log, MailboxAppend, OutboxItem, Store, TurnCommit } from './ports.ts';
import type { DeliveryOffer } from './outbox.ts';
import { mediaLabel, mediaWithIds, type TranscriptMedia } from './media.ts';
import { TextShelf } from './text-shelf.ts';
import { fromContentAlone, packEntry, sharedReply, type StoredEntry } from './transcript-codec.ts';
import type { MediaVault } from './media-vault.ts';
import type { Responder } from './respond.ts';
import type { Translate } from './translate.ts';
import { offeredChoices, pickedLabel, type OfferedChoice } from './transcript.ts';

export interface NluOutput {
  intent: string;
  confidence: number;
  emergency: readonly string[];
  topicIntent?: string;
  country?: string;
  city?: string;
  article?: { id: string; score: number; unknown?: boolean };
  /** A second question of another topic in the same message ("… trong bao lâu và quỹ hỗ trợ bao nhiêu"): answered after `article`. */
  also?: { id: string; unknown?: boolean }[];
  /** What the message said about its case and what it asks (slot → values, from content/slots.yaml). */
  slots?: Record<string, string[]>;
  /** No topic of its own, but close to an article: a follow-up, answered when the chat is in that article's topic ("hạn mấy ngày"). */
  followUp?: { id: string; topic: string; unknown?: boolean };
}

/** The understanding layer as the engine uses it (src/core/nlu implements it). */
export interface Understander {
  /**
   * `earlier`: what the conversation was asking about, so a message without a topic of its own is
   * read as its follow-up ("làm lại mất mấy ngày" after a lost passport is the emergency passport's
   * time). Without it, the message alone.
   */
  understand(text: string, earlier?: Earlier): NluOutput;
  detectLanguage(text: string): Locale;
  normalize(text: string): string;
}

/**
 * The hand-off desk as the engine sees it (src/handoff implements it): where requests go, and the
 * gate that keeps the bot silent while a person holds the chat.
 */
export interface HandoffDesk {
  open(request: HandoffRequest): Promise<void>;
  /** The user went back to the assistant instead of waiting. */
  cancel(key: ConversationKey): Promise<void>;
  /** Whether a staff member holds this conversation now. */
  isHeld(key: ConversationKey): Promise<boolean>;
  /** A user's message while a person holds the chat; `emergency` lists danger detected in it. */
  relay(key: ConversationKey, entry: { text: string; at: number; emergency: readonly string[]; choice?: string }): Promise<void>;
  /**
   * A location the user shared, put on their open hand-off (waiting or held) so the officers see
   * where they are; false when no hand-off is open.
   */
  attachLocation?(key: ConversationKey, location: { lat: number; lon: number; at: number }): Promise<boolean>;
}

export interface HandoffRequest {
  key: ConversationKey;
  reason: string;
  priority: 'emergency' | 'normal';
  topic?: string;
  locale: Locale;
  country?: string;
  city?: string;
  at: number;
}

export interface EngineOptions {
  /** How long a quiet conversation is kept (privacy: short by default). */
  recordTtlMs: number;
  /** How long a platform message id is remembered: longer than any platform's retry window. */
  dedupeTtlMs: number;
  lockTtlMs: number;
  lockWaitMs: number;
  /** Messages one conversation may send per window before the bot asks it to slow down. */
  floodMax: number;
  floodWindowMs: number;
  /**
   * How long a message carrying the platform's order waits for an earlier one still on its way
   * to another instance (0: no hold), and after how long such an earlier one no longer counts.
   */
  orderHoldMs: number;
  /** The hold for channels whose platform keeps one user's messages in sequence itself (Telegram: 0). */
  orderHoldByChannel?: Readonly<Record<string, number>>;
  orderStaleMs: number;
}

export const DEFAULT_ENGINE_OPTIONS: EngineOptions = {
  recordTtlMs: 30 * 24 * 3600_000,
  dedupeTtlMs: 48 * 3600_000,
  lockTtlMs: 30_000,
  lockWaitMs: 20_000,
  floodMax: 30,
  floodWindowMs: 60_000,
  orderHoldMs: 0,
  orderStaleMs: 10_000,
};

export interface EngineDeps {
  store: Store;
  flows: FlowRunner;
  nlu: Understander;
  render: Responder;
  translate: Translate;
  clock: Clock;
  log: Log;
  /** Called after a turn is committed, to start delivery (`urgent`: an emergency's or staff's reply). */
  onCommitted?: (key: ConversationKey, urgent?: boolean) => void;
  /**
   * Asked before a commit that appends replies (Outbox.offer): when this instance will deliver them
   * at once, the outbox's lease, which the commit takes in its own write. An offer, once answered,
   * starts the delivery itself: onCommitted is not called for that commit.
   */
  offerDelivery?: (key: ConversationKey) => DeliveryOffer | undefined;
  /** The hand-off queue; without it, requests are only logged. */
  handoff?: HandoffDesk;
  /** The return registrations (src/registration); without it, the form's effects say it is unavailable. */
  registrations?: RegistrationDesk;
  /** Told what each turn did (for anonymous statistics); its failures never fail the turn. */
  onTurn?: (turn: TurnObserved) => Promise<void>;
  /** Keeps the bytes of what users send while a person holds their chat; without it, only references are kept. */
  media?: MediaVault;
  /** Called with the key when the user erased their data, so other parts can forget it too. */
  onErase?: (key: ConversationKey) => Promise<void>;
  /** Called before the store erases the conversation, while what is kept with it can still be read. */
  beforeErase?: (key: ConversationKey) => Promise<void>;
  /** The erase failed before it was committed: what beforeErase prepared (a chat clean-up) is dropped. */
  eraseAborted?: (key: ConversationKey) => void;
  options?: Partial<EngineOptions>;
}

export interface TurnObserved {
  key: ConversationKey;
  at: number;
  country?: string;
  city?: string;
  effects: readonly Effect[];
  /** Danger found in the user's message, also while a person holds the chat (the flow does not run then). */
  emergencyKinds: readonly string[];
}

/** Entries of the per-conversation transcript kept for staff (and erased with the conversation). */
export interface TranscriptEntry {
  from: 'user' | 'bot' | 'agent';
  text: string;
  at: number;
  /** The option the user picked (a button, or its number typed); `text` is its label as they saw it. */
  choice?: string;
  /** The options a bot message offered, in every language staff may read. */
  offered?: OfferedChoice[];
  /** What came with the user's message (or an officer's attachment), each with the id staff open it by. */
  media?: TranscriptMedia[];
  /** The words were a shared text no longer kept: `text` is empty (see transcript-codec.ts). */
  lost?: true;
}
export const TRANSCRIPT = 'transcript';

/** The intent a turn writes for each hand-off it asks for: opened after the commit, or by recovery. */
export const HANDOFF_INTENT = 'handoff';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class ConversationService implements InboundPort {
  private readonly opts: EngineOptions;
  /** Replies from content alone are kept once for all conversations (transcript-codec.ts). */
  private readonly shelf: TextShelf;

  constructor(private readonly deps: EngineDeps) {
    this.opts = { ...DEFAULT_ENGINE_OPTIONS, ...deps.options };
    this.shelf = new TextShelf(deps.store, deps.clock, this.opts.recordTtlMs);
  }

  async receive(message: InboundMessage): Promise<ReceiveResult> {
    const { store, clock } = this.deps;
    const { order } = message;
    const hold = this.opts.orderHoldByChannel?.[message.key.channel] ?? this.opts.orderHoldMs;
    if (order === undefined || hold <= 0) return this.receiveLocked(message);
    // Noted first, then held a moment: an earlier message of this user that reached another
    // instance a little later is noted meanwhile, and goes first.
    await store.arrive(message.key, order, clock.now(), this.opts.dedupeTtlMs);
    try {
      await sleep(hold);
      await store.awaitEarlier(message.key, order, this.opts.orderStaleMs, this.opts.lockWaitMs);
      return await this.receiveLocked(message);
    } finally {
      await store.depart(message.key, order).catch(() => undefined);
    }
  }

  private async receiveLocked(message: InboundMessage): Promise<ReceiveResult> {
    const { store } = this.deps;
    const key = message.key;
    const handoff = this.deps.handoff;
    const begin = {
      ttlMs: this.opts.lockTtlMs,
      waitMs: this.opts.lockWaitMs,
      messageId: message.id,
      flood: { name: 'inbound', windowMs: this.opts.floodWindowMs },
      // The hand-off gate (a table row, in another slot) is read with the lock's attempt: the same round trip.
      ...(handoff ? { alongside: () => handoff.isHeld(key) } : {}),
    };
    return store.withTurn(key, begin, async ({ handled, record, count, alongside: held }, { token: fence }) => {
      if (handled) return 'duplicate';
      if (await this.isFlooding(message, record, count, fence)) return 'accepted';
      if (held) await this.relayTurn(key, message, record, fence);
      else if (await this.isLaterAlbumItem(message)) await this.keepTurn(key, message, record, fence, true);
      else if (await this.attachedLocation(message)) await this.locationTurn(key, message, record, fence);
      else await this.runTurn(key, message, record, fence);
      return 'accepted';
    });
  }

  /**
   * Runs a synthetic event from the hand-off desk (a sweeper's timeout, a staff member closing the
   * chat) as a turn of its own, under the conversation's lock, so it is ordered with the user's.
   */
  async notify(key: ConversationKey, event: SystemEvent): Promise<void> {
    const { store } = this.deps;
    await store.withLock(key, { ttlMs: this.opts.lockTtlMs, waitMs: this.opts.lockWaitMs }, async ({ token: fence }) => {
      const record = await store.getConversation(key);
      // A conversation erased (or expired) meanwhile has nobody to tell.
      if (!record) return;
      await this.runTurn(key, { id: `sys:${randomUUID()}`, key, receivedAt: this.deps.clock.now(), payload: { type: 'start' } }, record, fence, event);
    });
  }

  /**
   * A flood from one conversation gets one "slow down" and then silence until the window passes,
   * so it cannot starve other users. A message in danger is never held back.
   */
  private async isFlooding(message: InboundMessage, stored: ConversationRecord | undefined, count: number, fence: string): Promise<boolean> {
    const { store, nlu, clock } = this.deps;
    if (count <= this.opts.floodMax) return false;
    const p = message.payload;
    if (p.type === 'text' && nlu.understand(p.text.slice(0, MAX_INBOUND_TEXT)).emergency.length > 0) return false;
    const locale = stored?.locale ?? message.localeHint ?? 'vi';
    const reply: OutboundMessage = { text: this.deps.translate(locale, 'errors.slowDown'), from: 'bot', priority: 'normal', locale };
    await this.commit(message.key, {
      ...(stored ? { record: stored } : {}),
      recordTtlMs: this.opts.recordTtlMs,
      messageId: message.id,
      dedupeTtlMs: this.opts.dedupeTtlMs,
      outbox: count === this.opts.floodMax + 1 ? [this.outboxItem(message.key, reply, clock.now())] : [],
      mailboxes: kept(message),
      fence,
      release: true,
    });
    return true;
  }

  /**
   * An album arrives as one message per photo; the first is answered, the others are only kept.
   * Counted in the store (with the conversation, erased with it) rather than by waiting for the
   * rest in memory, so a restart or a second instance answers no album twice and loses no item.
   * Danger in a later item's caption is still answered.
   */
  private async isLaterAlbumItem(message: InboundMessage): Promise<boolean> {
    if (message.album === undefined) return false;
    const p = message.payload;
    if (p.type === 'text' && this.deps.nlu.understand(p.text.slice(0, MAX_INBOUND_TEXT)).emergency.length > 0) return false;
    return (await this.deps.store.countInWindow(`album:${message.album}`, message.key, this.opts.dedupeTtlMs)) > 1;
  }

  /**
   * A location shared while a hand-off is open — typically just after an emergency, while the
   * worker waits — goes on that hand-off, so the officers see the coordinates at once; the worker
   * is told it reached them instead of being offered a hand-off they already have.
   */
  private async attachedLocation(message: InboundMessage): Promise<boolean> {
    const at = locationOf(message);
    if (!at || message.payload.type === 'text' || !this.deps.handoff?.attachLocation) return false;
    return this.deps.handoff.attachLocation(message.key, { ...at, at: this.deps.clock.now() });
  }

  private async locationTurn(key: ConversationKey, message: InboundMessage, stored: ConversationRecord | undefined, fence: string): Promise<void> {
    const now = this.deps.clock.now();
    const locale = stored?.locale ?? message.localeHint ?? 'vi';
    const reply: OutboundMessage = { text: this.deps.translate(locale, 'media.locationAttached'), from: 'bot', priority: 'agent', locale };
    await this.commit(key, {
      ...(stored ? { record: { ...stored, updatedAt: now, lastUserAt: now, lastUserMessageId: message.id } } : {}),
      recordTtlMs: this.opts.recordTtlMs,
      messageId: message.id,
      dedupeTtlMs: this.opts.dedupeTtlMs,
      outbox: [this.outboxItem(key, reply, now)],
      mailbox: { name: TRANSCRIPT, items: [userEntry(message, stored?.pending, now), { from: 'bot', text: reply.text, at: now }], ttlMs: this.opts.recordTtlMs },
      mailboxes: kept(message),
      fence,
      release: true,
    });
    await this.observe({ key, at: now, ...placeOf(stored), effects: [], emergencyKinds: [] });
  }

  /**
   * A message kept for staff (in the transcript) that the bot does not answer. `release`: nothing
   * follows under the lock (an album's later item); a relayed message still reaches the desk under it.
   */
  private async keepTurn(key: ConversationKey, message: InboundMessage, stored: ConversationRecord | undefined, fence: string, release: boolean): Promise<number> {
    const now = this.deps.clock.now();
    await this.deps.store.commitTurn(key, {
      ...(stored ? { record: { ...stored, updatedAt: now, lastUserAt: now, lastUserMessageId: message.id } } : {}),
      recordTtlMs: this.opts.recordTtlMs,
      messageId: message.id,
      dedupeTtlMs: this.opts.dedupeTtlMs,
      outbox: [],
      mailbox: { name: TRANSCRIPT, items: [userEntry(message, stored?.pending, now)], ttlMs: this.opts.recordTtlMs },
      mailboxes: kept(message),
      fence,
      release,
    });
    return now;
  }

  /** While a person holds the chat the bot says nothing; the message goes to them, checked for danger. */
  private async relayTurn(key: ConversationKey, message: InboundMessage, stored: ConversationRecord | undefined, fence: string): Promise<void> {
    const p = message.payload;
    const read = p.type === 'text' ? this.deps.nlu.understand(p.text.slice(0, MAX_INBOUND_TEXT)) : undefined;
    const emergency = read?.emergency ?? [];
    // A farewell or "không chịu nổi nữa" is not asked about while a person answers (the officer
    // does): it raises the chat and alerts the console as a sign of danger.
    const alert = emergency.length === 0 && read?.intent === 'concern' ? ['danger'] : emergency;
    const now = await this.keepTurn(key, message, stored, fence, false);
    const choice = p.type === 'choice' ? { choice: p.id } : {};
    await this.deps.handoff?.relay(key, { text: userLine(message, stored?.pending), at: now, emergency: alert, ...choice });
    const at = locationOf(message);
    if (at) await this.deps.handoff?.attachLocation?.(key, { ...at, at: now });
    await this.collectMedia(key, message, stored);
    await this.observe({ key, at: now, ...placeOf(stored), effects: [], emergencyKinds: emergency });
  }

  /**
   * While a person holds the chat, what the user sent is fetched from the platform at once (its
   * URLs do not last). After the turn is saved, so a slow download loses nothing: the console
   * fetches again on demand. A file over the limit is not kept at all, and the user is told.
   */
  private async collectMedia(key: ConversationKey, message: InboundMessage, stored: ConversationRecord | undefined): Promise<void> {
    const vault = this.deps.media;
    if (!vault || !message.media) return;
    const results: string[] = [];
    for (const item of mediaWithIds(message.id, message.media)) {
      results.push(await vault.collect(key, item).catch(() => 'unavailable'));
    }
    if (!results.includes('too_large')) return;
    const locale = stored?.locale ?? message.localeHint ?? 'vi';
    const text = this.deps.translate(locale, 'media.tooLarge', { mb: Math.floor(vault.maxBytes / (1024 * 1024)) });
    await this.deps.store.outboxPush(key, [this.outboxItem(key, { text, from: 'bot', priority: 'agent', locale }, this.deps.clock.now())]);
    this.deps.onCommitted?.(key);
  }

  /** Sets the language and country before the first message (the terminal chat's --lang/--country). */
  async preset(key: ConversationKey, state: FlowState): Promise<void> {
    const { store, clock } = this.deps;
    await store.withLock(key, { ttlMs: this.opts.lockTtlMs, waitMs: this.opts.lockWaitMs }, async () => {
      const existing = await store.getConversation(key);
      if (existing) return;
      const record: ConversationRecord = {
        flowVersion: this.deps.flows.version,
        snapshot: undefined,
        pending: [],
        updatedAt: clock.now(),
        ...state,
      };
      await store.commitTurn(key, {
        record,
        recordTtlMs: this.opts.recordTtlMs,
        messageId: `preset:${randomUUID()}`,
        dedupeTtlMs: 1,
        outbox: [],
      });
    });
  }

  private async runTurn(key: ConversationKey, message: InboundMessage, stored: ConversationRecord | undefined, fence: string, system?: SystemEvent): Promise<void> {
    const { store, clock, log } = this.deps;
    const now = clock.now();
    let effects: Effect[];
    let event: FlowEvent;
    let record: ConversationRecord | undefined;
    let erase = false;
    let locale: Locale;
    let intents: Intent[] = [];
    let committing = false;
    let urgent = false;
    let keptBeforeErase = false;
    try {
      event = system ?? this.toEvent(message, stored);
      // The logger redacts text fields and hashes the conversation id: this line is safe at debug level.
      if (log.isLevelEnabled?.('debug') !== false) log.debug({ conversation: keyToString(key), payload: message.payload, event: event.type, intent: 'nlu' in event ? event.nlu.intent : undefined }, 'turn');
      const result = this.step(stored, event, message.localeHint);
      effects = result.effects;
      locale = result.state.locale ?? 'vi';
      erase = effects.some((e) => e.type === 'erase');
      const shown = await this.carryRegistrations(effects, { key, locale, messageId: message.id, at: now });
      const rendered = this.deps.render(shown, locale, stored?.lastAsk, result.state);
      const replies = rendered.messages;
      urgent = replies.some((m) => m.priority !== 'normal');
      record = erase
        ? undefined
        : {
            flowVersion: this.deps.flows.version,
            snapshot: result.persisted,
            ...result.state,
            pending: rendered.pending ?? stored?.pending ?? [],
            ...(rendered.lastAsk ?? stored?.lastAsk ? { lastAsk: rendered.lastAsk ?? stored?.lastAsk } : {}),
            ...(system ? pickLastUser(stored) : { lastUserAt: now, lastUserMessageId: message.id }),
            updatedAt: now,
          };
      intents = this.handoffIntents(effects, key, locale, now, record);
      if (erase) {
        // What the channel keeps of this message goes first, so what reads it before the erase sees it too.
        for (const m of kept(message)) for (const item of m.items) await store.mailboxPush(m.name, key, item, m.ttlMs);
        keptBeforeErase = true;
        await this.deps.beforeErase?.(key);
        await store.deleteConversation(key);
        await this.deps.onErase?.(key);
      }
      committing = true;
      await this.commit(key, {
        ...(record ? { record } : {}),
        recordTtlMs: this.opts.recordTtlMs,
        messageId: message.id,
        dedupeTtlMs: this.opts.dedupeTtlMs,
        // A reply to the user's message carries when they wrote it (their messaging window starts there).
        outbox: replies.map((m) => ({ ...this.outboxItem(key, m, now), ...(system ? {} : { userAt: now, userMessageId: message.id }) })),
        ...(erase
          ? {}
          : {
              mailbox: {
                name: TRANSCRIPT,
                items: transcriptOf(
                  system ? undefined : { message, event, pending: stored?.pending },
                  replies,
                  now,
                  offeredChoices(replies, locale, (l) => this.deps.render.choicesIn(shown, l, stored?.lastAsk)),
                  fromContentAlone(shown) ? this.shelf : undefined,
                ),
                ttlMs: this.opts.recordTtlMs,
              },
              mailboxes: kept(message),
            }),
        // The hand-off is owed from the moment the user is told staff were alerted: it is written
        // with the reply, and a crash before it is opened leaves it for recovery, not for nobody.
        intents,
        fence,
        // Released with the commit unless something after it needs the lock: opening the hand-offs,
        // cancelling one, or what follows an erase. Statistics and the outbox's kick do not.
        release: !erase && intents.length === 0 && !effects.some((e) => e.type === 'handoff.cancel'),
      }, urgent);
    } catch (err) {
      if (erase) this.deps.eraseAborted?.(key);
      // A commit that failed may still have been applied (the store went away before answering) or
      // was refused because the lock is no longer ours: writing an apology over it would rewind the
      // state. The caller answers "try again"; the platform's retry finds the handled mark, or not.
      if (committing) throw err;
      // The turn failed: the record stays as it was; the user gets an apology rather than silence,
      // and the message is marked handled so a platform retry does not fail the same way forever.
      log.error({ err, conversation: keyToString(key) }, 'turn failed');
      const loc = stored?.locale ?? message.localeHint ?? 'vi';
      const apology: OutboundMessage = { text: this.deps.translate(loc, 'errors.turnFailed'), from: 'bot', priority: 'normal', locale: loc };
      await this.commit(key, {
        ...(stored ? { record: stored } : {}),
        recordTtlMs: this.opts.recordTtlMs,
        messageId: message.id,
        dedupeTtlMs: this.opts.dedupeTtlMs,
        outbox: [this.outboxItem(key, apology, now)],
        ...(keptBeforeErase ? {} : { mailboxes: kept(message) }),
        fence,
        release: true,
      });
      return;
    }
    await this.observe({ key, at: now, ...placeOf(record ?? stored), effects, emergencyKinds: event.type === 'user.emergency' ? event.kinds : [] });
    for (const e of effects) if (e.type === 'handoff.cancel') await this.deps.handoff?.cancel(key);
    await this.completeIntents(key, intents).catch((err: unknown) => log.warn({ err, conversation: keyToString(key) }, 'hand-off not opened yet; recovery retries it'));
  }

  /**
   * Commits a turn and starts its delivery. A commit with replies is offered the outbox's lease
   * first (offerDelivery): its write takes it when free, and the drain starts under it without a
   * round trip of its own. A commit that fails lets the offer go (it may have taken the lease).
   */
  private async commit(key: ConversationKey, commit: TurnCommit, urgent?: boolean): Promise<void> {
    const offer = commit.outbox.length > 0 ? this.deps.offerDelivery?.(key) : undefined;
    if (!offer) {
      await this.deps.store.commitTurn(key, commit);
      this.deps.onCommitted?.(key, urgent);
      return;
    }
    let head: OutboxItem[] | undefined;
    try {
      head = await this.deps.store.commitTurn(key, { ...commit, lease: offer.lease });
    } catch (err) {
      offer.abandoned();
      throw err;
    }
    offer.committed(head);
  }

  private handoffIntents(effects: readonly Effect[], key: ConversationKey, locale: Locale, now: number, record: ConversationRecord | undefined): Intent[] {
    const out: Intent[] = [];
    for (const e of effects) {
      if (e.type !== 'handoff') continue;
      const request: HandoffRequest = { key, reason: e.reason, priority: e.priority, locale, at: now };
      if (e.topic) request.topic = e.topic;
      if (record?.country) request.country = record.country;
      if (record?.city) request.city = record.city;
      out.push({ id: randomUUID(), kind: HANDOFF_INTENT, data: request });
    }
    return out;
  }

  /**
   * Carries out the intents a committed turn left (opening a hand-off is idempotent: asking again
   * changes nothing), then marks them done. Recovery calls this for intents a crash left behind.
   */
  async completeIntents(key: ConversationKey, intents: readonly Intent[]): Promise<void> {
    if (intents.length === 0) return;
    const desk = this.deps.handoff;
    for (const intent of intents) {
      if (intent.kind !== HANDOFF_INTENT) continue;
      const request = intent.data as HandoffRequest;
      if (desk) await desk.open(request);
      else this.deps.log.warn({ reason: request.reason, priority: request.priority }, 'hand-off requested but no desk is configured');
    }
    await this.deps.store.intentsDone(key, intents.map((i) => i.id));
  }

  /**
   * Carries out the flow's registration effects before the reply is rendered, putting what the
   * desk says (the reference number, the status) in their place. Done inside the turn: if it
   * fails, the turn fails and nothing is saved; a retried message finds its registration again.
   */
  private async carryRegistrations(effects: Effect[], ctx: RegistrationRequestContext): Promise<Effect[]> {
    if (!effects.some(isRegistrationEffect)) return effects;
    const out: Effect[] = [];
    for (const e of effects) {
      if (!isRegistrationEffect(e)) out.push(e);
      else if (!this.deps.registrations) out.push({ type: 'say', key: 'registration.unavailable' });
      else out.push(...(await this.deps.registrations.carry(e, ctx)));
    }
    return out;
  }

  /** Runs the flow; a snapshot from an older flow version, or one that no longer fits, restarts with an apology. */
  private step(stored: ConversationRecord | undefined, event: FlowEvent, localeHint: Locale | undefined) {
    const { flows } = this.deps;
    const initial: FlowState = {};
    const locale = stored?.locale ?? localeHint;
    if (locale) initial.locale = locale;
    if (stored?.country) initial.country = stored.country;
    if (stored?.city) initial.city = stored.city;
    const fits = stored?.snapshot !== undefined && stored.flowVersion === flows.version;
    if (fits) {
      try {
        return flows.step(stored.snapshot, initial, event);
      } catch (err) {
        this.deps.log.warn({ err }, 'stored snapshot does not fit the flow; restarting the conversation');
      }
    }
    const restarted = stored?.snapshot !== undefined;
    const result = flows.step(undefined, initial, restarted ? { type: 'user.command', command: 'menu' } : event);
    if (restarted) result.effects.unshift({ type: 'say', key: 'errors.reset' });
    return result;
  }

  private async observe(turn: TurnObserved): Promise<void> {
    try {
      await this.deps.onTurn?.(turn);
    } catch (err) {
      this.deps.log.warn({ err }, 'turn observer failed');
    }
  }

  /** Turns a message into the flow's event: a choice, a command, an emergency, or understood text. */
  private toEvent(message: InboundMessage, stored: ConversationRecord | undefined): FlowEvent {
    const { nlu } = this.deps;
    const p = message.payload;
    switch (p.type) {
      case 'start':
        return p.param ? { type: 'user.start', param: p.param } : { type: 'user.start' };
      case 'choice':
        return { type: 'user.choice', id: p.id, at: this.deps.clock.now() };
      case 'unsupported':
        return { type: 'user.unsupported', kind: p.kind };
      case 'text': {
        const text = p.text.slice(0, MAX_INBOUND_TEXT);
        if (text.trim().length === 0) return { type: 'user.unsupported', kind: 'other' };
        if (/^\/start(?:@\w+)?(?:\s|$)/i.test(text.trim())) return { type: 'user.start' };
        // Danger is looked for before typed words are read as a choice: "bị đánh rồi" typed while a
        // list shows "Bị đánh, ép làm" is answered as an emergency first. A digit, or a label typed
        // whole, is a choice (the dialogue's own branch for it offers a person).
        const pending = stored?.pending ?? [];
        const digit = /^\s*\d{1,2}\s*[.)]?\s*$/.test(text);
        const result = digit ? undefined : nlu.understand(text, this.earlier(stored));
        const choice = resolveChoice(text, pending, nlu.normalize);
        const typedWhole = choice !== undefined && pending.some((c) => c.id === choice && nlu.normalize(c.label) === nlu.normalize(text));
        if (choice && (!result || result.emergency.length === 0 || typedWhole)) return { type: 'user.choice', id: choice, at: this.deps.clock.now() };
        if (!result) return { type: 'user.text', text, nlu: { intent: 'out_of_scope', confidence: 0, locale: stored?.locale ?? 'vi' }, at: this.deps.clock.now() };
        const understanding: Understanding = {
          intent: result.intent,
          confidence: result.confidence,
          locale: nlu.detectLanguage(text),
        };
        if (text.trim().split(/\s+/).length >= 3) understanding.localeSure = true;
        if (result.topicIntent) understanding.topicIntent = result.topicIntent;
        if (result.country) understanding.country = result.country;
        if (result.city) understanding.city = result.city;
        if (result.article) understanding.article = result.article;
        if (result.also) understanding.also = result.also;
        if (result.slots) understanding.slots = result.slots;
        if (result.followUp) understanding.followUp = result.followUp;
        if (result.emergency.length > 0) return { type: 'user.emergency', kinds: [...result.emergency], nlu: understanding };
        // The NLU's "concern" (src/core/nlu): beats the flow's own reading of the text, like danger.
        if (result.intent === 'concern') return { type: 'user.concern', nlu: understanding };
        const command = parseCommand(text, nlu.normalize);
        if (command) return { type: 'user.command', command };
        return { type: 'user.text', text, nlu: understanding, at: this.deps.clock.now() };
      }
    }
  }

  /** What the stored conversation was asking about, when its snapshot still fits the flow. */
  private earlier(stored: ConversationRecord | undefined): Earlier | undefined {
    const asked = this.askedBefore(stored);
    // Where the user is, once known (said or preset), answers "gọi số nào" with that country's lines.
    const country = stored?.country;
    return country ? { ...asked, country } : asked;
  }

  private askedBefore(stored: ConversationRecord | undefined): Earlier | undefined {
    const { flows } = this.deps;
    if (stored?.snapshot === undefined || stored.flowVersion !== flows.version || !flows.asked) return undefined;
    try {
      return flows.asked(stored.snapshot);
    } catch {
      return undefined;
    }
  }

  private outboxItem(key: ConversationKey, message: OutboundMessage, now: number): OutboxItem {
    return { id: randomUUID(), key, message, attempts: 0, enqueuedAt: now };
  }

}

/**
 * What staff will read of a turn: what the user said (choices and others in brackets) and the
 * bot's replies, stored compact; with `shared` (the replies come from content alone) a reply
 * already kept for all conversations is stored as its shared text's id.
 */
function transcriptOf(
  user: { message: InboundMessage; event: FlowEvent; pending: readonly Choice[] | undefined } | undefined,
  replies: OutboundMessage[],
  now: number,
  offered: (OfferedChoice[] | undefined)[],
  shared: TextShelf | undefined,
): StoredEntry[] {
  const out: StoredEntry[] = [];
  if (user) {
    const entry = userEntry(user.message, user.pending, now);
    // A number typed for an option reads as the option too.
    if (user.event.type === 'user.choice') entry.choice = user.event.id;
    out.push(packEntry(entry));
  }
  replies.forEach((r, i) => {
    const entry: TranscriptEntry = { from: 'bot', text: r.text, at: now, ...(offered[i] ? { offered: offered[i] } : {}) };
    out.push(packEntry(entry, shared?.ref(sharedReply(entry))));
  });
  return out;
}

/** The first location a message carries, if any. */
function locationOf(message: InboundMessage): { lat: number; lon: number } | undefined {
  return message.media?.find((m) => m.kind === 'location' && m.location)?.location;
}

/**
 * The user's message as staff read it: the words, after what came with them ("[image] caption");
 * a location with its coordinates, so any view of the transcript shows where the worker is.
 */
function userLine(message: InboundMessage, pending: readonly Choice[] | undefined): string {
  const p = message.payload;
  const words = p.type === 'text' ? p.text.slice(0, MAX_INBOUND_TEXT) : p.type === 'choice' ? pickedLabel(p.id, pending) : `[${p.type === 'unsupported' ? p.kind : p.type}]`;
  const at = locationOf(message);
  const media = [mediaLabel(message.media), at ? `${at.lat.toFixed(6).replace(/\.?0+$/, '')}, ${at.lon.toFixed(6).replace(/\.?0+$/, '')}` : ''].filter(Boolean).join(' ');
  if (!media) return words;
  return p.type === 'text' ? `${media} ${words}` : media;
}

/** The user's line as staff read it: the choice by its label, with what came attached. */
function userEntry(message: InboundMessage, pending: readonly Choice[] | undefined, now: number): TranscriptEntry {
  const entry: TranscriptEntry = { from: 'user', text: userLine(message, pending), at: now };
  if (message.payload.type === 'choice') entry.choice = message.payload.id;
  if (message.media) entry.media = mediaWithIds(message.id, message.media);
  return entry;
}

/** What the message's channel keeps with its turn (InboundMessage.keep), as the commit appends it. */
function kept(message: InboundMessage): MailboxAppend[] {
  return message.keep ? [{ name: message.keep.mailbox, items: [message.keep.entry], ttlMs: message.keep.ttlMs }] : [];
}

function pickLastUser(stored: ConversationRecord | undefined): Pick<ConversationRecord, 'lastUserAt' | 'lastUserMessageId'> {
  const out: Pick<ConversationRecord, 'lastUserAt' | 'lastUserMessageId'> = {};
  if (stored?.lastUserAt !== undefined) out.lastUserAt = stored.lastUserAt;
  if (stored?.lastUserMessageId !== undefined) out.lastUserMessageId = stored.lastUserMessageId;
  return out;
}

function placeOf(r: ConversationRecord | undefined): { country?: string; city?: string } {
  const out: { country?: string; city?: string } = {};
  if (r?.country) out.country = r.country;
  if (r?.city) out.city = r.city;
  return out;
}
