import { afterEach, describe, expect, it } from 'vitest';
import { buildServer, type Server } from '../../src/server.ts';

let server: Server | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const build = async (env: Record<string, string> = {}) => (server = await buildServer({ env: { LOG_LEVEL: 'silent', ...env } }));

describe('security headers', () => {
  it('on plain HTTP: a CSP without upgrade-insecure-requests and no HSTS, so a LAN address works', async () => {
    const s = await build();
    for (const url of ['/chat', '/console/sign-in', '/healthz']) {
      const res = await s.app.inject({ url });
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['content-security-policy'], url).not.toContain('upgrade-insecure-requests');
      expect(res.headers['strict-transport-security'], url).toBeUndefined();
    }
  });

  it('a forged X-Forwarded-Proto is ignored without TRUST_PROXY', async () => {
    const s = await build();
    const res = await s.app.inject({ url: '/chat', headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('behind a trusted TLS proxy: upgrade-insecure-requests and HSTS on every response', async () => {
    const s = await build({ TRUST_PROXY: 'true' });
    for (const url of ['/chat', '/console/sign-in', '/api/chat/messages?user=nobody-here']) {
      const res = await s.app.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['content-security-policy'], url).toMatch(/;\s*upgrade-insecure-requests/);
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
    }
    const plain = await s.app.inject({ url: '/chat', headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
  });

  it('none on the platforms\' webhooks (servers calling servers), still on pages, console and chat', async () => {
    // Nothing listens at the APIs' address: a refused request never needs them.
    const s = await build({
      TRUST_PROXY: 'true',
      TELEGRAM_BOT_TOKEN: '123456789:AAheadersheadersheadersheaders',
      TELEGRAM_WEBHOOK_SECRET: 'headers-telegram-secret-01',
      TELEGRAM_API_ROOT: 'http://127.0.0.1:9',
      MESSENGER_APP_SECRET: 'headers-messenger-app-secret',
      MESSENGER_VERIFY_TOKEN: 'headers-verify',
      MESSENGER_PAGE_TOKEN: 'headers-page-token',
      MESSENGER_API_BASE: 'http://127.0.0.1:9',
    });
    for (const url of ['/webhooks/telegram', '/webhooks/messenger']) {
      const res = await s.app.inject({ method: 'POST', url, headers: { 'x-forwarded-proto': 'https', 'content-type': 'application/json' }, payload: '{"update_id":1}' });
      expect(res.statusCode, url).toBe(401);
      for (const h of ['content-security-policy', 'strict-transport-security', 'x-frame-options', 'x-content-type-options', 'cross-origin-opener-policy']) {
        expect(res.headers[h], `${url} ${h}`).toBeUndefined();
      }
    }
    const handshake = await s.app.inject({ url: '/webhooks/messenger?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1' });
    expect(handshake.headers['content-security-policy']).toBeUndefined();
    for (const url of ['/chat', '/console/sign-in', '/api/chat/messages?user=nobody-here', '/healthz']) {
      const res = await s.app.inject({ url, headers: { 'x-forwarded-proto': 'https' } });
      expect(res.headers['content-security-policy'], url).toContain("frame-ancestors 'none'");
      expect(res.headers['x-content-type-options'], url).toBe('nosniff');
      expect(res.headers['strict-transport-security'], url).toMatch(/max-age=\d+/);
    }
  });
});
