// Where a worker's media may be fetched from. Messenger and Zalo hand out plain URLs inside the
// webhook body; the server must fetch them, so a forged or mistaken URL would otherwise make it
// read any address it can reach (its own metadata service, the store, an internal page). So each
// channel names the platform's own hosts, and nothing else is ever asked for — the first URL and
// every redirect it leads to.
//
// An entry is either a host name, matched with its subdomains ("fbcdn.net" allows
// "scontent.xx.fbcdn.net"), fetched only over https (an http URL of such a host is upgraded, never
// read in clear), or a full origin ("http://127.0.0.1:4001"), matched exactly: the local stand-ins
// of tests and development.
import { boundedDownload, type Fetched, type MediaFetcher } from './media-vault.ts';

export interface HostRule {
  /** Set for an origin entry: only this scheme, host and port. */
  origin?: string;
  /** Set for a host entry: this host and its subdomains, over https. */
  host?: string;
}

export type HostList = readonly HostRule[];

const HOST = /^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

/** "a.com, b.net,http://127.0.0.1:4001" → rules; throws on an entry that is neither a host nor an origin. */
export function parseHostList(list: string): HostRule[] {
  return list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean)
    .map((entry) => {
      if (entry.includes('://')) {
        const u = new URL(entry);
        if ((u.protocol !== 'https:' && u.protocol !== 'http:') || u.pathname !== '/' || u.search || u.username) {
          throw new Error(`media host "${entry}" must be a bare origin such as https://cdn.example.org`);
        }
        return { origin: u.origin };
      }
      if (!HOST.test(entry)) throw new Error(`media host "${entry}" is not a host name`);
      return { host: entry };
    });
}

/**
 * The URL to fetch for `raw` under the rules, or undefined when it is not allowed. Credentials in
 * the URL are refused (they would be sent to the host), as are ports other than the default on a
 * host entry.
 */
export function allowedUrl(raw: string, rules: HostList): string | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.username || u.password) return undefined;
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
  for (const r of rules) {
    if (r.origin !== undefined && u.origin === r.origin) return u.href;
  }
  const host = u.hostname.toLowerCase();
  // A host entry is https on its default port; an explicit port would be a different service.
  if (u.port !== '' && !(u.protocol === 'https:' && u.port === '443')) return undefined;
  for (const r of rules) {
    if (r.host !== undefined && (host === r.host || host.endsWith(`.${r.host}`))) {
      u.protocol = 'https:';
      return u.href;
    }
  }
  return undefined;
}

/** CDNs redirect once or twice (a lookaside host to the file's host); more is not a download. */
const MAX_REDIRECTS = 3;

/**
 * boundedDownload of a platform URL, only from the allowed hosts: redirects are followed by hand,
 * each target checked like the first URL. Not allowed → 'unavailable' without a request.
 */
export async function allowListedDownload(
  raw: string,
  rules: HostList,
  maxBytes: number,
  opts: { timeoutMs?: number; fetch?: typeof fetch } = {},
): Promise<Fetched> {
  const doFetch = opts.fetch ?? fetch;
  let url = allowedUrl(raw, rules);
  for (let hop = 0; url !== undefined && hop <= MAX_REDIRECTS; hop++) {
    let redirect: string | undefined;
    const target: string = url;
    const manual: typeof fetch = async (input, init) => {
      const res = await doFetch(input, { ...init, redirect: 'manual' });
      const location = res.headers.get('location');
      if (res.status >= 300 && res.status < 400 && location) {
        redirect = new URL(location, target).href;
        await res.body?.cancel().catch(() => {});
      }
      return res;
    };
    const got = await boundedDownload(target, maxBytes, { ...opts, fetch: manual });
    if (redirect === undefined) return got;
    url = allowedUrl(redirect, rules);
  }
  return { ok: false, reason: 'unavailable' };
}

/** The fetcher of a channel whose media references are URLs (Messenger, Zalo): only from `rules`. */
export function urlMediaFetcher(rules: HostList, opts: { timeoutMs?: number; fetch?: typeof fetch } = {}): MediaFetcher {
  return async (_key, item, maxBytes) => {
    if (item.ref === undefined) return { ok: false, reason: 'unavailable' };
    return allowListedDownload(item.ref, rules, maxBytes, opts);
  };
}
