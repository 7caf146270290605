// The raw client both Zalo APIs share: what it retries, how long it waits, and how it paces calls.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createZaloHttp, ZaloNetworkError } from '../../../src/channels/zalo/client.ts';
import { startFakeZalo, type FakeZalo } from './fake-zalo.ts';

let fake: FakeZalo;
beforeEach(async () => {
  fake = await startFakeZalo();
});
afterEach(async () => {
  await fake.close();
});

describe('zalo http client', () => {
  it('retries 429 and 5xx with back-off, honouring Retry-After up to the cap', async () => {
    const waits: number[] = [];
    let n = 0;
    fake.override = () => (++n === 1 ? { status: 429, body: {}, headers: { 'retry-after': '2' } } : n === 2 ? { status: 502, body: {} } : undefined);
    const http = createZaloHttp({ sleep: async (ms) => void waits.push(ms), minIntervalMs: 0, maxDelayMs: 1_500 });
    const res = await http.request(`${fake.base}/bot1:t/getMe`, { json: {} });
    expect(res.status).toBe(200);
    expect(fake.requests).toHaveLength(3);
    expect(waits).toEqual([1_500, 600]);
  });

  it('returns a 4xx at once, and the last 5xx when retries run out', async () => {
    const http = createZaloHttp({ sleep: async () => {}, minIntervalMs: 0, retries: 2 });
    fake.override = () => ({ status: 400, body: { ok: false, error_code: 400 } });
    expect((await http.request(`${fake.base}/x`, { json: {} })).status).toBe(400);
    expect(fake.requests).toHaveLength(1);
    fake.override = () => ({ status: 503, body: 'unavailable' });
    const res = await http.request(`${fake.base}/x`, { json: {} });
    expect(res).toMatchObject({ status: 503, body: undefined });
    expect(fake.requests).toHaveLength(4);
  });

  it('sends forms and headers, and reports a network failure as ZaloNetworkError', async () => {
    const http = createZaloHttp({ sleep: async () => {}, minIntervalMs: 0, retries: 1 });
    await http.request(`${fake.base}/v4/oa/access_token`, { form: { a: '1' }, headers: { secret_key: 's' }, retry: false });
    expect(fake.requests[0]).toMatchObject({ body: { a: '1' }, headers: { secret_key: 's', 'content-type': 'application/x-www-form-urlencoded' } });
    await fake.close();
    await expect(http.request(`${fake.base}/x`, { json: {} })).rejects.toBeInstanceOf(ZaloNetworkError);
  });

  it('spaces call starts by the minimum interval', async () => {
    // The waits it asks for are what is checked, not the clock: the second call waits about one
    // interval, the third about two (an interval long enough that a busy machine cannot eat it).
    const waits: number[] = [];
    const http = createZaloHttp({ minIntervalMs: 40_000, sleep: async (ms) => void waits.push(ms) });
    await Promise.all([1, 2, 3].map(() => http.request(`${fake.base}/bot1:t/getMe`, { json: {} })));
    expect(waits).toHaveLength(2);
    expect(waits[0]!).toBeGreaterThan(20_000);
    expect(waits[0]!).toBeLessThanOrEqual(40_000);
    expect(waits[1]!).toBeGreaterThan(60_000);
    expect(waits[1]!).toBeLessThanOrEqual(80_000);
  });
});
