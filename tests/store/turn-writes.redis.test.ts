// No turn writes a key shared by all conversations. Every command Redis executes (scripts'
// commands included) is recorded with MONITOR while workers talk through the Telegram webhook —
// questions, a return registration, a hand-off, an emergency, an erase — and every key each turn
// changes must carry that worker's hash tag, or be one bucket of a shared index, table, statistics
// period or send-rate budget. Runs on the single Redis and, in the redis-cluster project, on every
// master of the cluster.
import { afterEach, describe, expect, it } from 'vitest';
import { TOKEN } from '../channels/telegram/fixtures.ts';
import { REGISTRATION_SCRIPT } from '../registration/script.ts';
import { startTelegram, type Harness, type TelegramUser } from '../channels/telegram/harness.ts';
import { CommandRecorder } from '../helpers/monitor.ts';
import { ON_CLUSTER, connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';

/** Keys shared by many conversations, each one of a few buckets (keys.ts, send-limiter.ts). */
const BUCKETED = [
  /^outbox:index:\{ob:\d+\}$/,
  /^outbox:dead-index:\{dl:\d+\}$/,
  /^table:\{t:[^{}]+:\d+\}$/,
  /^ctr:\{c:[^{}]+:\d+\}$/,
  /^(count:send|own):\{system:send-rate:[a-z]+#\d+\}$/,
  // Not shared: the lock on one candidate reference while a registration takes it.
  /^lock:reference:\{system:registration-ref:[2-9A-Z]+\}$/,
];

const open: Harness[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const h of open.splice(0)) await h.close();
  for (const c of closers.splice(0)) await c();
});

describe(`the keys a turn writes (${ON_CLUSTER ? 'Redis Cluster' : 'single Redis'})`, () => {
  it('are its own conversation’s or buckets of shared ones, never one key every turn writes', async () => {
    const prefix = testPrefix();
    closers.push(() => dropPrefix(prefix));
    // The send-rate budget is on by default, as in production: its counters are sharded too.
    const h = await startTelegram({ store: await connectTestStore(prefix) });
    open.push(h);
    const rec = await CommandRecorder.start(prefix);
    closers.push(() => rec.close());
    await rec.take();

    const turns: { user: string; step: string; written: string[] }[] = [];
    const perMaster = new Map<string, number>();
    const tagOf = (u: TelegramUser) => `{telegram:${TOKEN.split(':')[0]}:${u.chatId}}`;
    const step = async (u: TelegramUser, label: string, act: () => Promise<unknown>) => {
      await act();
      const commands = await rec.take();
      for (const c of commands) perMaster.set(c.node, (perMaster.get(c.node) ?? 0) + rec.written([c]).length);
      turns.push({ user: tagOf(u), step: label, written: rec.written(commands) });
    };

    const workers = Array.from({ length: 6 }, () => h.user());
    for (const [i, u] of workers.entries()) {
      await step(u, 'start', () => u.start());
      await step(u, 'country', () => u.press(i % 2 ? 'country_JP' : 'country_TW'));
      await step(u, 'question', () => u.text(i % 2 ? 'thanh lý hợp đồng' : 'quỹ hỗ trợ việc làm ngoài nước'));
    }
    // A return registration from start to reference, checked and erased.
    const reg = workers[0]!;
    for (const turn of REGISTRATION_SCRIPT) await step(reg, `registration ${turn.text ?? turn.choice}`, () => (turn.text !== undefined ? reg.text(turn.text) : reg.press(turn.choice!)));
    await step(reg, 'registration confirmed', () => reg.press('reg_confirm'));
    await step(reg, 'registration checked', () => reg.text('kiem tra dang ky'));
    await step(reg, 'registration erase', () => reg.press('reg_erase'));
    await step(reg, 'registration erased', () => reg.press('reg_erase_yes'));
    // A hand-off asked for, and an emergency (a hand-off of its own, at the top of the queue).
    await step(workers[1]!, 'hand-off', () => workers[1]!.text('gặp cán bộ'));
    await step(workers[2]!, 'emergency', () => workers[2]!.text('cứu em, em bị chủ đánh, khóa cửa không cho ra ngoài'));
    await step(workers[2]!, 'relayed while waiting', () => workers[2]!.text('em ở tầng 3'));
    // Statistics are written by a flush, not by a turn: bucketed too.
    await h.server.stats.flush();
    const flushed = rec.written(await rec.take());

    expect(await h.server.handoff.list()).toHaveLength(2);
    const strays: string[] = [];
    const buckets = new Set<string>();
    let own = 0;
    // A text shared by conversations (content alone, by its hash): a slot of its own, written once
    // by a process, then only referred to.
    const shared = new Map<string, number>();
    for (const t of turns) {
      // The recorder saw the turn: its own record and handled mark at least.
      expect(t.written, t.step).toContain(`conv:${t.user}`);
      for (const k of t.written) {
        if (k.includes(t.user)) own++;
        else if (BUCKETED.some((b) => b.test(k))) buckets.add(k);
        else if (/^text:\{tx:[\w-]{16}\}$/.test(k)) shared.set(k, (shared.get(k) ?? 0) + 1);
        else strays.push(`${t.step}: ${k}`);
      }
    }
    for (const k of flushed) expect(k).toMatch(/^ctr:\{c:[^{}]+:\d+\}$/);
    process.stdout.write(
      `${turns.length} turns on ${ON_CLUSTER ? 'a Redis Cluster' : 'a single Redis'}: ${own} writes to the turn's own conversation, ` +
        `${turns.reduce((n, t) => n + t.written.length, 0) - own} to ${buckets.size} distinct buckets ` +
        `(${[...new Set([...buckets].map((b) => b.replace(/registration-ref:[2-9A-Z]+\}$/, 'registration-ref:<ref>}').replace(/\d+\}$/, 'n}')))].join(', ')}), statistics flush ${flushed.length} writes to ${new Set(flushed).size} buckets; key writes per master: ${[...perMaster].map(([n, w]) => `${n.replace('redis://', '')} ${w}`).join(', ')}\n`,
    );
    expect(strays).toEqual([]);
    expect(shared.size).toBeGreaterThan(0);
    expect([...shared].filter(([, n]) => n > 1)).toEqual([]);
    // The shared writes did land in more than one bucket of each kind used.
    expect(buckets.size).toBeGreaterThan(4);
  });
});
