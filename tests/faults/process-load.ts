// The load harness with real processes: each instance is the server started as `npm start` does
// (its own heap limit, killable with SIGKILL), on a Redis of the test's own, with the Telegram
// webhook pointed at the Bot API stand-in. The "platform" posts each update until an instance
// answers 200 (again, maybe elsewhere, after a 503, a dropped connection or a dead instance), as
// Telegram does; each user's chat is compared with the control run.
import { BOT_INFO, TOKEN, addressed, newChatId } from '../channels/telegram/fixtures.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { SECRET, SECRET_HEADER } from '../channels/telegram/harness.ts';
import { randomUUID } from 'node:crypto';
import { connectRedis } from '../../src/store/redis-client.ts';
import { BotProcess, freePort, TestRedis } from './processes.ts';
import { RedisStore } from '../../src/store/redis.ts';
import { SCRIPT, compare, controlChat, delivered, textUpdate } from './telegram-load.ts';

export interface ProcessLoadOptions {
  users: number;
  messages: number;
  instances: number;
  env?: Record<string, string>;
  /** Node's flags for each instance (a heap limit). */
  nodeArgs?: string[];
  /** How long the stand-in waits before posting a refused update again (Retry-After, scaled down). */
  retryMs?: number;
  /** Share of updates posted a second time to another instance after their 200. */
  redeliver?: number;
  /** Senders wait for each message's 200 only (unpaced), or also this long between messages. */
  paceMs?: number;
  during?: (run: ProcessRun) => Promise<void>;
  /** Told the users' chat ids before they write (a test that searches the logs for them). */
  onChats?: (chatIds: number[]) => void;
  settleMs?: number;
  /** Redis Cluster seed nodes: the instances run on that cluster (a key prefix of the run's own) instead of the test's Redis. */
  cluster?: readonly string[];
}

export interface ProcessRun {
  /** The run's key prefix on the cluster, when it runs on one. */
  clusterPrefix?: string;
  api: FakeBotApi;
  redis: TestRedis;
  bots: BotProcess[];
}

export interface ProcessFigures {
  users: number;
  replies: number;
  sends: number;
  lost: number;
  doubled: number;
  reordered: number;
  /** 503s the instances answered (the platform posted those updates again). */
  unavailable: number;
  /** Posts that got no answer (an instance killed or restarting). */
  dropped: number;
  /** Answers other than 200 and 503. */
  errors: number;
  /** Instances that died without being killed by the test (e.g. out of heap). */
  crashed: number;
  /** Replies given up visibly (the console's dead letters); a lost reply that is not one is lost silently. */
  deadLetters: number;
  /** Replies missing from a chat beyond its dead letters: lost with nobody told. */
  lostSilently: number;
  /** The largest resident size seen per instance, in MB. */
  rssMb: number[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Resident set size of a process, from /proc (Linux); 0 where it cannot be read. */
async function rssMb(pid: number | undefined): Promise<number> {
  if (!pid) return 0;
  try {
    const { readFile } = await import('node:fs/promises');
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

export async function startBots(redis: TestRedis, api: FakeBotApi, opts: Pick<ProcessLoadOptions, 'instances' | 'env' | 'nodeArgs'>): Promise<BotProcess[]> {
  const bots: BotProcess[] = [];
  for (let i = 0; i < opts.instances; i++) {
    const bot = new BotProcess(
      await freePort(),
      {
        REDIS_URL: redis.url,
        TELEGRAM_BOT_TOKEN: TOKEN,
        TELEGRAM_WEBHOOK_SECRET: SECRET,
        TELEGRAM_API_ROOT: api.url,
        SEND_RATE_LIMITS: '',
        FLOOD_MAX_PER_MINUTE: '10000',
        LOG_LEVEL: process.env.FAULTS_DEBUG ? 'warn' : 'error',
        ...opts.env,
      },
      opts.nodeArgs ?? [],
    );
    bots.push(bot);
  }
  await Promise.all(bots.map((b) => b.start()));
  return bots;
}

/** Posts an update the way Telegram does: until a 200, elsewhere if an instance is dead or refuses. */
async function deliver(run: ProcessRun, first: number, update: unknown, f: ProcessFigures, retryMs: number): Promise<void> {
  for (let attempt = 0; attempt < 2000; attempt++) {
    const live = run.bots.map((b, i) => ({ b, i })).filter((x) => x.b.alive);
    const target = live.find((x) => x.i === first) ?? live[(first + attempt) % Math.max(1, live.length)];
    if (!target) {
      await sleep(retryMs);
      continue;
    }
    const status = await fetch(`${target.b.base}/webhooks/telegram`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [SECRET_HEADER]: SECRET },
      body: JSON.stringify(update),
      signal: AbortSignal.timeout(30_000),
    })
      .then(async (r) => (await r.arrayBuffer(), r.status))
      .catch(() => 0);
    if (status === 200) return;
    if (status === 503) f.unavailable++;
    else if (status === 0) f.dropped++;
    else f.errors++;
    await sleep(retryMs);
    // Telegram sends a refused update again to the same address; with several instances behind
    // a balancer it may land on another one.
    first = (first + 1) % run.bots.length;
  }
}

export async function runProcessLoad(opts: ProcessLoadOptions): Promise<ProcessFigures> {
  const redis = new TestRedis(await freePort());
  await redis.start();
  const api = await FakeBotApi.start(TOKEN, BOT_INFO);
  const clusterPrefix = `faults:${randomUUID().slice(0, 8)}:`;
  const f: ProcessFigures = { users: opts.users, replies: 0, sends: 0, lost: 0, doubled: 0, reordered: 0, unavailable: 0, dropped: 0, errors: 0, crashed: 0, deadLetters: 0, lostSilently: 0, rssMb: [] };
  let bots: BotProcess[] = [];
  try {
    const expected = await controlChat({ redisUrl: redis.url, users: 1, messages: opts.messages, instances: 1 });
    bots = await startBots(redis, api, opts.cluster ? { ...opts, env: { ...opts.env, REDIS_CLUSTER_NODES: opts.cluster.join(','), REDIS_PREFIX: clusterPrefix } } : opts);
    const run: ProcessRun = { api, redis, bots, ...(opts.cluster ? { clusterPrefix } : {}) };
    const peak = bots.map(() => 0);
    let sampling = true;
    const sampler = (async () => {
      while (sampling) {
        await Promise.all(bots.map(async (b, i) => (peak[i] = Math.max(peak[i]!, await rssMb(b.pid)))));
        await sleep(250);
      }
    })();
    const chats = Array.from({ length: opts.users }, () => newChatId());
    opts.onChats?.(chats);
    const redeliver = opts.redeliver ?? 0.1;
    const retryMs = opts.retryMs ?? 200;
    let n = 0;
    const fault = opts.during?.(run);
    await Promise.all(
      chats.map(async (chatId, u) => {
        for (const text of SCRIPT.slice(0, opts.messages)) {
          const update = textUpdate(chatId, text);
          const at = (u + n++) % bots.length;
          await deliver(run, at, update, f, retryMs);
          if ((n * 7919) % 100 < redeliver * 100) await deliver(run, (at + 1) % bots.length, update, f, retryMs);
          if (opts.paceMs) await sleep(opts.paceMs);
        }
      }),
    );
    await fault;
    // Everything committed is delivered: the stand-in's count stops moving.
    const want = expected.length * opts.users;
    const end = Date.now() + (opts.settleMs ?? 120_000);
    let last = -1;
    let still = 0;
    while (Date.now() < end) {
      const now = api.of('sendMessage').filter((c) => c.result !== undefined && chats.includes(c.body.chat_id as number)).length;
      if (now >= want && now === last && ++still >= 4) break;
      if (now !== last) still = 0;
      last = now;
      await sleep(500);
    }
    sampling = false;
    await sampler;
    f.rssMb = peak;
    f.crashed = bots.filter((b) => !b.alive && !b.killed).length;
    const store = await RedisStore.connect(opts.cluster ? { clusterNodes: opts.cluster, prefix: clusterPrefix } : { url: redis.url, prefix: '' });
    const dead = new Map<number, number>();
    try {
      for (const d of await store.deadLetters(10_000)) {
        const chatId = Number(d.key.user);
        if (chats.includes(chatId)) dead.set(chatId, (dead.get(chatId) ?? 0) + 1);
      }
    } finally {
      await store.close();
    }
    f.deadLetters = [...dead.values()].reduce((a, n) => a + n, 0);
    const got = delivered(api);
    for (const chatId of chats) {
      const c = compare(expected, got.get(chatId) ?? []);
      if (process.env.FAULTS_DEBUG && (c.lost || c.doubled || c.reordered)) process.stdout.write(`${JSON.stringify({ expected: expected.map((t) => t.slice(0, 24)), got: (got.get(chatId) ?? []).map((t) => t.slice(0, 24)) })}\n`);
      f.lost += c.lost;
      f.lostSilently += Math.max(0, c.lost - (dead.get(chatId) ?? 0));
      f.doubled += c.doubled;
      if (c.reordered) f.reordered++;
    }
    f.replies = want;
    f.sends = [...got.entries()].filter(([c]) => chats.includes(c)).reduce((a, [, t]) => a + t.length, 0);
    if (process.env.FAULTS_DEBUG) for (const b of bots) process.stdout.write(b.output.slice(-3000));
    return f;
  } finally {
    await Promise.all(bots.map((b) => b.kill('SIGTERM').catch(() => undefined)));
    await api.close();
    await redis.dispose();
    if (opts.cluster) await dropClusterPrefix(opts.cluster, clusterPrefix);
  }
}

/** How many keys of the run each master of the cluster holds. */
export async function clusterKeysPerMaster(nodes: readonly string[], prefix: string): Promise<number[]> {
  const conn = await connectRedis({ clusterNodes: nodes });
  try {
    const counts: number[] = [];
    for (const node of await conn.masters()) {
      let n = 0;
      for await (const batch of node.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) n += (batch as unknown as string[]).length;
      counts.push(n);
    }
    return counts;
  } finally {
    await conn.close();
  }
}

/** Removes the run's keys from every master of the cluster (one DEL per key: they span slots). */
async function dropClusterPrefix(nodes: readonly string[], prefix: string): Promise<void> {
  const conn = await connectRedis({ clusterNodes: nodes });
  try {
    for (const node of await conn.masters()) {
      for await (const batch of node.scanIterator({ MATCH: `${prefix}*`, COUNT: 500 })) await Promise.all((batch as unknown as string[]).map((k) => node.del(k)));
    }
  } finally {
    await conn.close();
  }
}
