// The Zalo Bot Platform channel (`zalo-bot`): the webhook at POST /webhooks/zalo-bot, long polling
// for development, and the sender the outbox calls. Token-based and Telegram-like: the secret set
// with setWebhook comes back in X-Bot-Api-Secret-Token [v]; replies are sendMessage {chat_id, text}.
// The platform takes no uploads (sendPhoto wants a public URL [s]), so an officer's file reaches
// the worker as a signed link to this server, served from the media vault while it keeps the file.
import type { FastifyInstance } from 'fastify';
import { createHash } from 'node:crypto';
import type { ChannelSender, InboundPort } from '../../../core/channel.ts';
import { openFileLink, signFileLink } from '../../../core/file-links.ts';
import type { StoredMedia } from '../../../core/media-vault.ts';
import { keyToString, type ConversationKey, type InboundMessage, type OutboundMessage } from '../../../core/messages.ts';
import { urlMediaFetcher, type HostList } from '../../../core/media-hosts.ts';
import type { Clock, Log, Store } from '../../../core/ports.ts';
import type { Translate } from '../../../core/translate.ts';
import { createZaloHttp, shortHash, type ZaloHttp } from '../client.ts';
import { createInbox, type Inbox, type InboxOptions } from '../dispatch.ts';
import { parseJsonBody, rawBodyScope, secretCheck } from '../http.ts';
import { botSendResultSchema } from '../schemas.ts';
import { createBotApi, describeFailure, isTemporary, type BotApi } from './api.ts';
import { BOT_SECRET_HEADER, ZALO_BOT_CHANNEL, zaloBotCapabilities } from './capabilities.ts';
import { decodeBotUpdate, unwrapBotUpdates } from './decode.ts';
import { encodeBotMessage } from './encode.ts';
import { createPoller, type Poller, type PollerOptions } from './polling.ts';

export const ZALO_BOT_WEBHOOK_PATH = '/webhooks/zalo-bot';

export interface ZaloBotSettings {
  token: string;
  apiBase: string;
  mode: 'webhook' | 'polling';
  /** Required for the webhook; compared in constant time with X-Bot-Api-Secret-Token. */
  webhookSecret?: string;
  /** The server's public https address: when set, the webhook is registered there at start. */
  publicUrl?: string;
}

export interface ZaloBotDeps {
  inbound: InboundPort;
  store: Store;
  clock: Clock;
  log: Log;
  translate: Translate;
  settings: ZaloBotSettings;
  http?: ZaloHttp;
  inbox?: Partial<InboxOptions>;
  /** The hosts attachment URLs may be fetched from (Zalo's CDNs); none: media is never fetched. */
  mediaHosts?: HostList;
  polling?: Partial<PollerOptions>;
  /** Where officers' files are kept (the media vault); with `settings.publicUrl`, files go as links. */
  files?: { get(key: ConversationKey, id: string): Promise<StoredMedia | undefined>; maxBytes: number };
}

/** Where a worker opens an officer's file: `{publicUrl}/zalo-bot/files?f=<signed link>` (a query: longer than a path segment may be). */
export const ZALO_BOT_FILES_PATH = '/zalo-bot/files';

export interface ZaloBotChannel {
  sender: ChannelSender;
  account: string;
  inbox: Inbox;
  register(app: FastifyInstance): Promise<void>;
  /** Starts the inbox sweep, and the long poll in polling mode. */
  start(): void;
  stop(): Promise<void>;
}

/**
 * The account part of conversation keys: the bot's numeric id when the token starts with it (as
 * Telegram's do; for Zalo this is only seen in samples [?]), else a digest, never the token itself.
 */
export function botAccount(token: string): string {
  const id = /^(\d{3,32}):/.exec(token)?.[1];
  return id ?? `t${shortHash(token)}`;
}

export function createZaloBotChannel(deps: ZaloBotDeps): ZaloBotChannel {
  const { settings, log } = deps;
  const account = botAccount(settings.token);
  const http = deps.http ?? createZaloHttp();
  const api: BotApi = createBotApi({ http, base: settings.apiBase, token: settings.token });
  /** Parts of a long message already delivered, so an outbox retry does not send them twice. */
  const delivered = new WeakMap<OutboundMessage, number>();

  async function sendText(chatId: string, text: string) {
    return api.call('sendMessage', { chat_id: chatId, text });
  }

  // Links need an address the worker's phone can reach; the key is the bot token's own digest, a
  // secret only this deployment holds.
  const files = deps.files && settings.publicUrl ? deps.files : undefined;
  const linkSecret = createHash('sha256').update(`zalo-bot files\n${settings.token}`).digest('hex');
  const linkOf = (key: ConversationKey, id: string) => `${settings.publicUrl!.replace(/\/+$/, '')}${ZALO_BOT_FILES_PATH}?f=${signFileLink(linkSecret, key, id)}`;

  const sender: ChannelSender = {
    channel: ZALO_BOT_CHANNEL,
    capabilities: files ? { ...zaloBotCapabilities, maxAttachmentBytes: { image: files.maxBytes, file: files.maxBytes } } : zaloBotCapabilities,
    async send(key, message) {
      const parts = encodeBotMessage(message);
      const a = message.attachment;
      // The file follows the text as one more message: a line that says what it is, and its link.
      if (a && files) parts.push(`${deps.translate(message.locale ?? 'vi', 'media.fileLink', { name: a.name })}\n${linkOf(key, a.id)}`);
      const ids: string[] = [];
      for (let i = delivered.get(message) ?? 0; i < parts.length; i++) {
        const res = await sendText(key.user, parts[i]!);
        if (!res.ok) {
          const reason = describeFailure('sendMessage', res);
          return isTemporary(res)
            ? { ok: false, retryable: true, reason, ...(res.retryAfterMs !== undefined ? { retryAfterMs: res.retryAfterMs } : {}) }
            : { ok: false, retryable: false, reason };
        }
        delivered.set(message, i + 1);
        const sent = botSendResultSchema.safeParse(res.result);
        if (sent.success && sent.data.message_id) ids.push(sent.data.message_id);
      }
      delivered.delete(message);
      return { ok: true, platformIds: ids };
    },
    // Photo and voice URLs do not last: fetched while an officer holds the chat, only from Zalo's hosts.
    fetchMedia: urlMediaFetcher(deps.mediaHosts ?? []),
  };

  const inbox = createInbox({
    name: ZALO_BOT_CHANNEL,
    inbound: deps.inbound,
    store: deps.store,
    log,
    options: deps.inbox,
    apologise: async (message: InboundMessage) => {
      await sendText(message.key.user, deps.translate('vi', 'errors.turnFailed'));
    },
  });

  const poller: Poller | undefined =
    settings.mode === 'polling'
      ? createPoller({ api, account, now: () => deps.clock.now(), log, accept: (m) => inbox.accept(m), options: deps.polling })
      : undefined;

  async function register(app: FastifyInstance): Promise<void> {
    if (files) {
      app.get(ZALO_BOT_FILES_PATH, async (req, reply) => {
        const token = (req.query as { f?: unknown } | undefined)?.f;
        const opened = typeof token === 'string' ? openFileLink(linkSecret, token) : undefined;
        // A link of another channel or bot, a forged one, or one whose file is gone: the same 404.
        const item = opened && opened.key.channel === ZALO_BOT_CHANNEL && opened.key.account === account ? await files.get(opened.key, opened.id) : undefined;
        if (!item) return reply.code(404).send({ error: 'not_found' });
        const name = item.name ?? 'file';
        return reply
          .type(item.mime)
          .header('content-disposition', `attachment; filename="${name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('referrer-policy', 'no-referrer')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(Buffer.from(item.data, 'base64'));
      });
    }
    if (settings.mode !== 'webhook') return;
    const secret = settings.webhookSecret;
    if (!secret) throw new Error('zalo-bot webhook mode needs a webhook secret');
    const secretOk = secretCheck(secret);
    await app.register(async (scope) => {
      rawBodyScope(scope);
      scope.post(ZALO_BOT_WEBHOOK_PATH, async (req, reply) => {
        if (!secretOk(req.headers[BOT_SECRET_HEADER])) {
          return reply.code(401).send({ error: 'unauthorized' });
        }
        const body = parseJsonBody(req.body);
        if (!body.ok) return reply.code(400).send({ error: 'bad_request', message: 'body is not JSON' });
        const updates = unwrapBotUpdates(body.value);
        if (!updates) {
          // Authentic but not shaped like an update: a 4xx could make the platform retry it forever.
          log.warn({}, 'zalo-bot webhook body is not an update; ignored');
          return reply.send({ ok: true });
        }
        for (const update of updates) {
          const decoded = decodeBotUpdate(update, account, deps.clock.now());
          if (decoded.kind === 'ignored') {
            log.debug({ reason: decoded.reason }, 'zalo-bot update ignored');
            continue;
          }
          if (!decoded.known) log.info({ event: update.event_name }, 'zalo-bot: unknown event answered as unsupported');
          // A journal write that fails throws: the error handler answers 503 so a retry can come.
          const result = await inbox.accept(decoded.message);
          log.debug({ conversation: keyToString(decoded.message.key), result }, 'zalo-bot update accepted');
        }
        return reply.send({ ok: true });
      });
    });
  }

  /** Points the platform at our webhook, with the secret it must send back; logged, never fatal. */
  async function registerWebhook(): Promise<void> {
    if (settings.mode !== 'webhook' || !settings.publicUrl || !settings.webhookSecret) return;
    if (!settings.publicUrl.startsWith('https://')) {
      log.warn({}, 'zalo-bot: PUBLIC_URL is not https; register the webhook by hand');
      return;
    }
    const url = `${settings.publicUrl.replace(/\/+$/, '')}${ZALO_BOT_WEBHOOK_PATH}`;
    const res = await api.call('setWebhook', { url, secret_token: settings.webhookSecret });
    if (res.ok) log.info({ url }, 'zalo-bot webhook registered');
    else log.error({ reason: describeFailure('setWebhook', res) }, 'zalo-bot webhook not registered');
  }

  return {
    sender,
    account,
    inbox,
    register,
    start() {
      inbox.start(30_000);
      poller?.start();
      void registerWebhook().catch((err: unknown) => log.error({ err }, 'zalo-bot webhook registration failed'));
    },
    async stop() {
      await poller?.stop();
      inbox.stop();
      await inbox.idle();
    },
  };
}

/** The key a Zalo Bot chat is stored under (tests and tools). */
export function zaloBotKey(token: string, chatId: string): ConversationKey {
  return { channel: ZALO_BOT_CHANNEL, account: botAccount(token), user: chatId };
}
