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
});
