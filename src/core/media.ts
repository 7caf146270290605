// What a worker sends that is not text — a photo of the contract, a voice note, a pay slip, a shared
// location — as the engine sees it, whatever the platform. The platform's reference (a Telegram
// file_id, a Messenger or Zalo URL) is what the media store later fetches the bytes with; it is
// personal data like the text and never goes to a log.
import { createHash } from 'node:crypto';
import { z } from 'zod';

export const MEDIA_KINDS = ['image', 'audio', 'video', 'file', 'location', 'contact'] as const;
export type MediaKind = (typeof MEDIA_KINDS)[number];

/** One album or one message never carries more than this many items (Telegram albums hold ≤ 10). */
export const MAX_MEDIA_ITEMS = 10;

export const mediaItemSchema = z.object({
  kind: z.enum(MEDIA_KINDS),
  /** An audio recorded in the chat app (a voice note), not a music file. */
  voice: z.boolean().optional(),
  /** How the platform lets us fetch it: Telegram's file_id, the URL Messenger or Zalo gave. */
  ref: z.string().min(1).max(2048).optional(),
  /** Bytes, when the platform says so before we fetch. */
  size: z.number().int().nonnegative().optional(),
  mime: z.string().min(1).max(255).optional(),
  /** The file name the sender's app gave a document. */
  name: z.string().min(1).max(255).optional(),
  /** The caption under this item (an album has one per item); the message's text carries them all. */
  caption: z.string().max(4000).optional(),
  location: z.object({ lat: z.number().min(-90).max(90), lon: z.number().min(-180).max(180) }).optional(),
});
export type MediaItem = z.infer<typeof mediaItemSchema>;

export const mediaListSchema = z.array(mediaItemSchema).min(1).max(MAX_MEDIA_ITEMS);

/** The words staff read in place of an item the transcript cannot show ("[image]", "[audio]"). */
export function mediaLabel(items: readonly MediaItem[] | undefined): string {
  return (items ?? []).map((m) => `[${m.kind}]`).join(' ');
}

/** A media item as kept in the transcript: with an id that is the same however often the turn is retried. */
export type TranscriptMedia = MediaItem & { id: string };

export function mediaWithIds(messageId: string, items: readonly MediaItem[]): TranscriptMedia[] {
  return items.map((m, i) => ({ ...m, id: createHash('sha256').update(`${messageId}\n${i}`).digest('hex').slice(0, 24) }));
}
