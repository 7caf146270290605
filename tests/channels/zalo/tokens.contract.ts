// The OA token rules on any store: renew once when refused, one refresh for concurrent callers
// (in one process and across instances sharing the store), both tokens saved in one row, and the
// environment's pair only as the seed. Run with the memory store and with real Redis.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { createZaloHttp } from '../../../src/channels/zalo/client.ts';
import { TOKEN_TABLE, OaTokens, type TokenRow } from '../../../src/channels/zalo/oa/tokens.ts';
import { silentLog, type Clock, type Store } from '../../../src/core/ports.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';

/** `peer` is the same data seen by another instance: the same memory store, or a second Redis connection. */
export function tokenContract(makeStore: () => Promise<{ store: Store; peer: Store; dispose(): Promise<void> }>): void {
  let fake: FakeZalo;
  let store: Store;
  let peer: Store;
  let dispose: () => Promise<void>;
  const clock: Clock & { t: number } = { t: Date.UTC(2026, 0, 5), now() { return this.t; } };

  beforeEach(async () => {
    fake = await startFakeZalo();
    ({ store, peer, dispose } = await makeStore());
  });
  afterEach(async () => {
    await fake.close();
    await dispose();
  });

  const tokens = (seed = { accessToken: 'access-1', refreshToken: 'refresh-1' }, on: Store = store) =>
    new OaTokens({
      store: on,
      http: createZaloHttp({ minIntervalMs: 0 }),
      clock,
      log: silentLog,
      appId: 'app1',
      appSecret: 'app-secret',
      oauthBase: fake.base,
      seed,
      refreshMarginMs: 600_000,
    });

  it('starts from the environment pair and renews a refused token once, saving both new tokens in one row', async () => {
    const t = tokens();
    expect(await t.current()).toBe('access-1');
    const fresh = await t.refresh('access-1');
    expect(fresh).toBe(fake.validAccess);
    expect(fake.refreshCalls).toBe(1);
    const oauth = fake.requests.find((r) => r.path === '/v4/oa/access_token')!;
    expect(oauth.body).toEqual({ refresh_token: 'refresh-1', app_id: 'app1', grant_type: 'refresh_token' });
    expect(oauth.headers['secret_key']).toBe('app-secret');
    const row = await store.tableGet<TokenRow>(TOKEN_TABLE, 'app1');
    expect(row).toMatchObject({ accessToken: fake.validAccess, refreshToken: fake.validRefresh, expiresAt: clock.t + 90_000_000 });
    // A second refusal of the old token does not spend the new refresh token.
    expect(await t.refresh('access-1')).toBe(fresh);
    expect(fake.refreshCalls).toBe(1);
  });

  it('two concurrent refreshes make one refresh call, in one instance and across two', async () => {
    fake.oauthDelayMs = 100;
    const a = tokens();
    const b = tokens(undefined, peer);
    await a.current();
    const results = await Promise.all([a.refresh('access-1'), a.refresh('access-1'), b.refresh('access-1'), b.refresh('access-1')]);
    expect(fake.refreshCalls).toBe(1);
    expect(new Set(results)).toEqual(new Set([fake.validAccess]));
  });

  it('renews ahead of the announced expiry, and the rotated pair survives a restart', async () => {
    const first = tokens();
    await first.refresh('access-1');
    const rotated = fake.validAccess;
    // A new process with the same environment uses the stored pair, not the spent seed.
    const restarted = tokens();
    expect(await restarted.current()).toBe(rotated);
    clock.t += 90_000_000 - 300_000;
    const renewed = await restarted.current();
    expect(renewed).not.toBe(rotated);
    expect(renewed).toBe(fake.validAccess);
    expect(fake.refreshCalls).toBe(2);
  });

  it('a new pair in the environment (after re-authorising) replaces the stored one', async () => {
    await tokens().refresh('access-1');
    fake.validAccess = 'access-reauth';
    fake.validRefresh = 'refresh-reauth';
    expect(await tokens({ accessToken: 'access-reauth', refreshToken: 'refresh-reauth' }).current()).toBe('access-reauth');
  });

  it('a refused refresh token is an error that is not retried, and nothing is overwritten', async () => {
    const t = tokens({ accessToken: 'access-1', refreshToken: 'spent' });
    await expect(t.refresh('access-1')).rejects.toMatchObject({ name: 'OaTokenError', retryable: false });
    expect(await store.tableGet<TokenRow>(TOKEN_TABLE, 'app1')).toMatchObject({ accessToken: 'access-1', refreshToken: 'spent' });
  });
}
