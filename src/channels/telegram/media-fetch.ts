// A Telegram file's bytes: getFile turns the file_id into a path (and says the size first, so a
// file over the limit is refused without downloading a byte), then the file is read from
// <api root>/file/bot<token>/<path>. Bots can download files up to 20 MB; our limit is lower.
import type { Api } from 'grammy';
import { boundedDownload, type MediaFetcher } from '../../core/media-vault.ts';

export function telegramMediaFetcher(api: Api, config: { token: string; apiRoot: string }): MediaFetcher {
  return async (_key, item, maxBytes) => {
    if (item.ref === undefined) return { ok: false, reason: 'unavailable' };
    let file: Awaited<ReturnType<Api['getFile']>>;
    try {
      file = await api.getFile(item.ref);
    } catch {
      return { ok: false, reason: 'unavailable' };
    }
    if (file.file_size !== undefined && file.file_size > maxBytes) return { ok: false, reason: 'too_large' };
    if (!file.file_path) return { ok: false, reason: 'unavailable' };
    const path = file.file_path.split('/').map(encodeURIComponent).join('/');
    return boundedDownload(`${config.apiRoot}/file/bot${config.token}/${path}`, maxBytes);
  };
}
