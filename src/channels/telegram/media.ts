// What a Telegram message carries besides words, as the engine's media items. Photos come in
// several sizes: the largest is the one a person would look at. The file_id is how getFile finds
// the bytes later; sizes and types are what Telegram says before anything is downloaded.
import { z } from 'zod';
import type { MediaItem, MediaKind } from '../../core/media.ts';

const fileSchema = z.looseObject({
  file_id: z.string().min(1).max(2048),
  file_size: z.number().int().nonnegative().optional(),
  mime_type: z.string().min(1).max(255).optional(),
  file_name: z.string().min(1).max(255).optional(),
});
const photoSchema = z.array(fileSchema).min(1);
const locationSchema = z.looseObject({ latitude: z.number().min(-90).max(90), longitude: z.number().min(-180).max(180) });
const venueSchema = z.looseObject({ location: locationSchema });

/** The message fields that hold a file, and what kind each is (first match wins, as in decode). */
const FILE_FIELDS: [string, MediaKind, { voice?: true; mime?: string }][] = [
  ['animation', 'video', {}],
  ['video', 'video', {}],
  ['video_note', 'video', { mime: 'video/mp4' }],
  ['voice', 'audio', { voice: true, mime: 'audio/ogg' }],
  ['audio', 'audio', {}],
  ['document', 'file', {}],
];

export function mediaOf(m: Record<string, unknown>): MediaItem[] {
  const caption = typeof m.caption === 'string' && m.caption.trim() !== '' ? { caption: m.caption.slice(0, 4000) } : {};
  const photo = photoSchema.safeParse(m.photo);
  if (photo.success) {
    const largest = photo.data.reduce((a, b) => ((b.file_size ?? 0) >= (a.file_size ?? 0) ? b : a));
    return [{ kind: 'image', ref: largest.file_id, ...sizeOf(largest), mime: 'image/jpeg', ...caption }];
  }
  for (const [field, kind, extra] of FILE_FIELDS) {
    const file = fileSchema.safeParse(m[field]);
    if (!file.success) continue;
    const f = file.data;
    const mime = f.mime_type ?? extra.mime;
    return [{
      kind,
      ...(extra.voice ? { voice: true } : {}),
      ref: f.file_id,
      ...sizeOf(f),
      ...(mime ? { mime } : {}),
      ...(f.file_name ? { name: f.file_name } : {}),
      ...caption,
    }];
  }
  const at = locationSchema.safeParse(m.location).data ?? venueSchema.safeParse(m.venue).data?.location;
  if (at) return [{ kind: 'location', location: { lat: at.latitude, lon: at.longitude } }];
  if (m.contact !== undefined) return [{ kind: 'contact' }];
  return [];
}

function sizeOf(f: { file_size?: number | undefined }): { size?: number } {
  return f.file_size !== undefined ? { size: f.file_size } : {};
}
