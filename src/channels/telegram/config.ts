// The Telegram channel's settings, read from the environment and checked once at start-up. The
// channel is on when TELEGRAM_BOT_TOKEN is set; without it the server starts without Telegram.
import { z } from 'zod';

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v);

export const telegramEnvSchema = z
  .object({
    /** From @BotFather: `<bot id>:<secret>`. The bot id becomes the conversation's account. */
    TELEGRAM_BOT_TOKEN: z.string().regex(/^\d{1,20}:[A-Za-z0-9_-]{20,}$/, 'must look like 123456789:AA… (from @BotFather)'),
    /** Sent back by Telegram in X-Telegram-Bot-Api-Secret-Token (setWebhook's secret_token: 1–256 of A-Z a-z 0-9 _ -). */
    TELEGRAM_WEBHOOK_SECRET: z.preprocess(
      blankToUndefined,
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, 'must be 16–256 characters of A-Z, a-z, 0-9, _ and -').optional(),
    ),
    /** The Bot API server (a self-hosted one, or a local stand-in for tests and benchmarks). */
    TELEGRAM_API_ROOT: z.preprocess(blankToUndefined, z.url({ protocol: /^https?$/ }).default('https://api.telegram.org')),
    /** `webhook` in production; `polling` for development without a public address. */
    TELEGRAM_MODE: z.preprocess(blankToUndefined, z.enum(['webhook', 'polling']).default('webhook')),
    /** When set, the webhook is registered at start-up with this address and the secret. */
    TELEGRAM_WEBHOOK_URL: z.preprocess(blankToUndefined, z.url({ protocol: /^https$/ }).optional()),
    /** The longest `retry_after` waited for inside one send; longer waits go back to the outbox. */
    TELEGRAM_MAX_RETRY_DELAY_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(0).max(120).default(10)),
    /**
     * How long one Bot API call may take before it is given up. A sendMessage given up this way may
     * still have been delivered ("maybe sent": never repeated for an ordinary reply). Longer than
     * any call but getUpdates' long poll, which the polling loop keeps shorter.
     */
    TELEGRAM_API_TIMEOUT_SECONDS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1).max(300).default(20)),
    /** How long a webhook request may take before Telegram is told to come back later (503). */
    TELEGRAM_WEBHOOK_TIMEOUT_MS: z.preprocess(blankToUndefined, z.coerce.number().int().min(1000).max(120_000).default(25_000)),
  })
  .superRefine((c, ctx) => {
    // Without a secret anyone who guesses the address could post forged updates.
    if (c.TELEGRAM_MODE === 'webhook' && !c.TELEGRAM_WEBHOOK_SECRET) {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_SECRET'], message: 'is required in webhook mode' });
    }
    if (c.TELEGRAM_WEBHOOK_URL && c.TELEGRAM_MODE !== 'webhook') {
      ctx.addIssue({ code: 'custom', path: ['TELEGRAM_WEBHOOK_URL'], message: 'only applies in webhook mode' });
    }
  });

export interface TelegramConfig {
  token: string;
  /** The numeric id before the colon: the account part of every Telegram conversation key. */
  botId: string;
  secret?: string;
  apiRoot: string;
  mode: 'webhook' | 'polling';
  webhookUrl?: string;
  maxRetryDelaySeconds: number;
  apiTimeoutSeconds: number;
  webhookTimeoutMs: number;
}

export class TelegramConfigError extends Error {
  override name = 'TelegramConfigError';
}

/** The channel's configuration, or undefined when no token is set (the channel is off). */
export function loadTelegramConfig(env: Record<string, string | undefined>): TelegramConfig | undefined {
  if (!env.TELEGRAM_BOT_TOKEN?.trim()) return undefined;
  const parsed = telegramEnvSchema.safeParse(env);
  if (!parsed.success) {
    // Never echo the values: the token and the secret are among them.
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new TelegramConfigError(`invalid Telegram configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const out: TelegramConfig = {
    token: c.TELEGRAM_BOT_TOKEN,
    botId: c.TELEGRAM_BOT_TOKEN.split(':')[0]!,
    apiRoot: c.TELEGRAM_API_ROOT.replace(/\/+$/, ''),
    mode: c.TELEGRAM_MODE,
    maxRetryDelaySeconds: c.TELEGRAM_MAX_RETRY_DELAY_SECONDS,
    apiTimeoutSeconds: c.TELEGRAM_API_TIMEOUT_SECONDS,
    webhookTimeoutMs: c.TELEGRAM_WEBHOOK_TIMEOUT_MS,
  };
  if (c.TELEGRAM_WEBHOOK_SECRET) out.secret = c.TELEGRAM_WEBHOOK_SECRET;
  if (c.TELEGRAM_WEBHOOK_URL) out.webhookUrl = c.TELEGRAM_WEBHOOK_URL;
  return out;
}
