// A load harness for the fault tests on the Telegram webhook: several in-process instances of the
// server on one Redis, users writing a fixed script, some updates redelivered to another instance
// (as Telegram does when a 200 is lost), and a Bot API stand-in that records every sendMessage.
// Each user's chat is compared with a control run (one user, one instance, no faults) and counted
// as lost, doubled or reordered.
import type { OutboxOptions } from '../../src/core/outbox.ts';
import { RedisStore } from '../../src/store/redis.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { BOT_INFO, TOKEN, addressed, newChatId } from '../channels/telegram/fixtures.ts';
import { startTelegram, type Harness } from '../channels/telegram/harness.ts';
import { dropPrefix, testPrefix } from '../helpers/redis.ts';

export const SCRIPT = ['/start', 'quỹ hỗ trợ', 'menu', 'đường dây nóng', 'menu', 'thanh lý hợp đồng', 'menu', 'đăng ký về nước', 'menu', 'quy ho tro'];

export interface LoadOptions {
  redisUrl: string;
  users: number;
  messages: number;
  instances: number;
  /** Share of updates posted a second time to another instance. */
  redeliver?: number;
  env?: Record<string, string>;
  outbox?: Partial<OutboxOptions>;
  /** Runs while the users write: the fault (an outage, a slow API, an instance stopped). */
  during?: (run: LoadRun) => Promise<void>;
  /** How long to wait for everything committed to be delivered after the users are done. */
  settleMs?: number;
  /** A pause between one user's messages (typing), so a short load still spans the fault. */
  gapMs?: number;
}

export interface LoadRun {
  api: FakeBotApi;
  instances: Harness[];
  /** Which instances take new updates (a stopped one is taken out). */
  live: Set<number>;
}

export interface LoadFigures {
  users: number;
  replies: number;
  sends: number;
  lost: number;
  doubled: number;
  /** Users whose chat shows the replies in another order than the control run. */
  reordered: number;
  /** Users with at least one doubled reply. */
  doubledUsers: number;
  deadLetters: number;
  /** Webhook answers other than 200 and 503 (a 500 is a bug: the platform would not retry sensibly). */
  errors: number;
  unavailable: number;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function textUpdate(chatId: number, text: string) {
  return addressed('private-text.json', chatId, (u) => ((u.message as Record<string, unknown>).text = text));
}

/** What the bot delivered to each chat, in the order the stand-in received it. */
export function delivered(api: FakeBotApi): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const c of api.of('sendMessage')) {
    if (c.result === undefined) continue;
    const chat = c.body.chat_id as number;
    out.set(chat, [...(out.get(chat) ?? []), String(c.body.text)]);
  }
  return out;
}

/** Counts of what `got` lacks and has too many of, compared with `expected`, and whether the order differs. */
export function compare(expected: readonly string[], got: readonly string[]): { lost: number; doubled: number; reordered: boolean } {
  const want = new Map<string, number>();
  for (const t of expected) want.set(t, (want.get(t) ?? 0) + 1);
  const have = new Map<string, number>();
  for (const t of got) have.set(t, (have.get(t) ?? 0) + 1);
  let lost = 0;
  let doubled = 0;
  for (const [t, n] of want) lost += Math.max(0, n - (have.get(t) ?? 0));
  for (const [t, n] of have) doubled += Math.max(0, n - (want.get(t) ?? 0));
  // Order: the chat with every copy after the first taken out must follow the control run, some of
  // its replies perhaps missing (counted as lost, not as reordered). Compared position by position
  // instead, a lost reply whose text comes again later (the menu) read as a reorder.
  const seen = new Map<string, number>();
  const firsts = got.filter((t) => {
    const n = (seen.get(t) ?? 0) + 1;
    seen.set(t, n);
    return n <= (want.get(t) ?? 0);
  });
  let at = 0;
  for (const t of firsts) {
    while (at < expected.length && expected[at] !== t) at++;
    if (at === expected.length) return { lost, doubled, reordered: true };
    at++;
  }
  return { lost, doubled, reordered: false };
}

async function instance(api: FakeBotApi, opts: LoadOptions, prefix: string): Promise<Harness> {
  const store = await RedisStore.connect({ url: opts.redisUrl, prefix });
  return startTelegram({
    api,
    store,
    env: { SEND_RATE_LIMITS: '', FLOOD_MAX_PER_MINUTE: '10000', ...(process.env.FAULTS_DEBUG ? { LOG_LEVEL: 'warn' } : {}), ...opts.env },
    ...(opts.outbox ? { outbox: opts.outbox } : {}),
  });
}

/** Posts one update the way Telegram does: again (maybe elsewhere) after a 503 or no answer, until a 200. */
async function deliverUpdate(run: LoadRun, first: number, update: unknown, figures: LoadFigures): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    const live = [...run.live];
    const h = run.instances[live.includes(first) ? first : live[(first + attempt) % live.length]!]!;
    const res = await h.post(update).catch(() => undefined);
    if (res?.statusCode === 200) return;
    if (res?.statusCode === 503) figures.unavailable++;
    else figures.errors++;
    await sleep(100);
  }
}

/** The control run: what one user on one quiet instance receives for the script. */
export async function controlChat(opts: LoadOptions): Promise<string[]> {
  const api = await FakeBotApi.start(TOKEN, BOT_INFO);
  const prefix = testPrefix();
  const h = await instance(api, { ...opts, env: {} }, prefix);
  const chatId = newChatId();
  try {
    for (const text of SCRIPT.slice(0, opts.messages)) {
      await h.post(textUpdate(chatId, text));
      await h.settle();
    }
    return delivered(api).get(chatId) ?? [];
  } finally {
    await h.close();
    await api.close();
    await dropPrefix(prefix);
  }
}

export async function runLoad(opts: LoadOptions): Promise<LoadFigures> {
  const expected = await controlChat(opts);
  const api = await FakeBotApi.start(TOKEN, BOT_INFO);
  const prefix = testPrefix();
  const instances: Harness[] = [];
  for (let i = 0; i < opts.instances; i++) instances.push(await instance(api, opts, prefix));
  const run: LoadRun = { api, instances, live: new Set(instances.map((_, i) => i)) };
  const figures: LoadFigures = { users: opts.users, replies: 0, sends: 0, lost: 0, doubled: 0, reordered: 0, doubledUsers: 0, deadLetters: 0, errors: 0, unavailable: 0 };
  const chats = Array.from({ length: opts.users }, () => newChatId());
  const redeliver = opts.redeliver ?? 0.1;
  let n = 0;
  try {
    const fault = opts.during?.(run);
    await Promise.all(
      chats.map(async (chatId, u) => {
        for (const text of SCRIPT.slice(0, opts.messages)) {
          const update = textUpdate(chatId, text);
          const at = (u + n++) % opts.instances;
          await deliverUpdate(run, at, update, figures);
          // A 200 Telegram never saw: the same update again, to another instance.
          if ((n * 7919) % 100 < redeliver * 100) await deliverUpdate(run, (at + 1) % opts.instances, update, figures);
          if (opts.gapMs) await sleep(opts.gapMs);
        }
      }),
    );
    await fault;
    await settle(run, opts.settleMs ?? 60_000);
    const got = delivered(api);
    for (const chatId of chats) {
      const c = compare(expected, got.get(chatId) ?? []);
      if (process.env.FAULTS_DEBUG && (c.lost || c.doubled)) process.stdout.write(`${JSON.stringify({ expected: expected.map((t) => t.slice(0, 30)), got: (got.get(chatId) ?? []).map((t) => t.slice(0, 30)) })}\n`);
      figures.lost += c.lost;
      figures.doubled += c.doubled;
      if (c.doubled > 0) figures.doubledUsers++;
      if (c.reordered) figures.reordered++;
    }
    figures.replies = expected.length * opts.users;
    figures.sends = [...got.entries()].filter(([c]) => chats.includes(c)).reduce((a, [, t]) => a + t.length, 0);
    figures.deadLetters = (await instances[[...run.live][0]!]!.server.store.deadLetters(10_000)).length;
    return figures;
  } finally {
    for (const h of instances) await h.close().catch(() => undefined);
    await api.close();
    await dropPrefix(prefix).catch(() => undefined);
  }
}

/** Waits until nothing committed is left undelivered on any live instance (bounded). */
async function settle(run: LoadRun, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    const live = [...run.live].map((i) => run.instances[i]!);
    await Promise.all(live.map((h) => h.server.outbox.recover().catch(() => 0)));
    await Promise.all(live.map((h) => h.settle()));
    const left = await live[0]!.server.store.outboxConversations().catch(() => [undefined]);
    if (left.length === 0) return;
    await sleep(200);
  }
}
