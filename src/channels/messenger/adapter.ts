// The Messenger channel: the webhook (verification handshake, signed POSTs) and the sender the
// outbox calls. Incoming events become Activities run through the BotAdapter, whose turn logic
// hands the neutral message to the engine; outgoing replies become Activities the BotAdapter turns
// into Send API calls.
//
// "Accepted" means committed: the webhook answers 200 only after every event of the body has been
// through the engine's receive(), i.e. its turn is saved and its replies are in the outbox (or it
// was a duplicate). Replies are delivered after the answer, so this stays quick. If the store is
// down, a conversation stays busy, or the turns take longer than `ackWithinMs`, the answer is 503
// and the platform sends the whole body again; events already committed are then dropped as
// duplicates by their mid. Nothing acknowledged is only in memory.
import { createHash } from 'node:crypto';
import type { Activity } from 'botbuilder';
import type { FastifyInstance } from 'fastify';
import type { ChannelSender, InboundPort, SendResult } from '../../core/channel.ts';
import { urlMediaFetcher, type HostList } from '../../core/media-hosts.ts';
import { keyToString, type ConversationKey, type Locale, type OutboundMessage } from '../../core/messages.ts';
import type { Log } from '../../core/ports.ts';
import type { Translate } from '../../core/translate.ts';
import { MessengerBotAdapter, type MessengerChannelData } from './bot-adapter.ts';
import { MESSENGER_CHANNEL, SIGNATURE_HEADER, WEBHOOK_PATH, messengerCapabilities } from './capabilities.ts';
import { activityToInbound, decodeBody, recipientOf, webhookBodySchema } from './decode.ts';
import { encodeMessage } from './encode.ts';
import { SendApi, SendApiError } from './send-api.ts';
import { isSignedBy, sameSecret } from './signature.ts';
import { messagingFields, messengerWindow, type MessengerWindow } from './window.ts';

export interface MessengerChannelDeps {
  inbound: InboundPort;
  log: Log;
  translate: Translate;
  appSecret: string;
  verifyToken: string;
  pageToken: string;
  /** The Graph API's versioned base (tests: a local server answering like it). */
  apiBase: string;
  /** The language of reasons given to staff; the console is Vietnamese first. */
  staffLocale?: Locale;
  /** How long a webhook POST waits for its turns before asking the platform to send it again. */
  ackWithinMs?: number;
  /** Largest webhook body; the platform batches several events into one. */
  bodyLimit?: number;
  sendTimeoutMs?: number;
  /** The hosts attachment URLs may be fetched from (the platform's CDNs); none: media is never fetched. */
  mediaHosts?: HostList;
}

/** Partly delivered messages (a long text in parts): a retry resumes after the parts already sent. */
const PROGRESS_LIMIT = 1000;

export function createMessengerChannel(deps: MessengerChannelDeps) {
  const staffLocale = deps.staffLocale ?? 'vi';
  const ackWithinMs = deps.ackWithinMs ?? 5_000;
  const api = new SendApi({ base: deps.apiBase, pageToken: deps.pageToken, appSecret: deps.appSecret, ...(deps.sendTimeoutMs ? { timeoutMs: deps.sendTimeoutMs } : {}) });
  const bot = new MessengerBotAdapter(api);
  const progress = new Map<string, number>();
  const pending = new Set<Promise<unknown>>();

  function window(ctx: Parameters<NonNullable<ChannelSender['window']>>[0], from: 'bot' | 'agent'): MessengerWindow {
    const w = messengerWindow(ctx, from);
    return w.reasonKey ? { ...w, reason: deps.translate(staffLocale, w.reasonKey) } : w;
  }

  const sender: ChannelSender & { window: typeof window } = {
    channel: MESSENGER_CHANNEL,
    capabilities: messengerCapabilities,
    window,
    async send(key, message, ctx): Promise<SendResult> {
      const w = window(ctx, message.from);
      if (!w.canSend) return { ok: false, retryable: false, reason: w.reason ?? 'outside the messaging window' };
      const fields = messagingFields(w.mode ?? 'RESPONSE');
      const parts = encodeMessage(message);
      const memo = progressKey(key, message);
      let done = progress.get(memo) ?? 0;
      const ids: string[] = [];
      try {
        await bot.continueConversation(referenceOf(key, deps.apiBase), async (context) => {
          for (; done < parts.length; done++) {
            const data: MessengerChannelData = { ...fields, message: parts[done]! };
            const part = parts[done]!;
            const res = await context.sendActivity({ type: 'message', text: 'text' in part ? part.text : part.attachment.payload.text, channelData: data });
            if (res?.id) ids.push(res.id);
          }
        });
        // An officer's file follows the text, uploaded with the same window fields (HUMAN_AGENT after 24 h).
        // Straight to the Send API: an Activity has no way to carry bytes to upload.
        const a = message.attachment;
        if (a && ctx.attachment && done === parts.length) {
          const sent = await api.sendFile({ recipient: recipientOf(key.user), ...fields }, { type: a.kind, bytes: ctx.attachment, mime: a.mime, name: a.name });
          if (sent.messageId) ids.push(sent.messageId);
          done++;
        }
        progress.delete(memo);
        return { ok: true, platformIds: ids };
      } catch (err) {
        if (done > 0) remember(progress, memo, done);
        if (err instanceof SendApiError) {
          const key2 = err.details.reasonKey;
          const reason = key2 ? `${deps.translate(staffLocale, key2)} (${err.message})` : err.message;
          if (!err.retryable) deps.log.warn({ conversation: keyToString(key), code: err.details.code, subcode: err.details.subcode }, 'Messenger refused a message');
          return { ok: false, retryable: err.retryable, reason, ...(err.details.retryAfterMs ? { retryAfterMs: err.details.retryAfterMs } : {}) };
        }
        throw err;
      }
    },
    // Attachment URLs expire: fetched while an officer holds the chat, only from the platform's hosts.
    fetchMedia: urlMediaFetcher(deps.mediaHosts ?? []),
  };

  /** Hands the body's events to the engine: one sender's in order, different senders side by side. */
  async function accept(activities: Partial<Activity>[]): Promise<void> {
    const bySender = new Map<string, Partial<Activity>[]>();
    for (const a of activities) {
      const user = `${a.recipient?.id ?? ''}|${a.from?.id ?? ''}`;
      bySender.set(user, [...(bySender.get(user) ?? []), a]);
    }
    await Promise.all(
      [...bySender.values()].map(async (list) => {
        // The platform does not promise order inside a batch; the timestamps do.
        const ordered = [...list].sort((a, b) => (a.timestamp?.getTime() ?? 0) - (b.timestamp?.getTime() ?? 0));
        for (const activity of ordered) {
          await bot.processActivity(activity, async (context) => {
            let message;
            try {
              message = activityToInbound(context.activity);
            } catch (err) {
              deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'Messenger event skipped: not a message we can read');
              return;
            }
            const result = await deps.inbound.receive(message);
            if (result === 'duplicate') deps.log.debug({ conversation: keyToString(message.key) }, 'Messenger redelivery dropped');
          });
        }
      }),
    );
  }

  async function register(app: FastifyInstance): Promise<void> {
    await app.register(async (scope) => {
      // The signature covers the exact bytes sent, so this route reads the body raw and parses it
      // itself; other routes keep Fastify's JSON parser.
      scope.removeAllContentTypeParsers();
      scope.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));

      scope.get(WEBHOOK_PATH, async (req, reply) => {
        const q = (req.query ?? {}) as Record<string, unknown>;
        const challenge = q['hub.challenge'];
        if (q['hub.mode'] === 'subscribe' && sameSecret(q['hub.verify_token'], deps.verifyToken) && typeof challenge === 'string') {
          return reply.type('text/plain; charset=utf-8').send(challenge);
        }
        return reply.code(403).send({ error: 'forbidden' });
      });

      scope.post(WEBHOOK_PATH, { bodyLimit: deps.bodyLimit ?? 1024 * 1024 }, async (req, reply) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        if (!isSignedBy(raw, req.headers[SIGNATURE_HEADER], deps.appSecret)) {
          deps.log.warn({}, 'Messenger webhook with a missing or wrong signature refused');
          return reply.code(401).send({ error: 'bad_signature' });
        }
        let json: unknown;
        try {
          json = JSON.parse(raw.toString('utf8'));
        } catch {
          return reply.code(400).send({ error: 'bad_json' });
        }
        const body = webhookBodySchema.safeParse(json);
        if (!body.success) return reply.code(400).send({ error: 'bad_request', detail: body.error.issues[0]?.message });
        // Other products of the same app (Instagram, page feed) may share the endpoint: acknowledged, not read.
        if (body.data.object !== 'page') return reply.send('EVENT_RECEIVED');

        const decoded = decodeBody(body.data);
        const activities: Partial<Activity>[] = [];
        for (const d of decoded) {
          if (d.kind === 'activity') activities.push(d.activity);
          else deps.log.debug({ reason: d.reason }, 'Messenger event ignored');
        }
        const work = accept(activities);
        const tracked = work.catch(() => undefined).finally(() => pending.delete(tracked));
        pending.add(tracked);
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<'late'>((resolve) => {
          timer = setTimeout(() => resolve('late'), ackWithinMs);
        });
        try {
          if ((await Promise.race([work, late])) === 'late') {
            // Not committed yet: say so, and let the platform resend; what commits meanwhile is deduplicated.
            deps.log.warn({ events: activities.length }, 'Messenger webhook slower than its deadline; asked for a resend');
            return reply.code(503).header('retry-after', '5').send({ error: 'unavailable' });
          }
        } finally {
          clearTimeout(timer);
        }
        return reply.send('EVENT_RECEIVED');
      });
    });
  }

  return {
    sender,
    register,
    /** Resolves when every webhook body taken in has been handed over (shutdown, tests). */
    async idle(): Promise<void> {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}

function referenceOf(key: ConversationKey, serviceUrl: string) {
  return {
    channelId: MESSENGER_CHANNEL,
    serviceUrl,
    conversation: { id: key.user, isGroup: false, conversationType: 'personal', name: '' },
    user: { id: key.user, name: '' },
    bot: { id: key.account, name: '' },
  };
}

function progressKey(key: ConversationKey, message: OutboundMessage): string {
  return createHash('sha256').update(keyToString(key)).update('\n').update(JSON.stringify(message)).digest('hex');
}

function remember(map: Map<string, number>, k: string, done: number): void {
  map.delete(k);
  map.set(k, done);
  // Oldest first out: an entry outlives its message only if that message was given up on.
  while (map.size > PROGRESS_LIMIT) map.delete(map.keys().next().value!);
}
