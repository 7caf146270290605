// On a real Redis: a worker registers through the engine, staff change the status, then the worker
// erases their data. Afterwards no key under the run's prefix holds anything of them.
import { afterAll, describe, expect, it } from 'vitest';
import { testEngine, text, choice, start } from '../helpers/engine.ts';
import { connectTestStore, dropPrefix, testPrefix } from '../helpers/redis.ts';
import { PERSON, REGISTRATION_SCRIPT } from './script.ts';
import { dumpRedis, mentioning } from './store-dump.ts';

const prefix = testPrefix();
afterAll(() => dropPrefix(prefix));

describe('erasing a user on Redis', () => {
  it('leaves nothing of them in any key: conversation, transcript, registration, indexes', async () => {
    let now = Date.parse('2026-11-25T02:00:00Z');
    const clock = { now: () => (now += 5_000) };
    const store = await connectTestStore(prefix);
    const engine = await testEngine(store, { clock });
    try {
      const user = `redis-user-${Math.random().toString(36).slice(2, 8)}`;
      await engine.say(user, start);
      await engine.say(user, choice('lang_vi'));
      await engine.say(user, text('dai loan'));
      for (const turn of REGISTRATION_SCRIPT) {
        const out = await engine.say(user, turn.text !== undefined ? text(turn.text) : choice(turn.choice!));
        if (turn.expect) expect(out.map((m) => `${m.text}\n${(m.choices ?? []).map((c) => c.label).join('\n')}`).join('\n'), JSON.stringify(turn)).toMatch(turn.expect);
      }
      const confirmed = (await engine.say(user, choice('reg_confirm'))).map((m) => m.text).join('\n');
      const ref = /: ([2-9A-Z]{6})/.exec(confirmed)?.[1];
      expect(ref, confirmed).toBeDefined();
      await engine.registrations.setStatus(['tw-taipei'], ref!, 'contacted', { id: 'officer-1', name: 'Trần Hoa' });
      await engine.outbox.flush({ channel: 'test', account: 'a', user });

      const needles = [PERSON.name, PERSON.passport, PERSON.phone, ref!, 'Dai Trung', 'Minh Phat', '1995-12-25'];
      expect(mentioning(await dumpRedis(prefix), needles).length).toBeGreaterThan(3);

      await engine.say(user, text('xoa du lieu'));
      const erased = await engine.say(user, choice('erase_yes'));
      expect(erased.map((m) => m.text).join('\n')).toMatch(/Đã xoá/);

      const after = await dumpRedis(prefix);
      expect(mentioning(after, needles)).toEqual([]);
      // Only the mark that the erase message was handled (so a retry is not run twice) names the user.
      expect(mentioning(after, [user]).map((d) => d.key.slice(prefix.length).split(':')[0])).toEqual(['seen']);
      expect((await engine.registrations.list('all')).total).toBe(0);
    } finally {
      await engine.close();
    }
  });
});
