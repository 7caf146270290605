// One item of what a worker sent (or an officer attached), opened from the transcript: scoped like
// the chat itself — but someone outside the chat's missions gets a 404, so an item's address tells
// nothing about whether it exists — and audited like opening the chat. The bytes are personal
// data: never cached, never sniffed into something the browser would run.
import { parseByteRange } from '../byte-range.ts';
import type { ChatCtx, ConsolePage } from '../router.ts';

/** Types a browser shows inline without running anything; anything else is only ever downloaded. */
const INLINE = /^(image\/(jpeg|png|gif|webp)|audio\/(ogg|mpeg|mp4|aac|wav|x-wav|webm|opus)|video\/(mp4|webm|quicktime))$/;
const MEDIA_ID = /^[a-f0-9]{24}$/;

/** Downloading one item is audited once per session and item in a while: a player asks again as it seeks. */
const AUDIT_EVERY_MS = 10 * 60_000;
const lastAudited = new Map<string, number>();

/** `attachment; filename="…"` with an ASCII fallback and the real name for browsers that read it (RFC 6266). */
export function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

async function serve(c: ChatCtx) {
  const media = c.deps.media;
  const id = (c.req.params as { media?: string }).media ?? '';
  if (!media || !MEDIA_ID.test(id)) return c.fail(404, 'errors.mediaNotFound');
  const item = await media.vault.get(c.handoff.key, id);
  if (!item) return c.fail(404, 'errors.mediaNotFound');
  const key = `${c.session.id}:${id}`;
  const now = c.deps.clock.now();
  if ((lastAudited.get(key) ?? -Infinity) < now - AUDIT_EVERY_MS) {
    lastAudited.set(key, now);
    if (lastAudited.size > 10_000) lastAudited.clear();
    await c.audit('media', c.handoff.id, { media: id, kind: item.kind });
  }
  const mime = item.mime.toLowerCase();
  const wantsFile = (c.req.query as Record<string, unknown> | undefined)?.download === '1';
  const inline = !wantsFile && item.kind !== 'file' && INLINE.test(mime);
  const name = item.name ?? `${item.kind}-${id.slice(0, 8)}${extension(mime)}`;
  const bytes = Buffer.from(item.data, 'base64');
  c.reply
    .type(inline || INLINE.test(mime) || mime === 'application/pdf' ? mime : 'application/octet-stream')
    .header('content-disposition', disposition(inline ? 'inline' : 'attachment', name))
    .header('x-content-type-options', 'nosniff')
    .header('cache-control', 'private, no-store')
    // Players seek by asking for a part (Safari plays nothing it cannot ask parts of).
    .header('accept-ranges', 'bytes')
    // Opened on its own, the item is a document of this origin: it may show itself and run nothing.
    .header('content-security-policy', "default-src 'none'; img-src 'self'; media-src 'self'; style-src 'unsafe-inline'; sandbox");
  const range = parseByteRange(c.req.headers.range, bytes.length);
  if (range === 'unsatisfiable') return c.reply.code(416).header('content-range', `bytes */${bytes.length}`).send('');
  if (range) return c.reply.code(206).header('content-range', `bytes ${range.start}-${range.end}/${bytes.length}`).send(bytes.subarray(range.start, range.end + 1));
  return c.reply.code(200).send(bytes);
}

function extension(mime: string): string {
  const known: Record<string, string> = {
    'image/jpeg': '.jpg',
    'image/png': '.png',
    'audio/ogg': '.ogg',
    'audio/mpeg': '.mp3',
    'audio/wav': '.wav',
    'video/mp4': '.mp4',
    'application/pdf': '.pdf',
  };
  return known[mime] ?? '';
}

export const mediaPage: ConsolePage = {
  routes(r) {
    r.chat('GET', '/chats/:id/media/:media', serve, { outOfScope: 404 });
  },
};
