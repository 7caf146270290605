// Typed words that signal danger are an emergency before they are a choice: a worker who types
// "quay roi" (harassed) while a list shows "Ngược đãi, quấy rối" gets the emergency numbers and a
// person first; typing the whole label, or its digit, still picks the option.
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

async function atWhyEarly(user: string) {
  await e.say(user, start);
  await e.say(user, choice('lang_vi'));
  await e.say(user, choice('country_JP'));
  await e.say(user, text('1'));
  const why = await e.say(user, text('2'));
  expect(why.at(-1)!.choices!.map((c) => c.label)).toContain('Ngược đãi, quấy rối');
}

describe('danger typed where a list is shown', () => {
  it('answers words that partly match a label and signal danger as an emergency', async () => {
    await atWhyEarly('typed-danger-1');
    const out = await e.say('typed-danger-1', text('quay roi'));
    expect(out[0]!.priority).toBe('emergency');
    expect((await e.handoff.list()).some((h) => h.key.user === 'typed-danger-1' && h.priority === 'emergency')).toBe(true);
  });

  it('reads the whole label, typed without diacritics, as the choice', async () => {
    await atWhyEarly('typed-danger-2');
    const out = await e.say('typed-danger-2', text('nguoc dai, quay roi'));
    expect(out[0]!.priority).toBe('normal');
    expect(out.at(-1)!.text).toMatch(/Điều gì đang xảy ra/);
  });
});
