// The composition root: the only module that knows every part. It reads the configuration, picks
// the store, loads content and locales, builds the NLU, the flows, the engine and the outbox, and
// mounts each channel. A new channel is one block here and a folder under src/channels/.
import { randomBytes } from 'node:crypto';
import rateLimit from '@fastify/rate-limit';
import Fastify, { LogController, type FastifyBaseLogger, type FastifyError, type FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import { createLogger } from './logger.ts';
import { registerSecurityHeaders } from './security-headers.ts';
import { createFlowRunner } from '../flows/index.ts';
import { ConfigError, loadConfig, redisTarget, type Config } from './config.ts';
import { PROTECTION_LINE, hotlineNumber, loadContent, missionFor, shortNumbers, type Content } from './core/content/index.ts';
import { createContentView } from './core/content-view.ts';
import { loadProvinces } from './core/content/provinces.ts';
import { ConversationService, TRANSCRIPT, type Understander } from './core/conversation.ts';
import type { ChannelSender } from './core/channel.ts';
import type { ConversationKey } from './core/messages.ts';
import { createNlu, perMessage } from './core/nlu/index.ts';
import { Outbox, type OutboxOptions } from './core/outbox.ts';
import { AdmittingInbound, OverloadedError } from './core/admission.ts';
import { LockLostError, LockTimeoutError, systemClock, type Clock, type Store } from './core/ports.ts';
import { createResponder } from './core/respond.ts';
import { SendLimiter, parseRateLimits } from './core/send-limiter.ts';
import type { Translate } from './core/translate.ts';
import { createMessengerChannel } from './channels/messenger/index.ts';
import { createTelegramChannel, loadTelegramConfig } from './channels/telegram/index.ts';
import { createWebChannel } from './channels/web/adapter.ts';
import { WEB_MAILBOX } from './channels/web/capabilities.ts';
import { MESSAGE_LOG } from './channels/telegram/capabilities.ts';
import { createZaloBotChannel } from './channels/zalo/bot/adapter.ts';
import { createZaloOaChannel } from './channels/zalo/oa/adapter.ts';
import { missionDirectory } from './handoff/directory.ts';
import { HandoffQueue } from './handoff/queue.ts';
import { HandoffSweeper } from './handoff/sweeper.ts';
import { returnProfile } from './registration/profile.ts';
import { RegistrationService } from './registration/service.ts';
import { RegistrationSweeper } from './registration/sweeper.ts';
import { MediaVault } from './core/media-vault.ts';
import { DEFAULT_CONSOLE_TIMINGS, STAFF_FILE_POLL_MS, createConsole, type Console } from './console/index.ts';
import { createTranslate, loadResources } from './i18n/index.ts';
import { StatsRecorder } from './stats/index.ts';
import { MemoryStore } from './store/memory.ts';
import { RedisStore, storeUnavailable } from './store/redis.ts';

const DAY_MS = 24 * 3600_000;

export interface BuildOptions {
  env?: Record<string, string | undefined>;
  clock?: Clock;
  /** Use this store instead of the configured one (tests). */
  store?: Store;
  logger?: Logger;
  outbox?: Partial<OutboxOptions>;
}

export interface Engine {
  config: Config;
  log: Logger;
  store: Store;
  content: Content;
  translate: Translate;
  conversations: ConversationService;
  /** The conversations as channels reach them: refused past this instance's limits. */
  inbound: AdmittingInbound;
  outbox: Outbox;
  handoff: HandoffQueue;
  sweeper: HandoffSweeper;
  stats: StatsRecorder;
  registrations: RegistrationService;
  registrationSweeper: RegistrationSweeper;
  /** The bytes of what users sent while an officer held their chat. */
  media: MediaVault;
  close(): Promise<void>;
}

/** Everything but HTTP: what the server and the terminal chat share. */
export async function buildEngine(opts: BuildOptions = {}): Promise<Engine> {
  const config = loadConfig(opts.env ?? process.env);
  const log = opts.logger ?? createLogger(config);
  const clock = opts.clock ?? systemClock;
  const redis = redisTarget(config);
  const store =
    opts.store ??
    (redis
      ? await RedisStore.connect({ ...redis, prefix: config.REDIS_PREFIX }, (err) =>
          log.warn({ err: err.message }, 'redis error'),
        )
      : new MemoryStore(clock));
  // What grows with every message a user writes is capped (the media vault's index is not: it is
  // bounded by the vault's own size limits and erased with the conversation).
  const cap = config.MAILBOX_MAX_ENTRIES;
  store.capMailboxes({ [TRANSCRIPT]: cap, [WEB_MAILBOX]: cap, [MESSAGE_LOG]: cap });
  const content = loadContent(config.CONTENT_DIR);
  // The 24/7 line interface strings name ("call the citizen protection hotline …") comes from content, like every number.
  const protection = content.hotlineById.get(PROTECTION_LINE);
  const translate = await createTranslate({
    defaults: {
      retentionDays: config.RETENTION_DAYS,
      registrationRetentionDays: config.REGISTRATION_RETENTION_DAYS,
      protectionLine: protection ? hotlineNumber(protection) : '',
    },
  });
  const nluEngine = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });
  const nlu: Understander = perMessage(nluEngine);
  const provinces = loadProvinces(content.dir);
  const unknownArticles = config.REGISTRATION_INFO_ARTICLES.filter((id) => !content.articleById.has(id));
  if (unknownArticles.length > 0) {
    throw new ConfigError(`invalid configuration:\n  REGISTRATION_INFO_ARTICLES: no article ${unknownArticles.join(', ')} in content/articles`);
  }
  /** The mission that answers for a place, and its clock: a user's "today" and the days staff read are theirs. */
  const missionOf = (country?: string, city?: string) => (country ? missionFor(content, country, city)?.id : undefined);
  const missionZone = (mission?: string) => content.missions.find((m) => m.id === mission)?.timeZone;
  const flows = createFlowRunner({
    dialogues: content.dialogues,
    countryChoices: content.countries
      .filter((c) => c.offered)
      .map((c) => ({ code: c.code, label: c.label ?? c.name })),
    registration: {
      provinces: provinces.provinces,
      infoArticles: config.REGISTRATION_INFO_ARTICLES,
      countryNames: Object.fromEntries(content.countries.map((c) => [c.code, c.name])),
      cityNames: Object.fromEntries(content.countries.flatMap((c) => c.cities.map((city) => [city.id, city.name]))),
      timeZone: (country, city) => missionZone(missionOf(country, city)) ?? 'UTC',
    },
  });
  const contentView = createContentView(content, translate, clock);
  const render = createResponder({ translate, content: contentView });
  const outbox = new Outbox(
    store,
    log,
    { deadLetterTtlMs: config.RETENTION_DAYS * DAY_MS, ...opts.outbox },
    clock,
    new SendLimiter(store, parseRateLimits(config.SEND_RATE_LIMITS)),
  );
  const handoff: HandoffQueue = new HandoffQueue({
    store,
    clock,
    log,
    translate,
    missions: missionDirectory(content),
    emergencyLines: (locale, country) => contentView.hotlines(locale, 'emergency', country),
    // Bound late: the service and the queue each need the other.
    notify: (key, event) => conversations.notify(key, event),
    // Staff replies go before ordinary ones when this instance is busy.
    kick: (key) => outbox.kick(key, true),
    // Staff replies past the channel's messaging window are refused with its reason.
    window: async (key, from) => (await outbox.sendWindow(key, from)).window,
    options: {
      offerAfterMs: config.HANDOFF_OFFER_AFTER_MINUTES * 60_000,
      expireAfterMs: config.HANDOFF_EXPIRE_HOURS * 3600_000,
      retentionMs: config.RETENTION_DAYS * DAY_MS,
      transcriptTtlMs: config.RETENTION_DAYS * DAY_MS,
    },
  });
  const sweeper = new HandoffSweeper(handoff, store, log);
  const registrations = new RegistrationService({
    store,
    clock,
    log,
    translate,
    route: missionOf,
    // Registrations no mission covers are the ministry's (admins): Viet Nam's clock.
    timeZone: (mission) => missionZone(mission) ?? 'Asia/Ho_Chi_Minh',
    names: {
      country: (code, locale) => content.countries.find((c) => c.code === code)?.name[locale],
      province: (id) => provinces.provinces.find((p) => p.id === id)?.name,
      mission: (id, locale) => content.missions.find((m) => m.id === id)?.name[locale],
    },
    kick: (key) => outbox.kick(key),
    options: { retentionMs: config.REGISTRATION_RETENTION_DAYS * DAY_MS, transcriptTtlMs: config.RETENTION_DAYS * DAY_MS },
  });
  const registrationSweeper = new RegistrationSweeper(registrations, store, log);
  const stats = new StatsRecorder({
    store,
    clock,
    log,
    topicOf: (id) => content.articleById.get(id)?.topic,
    missionOf,
  });
  // Each instance counts the changes it made itself, so several instances never count one twice.
  handoff.changes.on('change', (h) => void stats.handoff(h));
  registrations.changes.on('change', (r, change) => {
    if (change !== 'created') return;
    const d = r.data;
    void stats.registration({
      at: r.createdAt,
      ...(d.country ? { country: d.country } : {}),
      ...(r.mission ? { mission: r.mission } : {}),
      reason: d.reason,
      ...returnProfile(r),
      ...(d.sector ? { sector: d.sector } : {}),
      ...(d.sex ? { sex: d.sex } : {}),
      special: d.special,
    });
  });
  const media = new MediaVault({
    store,
    clock,
    fetcherFor: (channel) => outbox.mediaFetcher(channel),
    maxBytes: Math.floor(config.MEDIA_MAX_MB * 1024 * 1024),
    ttlMs: config.RETENTION_DAYS * DAY_MS,
  });
  const conversations: ConversationService = new ConversationService({
    media,
    store,
    flows,
    nlu,
    render,
    translate,
    clock,
    log,
    onCommitted: (key, urgent) => outbox.kick(key, urgent),
    // A commit with replies takes the outbox's lease in its own write when this instance delivers at once.
    offerDelivery: (key) => outbox.offer(key),
    handoff,
    registrations,
    onErase: async (key) => {
      await handoff.forget(key);
      await registrations.forget(key);
    },
    // Channels that keep something with the conversation (Telegram: the ids of its messages) read it first.
    beforeErase: (key) => outbox.forget(key),
    eraseAborted: (key) => outbox.keep(key),
    onTurn: (t) => stats.turn({ at: t.at, channel: t.key.channel, country: t.country, city: t.city, effects: t.effects, emergencyKinds: t.emergencyKinds }),
    options: { recordTtlMs: config.RETENTION_DAYS * DAY_MS, floodMax: config.FLOOD_MAX_PER_MINUTE, floodWindowMs: 60_000, orderHoldMs: config.ORDER_HOLD_MS, orderHoldByChannel: { telegram: config.TELEGRAM_ORDER_HOLD_MS } },
  });
  // What the channels call: the service behind this instance's limits (back-pressure in a surge).
  const inbound = new AdmittingInbound({
    inner: conversations,
    backlog: () => outbox.backlog(),
    isDanger: (text) => nlu.understand(text).emergency.length > 0,
    options: { maxTurns: config.ADMISSION_MAX_TURNS, maxBacklog: config.ADMISSION_MAX_BACKLOG },
  });
  // Hand-offs a crash left between a turn's commit and their opening are opened by recovery.
  outbox.onIntents((key, intents) => conversations.completeIntents(key, intents));
  // Officers' attachments wait in the vault with the conversation; the outbox reads them when it
  // sends, and drops one the platform refused.
  outbox.readAttachmentsFrom({ bytes: (key, id) => media.bytes(key, id), remove: (key, id) => media.remove(key, id) });
  return {
    config,
    log,
    store,
    content,
    translate,
    conversations,
    inbound,
    outbox,
    handoff,
    sweeper,
    stats,
    registrations,
    registrationSweeper,
    media,
    async close() {
      await sweeper.stop();
      await registrationSweeper.stop();
      outbox.stop();
      await outbox.idle();
      await stats.close();
      await store.close();
    },
  };
}

export interface Server extends Engine {
  app: FastifyInstance;
  /** Where a person opens each page, for the start-up message. */
  urls: { chat: string; console: string };
  /** The staff console (its services: accounts, sessions, audit). */
  console: Console;
}

export async function buildServer(opts: BuildOptions = {}): Promise<Server> {
  const engine = await buildEngine(opts);
  const { config, log, store, translate, inbound, outbox } = engine;
  const clock = opts.clock ?? systemClock;

  const app: FastifyInstance = Fastify({
    loggerInstance: log as FastifyBaseLogger,
    // Behind a reverse proxy the client's address (sign-in throttling, web chat limits) comes from it.
    ...(config.TRUST_PROXY ? { trustProxy: trustProxy(config.TRUST_PROXY) } : {}),
    // Request lines would carry user ids in query strings; the engine logs what matters.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
  });

  await registerSecurityHeaders(app);
  // Limits apply only where a route asks for them (the web chat): webhooks come from the
  // platforms' few addresses, which must never be throttled as if they were one user.
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_req, ctx) => ({ statusCode: 429, code: 'rate_limited', error: 'rate_limited', message: `Too many messages; try again in ${ctx.after}.` }),
  });

  // Bad input is the client's (4xx, set by the route or the parser); a busy conversation or an
  // unreachable store is temporary (503, so platforms retry later); nothing else is expected.
  app.setErrorHandler(async (err: FastifyError, req, reply) => {
    const status = err.statusCode ?? 500;
    if (status >= 400 && status < 500) return reply.code(status).send({ error: err.code ?? 'bad_request', message: err.message });
    if (err instanceof OverloadedError) return reply.code(503).header('retry-after', String(err.retryAfterSeconds)).send({ error: 'overloaded' });
    if (err instanceof LockTimeoutError || err instanceof LockLostError || storeUnavailable(err) || !(await store.ping())) {
      req.log.warn({ err: err.message }, 'temporarily unavailable');
      return reply.code(503).header('retry-after', '5').send({ error: 'unavailable' });
    }
    req.log.error({ err }, 'request failed');
    return reply.code(500).send({ error: 'internal' });
  });

  app.get('/healthz', async () => ({ ok: true }));
  app.get('/readyz', async (_req, reply) => {
    const storeOk = await store.ping();
    return reply.code(storeOk ? 200 : 503).send({ ok: storeOk, store: storeOk ? 'up' : 'down' });
  });

  const web = createWebChannel({
    inbound,
    store,
    clock,
    translate,
    flush: (key: ConversationKey) => outbox.flush(key),
    mailboxTtlMs: config.RETENTION_DAYS * DAY_MS,
    rateLimitPerMinute: config.WEB_RATE_LIMIT_PER_MINUTE,
    ...(config.WEB_QUICK_EXIT_URL ? { quickExitUrl: config.WEB_QUICK_EXIT_URL } : {}),
    shortNumbers: shortNumbers(engine.content),
    files: engine.media,
  });
  const channelStops: (() => Promise<void>)[] = [];
  const env = opts.env ?? process.env;
  /** A channel joins in one way: its sender to the outbox, its routes to the app, its background work started. */
  const mount = async (channel: { sender: ChannelSender; register(app: FastifyInstance): Promise<void>; start?(): void; stop?(): Promise<void> }) => {
    outbox.register(channel.sender);
    await channel.register(app);
    channel.start?.();
    if (channel.stop) channelStops.push(() => channel.stop!());
  };
  await mount(web);

  if (config.ZALO_BOT_TOKEN) {
    const zaloBot = createZaloBotChannel({
      inbound,
      store,
      clock,
      log,
      translate,
      mediaHosts: config.ZALO_MEDIA_HOSTS,
      files: engine.media,
      settings: {
        token: config.ZALO_BOT_TOKEN,
        apiBase: config.ZALO_BOT_API_BASE,
        mode: config.ZALO_BOT_MODE ?? 'webhook',
        ...(config.ZALO_BOT_WEBHOOK_SECRET ? { webhookSecret: config.ZALO_BOT_WEBHOOK_SECRET } : {}),
        ...(config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {}),
      },
    });
    await mount(zaloBot);
  }

  if (config.ZALO_OA_ACCESS_TOKEN) {
    const zaloOa = createZaloOaChannel({
      inbound,
      store,
      clock,
      log,
      translate,
      mediaHosts: config.ZALO_MEDIA_HOSTS,
      settings: {
        appId: config.ZALO_APP_ID!,
        oaSecretKey: config.ZALO_OA_SECRET_KEY!,
        appSecret: config.ZALO_APP_SECRET!,
        accessToken: config.ZALO_OA_ACCESS_TOKEN,
        refreshToken: config.ZALO_OA_REFRESH_TOKEN!,
        apiBase: config.ZALO_OA_API_BASE,
        oauthBase: config.ZALO_OAUTH_BASE,
      },
    });
    await mount(zaloOa);
  }

  // Messenger: on when the page token is set (the config insists on the app secret and verify token with it).
  if (config.MESSENGER_PAGE_TOKEN && config.MESSENGER_APP_SECRET && config.MESSENGER_VERIFY_TOKEN) {
    const messenger = createMessengerChannel({
      inbound,
      log,
      translate,
      appSecret: config.MESSENGER_APP_SECRET,
      verifyToken: config.MESSENGER_VERIFY_TOKEN,
      pageToken: config.MESSENGER_PAGE_TOKEN,
      apiBase: config.MESSENGER_API_BASE,
      mediaHosts: config.MESSENGER_MEDIA_HOSTS,
    });
    await mount({ ...messenger, stop: () => messenger.idle() });
  }
  // Telegram: on when TELEGRAM_BOT_TOKEN is set; its settings are checked here, at start-up.
  const telegramConfig = loadTelegramConfig(env);
  if (telegramConfig) {
    const telegram = createTelegramChannel({ config: telegramConfig, inbound, store, clock, log, translate });
    await mount(telegram);
  }

  // The staff console at /console: its own strings, sessions and audit log in the store.
  const secureCookies = config.CONSOLE_SECURE_COOKIES === 'auto' ? config.NODE_ENV === 'production' || (config.PUBLIC_URL ?? '').startsWith('https:') : config.CONSOLE_SECURE_COOKIES === 'true';
  // Registration records name home provinces by id; staff read them by name.
  const provinceNames = new Map(loadProvinces(engine.content.dir).provinces.map((p) => [p.id, p.name]));
  const consoleApp = createConsole({
    store,
    clock,
    log,
    queue: engine.handoff,
    missions: missionDirectory(engine.content),
    countries: engine.content.countries,
    canned: engine.content.canned,
    missionLines: (mission, locale) =>
      [...engine.content.hotlineById.values()].filter((h) => h.mission === mission).map((h) => `${h.label[locale]}: ${hotlineNumber(h)}`).join('\n'),
    translate: await createTranslate({ resources: loadResources(undefined, 'console') }),
    botTranslate: translate,
    window: (key, from, at) => outbox.sendWindow(key, from, at),
    registrations: { service: engine.registrations, provinceName: (id) => provinceNames.get(id) },
    media: { vault: engine.media, attachmentLimits: (channel) => outbox.attachmentLimits(channel) },
    options: {
      // Outside production a per-process secret will do: sessions live in the store, only open forms expire.
      secret: config.CONSOLE_SESSION_SECRET ?? randomBytes(32).toString('base64url'),
      secureCookies,
      session: { ttlMs: config.CONSOLE_SESSION_HOURS * 3600_000, idleMs: config.CONSOLE_IDLE_MINUTES * 60_000 },
      throttle: { accountFailures: config.CONSOLE_LOCKOUT_FAILURES, addressFailures: config.CONSOLE_ADDRESS_FAILURES, periodMs: config.CONSOLE_LOCKOUT_MINUTES * 60_000 },
      ...DEFAULT_CONSOLE_TIMINGS,
    },
    // Without Redis the staff file is where `npm run staff` and this server meet; with Redis it is only read once.
    ...(config.CONSOLE_STAFF_FILE ? { staffFile: { path: config.CONSOLE_STAFF_FILE, shared: !redisTarget(config), pollMs: STAFF_FILE_POLL_MS } } : {}),
  });
  const staffFromFile = await consoleApp.loadStaff();
  if (staffFromFile > 0) log.info({ accounts: staffFromFile }, 'staff accounts loaded from the staff file');
  await consoleApp.register(app);
  consoleApp.start();
  channelStops.push(() => consoleApp.stop());

  await outbox.recover();
  outbox.startRecovery(5_000);
  engine.sweeper.start();
  engine.registrationSweeper.start();

  const base = config.PUBLIC_URL ?? `http://localhost:${config.PORT}`;
  return {
    ...engine,
    app,
    urls: { chat: `${base}/chat`, console: `${base}/console` },
    console: consoleApp,
    async close() {
      for (const stop of channelStops) await stop();
      await app.close();
      await engine.close();
    },
  };
}

/** TRUST_PROXY as Fastify takes it: true, or the proxies' addresses (comma-separated). */
function trustProxy(v: string): boolean | string {
  return v === 'true' ? true : v === 'false' ? false : v;
}
