// The web chat: a page at /chat and a small JSON API. A POST waits for its own replies (the turn
// and their delivery into the user's mailbox), so the page and scripts get answers in the response;
// GET returns anything newer (staff replies arrive that way). An officer's file reaches the page as
// a download link of this conversation: served only to the browser that holds the conversation's
// id (the same bearer the page reads its replies with), from the media vault, so it is gone when
// retention or an erase removes the conversation.
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ChannelSender, InboundPort } from '../../core/channel.ts';
import type { StoredMedia } from '../../core/media-vault.ts';
import type { ConversationKey, Locale } from '../../core/messages.ts';
import type { Clock, MailboxEntry, Store } from '../../core/ports.ts';
import type { Translate } from '../../core/translate.ts';
import { WEB_ACCOUNT, WEB_CHANNEL, WEB_MAILBOX, webCapabilities } from './capabilities.ts';
import { decodeWebMessage, webMessageBody, webUserId } from './decode.ts';
import { encodeWebMessage, type WebMessage } from './encode.ts';

export interface WebChannelDeps {
  inbound: InboundPort;
  store: Store;
  clock: Clock;
  translate: Translate;
  /** Delivers the conversation's queued replies now (the outbox's flush). */
  flush: (key: ConversationKey) => Promise<void>;
  mailboxTtlMs: number;
  /** Messages per minute from one address (enforced when the server registered @fastify/rate-limit). */
  rateLimitPerMinute?: number;
  /** Where the quick-exit button leads: a page that says nothing about this chat. */
  quickExitUrl?: string;
  /** The short hotline numbers the page makes tappable (three or four digits, from content). */
  shortNumbers?: readonly string[];
  /** Where officers' files are kept (the media vault); absent: the console offers no files here. */
  files?: { get(key: ConversationKey, id: string): Promise<StoredMedia | undefined>; maxBytes: number };
}

/** Where the page downloads an officer's file: the conversation's id goes with it, as on every call. */
export const WEB_FILES_PATH = '/api/chat/files';
const fileParams = z.object({ id: z.string().regex(/^[a-f0-9]{24}$/) });

/** An everyday page anybody might have open. */
export const DEFAULT_QUICK_EXIT_URL = 'https://www.google.com/';

const PAGE_TEMPLATE = readFileSync(new URL('./page.html', import.meta.url), 'utf8');
const PAGE_STRINGS = ['title', 'placeholder', 'send', 'offline', 'slowDown', 'otherLanguage', 'otherLanguageCode', 'quickExit', 'quickExitHelp', 'file'] as const;

const pollQuery = z.object({ user: webUserId, after: z.coerce.number().int().min(0).default(0) });
const pageQuery = z.object({ lang: z.enum(['vi', 'en']).optional() });

export function createWebChannel(deps: WebChannelDeps) {
  const keyOf = (user: string): ConversationKey => ({ channel: WEB_CHANNEL, account: WEB_ACCOUNT, user });

  // The page has no platform limit of its own: what the vault keeps is what it can offer.
  const files = deps.files;
  const capabilities = files ? { ...webCapabilities, maxAttachmentBytes: { image: files.maxBytes, file: files.maxBytes } } : webCapabilities;

  const sender: ChannelSender = {
    channel: WEB_CHANNEL,
    capabilities,
    // The page shows each item once (unique() below), so a send that may have happened is sent again.
    idempotent: true,
    async send(key, message, ctx) {
      const a = message.attachment;
      const file = a && files ? { name: a.name, mime: a.mime, size: a.size, url: `${WEB_FILES_PATH}/${a.id}?user=${encodeURIComponent(key.user)}` } : undefined;
      const stored: Stored = { ...encodeWebMessage(message), ...(file ? { file } : {}), ...(ctx.itemId ? { item: ctx.itemId } : {}) };
      await deps.store.mailboxPush<Stored>(WEB_MAILBOX, key, stored, deps.mailboxTtlMs);
      return { ok: true };
    },
  };

  function page(locale: Locale): string {
    let html = PAGE_TEMPLATE.replaceAll('{{lang}}', locale)
      .replaceAll('{{exitUrl}}', scriptString(deps.quickExitUrl ?? DEFAULT_QUICK_EXIT_URL))
      .replace('{{shortNumbers}}', JSON.stringify(deps.shortNumbers ?? []).replace(/</g, '\\u003c'));
    for (const k of PAGE_STRINGS) html = html.replaceAll(`{{${k}}}`, escapeHtml(deps.translate(locale, `web.${k}`)));
    return html;
  }

  async function read(user: string, after: number) {
    const entries = await deps.store.mailboxRead<Stored>(WEB_MAILBOX, keyOf(user), after);
    if (entries.length === 0 && after > 0) {
      // Shorter than what the page has seen: the user erased the chat and it started again. The
      // page clears its screen (nothing of the erased chat stays on a watched phone) and redraws.
      const all = await deps.store.mailboxRead<Stored>(WEB_MAILBOX, keyOf(user), 0);
      // By number, not count: a capped mailbox keeps its newest entries with the numbers they had.
      if ((all.at(-1)?.seq ?? 0) < after) return { messages: await unique(user, all, 0), last: all.at(-1)?.seq ?? 0, reset: true };
    }
    return { messages: await unique(user, entries, after), last: entries.at(-1)?.seq ?? after };
  }

  /**
   * The outbox delivers at least once: a reply written here just before an outage, whose delivery
   * could not be recorded, is written again after. The page shows each reply once.
   */
  async function unique(user: string, entries: MailboxEntry<Stored>[], after: number): Promise<WebMessage[]> {
    const ids = entries.map((e) => e.item.item).filter((id): id is string => id !== undefined);
    if (ids.length === 0) return entries.map((e) => strip(e.item));
    const earlier = after > 0 ? await deps.store.mailboxRead<Stored>(WEB_MAILBOX, keyOf(user), Math.max(0, after - 10)) : [];
    const seen = new Set(earlier.filter((e) => e.seq <= after).map((e) => e.item.item));
    const out: WebMessage[] = [];
    for (const e of entries) {
      if (e.item.item !== undefined) {
        if (seen.has(e.item.item)) continue;
        seen.add(e.item.item);
      }
      out.push(strip(e.item));
    }
    return out;
  }

  async function register(app: FastifyInstance): Promise<void> {
    app.get('/chat', async (req, reply) => {
      const q = pageQuery.safeParse(req.query);
      const locale = q.success && q.data.lang ? q.data.lang : 'vi';
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(page(locale));
    });

    const limit = deps.rateLimitPerMinute ? { config: { rateLimit: { max: deps.rateLimitPerMinute, timeWindow: 60_000 } } } : {};
    app.post('/api/chat/messages', limit, async (req, reply) => {
      const body = webMessageBody.safeParse(req.body);
      if (!body.success) return reply.code(400).send({ error: 'bad_request', detail: body.error.issues[0]?.message });
      const after = pollQuery.shape.after.parse((req.query as Record<string, unknown> | undefined)?.after);
      const message = decodeWebMessage(body.data, deps.clock.now());
      const result = await deps.inbound.receive(message);
      await deps.flush(message.key);
      return reply.send({ result, ...(await read(body.data.user, after)) });
    });

    app.get('/api/chat/messages', async (req, reply) => {
      const q = pollQuery.safeParse(req.query);
      if (!q.success) return reply.code(400).send({ error: 'bad_request' });
      return reply.send(await read(q.data.user, q.data.after));
    });

    app.get(`${WEB_FILES_PATH}/:id`, async (req, reply) => {
      const p = fileParams.safeParse(req.params);
      const q = pollQuery.pick({ user: true }).safeParse(req.query);
      // One answer for a wrong id, another conversation's file and one gone with retention.
      const item = files && p.success && q.success ? await files.get(keyOf(q.data.user), p.data.id) : undefined;
      if (!item) return reply.code(404).send({ error: 'not_found' });
      return (
        reply
          // Always a download: a document of this origin must never be rendered or run by the page's browser.
          .type(item.mime)
          .header('content-disposition', `attachment; filename="${(item.name ?? 'file').replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(item.name ?? 'file')}`)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, no-store')
          .header('content-security-policy', "default-src 'none'; sandbox")
          .send(Buffer.from(item.data, 'base64'))
      );
    });
  }

  return { sender, register };
}

/** A web message as kept in the mailbox: with the outbox item it came from. */
type Stored = WebMessage & { item?: string };

function strip({ item: _item, ...message }: Stored): WebMessage {
  return message;
}

/** A string literal safe inside an inline script (no closing tag can be formed). */
function scriptString(s: string): string {
  return JSON.stringify(s).replace(/</g, '\\u003c');
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
