// The Zalo Official Account channel (`zalo-oa`): the signed webhook at POST /webhooks/zalo-oa and
// the sender the outbox calls, which picks how it may write (free reply, consultation, or not at
// all), renews the access token once when Zalo says it expired, uploads an officer's file before
// sending it, and tells the console why a message cannot go out.
import type { FastifyInstance } from 'fastify';
import type { ChannelSender, InboundPort, SendContext, SendResult, SendWindow } from '../../../core/channel.ts';
import { keyToString, type ConversationKey, type InboundMessage, type Locale, type OutboundAttachment, type OutboundMessage } from '../../../core/messages.ts';
import { urlMediaFetcher, type HostList } from '../../../core/media-hosts.ts';
import type { Clock, Log, Store } from '../../../core/ports.ts';
import type { Translate } from '../../../core/translate.ts';
import { createZaloHttp, type ZaloHttp } from '../client.ts';
import { createInbox, type Inbox, type InboxOptions } from '../dispatch.ts';
import { parseJsonBody, rawBodyScope } from '../http.ts';
import { oaEventSchema } from '../schemas.ts';
import { createOaApi, describeOaFailure, type OaCallResult, type OaFailure, type OaFile, type OaRecipient, type OaUploadResult } from './api.ts';
import { DEFAULT_OA_RULES, OA_SIGNATURE_HEADER, ZALO_OA_CHANNEL, oaCapabilities, type OaRules } from './capabilities.ts';
import { anonymousRecipient, decodeOaEvent } from './decode.ts';
import { encodeOaMessage, encodeOaUploaded, type OaOutMessage } from './encode.ts';
import { eventTimestamp, verifyOaSignature } from './signature.ts';
import { OaTokenError, OaTokens } from './tokens.ts';
import { OA_MODES, formatUtc, oaWindow, type OaWindow } from './windows.ts';

export const ZALO_OA_WEBHOOK_PATH = '/webhooks/zalo-oa';

export interface ZaloOaSettings {
  appId: string;
  /** The OA secret key: signs webhook events. */
  oaSecretKey: string;
  /** The app secret: authenticates token refreshes. */
  appSecret: string;
  accessToken: string;
  refreshToken: string;
  apiBase: string;
  oauthBase: string;
}

export interface ZaloOaDeps {
  inbound: InboundPort;
  store: Store;
  clock: Clock;
  log: Log;
  translate: Translate;
  settings: ZaloOaSettings;
  rules?: Partial<OaRules>;
  /** The language of the reasons shown to staff (the console is Vietnamese first). */
  staffLocale?: Locale;
  http?: ZaloHttp;
  inbox?: Partial<InboxOptions>;
  /** The hosts attachment URLs may be fetched from (Zalo's CDNs); none: media is never fetched. */
  mediaHosts?: HostList;
}

/** What the console reads: the reason's interface-string key too, and what follows the free window. */
export type OaSendWindow = SendWindow & { reasonKey?: string; then?: { mode: string; until: number } };

export interface ZaloOaChannel {
  sender: ChannelSender & { window(ctx: SendContext, from: 'bot' | 'agent'): OaSendWindow };
  tokens: OaTokens;
  inbox: Inbox;
  rules: OaRules;
  register(app: FastifyInstance): Promise<void>;
  start(): void;
  stop(): Promise<void>;
}

export function createZaloOaChannel(deps: ZaloOaDeps): ZaloOaChannel {
  const { settings, log, store } = deps;
  const rules: OaRules = { ...DEFAULT_OA_RULES, ...deps.rules };
  const staffLocale = deps.staffLocale ?? 'vi';
  const http = deps.http ?? createZaloHttp();
  const api = createOaApi({ http, base: settings.apiBase, anonymousPath: rules.anonymousPath, uploadImagePath: rules.uploadImagePath, uploadFilePath: rules.uploadFilePath });
  const tokens = new OaTokens({
    store,
    http,
    clock: deps.clock,
    log,
    appId: settings.appId,
    appSecret: settings.appSecret,
    oauthBase: settings.oauthBase,
    seed: { accessToken: settings.accessToken, refreshToken: settings.refreshToken },
    refreshMarginMs: rules.refreshMarginMs,
  });
  /** Parts of a long message already delivered, so an outbox retry does not send them twice. */
  const delivered = new WeakMap<OutboundMessage, number>();

  const isExpiredToken = (r: OaFailure) => r.error !== undefined && rules.expiredTokenCodes.includes(r.error);
  const isTemporary = (r: OaFailure) =>
    r.status === 0 || r.status === 429 || r.status >= 500 || (r.error !== undefined && rules.temporaryCodes.includes(r.error));

  const REFUSED = 'zalo.window.closed';

  function refusal(w: Extract<OaWindow, { canSend: false }>): string {
    // The key alone reads well in any language; the reason adds the dates for this conversation.
    return deps.translate(staffLocale, 'zalo.window.closedSince', { last: formatUtc(w.lastUserAt), until: formatUtc(w.closedAt) });
  }

  /** One call with the current token; an expired token is renewed once and the call repeated. */
  async function callWithToken(recipient: OaRecipient, message: OaOutMessage): Promise<OaCallResult> {
    const token = await tokens.current();
    const res = await api.sendCs(token, recipient, message);
    if (res.ok || !isExpiredToken(res)) return res;
    log.info({ error: res.error }, 'zalo-oa: access token refused; renewing it');
    const fresh = await tokens.refresh(token);
    return api.sendCs(fresh, recipient, message);
  }

  /** The upload of an officer's file, with the same once-renewed token as a message. */
  async function uploadWithToken(file: OaFile): Promise<OaUploadResult> {
    const token = await tokens.current();
    const res = await api.upload(token, file);
    if (res.ok || !isExpiredToken(res)) return res;
    log.info({ error: res.error }, 'zalo-oa: access token refused on an upload; renewing it');
    return api.upload(await tokens.refresh(token), file);
  }

  /** An officer's file: uploaded, then sent as an image or file message like any other part. */
  async function sendAttachment(key: ConversationKey, a: OutboundAttachment, bytes: Buffer, ctx: SendContext, w: Extract<OaWindow, { canSend: true }>): Promise<OaCallResult> {
    const uploaded = await uploadWithToken({ kind: a.kind, bytes, mime: a.mime, name: a.name });
    if (!uploaded.ok) return uploaded;
    return sendPart(key, encodeOaUploaded(uploaded.uploaded), ctx, w);
  }

  /**
   * A free reply while this user message has some left (counted per message id in the store, so
   * every instance counts the same; a failed call still counts, which errs on the safe side),
   * otherwise a consultation message. A free reply Zalo refuses for a reason other than the token
   * or a temporary fault (the quota or the window ran out by its own count [?]) is sent once more
   * as a consultation message.
   */
  async function sendPart(key: ConversationKey, part: OaOutMessage, ctx: SendContext, w: Extract<OaWindow, { canSend: true }>): Promise<OaCallResult> {
    // Someone who does not follow the OA is answered in their anonymous conversation, never by id.
    const anonymous = anonymousRecipient(key.user);
    if (anonymous) return callWithToken(anonymous, part);
    const byUser: OaRecipient = { user_id: key.user };
    if (w.mode === 'reply') {
      const used = await store.countInWindow(`zalo-oa:free:${w.messageId}`, key, Math.max(1, w.until - ctx.now));
      if (used <= rules.freeRepliesPerMessage) {
        const res = await callWithToken({ message_id: w.messageId }, part);
        if (res.ok || isTemporary(res) || isExpiredToken(res)) return res;
        log.info({ reason: describeOaFailure(res) }, 'zalo-oa: free reply refused; sending as a consultation message');
      }
    }
    return callWithToken(byUser, part);
  }

  function toResult(res: OaFailure): SendResult {
    const reason = describeOaFailure(res);
    return isTemporary(res)
      ? { ok: false, retryable: true, reason, ...(res.retryAfterMs !== undefined ? { retryAfterMs: res.retryAfterMs } : {}) }
      : { ok: false, retryable: false, reason };
  }

  const sender: ZaloOaChannel['sender'] = {
    channel: ZALO_OA_CHANNEL,
    capabilities: oaCapabilities(rules),

    window(ctx) {
      const w = oaWindow(ctx, rules);
      if (!w.canSend) return { canSend: false, reason: refusal(w), reasonKey: REFUSED };
      const open: OaSendWindow = { canSend: true, mode: OA_MODES[w.mode] };
      if (w.until !== undefined) open.until = w.until;
      if (w.mode === 'reply') open.then = { mode: OA_MODES.consultation, until: w.consultationUntil };
      return open;
    },

    async send(key, message, ctx) {
      const w = oaWindow(ctx, rules);
      if (!w.canSend) return { ok: false, retryable: false, reason: refusal(w) };
      const a = message.attachment && ctx.attachment ? { meta: message.attachment, bytes: ctx.attachment } : undefined;
      if (a) {
        // Zalo's own limits, below the media limit: refused here rather than half sent (text without its file).
        const max = a.meta.kind === 'image' ? rules.maxImageBytes : rules.maxFileBytes;
        if (a.bytes.length > max) return { ok: false, retryable: false, reason: `zalo-oa takes ${a.meta.kind === 'image' ? 'images' : 'files'} up to ${max} bytes; this one has ${a.bytes.length}` };
      }
      const parts = encodeOaMessage(message, rules);
      const ids: string[] = [];
      // The file goes after the text, as one more part (index parts.length).
      const total = parts.length + (a ? 1 : 0);
      for (let i = delivered.get(message) ?? 0; i < total; i++) {
        let res: OaCallResult;
        try {
          res = i < parts.length ? await sendPart(key, parts[i]!, ctx, w) : await sendAttachment(key, a!.meta, a!.bytes, ctx, w);
        } catch (err) {
          if (err instanceof OaTokenError) return { ok: false, retryable: err.retryable, reason: err.message };
          throw err;
        }
        if (!res.ok) {
          if (isExpiredToken(res)) log.error({ error: res.error }, 'zalo-oa: a renewed access token was refused too');
          return toResult(res);
        }
        delivered.set(message, i + 1);
        if (res.messageId) ids.push(res.messageId);
      }
      delivered.delete(message);
      return { ok: true, platformIds: ids };
    },

    // Attachment URLs do not last: fetched while an officer holds the chat, only from Zalo's hosts.
    fetchMedia: urlMediaFetcher(deps.mediaHosts ?? []),
  };

  const inbox = createInbox({
    name: ZALO_OA_CHANNEL,
    inbound: deps.inbound,
    store,
    log,
    options: deps.inbox,
    apologise: async (message: InboundMessage) => {
      const res = await callWithToken(anonymousRecipient(message.key.user) ?? { user_id: message.key.user }, { text: deps.translate('vi', 'errors.turnFailed') });
      if (!res.ok) throw new Error(describeOaFailure(res));
    },
  });

  async function register(app: FastifyInstance): Promise<void> {
    await app.register(async (scope) => {
      rawBodyScope(scope);
      scope.post(ZALO_OA_WEBHOOK_PATH, async (req, reply) => {
        const signature = req.headers[OA_SIGNATURE_HEADER];
        if (typeof signature !== 'string' || signature.length === 0) return reply.code(401).send({ error: 'unauthorized' });
        const raw = typeof req.body === 'string' ? req.body : '';
        const body = parseJsonBody(raw);
        if (!body.ok) return reply.code(400).send({ error: 'bad_request', message: 'body is not JSON' });
        const timestamp = eventTimestamp(body.value);
        const signed =
          timestamp !== undefined &&
          verifyOaSignature(signature, { appId: settings.appId, rawBody: raw, timestamp, secretKey: settings.oaSecretKey });
        if (!signed) {
          log.warn({ hasTimestamp: timestamp !== undefined }, 'zalo-oa webhook signature does not match; refused');
          return reply.code(401).send({ error: 'unauthorized' });
        }
        const event = oaEventSchema.safeParse(body.value);
        if (!event.success) {
          // Signed by Zalo but not an event we can read: answering 4xx would only invite retries.
          log.warn({ issue: event.error.issues[0]?.message }, 'zalo-oa event not understood; ignored');
          return reply.send({ ok: true });
        }
        const decoded = decodeOaEvent(event.data, settings.appId, deps.clock.now());
        if (decoded.kind === 'ignored') {
          log.debug({ event: event.data.event_name, reason: decoded.reason }, 'zalo-oa event ignored');
          return reply.send({ ok: true });
        }
        // A journal write that fails throws: the error handler answers 503 so a retry can come.
        const result = await inbox.accept(decoded.message);
        log.debug({ conversation: keyToString(decoded.message.key), event: event.data.event_name, result }, 'zalo-oa event accepted');
        return reply.send({ ok: true });
      });
    });
  }

  return {
    sender,
    tokens,
    inbox,
    rules,
    register,
    start() {
      inbox.start(30_000);
    },
    async stop() {
      inbox.stop();
      await inbox.idle();
    },
  };
}
