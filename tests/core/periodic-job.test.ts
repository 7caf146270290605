import { describe, expect, it } from 'vitest';
import { PeriodicJob } from '../../src/core/periodic-job.ts';
import { silentLog } from '../../src/core/ports.ts';
import { MemoryStore } from '../../src/store/memory.ts';

describe('periodic job', () => {
  it('runs on one instance at a time: a second instance skips the round', async () => {
    const store = new MemoryStore();
    let runs = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const make = () =>
      new PeriodicJob({ name: 'purge', store, log: silentLog, intervalMs: 60_000, lockTtlMs: 5_000, run: async () => (runs++, await gate, runs) });
    const a = make();
    const b = make();
    const first = a.runOnce();
    await new Promise((r) => setImmediate(r));
    expect(await b.runOnce()).toBeUndefined();
    release();
    expect(await first).toBe(1);
    expect(await b.runOnce()).toBe(2);
  });

  it('logs a failed run and keeps going', async () => {
    const errors: unknown[] = [];
    const log = { ...silentLog, error: (o: object) => void errors.push(o) };
    let n = 0;
    const job = new PeriodicJob({ name: 'flaky', store: new MemoryStore(), log, intervalMs: 60_000, lockTtlMs: 5_000, run: async () => (++n === 1 ? Promise.reject(new Error('boom')) : n) });
    expect(await job.runOnce()).toBeUndefined();
    expect(errors).toHaveLength(1);
    expect(await job.runOnce()).toBe(2);
  });
});
