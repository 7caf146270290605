// The allow-list that keeps the server from fetching any URL a webhook body names (SSRF): only the
// platform's hosts, over https, every redirect checked again; within the size bound.
import { afterEach, describe, expect, it } from 'vitest';
import { allowedUrl, allowListedDownload, parseHostList } from '../../src/core/media-hosts.ts';
import { startCdn, type Cdn } from '../helpers/cdn.ts';

let cdn: Cdn | undefined;
afterEach(async () => {
  await cdn?.close();
  cdn = undefined;
});

describe('media hosts', () => {
  const rules = parseHostList('fbcdn.net, fbsbx.com,http://127.0.0.1:4001');

  it('allows a host and its subdomains over https, upgrading http; an origin only exactly', () => {
    expect(allowedUrl('https://scontent.xx.fbcdn.net/v/a.jpg?oh=1', rules)).toBe('https://scontent.xx.fbcdn.net/v/a.jpg?oh=1');
    expect(allowedUrl('https://fbcdn.net/a', rules)).toBe('https://fbcdn.net/a');
    expect(allowedUrl('http://cdn.fbsbx.com/v/clip.mp4', rules)).toBe('https://cdn.fbsbx.com/v/clip.mp4');
    expect(allowedUrl('http://127.0.0.1:4001/x', rules)).toBe('http://127.0.0.1:4001/x');
  });

  it('refuses everything else: look-alike hosts, other ports, credentials, other schemes, internal addresses', () => {
    for (const url of [
      'https://fbcdn.net.evil.example/a',
      'https://evilfbcdn.net/a',
      'https://scontent.fbcdn.net:8443/a',
      'https://user:pw@scontent.fbcdn.net/a',
      'ftp://scontent.fbcdn.net/a',
      'file:///etc/passwd',
      'http://127.0.0.1:4002/x',
      'https://127.0.0.1:4001/x',
      'http://169.254.169.254/latest/meta-data/',
      'http://localhost:6379/',
      'not a url',
    ]) {
      expect(allowedUrl(url, rules), url).toBeUndefined();
    }
    expect(allowedUrl('https://scontent.fbcdn.net/a', [])).toBeUndefined();
  });

  it('refuses a list entry that is neither a host nor a bare origin', () => {
    expect(() => parseHostList('fbcdn.net,http://127.0.0.1:4001/path')).toThrow(/bare origin/);
    expect(() => parseHostList('*.fbcdn.net')).toThrow(/host name/);
    expect(parseHostList(' , ')).toEqual([]);
  });

  it('follows a redirect only to an allowed host, and reads no further than the limit', async () => {
    cdn = await startCdn();
    const other = await startCdn();
    try {
      const allowed = parseHostList(cdn.origin);
      const bytes = Buffer.from('JFIF photo bytes');
      cdn.put('/real.jpg', bytes, { mime: 'image/jpeg' });
      cdn.redirect('/hop', `${cdn.origin}/real.jpg`);
      expect(await allowListedDownload(`${cdn.origin}/hop`, allowed, 1024)).toEqual({ ok: true, bytes, mime: 'image/jpeg' });

      other.put('/secret', Buffer.from('internal'));
      cdn.redirect('/away', `${other.origin}/secret`);
      expect(await allowListedDownload(`${cdn.origin}/away`, allowed, 1024)).toEqual({ ok: false, reason: 'unavailable' });
      expect(other.requested).toEqual([]);
      expect(await allowListedDownload(`${other.origin}/secret`, allowed, 1024)).toEqual({ ok: false, reason: 'unavailable' });
      expect(other.requested).toEqual([]);

      // Declared too large: refused on the header. Undeclared: cut off once past the limit.
      cdn.put('/big', Buffer.alloc(2048));
      cdn.put('/big-undeclared', Buffer.alloc(512 * 1024), { declare: false });
      expect(await allowListedDownload(`${cdn.origin}/big`, allowed, 1024)).toEqual({ ok: false, reason: 'too_large' });
      expect(await allowListedDownload(`${cdn.origin}/big-undeclared`, allowed, 1024)).toEqual({ ok: false, reason: 'too_large' });
    } finally {
      await other.close();
    }
  });

  it('gives up on a redirect loop', async () => {
    cdn = await startCdn();
    cdn.redirect('/a', `${cdn.origin}/b`);
    cdn.redirect('/b', `${cdn.origin}/a`);
    expect(await allowListedDownload(`${cdn.origin}/a`, parseHostList(cdn.origin), 1024)).toEqual({ ok: false, reason: 'unavailable' });
    expect(cdn.requested.length).toBe(4);
  });
});
