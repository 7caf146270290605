// The surge row: senders that wait only for each 200, against real processes with a heap limit
// well below what an unbounded instance grew to. Expected: the processes stay up, some updates are
// refused with 503 (and posted again by the "platform"), and every update ends up answered once.
import { describe, expect, it } from 'vitest';
import { runProcessLoad } from './process-load.ts';

describe('Telegram under an unpaced surge', () => {
  it('bounded heap: 503s instead of growth, and every reply once, in order', async () => {
    const f = await runProcessLoad({
      users: Number(process.env.SURGE_USERS ?? 100),
      messages: 3,
      instances: 2,
      nodeArgs: ['--max-old-space-size=160'],
      // A send rate lower than the turns arriving: the outbox backlog is what fills up.
      env: { SEND_RATE_LIMITS: 'telegram=60/1s', ADMISSION_MAX_TURNS: '16', ADMISSION_MAX_BACKLOG: '40' },
      retryMs: 300,
    });
    process.stdout.write(`surge: ${JSON.stringify(f)}\n`);
    expect(f.crashed).toBe(0);
    expect(f.unavailable).toBeGreaterThan(0);
    // Nothing given up either: the "maybe sent" give-ups of earlier runs were sends written on a
    // kept-alive connection the stand-in was closing (see IDLE_SOCKET_MS in the Telegram channel).
    expect({ lost: f.lost, doubled: f.doubled, reordered: f.reordered, errors: f.errors, deadLetters: f.deadLetters }).toEqual({ lost: 0, doubled: 0, reordered: 0, errors: 0, deadLetters: 0 });
  }, 400_000);
});
