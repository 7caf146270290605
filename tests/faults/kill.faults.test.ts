// kill -9 of one of two real processes under Telegram load, then started again: the "platform"
// posts every update it got no 200 for again (to the other instance meanwhile), and each user's
// chat must read as the control run's — nothing lost, doubled or reordered.
import { describe, expect, it } from 'vitest';
import { runProcessLoad } from './process-load.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('Telegram when an instance is killed', () => {
  it('kill -9 of one of two instances mid-load, restarted: every reply once, in order', async () => {
    const f = await runProcessLoad({
      users: 40,
      messages: 5,
      instances: 2,
      paceMs: 50,
      retryMs: 200,
      during: async ({ bots }) => {
        await sleep(2500);
        await bots[0]!.kill('SIGKILL');
        await sleep(1000);
        await bots[0]!.start();
      },
    });
    process.stdout.write(`kill -9: ${JSON.stringify(f)}\n`);
    expect(f.crashed).toBe(0);
    expect({ lost: f.lost, doubled: f.doubled, reordered: f.reordered, errors: f.errors }).toEqual({ lost: 0, doubled: 0, reordered: 0, errors: 0 });
  }, 300_000);
});
