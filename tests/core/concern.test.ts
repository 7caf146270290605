// A farewell or "không chịu nổi nữa" through the whole engine: the help lines, the chat raised for
// staff, and "are you safe right now?" with one-tap answers — mid-topic too.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.ts';
import { ManualClock, TOKYO_WED_10AM } from '../handoff/fixtures.ts';
import { choice, start, testEngine, text, type TestEngine } from '../helpers/engine.ts';

let e: TestEngine;
beforeAll(async () => {
  const clock = new ManualClock(TOKYO_WED_10AM);
  e = await testEngine(new MemoryStore(clock), { clock });
});
afterAll(() => e.close());

describe('a concern typed in a chat', () => {
  it('asks whether the user is safe and raises the chat for staff', async () => {
    const user = 'concern-1';
    await e.say(user, start);
    await e.say(user, choice('lang_vi'));
    await e.say(user, choice('country_JP'));
    const out = await e.say(user, text('em không chịu nổi nữa rồi'));
    const ask = out.at(-1)!;
    expect(ask.text).toMatch(/an toàn/);
    expect(ask.choices!.map((c) => c.id)).toEqual(['safety_safe', 'safety_unsafe', 'staff']);
    expect((await e.handoff.list()).some((h) => h.key.user === user && h.priority === 'emergency')).toBe(true);
    const glad = await e.say(user, choice('safety_safe'));
    expect(glad[0]!.text).toMatch(/mừng/);
  });
});

// The same question wherever the worker is in the conversation: before a language is chosen, while
// the country is asked, inside a question tree, inside the return registration, waiting for staff.
describe('a concern in every state', () => {
  const concern = 'không chịu nổi nữa rồi, tối nay em ra cầu ngồi';
  const asksIfSafe = async (user: string) => {
    const out = await e.say(user, text(concern));
    const ask = out.at(-1)!;
    expect(ask.choices!.map((c) => c.id)).toEqual(['safety_safe', 'safety_unsafe', 'staff']);
    // The help lines come before the question, in the same turn.
    expect(out.map((m) => m.text).join('\n')).toMatch(/\+\d{6,}/);
    expect((await e.handoff.list()).some((h) => h.key.user === user && h.priority === 'emergency')).toBe(true);
    return out;
  };

  it('as the very first message', async () => {
    await asksIfSafe('concern-first');
  });

  it('while the language is asked', async () => {
    await e.say('concern-lang', start);
    await asksIfSafe('concern-lang');
  });

  it('while the country is asked', async () => {
    await e.say('concern-country', start);
    await e.say('concern-country', choice('lang_vi'));
    await asksIfSafe('concern-country');
  });

  it('inside a question tree, and "I am not safe" then gives the emergency reply', async () => {
    const user = 'concern-tree';
    await e.say(user, start);
    await e.say(user, choice('lang_vi'));
    await e.say(user, choice('country_JP'));
    await e.say(user, text('1'));
    await e.say(user, text('2'));
    await asksIfSafe(user);
    const unsafe = await e.say(user, choice('safety_unsafe'));
    expect(unsafe[0]!.priority).toBe('emergency');
  });

  it('inside the return registration', async () => {
    const user = 'concern-reg';
    await e.say(user, start);
    await e.say(user, choice('lang_vi'));
    await e.say(user, choice('country_JP'));
    const reg = await e.say(user, choice('topic_return_registration'));
    expect(reg.at(-1)!.choices?.length ?? 0).toBeGreaterThan(0);
    await asksIfSafe(user);
  });

  it('while waiting for staff', async () => {
    const user = 'concern-waiting';
    await e.say(user, start);
    await e.say(user, choice('lang_vi'));
    await e.say(user, choice('country_JP'));
    await e.say(user, text('cho em gặp cán bộ'));
    expect((await e.handoff.list()).find((h) => h.key.user === user)?.priority).not.toBe('emergency');
    await asksIfSafe(user);
  });

  it('while an officer holds the chat: the bot stays silent, the chat is raised and the console alerted', async () => {
    const user = 'concern-held';
    await e.say(user, start);
    await e.say(user, choice('lang_vi'));
    await e.say(user, choice('country_JP'));
    await e.say(user, text('cho em gặp cán bộ'));
    const h = (await e.handoff.list()).find((x) => x.key.user === user)!;
    await e.handoff.claim(h.id, { id: 's1', name: 'Chị Lan', role: 'agent', missions: [h.mission!] });
    await e.outbox.flush({ channel: 'test', account: 'a', user });
    expect(await e.say(user, text(concern))).toEqual([]);
    const raised = (await e.handoff.list()).find((x) => x.key.user === user)!;
    expect(raised.priority).toBe('emergency');
    expect(raised.alerts.length).toBe(1);
  });
});
