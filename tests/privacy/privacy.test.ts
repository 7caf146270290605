// What the privacy issue promises, proven on a whole conversation: a worker onboards, asks, says
// they are in danger, registers their return with name, passport and phone, talks to an officer,
// and later erases everything. The logs never carry what they typed or who they are, even at
// debug level; erasing leaves nothing of them in the store; and what nobody erases expires.
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { Staff } from '../../src/handoff/model.ts';
import { createLogger } from '../../src/logger.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { choice, start, testEngine, text, type TestEngine } from '../helpers/engine.ts';
import { ManualClock } from '../handoff/fixtures.ts';
import { PERSON, REGISTRATION_SCRIPT } from '../registration/script.ts';
import { dumpMemoryStore, mentioning } from '../registration/store-dump.ts';
import { captureLogs as capture } from '../helpers/log-capture.ts';

const DAY = 24 * 3600_000;
/** Wednesday 25/11/2026, 10:00 in Taipei: the mission is open. */
const START = Date.parse('2026-11-25T02:00:00Z');
const officer: Staff = { id: 'officer-7', name: 'Trần Hoa', role: 'agent', missions: ['tw-taipei'] };

const TYPED = ['toi bi chu danh, khong cho ra ngoai', 'cho em gap can bo', 'Chủ giữ hộ chiếu của em, số của em 0912345678'];

/** A worker's whole story, through the real engine; returns the user id and the registration reference. */
async function wholeConversation(e: TestEngine, clock: ManualClock, user: string): Promise<string> {
  const say = async (p: Parameters<TestEngine['say']>[1]) => {
    clock.advance(5_000);
    return e.say(user, p);
  };
  await say(start);
  await say(choice('lang_vi'));
  await say(text('dai loan'));
  await say(text(TYPED[0]!));
  await say(text('menu'));
  for (const turn of REGISTRATION_SCRIPT) await say(turn.text !== undefined ? text(turn.text) : choice(turn.choice!));
  const confirmed = (await say(choice('reg_confirm'))).map((m) => m.text).join('\n');
  const ref = /: ([2-9A-Z]{6})/.exec(confirmed)?.[1];
  expect(ref, confirmed).toBeDefined();
  await say(text(TYPED[1]!));
  const [h] = await e.handoff.list(['tw-taipei']);
  expect(h).toBeDefined();
  await e.handoff.claim(h!.id, officer);
  await say(text(TYPED[2]!));
  await e.handoff.reply(h!.id, officer, 'Chị đã nhận được, em giữ an toàn nhé.');
  await e.handoff.close(h!.id, officer);
  await e.outbox.flush({ channel: 'test', account: 'a', user });
  return ref!;
}

describe('privacy on a whole conversation', () => {
  it('keeps what the user typed and who they are out of the logs, even at debug level', async () => {
    const clock = new ManualClock(START);
    const { lines, stream } = capture();
    const env = { LOG_LEVEL: 'debug', LOG_SALT: 'privacy-test-salt-0123' };
    const e = await testEngine(new MemoryStore(clock), { clock, env, logger: createLogger(loadConfig(env), stream) });
    const user = 'worker-0123456789';
    try {
      const ref = await wholeConversation(e, clock, user);
      const out = lines.join('\n');
      expect(lines.length, 'the engine logged nothing: the test would prove nothing').toBeGreaterThan(5);
      for (const needle of [user, PERSON.name, PERSON.passport, PERSON.phone, '0912 345 678', 'c 765 4321', ref, 'Minh Phat', ...TYPED, 'Chị đã nhận được']) {
        expect(out, needle).not.toContain(needle);
      }
    } finally {
      await e.close();
    }
  });

  it('erases everything of the user on request: conversation, transcript, hand-off history, registration', async () => {
    const clock = new ManualClock(START);
    const store = new MemoryStore(clock);
    const e = await testEngine(store, { clock });
    const user = 'worker-erase-42';
    try {
      const ref = await wholeConversation(e, clock, user);
      const needles = [PERSON.name, PERSON.passport, PERSON.phone, ref, 'Minh Phat', ...TYPED];
      expect(mentioning(dumpMemoryStore(store), needles).length).toBeGreaterThan(3);
      expect(mentioning(dumpMemoryStore(store), [user]).map((d) => d.key)).toContain('table:handoffs:done');

      clock.advance(60_000);
      await e.say(user, text('xoá dữ liệu'));
      const erased = await e.say(user, choice('erase_yes'));
      expect(erased.map((m) => m.text).join('\n')).toMatch(/Đã xoá/);

      const after = dumpMemoryStore(store);
      expect(mentioning(after, needles)).toEqual([]);
      // Left: the 48-hour mark that the erase message was handled (a platform's retry must not act twice).
      expect(mentioning(after, [user]).map((d) => d.key.split(':')[0])).toEqual(['seen']);
      expect(await e.handoff.list()).toEqual([]);
      expect((await e.registrations.list('all')).total).toBe(0);
    } finally {
      await e.close();
    }
  });

  it('lets what nobody erased expire: the chat after the retention period, the registration after its own', async () => {
    const clock = new ManualClock(START);
    const store = new MemoryStore(clock);
    const e = await testEngine(store, { clock, env: { RETENTION_DAYS: '30', REGISTRATION_RETENTION_DAYS: '180' } });
    const user = 'worker-retain-7';
    const key = { channel: 'test', account: 'a', user };
    try {
      const ref = await wholeConversation(e, clock, user);
      const chatNeedles = [...TYPED, 'Chị đã nhận được'];
      const recordNeedles = [PERSON.name, PERSON.passport, PERSON.phone, ref];

      clock.advance(29 * DAY);
      expect(await store.getConversation(key)).toBeDefined();

      clock.advance(2 * DAY);
      await e.sweeper.runOnce();
      store.sweepExpired();
      expect(await store.getConversation(key)).toBeUndefined();
      expect(mentioning(dumpMemoryStore(store), chatNeedles)).toEqual([]);
      // Only the registration, kept longer on purpose (the mission is still arranging the return),
      // still knows the chat's address, so the user can be told of its status.
      expect(mentioning(dumpMemoryStore(store), [user]).every((d) => d.key.startsWith('table:registrations'))).toBe(true);
      expect(mentioning(dumpMemoryStore(store), recordNeedles).length).toBeGreaterThan(0);

      clock.advance(150 * DAY);
      const { RegistrationSweeper } = await import('../../src/registration/sweeper.ts');
      const { silentLog } = await import('../../src/core/ports.ts');
      expect(await new RegistrationSweeper(e.registrations, store, silentLog).runOnce()).toBe(1);
      store.sweepExpired();
      expect(mentioning(dumpMemoryStore(store), [user, ...recordNeedles, ...chatNeedles])).toEqual([]);
    } finally {
      await e.close();
    }
  });
});
