// The OA's access token. It expires after about 25 hours (trust `expires_in`) and is renewed with
// the refresh token, which is single-use and rotates on every refresh [s]: two instances (or two
// sends in one) refreshing at once would burn it and lock the OA out until someone re-authorises.
// So a refresh happens under a store lock, re-reads the row first (someone may have refreshed
// already), and saves the new access and refresh token together in one table row.
//
// The environment's tokens are only the seed: once rotated, the store holds the live pair. When
// the operator puts a different pair in the environment (after re-authorising), it wins again.
import type { Clock, Log, Store } from '../../../core/ports.ts';
import { shortHash, trimSlash, ZaloNetworkError, isRetryableStatus, type ZaloHttp } from '../client.ts';
import { oaTokenResponseSchema } from '../schemas.ts';
import { ZALO_OA_CHANNEL } from './capabilities.ts';

export const TOKEN_TABLE = 'zalo-oa:tokens';

export interface TokenRow {
  accessToken: string;
  refreshToken: string;
  /** Unknown for the seed: the environment does not say when its token was issued. */
  expiresAt?: number;
  /** A digest of the environment's pair this row descends from. */
  seed: string;
  updatedAt: number;
}

export class OaTokenError extends Error {
  constructor(
    message: string,
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = 'OaTokenError';
  }
}

export interface OaTokenDeps {
  store: Store;
  http: ZaloHttp;
  clock: Clock;
  log: Log;
  appId: string;
  appSecret: string;
  oauthBase: string;
  seed: { accessToken: string; refreshToken: string };
  /** Refresh this long before the announced expiry. */
  refreshMarginMs: number;
  lock?: { ttlMs: number; waitMs: number };
}

export class OaTokens {
  /** How many refresh calls this instance made (statistics and tests). */
  refreshCalls = 0;
  private readonly seedId: string;
  private readonly lockKey;
  private readonly lock;

  constructor(private readonly deps: OaTokenDeps) {
    this.seedId = shortHash(`${deps.seed.accessToken}\n${deps.seed.refreshToken}`);
    // A key of its own under the OA's account; 'oauth' is never a Zalo user id (they are digits).
    this.lockKey = { channel: ZALO_OA_CHANNEL, account: deps.appId, user: 'oauth' };
    this.lock = { scope: 'zalo-oa-token', ttlMs: deps.lock?.ttlMs ?? 60_000, waitMs: deps.lock?.waitMs ?? 30_000 };
  }

  /** The access token to use now; renewed first when it is about to expire. */
  async current(): Promise<string> {
    const row = await this.load();
    if (row.expiresAt !== undefined && this.deps.clock.now() >= row.expiresAt - this.deps.refreshMarginMs) {
      try {
        return await this.refresh(row.accessToken);
      } catch (err) {
        // It may still work for a while; the send will tell.
        this.deps.log.warn({ err: err instanceof Error ? err.message : String(err) }, 'zalo-oa: early token refresh failed');
      }
    }
    return row.accessToken;
  }

  /**
   * Renews the token after `failed` was refused. Under the lock: when the stored token is no longer
   * `failed`, another send (or instance) has renewed it meanwhile and that one is returned.
   */
  async refresh(failed: string): Promise<string> {
    return this.deps.store.withLock(this.lockKey, this.lock, async () => {
      const row = await this.load();
      if (row.accessToken !== failed) return row.accessToken;
      const fresh = await this.callOauth(row.refreshToken);
      const next: TokenRow = {
        accessToken: fresh.accessToken,
        refreshToken: fresh.refreshToken ?? row.refreshToken,
        seed: row.seed,
        updatedAt: this.deps.clock.now(),
        ...(fresh.expiresInMs !== undefined ? { expiresAt: this.deps.clock.now() + fresh.expiresInMs } : {}),
      };
      await this.deps.store.tablePut<TokenRow>(TOKEN_TABLE, this.deps.appId, next);
      this.deps.log.info({ expiresAt: next.expiresAt }, 'zalo-oa: access token renewed');
      return next.accessToken;
    });
  }

  /** The stored row, written from the environment's pair when missing or when that pair changed. */
  private async load(): Promise<TokenRow> {
    const row = await this.deps.store.tableGet<TokenRow>(TOKEN_TABLE, this.deps.appId);
    if (row && row.seed === this.seedId) return row;
    const seeded: TokenRow = {
      accessToken: this.deps.seed.accessToken,
      refreshToken: this.deps.seed.refreshToken,
      seed: this.seedId,
      updatedAt: this.deps.clock.now(),
    };
    await this.deps.store.tablePut<TokenRow>(TOKEN_TABLE, this.deps.appId, seeded);
    if (row) this.deps.log.info({}, 'zalo-oa: tokens from the environment replace the stored ones');
    return seeded;
  }

  private async callOauth(refreshToken: string): Promise<{ accessToken: string; refreshToken?: string; expiresInMs?: number }> {
    this.refreshCalls++;
    let res;
    try {
      // Not retried here: the refresh token is single-use, so a call that timed out may have
      // consumed it; the next send tries again with whatever the store holds then.
      res = await this.deps.http.request(`${trimSlash(this.deps.oauthBase)}/v4/oa/access_token`, {
        method: 'POST',
        headers: { secret_key: this.deps.appSecret },
        form: { refresh_token: refreshToken, app_id: this.deps.appId, grant_type: 'refresh_token' },
        retry: false,
      });
    } catch (err) {
      if (err instanceof ZaloNetworkError) throw new OaTokenError(`zalo-oa token refresh got no answer: ${err.message}`, true);
      throw err;
    }
    const body = oaTokenResponseSchema.safeParse(res.body);
    if (res.status === 200 && body.success && body.data.access_token) {
      const out: { accessToken: string; refreshToken?: string; expiresInMs?: number } = { accessToken: body.data.access_token };
      if (body.data.refresh_token) out.refreshToken = body.data.refresh_token;
      if (body.data.expires_in !== undefined) out.expiresInMs = body.data.expires_in * 1000;
      return out;
    }
    const detail = body.success ? [body.data.error, body.data.error_name, body.data.error_description].filter((v) => v !== undefined).join(' ') : '';
    const retryable = isRetryableStatus(res.status);
    if (!retryable) {
      this.deps.log.error({ status: res.status, detail: detail.slice(0, 200) }, 'zalo-oa: the refresh token was refused; re-authorise the OA and set ZALO_OA_ACCESS_TOKEN and ZALO_OA_REFRESH_TOKEN');
    }
    return Promise.reject(new OaTokenError(`zalo-oa token refresh refused (HTTP ${res.status}${detail ? `: ${detail.slice(0, 200)}` : ''})`, retryable));
  }
}
