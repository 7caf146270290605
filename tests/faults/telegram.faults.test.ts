// The fault table as tests on the Telegram webhook: each row runs the load harness
// (telegram-load.ts) and expects every user's chat to match the control run — nothing lost,
// nothing doubled, nothing reordered — and no webhook answer but 200 or 503.
import { describe, expect, it } from 'vitest';
import { REDIS_URL } from '../helpers/redis.ts';
import { runLoad, type LoadFigures, type LoadOptions } from './telegram-load.ts';

const base: LoadOptions = { redisUrl: REDIS_URL, users: 30, messages: 5, instances: 2 };

function report(name: string, f: LoadFigures): void {
  process.stdout.write(`${name}: ${JSON.stringify(f)}\n`);
}

function expectClean(f: LoadFigures): void {
  expect({ lost: f.lost, doubled: f.doubled, reordered: f.reordered, errors: f.errors }).toEqual({ lost: 0, doubled: 0, reordered: 0, errors: 0 });
}

describe('Telegram under faults: every reply once, in order', () => {
  it('steady, no send limit', async () => {
    const f = await runLoad(base);
    report('steady', f);
    expectClean(f);
  });

  it('the default send limit (telegram 30/s) with drains outliving the lease many times', async () => {
    // A short lease makes every drain that waits on the shared send rate outlive it: before the
    // lease was renewed, another instance joined each such drain and sent its replies again.
    const f = await runLoad({ ...base, env: { SEND_RATE_LIMITS: 'telegram=30/1s' }, outbox: { lockTtlMs: 600 } });
    report('rate limit', f);
    expectClean(f);
  });
});
