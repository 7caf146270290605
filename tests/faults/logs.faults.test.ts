// No user id in any log line: two real processes at debug level under the faults that make them
// log the most (Redis stopped and started again, the Bot API answering 500, then slower than the
// client waits), every line they wrote searched for the chats' ids, the users' names and what they typed.
import { describe, expect, it } from 'vitest';
import { runProcessLoad } from './process-load.ts';
import type { BotProcess } from './processes.ts';
import { SCRIPT } from './telegram-load.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('logs under faults', () => {
  it('carry no chat id, name or message text at debug level', async () => {
    let bots: BotProcess[] = [];
    let chats: number[] = [];
    const f = await runProcessLoad({
      users: 15,
      messages: 3,
      instances: 2,
      paceMs: 100,
      env: { LOG_LEVEL: 'debug', TELEGRAM_API_TIMEOUT_SECONDS: '1' },
      during: async ({ api, redis, bots: running }) => {
        bots = running;
        await sleep(800);
        await redis.stop();
        await sleep(1500);
        await redis.start();
        let mode: 'fail' | 'slow' | 'ok' = 'fail';
        api.behaviour.answer = (c) => (c.method === 'sendMessage' && mode === 'fail' ? { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } } : undefined);
        api.behaviour.delayMs = (m) => (m === 'sendMessage' && mode === 'slow' ? 1500 : 0);
        await sleep(1000);
        mode = 'slow';
        await sleep(1500);
        mode = 'ok';
      },
      onChats: (ids) => (chats = ids),
    });
    process.stdout.write(`logs: ${JSON.stringify(f)}\n`);
    const lines = bots.flatMap((b) => b.output.split('\n')).filter((l) => l.trim() !== '');
    // The faults must have been logged, or the search proves nothing.
    const warnings = lines.filter((l) => /"level":(40|50)/.test(l));
    expect(warnings.length, 'no warning was logged').toBeGreaterThan(5);
    expect(lines.filter((l) => /"level":20/.test(l)).length, 'nothing at debug level').toBeGreaterThan(0);
    const needles = [...chats.map(String), 'Nguyễn', ...SCRIPT.slice(1, 3)];
    const leaks = lines.filter((l) => needles.some((n) => l.includes(n)));
    expect(leaks.slice(0, 5)).toEqual([]);
  }, 300_000);
});
