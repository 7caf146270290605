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
