// What an OA event carries besides words, as the engine's media items. Zalo gives a URL to fetch
// (for a while, not forever) and, for a location, coordinates — as strings in the samples [s].
// Sizes and names come with files in some sources only [?]: read when present, never required.
import { z } from 'zod';
import { MAX_MEDIA_ITEMS, MEDIA_KINDS, type MediaItem, type MediaKind } from '../../../core/media.ts';
import type { UnsupportedKind } from '../../../core/messages.ts';
import type { OaEvent } from '../schemas.ts';

/** What each `user_send_<kind>` (and attachment type) is, for the polite reply and for media. */
export const OA_ATTACHMENT_KINDS: Record<string, UnsupportedKind> = {
  image: 'image',
  gif: 'image',
  sticker: 'sticker',
  audio: 'audio',
  voice: 'audio',
  video: 'video',
  file: 'file',
  location: 'location',
  business_card: 'contact',
  link: 'other',
};

const isMediaKind = (k: UnsupportedKind | undefined): k is MediaKind => (MEDIA_KINDS as readonly string[]).includes(k ?? '');

const coordinate = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);
const payloadSchema = z.looseObject({
  // Samples show http:// as well; only the platform's own hosts are ever fetched, over https (media-hosts).
  url: z.string().regex(/^https?:\/\//).max(2048).optional(),
  size: z.union([z.number().int().nonnegative(), z.string().regex(/^\d+$/).transform(Number)]).optional(),
  name: z.string().min(1).max(255).optional(),
  coordinates: z.looseObject({ latitude: coordinate, longitude: coordinate }).optional(),
});

export function oaMediaOf(event: OaEvent): MediaItem[] {
  const out: MediaItem[] = [];
  for (const a of event.message?.attachments ?? []) {
    const kind = OA_ATTACHMENT_KINDS[a.type ?? ''];
    if (!isMediaKind(kind)) continue;
    const p = payloadSchema.safeParse(a.payload ?? {});
    const payload = p.success ? p.data : {};
    if (kind === 'location') {
      const c = payload.coordinates;
      if (c && Math.abs(c.latitude) <= 90 && Math.abs(c.longitude) <= 180) out.push({ kind, location: { lat: c.latitude, lon: c.longitude } });
      continue;
    }
    out.push({
      kind,
      ...(a.type === 'voice' || (kind === 'audio' && event.event_name.endsWith('_audio')) ? { voice: true } : {}),
      ...(payload.url ? { ref: payload.url } : {}),
      ...(payload.size !== undefined ? { size: payload.size } : {}),
      ...(payload.name ? { name: payload.name } : {}),
    });
  }
  return out.slice(0, MAX_MEDIA_ITEMS);
}
