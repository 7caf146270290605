// The bytes of what a worker sent, kept with their conversation for the officer who holds it:
// fetched from the platform by the channel (which knows how), stored in the conversation's own
// keys — so the retention TTL and the erase that remove the transcript remove the media too —
// and never larger than the configured limit. An item is stored whole in one write or not at all.
import type { MediaItem, TranscriptMedia } from './media.ts';
import type { ConversationKey } from './messages.ts';
import type { Clock, Store } from './ports.ts';

export const DEFAULT_MEDIA_MAX_BYTES = 10 * 1024 * 1024;

export type Fetched =
  | { ok: true; bytes: Buffer; mime?: string }
  | { ok: false; reason: 'too_large' | 'unavailable' };

/** A channel's way to get an item's bytes; it stops reading past `maxBytes` and says so. */
export type MediaFetcher = (key: ConversationKey, item: MediaItem, maxBytes: number) => Promise<Fetched>;

export interface StoredMedia {
  id: string;
  kind: MediaItem['kind'];
  mime: string;
  name?: string;
  size: number;
  at: number;
  /** base64: the store holds JSON. */
  data: string;
}

export type Collected = 'stored' | 'too_large' | 'unavailable' | 'nothing_to_fetch';

export interface MediaVaultDeps {
  store: Store;
  clock: Clock;
  fetcherFor(channel: string): MediaFetcher | undefined;
  maxBytes: number;
  /** The conversation's retention: the media lives as long as the transcript that shows it. */
  ttlMs: number;
}

const mailboxOf = (id: string) => `media:${id}`;
/** One small line per kept item, so a transcript can say what is kept without reading the bytes. */
const INDEX = 'media-index';

export type StoredSummary = Omit<StoredMedia, 'data'>;
type IndexLine = StoredSummary | { id: string; removed: true };

export class MediaVault {
  constructor(private readonly deps: MediaVaultDeps) {}

  get maxBytes(): number {
    return this.deps.maxBytes;
  }

  /** What is kept for this conversation, by item id (no bytes read); a later removal line drops an item. */
  async kept(key: ConversationKey): Promise<Map<string, StoredSummary>> {
    const lines = await this.deps.store.mailboxRead<IndexLine>(INDEX, key, 0);
    const kept = new Map<string, StoredSummary>();
    for (const { item } of lines) {
      if ('removed' in item) kept.delete(item.id);
      else kept.set(item.id, item);
    }
    return kept;
  }

  /**
   * Drops one item's bytes at once (an officer's file the platform refused: nothing will send it,
   * so it is not kept until retention). Each item has a mailbox of its own, so only its bytes go;
   * the index notes the removal.
   */
  async remove(key: ConversationKey, id: string): Promise<void> {
    await this.deps.store.mailboxDelete(mailboxOf(id), key);
    await this.deps.store.mailboxPush<IndexLine>(INDEX, key, { id, removed: true }, this.deps.ttlMs);
  }

  private async keep(key: ConversationKey, stored: StoredMedia): Promise<void> {
    await this.deps.store.mailboxPush(mailboxOf(stored.id), key, stored, this.deps.ttlMs);
    const { data: _data, ...summary } = stored;
    await this.deps.store.mailboxPush<StoredSummary>(INDEX, key, summary, this.deps.ttlMs);
  }

  async get(key: ConversationKey, id: string): Promise<StoredMedia | undefined> {
    const [first] = await this.deps.store.mailboxRead<StoredMedia | { removed: true }>(mailboxOf(id), key, 0);
    return first && !('removed' in first.item) ? first.item : undefined;
  }

  /** Keeps what an officer attached (already checked for size and type by the console). */
  async put(key: ConversationKey, item: { id: string; kind: MediaItem['kind']; mime: string; name?: string; bytes: Buffer }): Promise<StoredMedia> {
    if (item.bytes.length > this.deps.maxBytes) throw new RangeError('attachment larger than the media limit');
    const stored: StoredMedia = {
      id: item.id,
      kind: item.kind,
      mime: item.mime,
      ...(item.name ? { name: item.name } : {}),
      size: item.bytes.length,
      at: this.deps.clock.now(),
      data: item.bytes.toString('base64'),
    };
    await this.keep(key, stored);
    return stored;
  }

  /** The bytes of a kept item. */
  async bytes(key: ConversationKey, id: string): Promise<Buffer | undefined> {
    const m = await this.get(key, id);
    return m ? Buffer.from(m.data, 'base64') : undefined;
  }

  /** Fetches and keeps one item unless it is already kept; says why when it could not. */
  async collect(key: ConversationKey, item: TranscriptMedia): Promise<Collected> {
    if (item.kind === 'location' || item.kind === 'contact' || item.ref === undefined) return 'nothing_to_fetch';
    if (await this.get(key, item.id)) return 'stored';
    if (item.size !== undefined && item.size > this.deps.maxBytes) return 'too_large';
    const fetcher = this.deps.fetcherFor(key.channel);
    if (!fetcher) return 'unavailable';
    let got: Fetched;
    try {
      got = await fetcher(key, item, this.deps.maxBytes);
    } catch {
      return 'unavailable';
    }
    if (!got.ok) return got.reason;
    if (got.bytes.length > this.deps.maxBytes) return 'too_large';
    const stored: StoredMedia = {
      id: item.id,
      kind: item.kind,
      mime: item.mime ?? got.mime ?? 'application/octet-stream',
      ...(item.name ? { name: item.name } : {}),
      size: got.bytes.length,
      at: this.deps.clock.now(),
      data: got.bytes.toString('base64'),
    };
    await this.keep(key, stored);
    return 'stored';
  }
}

/**
 * Reads a URL's body up to `maxBytes` and gives up beyond it, without keeping what was read: the
 * download for platforms that hand out plain URLs (Messenger, Zalo). A declared length over the
 * limit is refused before the body is read.
 */
export async function boundedDownload(url: string, maxBytes: number, opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): Promise<Fetched> {
  const doFetch = opts.fetch ?? fetch;
  let res: Response;
  try {
    res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000), redirect: 'follow' });
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  if (!res.ok || !res.body) {
    await res.body?.cancel().catch(() => {});
    return { ok: false, reason: 'unavailable' };
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body.cancel().catch(() => {});
    return { ok: false, reason: 'too_large' };
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        return { ok: false, reason: 'too_large' };
      }
      chunks.push(value);
    }
  } catch {
    return { ok: false, reason: 'unavailable' };
  }
  const mime = res.headers.get('content-type')?.split(';')[0]?.trim();
  return { ok: true, bytes: Buffer.concat(chunks), ...(mime ? { mime } : {}) };
}
