// What many conversations share, on a single Redis and (in the redis-cluster project) on a Redis
// Cluster: statistics, console sessions and the recovery index are split into hash-tagged
// buckets, so no key takes every turn's write, and reading them back walks the buckets.
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationKey } from '../../src/core/messages.ts';
import type { OutboxItem } from '../../src/core/ports.ts';
import { Sessions } from '../../src/console/sessions.ts';
import { readReport } from '../../src/stats/report.ts';
import { StatsRecorder } from '../../src/stats/recorder.ts';
import { BUCKETS } from '../../src/store/keys.ts';
import type { RedisStore } from '../../src/store/redis.ts';
import { FakeBotApi } from '../channels/telegram/fake-bot-api.ts';
import { BOT_INFO, TOKEN, newChatId } from '../channels/telegram/fixtures.ts';
import { startTelegram } from '../channels/telegram/harness.ts';
import { textUpdate } from '../faults/telegram-load.ts';
import { ON_CLUSTER, connectTestStore, dropPrefix, keysUnder, testPrefix, withAdmin } from '../helpers/redis.ts';
import { handled } from './handled.ts';

const opened: { store: RedisStore; prefix: string }[] = [];
afterEach(async () => {
  for (const { store, prefix } of opened.splice(0)) {
    await dropPrefix(prefix);
    await store.close();
  }
});

async function store(): Promise<{ s: RedisStore; prefix: string }> {
  const prefix = testPrefix();
  const s = await connectTestStore(prefix);
  opened.push({ store: s, prefix });
  return { s, prefix };
}

/** The key names under the prefix (every master of a cluster), without the prefix. */
async function keyNames(prefix: string): Promise<string[]> {
  return withAdmin(async (_c, conn) => (await keysUnder(conn, prefix)).flatMap((n) => n.keys.map((k) => k.slice(prefix.length))));
}

const user = (i: number): ConversationKey => ({ channel: 'telegram', account: 'bot', user: `u${i}` });
const item = (id: string, key: ConversationKey): OutboxItem => ({ id, key, message: { text: id, from: 'bot', priority: 'normal' }, attempts: 0, enqueuedAt: 1 });
const record = { flowVersion: 1, snapshot: {}, pending: [], updatedAt: 1 };

describe('shared state in buckets', () => {
  it('is ready only with every master answering (three on the cluster, the one Redis otherwise)', async () => {
    const { s } = await store();
    expect(await s.ping()).toBe(true);
    expect(await s.redis.masters()).toHaveLength(ON_CLUSTER ? 3 : 1);
  });

  it('statistics from many turns land in several buckets and are read back as one sum', async () => {
    const { s, prefix } = await store();
    const at = Date.UTC(2026, 10, 5, 12);
    const stats = new StatsRecorder({ store: s, clock: { now: () => at }, log: { info() {}, warn() {}, error() {}, debug() {} } as never, topicOf: () => 'visa', missionOf: () => 'tokyo' }, 60_000);
    for (let i = 0; i < 40; i++) {
      await stats.turn({ at, channel: 'telegram', country: 'JP', effects: [{ type: 'articles', ids: ['a'] }] as never, emergencyKinds: [] });
      await stats.flush();
    }
    const report = await readReport(s, { from: at, to: at, granularity: 'month' });
    const question = report.tables.find((t) => t.metric === 'question')!;
    expect(question.rows.find((r) => r.value === 'visa')?.total).toBe(40);
    const counterKeys = new Set((await keyNames(prefix)).filter((k) => k.startsWith('ctr:{c:stats:2026-11:')));
    expect(counterKeys.size).toBeGreaterThan(BUCKETS / 2);
  });

  it('console sessions of one officer are found across the buckets and ended together', async () => {
    const { s } = await store();
    let now = 1_000_000;
    const sessions = new Sessions(s, { now: () => now }, { ttlMs: 3_600_000, idleMs: 600_000 });
    const made = [];
    for (let i = 0; i < 12; i++) made.push(await sessions.create('officer-1', { address: '127.0.0.1', userAgent: `ua${i}` }));
    await sessions.create('officer-2', { address: '127.0.0.1', userAgent: 'other' });
    expect((await sessions.resolve(made[3]!.token))?.staffId).toBe('officer-1');
    expect(await sessions.listFor('officer-1')).toHaveLength(12);
    expect(await sessions.destroyAll('officer-1', made[0]!.session.id)).toBe(11);
    expect(await sessions.listFor('officer-1')).toHaveLength(1);
    expect(await sessions.listFor('officer-2')).toHaveLength(1);
    now += 3_600_001;
    expect(await sessions.resolve(made[0]!.token)).toBeUndefined();
  });

  it('the recovery index is spread over the buckets and holds only conversations with work pending', async () => {
    const { s, prefix } = await store();
    const users = Array.from({ length: 48 }, (_, i) => user(i));
    for (const k of users) await s.commitTurn(k, { record, recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('r1', k)] });
    const indexKeys = (await keyNames(prefix)).filter((k) => k.startsWith('outbox:index:'));
    expect(new Set(indexKeys).size).toBeGreaterThan(BUCKETS / 2);
    expect((await s.outboxConversations()).map((k) => k.user).sort()).toEqual(users.map((k) => k.user).sort());
    for (const k of users.slice(0, 40)) expect(await s.outboxAck(k, 'r1')).toBe(true);
    expect((await s.outboxConversations()).map((k) => k.user).sort()).toEqual(users.slice(40).map((k) => k.user).sort());
  });

  it('a member left in the index without pending work (a write that never happened) is dropped by the next walk', async () => {
    const { s, prefix } = await store();
    const k = user(1);
    await s.commitTurn(k, { record, recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('r1', k)] });
    // As if the instance died after indexing and before its write: the outbox is gone, the member stays.
    await withAdmin((c) => c.del(`${prefix}outbox:{telegram:bot:u1}`));
    expect(await s.outboxConversations()).toEqual([]);
    expect((await keyNames(prefix)).filter((n) => n.startsWith('outbox:index:'))).toEqual([]);
  });

  it('erase deletes what a conversation owns by name: its mailboxes, counters and handled ids, nothing of the others', async () => {
    const { s, prefix } = await store();
    const [a, b] = [user(1), user(2)];
    for (const k of [a, b]) {
      await s.commitTurn(k, { record, recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [item('r1', k)], mailbox: { name: 'transcript', items: ['hi'], ttlMs: 60_000 } });
      await s.mailboxPush('web', k, { text: 'x' }, 60_000);
      await s.countInWindow('inbound', k, 60_000);
      await s.countInWindow('album:77', k, 60_000);
      await s.deadLetter(item('d1', k), 60_000);
    }
    await s.deleteConversation(a);
    const left = await keyNames(prefix);
    expect(left.filter((n) => n.includes('{telegram:bot:u1}'))).toEqual([]);
    expect(left.filter((n) => n.includes('{telegram:bot:u2}')).length).toBeGreaterThanOrEqual(8);
    expect(await handled(s, a, 'm1')).toBe(false);
    expect(await handled(s, b, 'm1')).toBe(true);
    expect((await s.deadLetters(10)).map((d) => d.key.user)).toEqual(['u2']);
    expect((await s.outboxConversations()).map((k) => k.user)).toEqual(['u2']);
  });

  it('names owned keys short in the `own:` hash, and erase still finds keys named whole in the set written before', async () => {
    const { s, prefix } = await store();
    const [k, old] = [user(3), user(4)];
    const tagged = '{telegram:bot:u3}';
    const oldTagged = '{telegram:bot:u4}';
    // As the version before wrote them: mailboxes named whole in an `own:` set.
    await withAdmin(async (c) => {
      for (const t of [tagged, oldTagged]) {
        await c.rPush(`${prefix}mbox:old:${t}`, JSON.stringify('x'));
        await c.sAdd(`${prefix}own:${t}`, `${prefix}mbox:old:${t}`);
        await c.pExpire(`${prefix}own:${t}`, 60_000);
      }
    });
    await s.commitTurn(k, { record, recordTtlMs: 60_000, messageId: 'm1', dedupeTtlMs: 60_000, outbox: [], mailbox: { name: 'transcript', items: ['hi'], ttlMs: 60_000 } });
    await s.countInWindow('inbound', k, 60_000);
    await s.mailboxPush('web', k, { text: 'x' }, 60_000);
    const names = await withAdmin((c) => c.hKeys(`${prefix}own:${tagged}`));
    expect(names.sort()).toEqual(['count:inbound', 'mbox:transcript', 'mbox:web', `${prefix}mbox:old:${tagged}`].sort());
    await s.mailboxDelete('web', k);
    await s.mailboxDelete('old', old);
    expect(await withAdmin((c) => c.hKeys(`${prefix}own:${tagged}`))).not.toContain('mbox:web');
    expect(await withAdmin((c) => c.sMembers(`${prefix}own:${oldTagged}`))).toEqual([]);
    await withAdmin((c) => c.sAdd(`${prefix}own:${oldTagged}`, `${prefix}mbox:old:${oldTagged}`).then(() => c.rPush(`${prefix}mbox:old:${oldTagged}`, '"y"')));
    await s.deleteConversation(k);
    await s.deleteConversation(old);
    expect((await keyNames(prefix)).filter((n) => n.includes(tagged) || n.includes(oldTagged))).toEqual([]);
  });
});

describe.skipIf(ON_CLUSTER)('upgrade from one key per table', () => {
  it('moves old tables, indexes and statistics into their buckets once, at connect', async () => {
    const prefix = testPrefix();
    await withAdmin(async (c) => {
      await c.hSet(`${prefix}table:console:staff`, { lan: JSON.stringify({ id: 'lan' }), minh: JSON.stringify({ id: 'minh' }) });
      await c.sAdd(`${prefix}outbox:index`, JSON.stringify(['telegram', 'bot', 'u1']));
      await c.rPush(`${prefix}outbox:{telegram:bot:u1}`, JSON.stringify(item('r1', user(1))));
      await c.hSet(`${prefix}ctr:stats:2026-11`, 'question|JP|tokyo|visa', '7');
    });
    const s = await connectTestStore(prefix);
    opened.push({ store: s, prefix });
    expect((await s.tableAll<{ id: string }>('console:staff')).map((r) => r.id).sort()).toEqual(['lan', 'minh']);
    expect(await s.outboxConversations()).toEqual([user(1)]);
    expect(await s.countersRead('stats:2026-11')).toEqual({ 'question|JP|tokyo|visa': 7 });
    expect((await keyNames(prefix)).filter((n) => !n.includes('{') && !n.startsWith('layout:'))).toEqual([]);
  });
});

describe.skipIf(ON_CLUSTER)('upgrade from one handled mark per message', () => {
  const DAY = 24 * 3600_000;

  it('moves the old marks into the conversation’s set with the rest of their life, and names old mailboxes and counters for erase', async () => {
    const prefix = testPrefix();
    const tagged = '{telegram:bot:u1}';
    await withAdmin(async (c) => {
      // As the version before the sets wrote them: one key per handled message, a mailbox and a
      // counter that no `own:` set names.
      await c.set(`${prefix}seen:${tagged}:m1`, '1', { PX: 2 * DAY });
      await c.set(`${prefix}seen:${tagged}:m2`, '1', { PX: DAY });
      await c.set(`${prefix}seen:{telegram:bot:u2}:m1`, '1', { PX: DAY });
      await c.rPush(`${prefix}mbox:transcript:${tagged}`, JSON.stringify('hi'));
      await c.pExpire(`${prefix}mbox:transcript:${tagged}`, 3 * DAY);
      await c.set(`${prefix}count:inbound:${tagged}`, '4', { PX: 60_000 });
    });
    const s = await connectTestStore(prefix);
    opened.push({ store: s, prefix });
    expect(await handled(s, user(1), 'm1')).toBe(true);
    expect(await handled(s, user(1), 'm2')).toBe(true);
    expect(await handled(s, user(2), 'm1')).toBe(true);
    const names = await keyNames(prefix);
    expect(names.filter((n) => n.startsWith('seen:')).sort()).toEqual([`seen:${tagged}`, 'seen:{telegram:bot:u2}']);
    await withAdmin(async (c) => {
      // Each mark keeps its own end; the set lives as long as the longest of them.
      const m1 = Number(await c.zScore(`${prefix}seen:${tagged}`, 'm1'));
      const m2 = Number(await c.zScore(`${prefix}seen:${tagged}`, 'm2'));
      expect(m1 - m2).toBeGreaterThan(DAY - 60_000);
      expect(await c.pTTL(`${prefix}seen:${tagged}`)).toBeGreaterThan(2 * DAY - 60_000);
      expect((await c.hKeys(`${prefix}own:${tagged}`)).sort()).toEqual([`${prefix}count:inbound:${tagged}`, `${prefix}mbox:transcript:${tagged}`]);
      expect(await c.pTTL(`${prefix}own:${tagged}`)).toBeGreaterThan(3 * DAY - 60_000);
    });
    // (A probe of an unhandled id counts in a window of its own: asked after the owned keys are read.)
    expect(await handled(s, user(1), 'm3')).toBe(false);
    // Erase, which never scans, now finds what the older version wrote.
    await s.deleteConversation(user(1));
    expect((await keyNames(prefix)).filter((n) => n.includes(tagged))).toEqual([]);
    expect(await handled(s, user(2), 'm1')).toBe(true);
  });

  it('a message handled before the upgrade and redelivered after it is not handled twice', async () => {
    const prefix = testPrefix();
    const api = await FakeBotApi.start(TOKEN, BOT_INFO);
    const chatId = newChatId();
    const update = textUpdate(chatId, 'đường dây nóng');
    try {
      const before = await startTelegram({ api, store: await connectTestStore(prefix) });
      await before.post(update);
      await before.settle();
      await before.close();
      const sent = api.sent(chatId).length;
      expect(sent).toBeGreaterThan(0);
      // Rewritten as the older version left it: the mark as a key of its own, the layout unmarked.
      await withAdmin(async (c) => {
        const set = prefix + (await keyNames(prefix)).find((n) => n.startsWith('seen:{telegram:') && n.endsWith(`:${chatId}}`))!;
        const ids = await c.zRange(set, 0, -1);
        expect(ids).toHaveLength(1);
        await c.del([set, `${prefix}layout:owned-v1`]);
        await c.set(`${set}:${ids[0]}`, '1', { PX: DAY });
      });
      const after = await startTelegram({ api, store: await connectTestStore(prefix) });
      try {
        // Telegram sends the update again (its 200 was lost in the upgrade): nothing new is said.
        expect((await after.post(update)).statusCode).toBe(200);
        await after.settle();
        expect(api.sent(chatId)).toHaveLength(sent);
        // A new message is answered as usual.
        await after.post(textUpdate(chatId, 'menu'));
        await after.settle();
        expect(api.sent(chatId).length).toBeGreaterThan(sent);
      } finally {
        await after.close();
      }
    } finally {
      await api.close();
      await dropPrefix(prefix);
    }
  });
});
