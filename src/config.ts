// Configuration from the environment, validated once at start-up. Defaults give the embedded
// set-up: in-memory store, no platform tokens, web chat on port 3000.
import { z } from 'zod';
import { parseHostList } from './core/media-hosts.ts';

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

function hostList(fallback: string) {
  return z
    .string()
    .default(fallback)
    .transform((v, ctx) => {
      try {
        return parseHostList(v);
      } catch (err) {
        ctx.addIssue({ code: 'custom', message: err instanceof Error ? err.message : String(err) });
        return z.NEVER;
      }
    });
}

export const configSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: optionalString,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REDIS_URL: optionalString,
  /**
   * Redis Cluster seed nodes, comma-separated `host:port` (or `redis://user:pass@host:port`): the
   * store then runs on the cluster and REDIS_URL is not used. A few masters are enough as seeds.
   */
  REDIS_CLUSTER_NODES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const nodes = (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const bad = nodes.find((n) => !/^(rediss?:\/\/.+|[^\s/:]+):\d{1,5}$/.test(n));
      if (bad !== undefined) {
        ctx.addIssue({ code: 'custom', message: `"${bad}" is not host:port` });
        return z.NEVER;
      }
      return nodes;
    }),
  /** Prefix for every Redis key (lets several deployments or test runs share one Redis). */
  REDIS_PREFIX: z.string().default(''),
  /** Largest file (MB) kept from a user for the officer; a larger one is refused whole, and the user told. */
  MEDIA_MAX_MB: z.coerce.number().positive().max(20).default(10),
  /**
   * The only hosts a worker's media is fetched from, per platform (comma-separated; a host allows its
   * subdomains, over https; a full origin such as http://127.0.0.1:4001 is matched exactly, for
   * local stand-ins). The platforms do not publish their CDN hosts: these are the ones their URLs
   * carry in published samples [?].
   */
  MESSENGER_MEDIA_HOSTS: hostList('fbcdn.net,fbsbx.com'),
  ZALO_MEDIA_HOSTS: hostList('zdn.vn,zadn.vn,zalo.me,zaloapp.com,zaloplatforms.com'),
  /** Days a quiet conversation is kept before it expires. */
  RETENTION_DAYS: z.coerce.number().positive().max(365).default(30),
  /**
   * Entries one conversation keeps in its transcript, its web chat mailbox and its Telegram message
   * log; past it the oldest go (a user who keeps writing does not grow them without end). The web
   * page's reading position and the console's transcript stay valid: entries keep their numbers.
   */
  MAILBOX_MAX_ENTRIES: z.coerce.number().int().min(10).max(100_000).default(2000),
  /** Minutes a chat waits (in office hours) before the user may leave a message or go back to the bot. */
  HANDOFF_OFFER_AFTER_MINUTES: z.coerce.number().positive().default(15),
  /** Hours after which a chat nobody took is expired. */
  HANDOFF_EXPIRE_HOURS: z.coerce.number().positive().default(72),
  /** Where content/ lives (defaults to the project's own). */
  CONTENT_DIR: optionalString,
  /** Secret salt for the hashed conversation ids in logs and statistics (required in production). */
  LOG_SALT: optionalString,
  /** Web chat messages per minute from one address before it is asked to slow down. */
  WEB_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().positive().default(60),
  /** Where the web chat's quick-exit button leads (an everyday page; default a search engine's home). */
  WEB_QUICK_EXIT_URL: optionalString.pipe(z.url({ protocol: /^https?$/ }).optional()),
  /** Messages per minute one conversation may send, on any channel, before the bot asks it to slow down. */
  FLOOD_MAX_PER_MINUTE: z.coerce.number().int().positive().default(30),
  /** Days a return registration is kept after its last change (the consent notice tells the user). */
  REGISTRATION_RETENTION_DAYS: z.coerce.number().int().positive().max(730).default(180),
  /** Article ids (content/articles) given with the registration form: to a user who does not consent, or asks. */
  REGISTRATION_INFO_ARTICLES: z
    .string()
    .default('return-register')
    .transform((v) => v.split(',').map((s) => s.trim()).filter(Boolean)),
  /** The staff console: signs its cookies and CSRF tokens (required in production, at least 32 random characters). */
  CONSOLE_SESSION_SECRET: optionalString,
  /** A console session ends this many hours after sign-in, or after this many idle minutes. */
  CONSOLE_SESSION_HOURS: z.coerce.number().positive().max(24 * 7).default(12),
  CONSOLE_IDLE_MINUTES: z.coerce.number().positive().default(30),
  /** Failed sign-ins before an account is locked, and for how long; an address gets more tries (several staff behind one office address). */
  CONSOLE_LOCKOUT_FAILURES: z.coerce.number().int().positive().default(5),
  CONSOLE_LOCKOUT_MINUTES: z.coerce.number().positive().default(15),
  CONSOLE_ADDRESS_FAILURES: z.coerce.number().int().positive().default(20),
  /** Secure cookies: 'auto' = when PUBLIC_URL is https (or in production). */
  CONSOLE_SECURE_COOKIES: z.enum(['auto', 'true', 'false']).default('auto'),
  /**
   * Staff accounts shared by `npm run staff` and a server without Redis (which watches it). No default
   * here: `npm start` and `npm run staff` name `.data/staff.json` (withEmbeddedDefaults), so a server
   * built in-process (the tests) never reads or writes a checkout's accounts unless told to.
   */
  CONSOLE_STAFF_FILE: optionalString,
  /** Behind a reverse proxy: 'true' or its addresses (comma-separated), so client addresses (throttling) are the users'. */
  TRUST_PROXY: optionalString,
  /** Messenger: the app secret (signs webhooks), the webhook verify token, the page access token. */
  MESSENGER_APP_SECRET: optionalString,
  MESSENGER_VERIFY_TOKEN: optionalString,
  MESSENGER_PAGE_TOKEN: optionalString,
  /** The Graph API's versioned base for the Send API; the version in use is a deployment choice. */
  MESSENGER_API_BASE: z.url({ protocol: /^https?$/ }).default('https://graph.facebook.com/v25.0'),
  /** The Zalo Bot Platform (on when the token is set); the API base is configurable because samples disagree. */
  ZALO_BOT_TOKEN: optionalString,
  /** Given to setWebhook as secret_token and checked on every webhook call (8–256 characters). */
  ZALO_BOT_WEBHOOK_SECRET: optionalString,
  ZALO_BOT_API_BASE: z.string().url().default('https://bot-api.zaloplatforms.com'),
  /** 'webhook' (default) or 'polling' (development: no public address needed; deletes the webhook). */
  ZALO_BOT_MODE: optionalString.pipe(z.enum(['webhook', 'polling']).optional()),
  /** A Zalo Official Account (on when the access token is set): the app, the OA's webhook key and the seed tokens. */
  ZALO_APP_ID: optionalString,
  ZALO_OA_SECRET_KEY: optionalString,
  ZALO_APP_SECRET: optionalString,
  ZALO_OA_ACCESS_TOKEN: optionalString,
  ZALO_OA_REFRESH_TOKEN: optionalString,
  ZALO_OA_API_BASE: z.string().url().default('https://openapi.zalo.me'),
  ZALO_OAUTH_BASE: z.string().url().default('https://oauth.zaloapp.com'),
  /**
   * Back-pressure per instance: turns run at once, and conversations whose replies wait for
   * delivery here; past either, webhooks answer 503 + Retry-After (messages in danger excepted).
   */
  ADMISSION_MAX_TURNS: z.coerce.number().int().positive().default(64),
  ADMISSION_MAX_BACKLOG: z.coerce.number().int().positive().default(500),
  /**
   * How long a message waits for an earlier one of the same user (by the platform's order) that
   * may still be on its way to another instance, in ms; 0 turns the hold off.
   */
  ORDER_HOLD_MS: z.coerce.number().int().min(0).max(5_000).default(100),
  /**
   * The same hold for Telegram, off by default: Telegram sends one chat's updates in sequence and
   * waits for the webhook's answer before the next (a slow or failed answer holds that chat back),
   * and our webhook answers only once the turn is committed, so no later message of a chat can
   * overtake an earlier one. Set it only where something in front of the webhook fans one chat's
   * updates out concurrently.
   */
  TELEGRAM_ORDER_HOLD_MS: z.coerce.number().int().min(0).max(5_000).default(0),
  /**
   * Send rates per channel, shared by all instances: `channel=count/window`. Telegram's ~30/s is
   * the commonly quoted figure (unofficial); Messenger and Zalo publish none, so theirs are guesses.
   */
  SEND_RATE_LIMITS: z
    .string()
    .default('telegram=30/1s,messenger=40/1s,zalo-bot=10/1s,zalo-oa=10/1s')
    .refine((s) => /^\s*([a-z0-9-]+=\d+\/\d+(ms|s|min)\s*(,\s*|$))*$/.test(s), 'write channel=count/window, e.g. telegram=30/1s'),
}).superRefine((c, ctx) => {
  // A Messenger webhook without its secret would take anyone's messages: all three or none.
  const messenger = [c.MESSENGER_APP_SECRET, c.MESSENGER_VERIFY_TOKEN, c.MESSENGER_PAGE_TOKEN];
  if (messenger.some(Boolean) && !messenger.every(Boolean)) {
    for (const [name, v] of [['MESSENGER_APP_SECRET', c.MESSENGER_APP_SECRET], ['MESSENGER_VERIFY_TOKEN', c.MESSENGER_VERIFY_TOKEN], ['MESSENGER_PAGE_TOKEN', c.MESSENGER_PAGE_TOKEN]] as const) {
      if (!v) ctx.addIssue({ code: 'custom', path: [name], message: 'must be set too: the Messenger channel needs the app secret, the verify token and the page token' });
    }
  }
  // A production deployment never runs on a default or missing secret.
  if (c.NODE_ENV === 'production' && (!c.LOG_SALT || c.LOG_SALT.length < 16)) {
    ctx.addIssue({ code: 'custom', path: ['LOG_SALT'], message: 'must be set to a random secret of at least 16 characters in production' });
  }
  if (c.NODE_ENV === 'production' && !isStrongSecret(c.CONSOLE_SESSION_SECRET)) {
    ctx.addIssue({ code: 'custom', path: ['CONSOLE_SESSION_SECRET'], message: 'must be set to a random secret of at least 32 characters (not a placeholder) in production' });
  }
  if (c.ZALO_BOT_TOKEN && (c.ZALO_BOT_MODE ?? 'webhook') === 'webhook') {
    const secret = c.ZALO_BOT_WEBHOOK_SECRET;
    if (!secret || secret.length < 8 || secret.length > 256) {
      ctx.addIssue({ code: 'custom', path: ['ZALO_BOT_WEBHOOK_SECRET'], message: 'the Zalo Bot webhook needs a secret of 8–256 characters (or set ZALO_BOT_MODE=polling)' });
    }
  }
  if (c.ZALO_OA_ACCESS_TOKEN) {
    for (const name of ['ZALO_APP_ID', 'ZALO_OA_SECRET_KEY', 'ZALO_APP_SECRET', 'ZALO_OA_REFRESH_TOKEN'] as const) {
      if (!c[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is needed with ZALO_OA_ACCESS_TOKEN (webhook signatures and token renewal)' });
    }
  }
});

/** Words that mark a value copied from an example rather than generated. */
const PLACEHOLDER = /change.?me|example|placeholder|your.?secret|^(secret|password|default|test|dev)|(.)\2{7}/i;

function isStrongSecret(v: string | undefined): v is string {
  return v !== undefined && v.length >= 32 && new Set(v).size >= 10 && !PLACEHOLDER.test(v);
}

export type Config = z.infer<typeof configSchema>;

/** Where the processes a person starts keep what must outlive them when there is no Redis. */
export const EMBEDDED_STAFF_FILE = '.data/staff.json';

/** The environment of `npm start` and `npm run staff`: the embedded default's files, unless set (empty = none). */
export function withEmbeddedDefaults(env: Record<string, string | undefined>): Record<string, string | undefined> {
  return { ...env, CONSOLE_STAFF_FILE: env.CONSOLE_STAFF_FILE ?? EMBEDDED_STAFF_FILE };
}

/** Where the Redis store lives (a cluster wins over REDIS_URL), or undefined for the in-memory store. */
export function redisTarget(config: Config): { url?: string; clusterNodes?: string[] } | undefined {
  if (config.REDIS_CLUSTER_NODES.length > 0) return { clusterNodes: config.REDIS_CLUSTER_NODES };
  return config.REDIS_URL ? { url: config.REDIS_URL } : undefined;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: Record<string, string | undefined>): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
