// POST /webhooks/telegram. The secret header is checked before the body is even read (constant
// time; wrong or missing → 401, nothing processed); a body that is not an update → 400; then the
// update runs through the bot's middleware. Errors keep their meaning for the server's error
// handler: a busy conversation or a store that is down answers 503 so Telegram sends it again.
// grammY's webhookCallback is not used: for its webhook replies (which we never send) it builds a
// new API client per update, its transformers installed again; the update's context here is given
// the bot's own client, built once, which the sender uses anyway.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { Context, type Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { z } from 'zod';
import { SECRET_HEADER, WEBHOOK_PATH } from './capabilities.ts';

/** Enough to know it is an update; decode.ts reads the rest leniently. */
const updateBody = z.looseObject({ update_id: z.number().int().nonnegative() });

/** Updates are small, but a long message quoting another can pass the server's default body limit. */
const BODY_LIMIT = 1024 * 1024;

/** The check of a request's secret header, with the expected secret's digest taken once, not per update. */
export function secretCheck(expected: string): (given: unknown) => boolean {
  const want = createHash('sha256').update(expected).digest();
  return (given) => {
    if (typeof given !== 'string') return false;
    // Hashing first makes both sides the same length, so the comparison time says nothing about the secret.
    return timingSafeEqual(createHash('sha256').update(given).digest(), want);
  };
}

const unavailable = (reply: FastifyReply) => reply.code(503).header('retry-after', '5').send({ error: 'unavailable' });

export interface WebhookDeps {
  bot: Bot;
  secret: string;
  /** Past this, the request answers 503 (Telegram retries; a finished turn is then a duplicate). */
  timeoutMs: number;
  /** Makes sure the bot knows who it is (getMe) before an update is handled. */
  ready: () => Promise<void>;
}

export function registerWebhook(app: FastifyInstance, deps: WebhookDeps): void {
  const secretOk = secretCheck(deps.secret);
  const none = async () => undefined;

  app.post(
    WEBHOOK_PATH,
    {
      bodyLimit: BODY_LIMIT,
      onRequest: async (req, reply) => {
        if (!secretOk(req.headers[SECRET_HEADER])) return reply.code(401).send({ error: 'unauthorized' });
      },
    },
    async (req, reply) => {
      if (!updateBody.safeParse(req.body).success) return reply.code(400).send({ error: 'bad_request', message: 'not a Telegram update' });
      try {
        await deps.ready();
      } catch {
        return unavailable(reply);
      }
      // Read per request: middleware the bot is given later still runs.
      const work = Promise.resolve(deps.bot.middleware()(new Context(req.body as Update, deps.bot.api, deps.bot.botInfo), none));
      // Past the deadline the request has its 503; the turn's own end, or failure, is then nobody's answer.
      work.catch(() => undefined);
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), deps.timeoutMs);
      });
      try {
        // The handler's own error (a lock timeout, the store away) goes to the error handler, which knows what to answer.
        if ((await Promise.race([work, late])) === 'late') return unavailable(reply);
      } finally {
        clearTimeout(timer);
      }
      return reply.code(200).send('');
    },
  );
}
