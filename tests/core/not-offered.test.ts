// Danger in a country the assistant does not offer (Cambodia's and Myanmar's scam compounds): no
// local number is verified there, so the reply leads with the ministry's 24/7 protection line, which
// answers from anywhere; the chat is raised as an emergency with the country read from the message,
// in no mission's queue — the administrators, who see every chat (unrouted ones included), pass it on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canSee } from '../../src/console/scope.ts';
import { loadContent, PROTECTION_LINE } from '../../src/core/content/index.ts';
import { missionDirectory } from '../../src/handoff/directory.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { ManualClock, TOKYO_WED_10AM } from '../handoff/fixtures.ts';
import { choice, start, testEngine, text, type TestEngine } from '../helpers/engine.ts';

const content = loadContent();
const protection = content.hotlines.global.find((h) => h.id === PROTECTION_LINE)!;
let e: TestEngine;
beforeAll(async () => {
  const clock = new ManualClock(TOKYO_WED_10AM);
  e = await testEngine(new MemoryStore(clock), { clock });
});
afterAll(() => e.close());

describe('an emergency in a country that is not offered', () => {
  it.each([
    ['kh-1', 'họ giữ hộ chiếu em trong khu ở Sihanoukville, có bảo vệ cầm súng, không cho ra ngoài', 'KH'],
    ['mm-1', 'we are locked in a compound near Myawaddy, they beat us if we do not scam enough', 'MM'],
  ])('%s: the 24/7 line first, the chat raised with its country and no mission', async (user, message, country) => {
    expect(content.countries.find((c) => c.code === country)?.offered).toBe(false);
    await e.say(user, start);
    await e.say(user, choice('lang_vi'));
    await e.say(user, choice('country_other'));
    const out = await e.say(user, text(message));
    expect(out[0]!.priority).toBe('emergency');
    const firstNumber = out[0]!.text.match(/\+\d{6,}/)?.[0];
    expect(firstNumber).toBe(protection.phone);
    const h = (await e.handoff.list()).find((x) => x.key.user === user)!;
    expect(h).toMatchObject({ priority: 'emergency', country });
    expect(h.mission).toBeUndefined();
    const missions = missionDirectory(content);
    expect(canSee({ id: 'a1', name: 'Admin', role: 'admin', missions: [] }, h, missions)).toBe(true);
    expect(canSee({ id: 's1', name: 'Agent', role: 'agent', missions: [missions.all()[0]!.id] }, h, missions)).toBe(false);
  });
});
