import { describe, expect, it } from 'vitest';
import { loadTelegramConfig } from '../../../src/channels/telegram/config.ts';
import { secretCheck } from '../../../src/channels/telegram/webhook.ts';
import { TOKEN } from './fixtures.ts';

const SECRET = 'a-random-webhook-secret_42';

describe('Telegram configuration', () => {
  it('is off without a token', () => {
    expect(loadTelegramConfig({})).toBeUndefined();
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: '  ', TELEGRAM_MODE: 'nonsense' })).toBeUndefined();
  });

  it('reads the defaults: webhook mode at Telegram’s API, the bot id as the account', () => {
    expect(loadTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET })).toEqual({
      token: TOKEN,
      botId: '7000000001',
      secret: SECRET,
      apiRoot: 'https://api.telegram.org',
      mode: 'webhook',
      maxRetryDelaySeconds: 10,
      apiTimeoutSeconds: 20,
      webhookTimeoutMs: 25_000,
    });
    expect(
      loadTelegramConfig({ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'polling', TELEGRAM_API_ROOT: 'http://127.0.0.1:8081/', TELEGRAM_WEBHOOK_SECRET: '' }),
    ).toMatchObject({ mode: 'polling', apiRoot: 'http://127.0.0.1:8081' });
  });

  it('refuses webhook mode without a secret, a malformed token or secret, and a webhook that is not https — naming the variable, never its value', () => {
    const cases: [Record<string, string>, RegExp][] = [
      [{ TELEGRAM_BOT_TOKEN: TOKEN }, /TELEGRAM_WEBHOOK_SECRET: is required in webhook mode/],
      [{ TELEGRAM_BOT_TOKEN: 'not-a-token-value', TELEGRAM_WEBHOOK_SECRET: SECRET }, /TELEGRAM_BOT_TOKEN/],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'short' }, /TELEGRAM_WEBHOOK_SECRET/],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: 'has spaces in it, twenty' }, /TELEGRAM_WEBHOOK_SECRET/],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_WEBHOOK_URL: 'http://bot.example.org/webhooks/telegram' }, /TELEGRAM_WEBHOOK_URL/],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_MODE: 'polling', TELEGRAM_WEBHOOK_URL: 'https://bot.example.org/webhooks/telegram' }, /TELEGRAM_WEBHOOK_URL/],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_MODE: 'push' }, /TELEGRAM_MODE/],
      [{ TELEGRAM_BOT_TOKEN: TOKEN, TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_MAX_RETRY_DELAY_SECONDS: '3600' }, /TELEGRAM_MAX_RETRY_DELAY_SECONDS/],
    ];
    for (const [env, message] of cases) {
      let error: unknown;
      try {
        loadTelegramConfig(env);
      } catch (err) {
        error = err;
      }
      expect(error, JSON.stringify(env)).toBeInstanceOf(Error);
      const text = (error as Error).message;
      expect(text).toMatch(message);
      for (const value of Object.values(env)) if (value.length > 8) expect(text).not.toContain(value);
    }
  });
});

describe('the webhook secret', () => {
  it('matches only the exact secret, whatever the length of what was sent', () => {
    const matches = secretCheck(SECRET);
    expect(matches(SECRET)).toBe(true);
    expect(matches(SECRET), 'the same check, asked again').toBe(true);
    for (const given of [undefined, '', 'a', SECRET.slice(0, -1), `${SECRET} `, SECRET.toUpperCase(), ['x'], 42]) {
      expect(matches(given), String(given)).toBe(false);
    }
  });
});
