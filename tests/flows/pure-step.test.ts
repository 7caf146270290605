// The flow runner takes a turn with XState's pure transition functions instead of an actor per
// turn. Checked against the actor it replaced (restore, send, collect emits, persist, stop) on
// every flow — the onboarding, each topic's tree of the shipped content, the return registration
// form, commands, emergencies, concerns and the hand-off desk's events — by random walks taking
// the choices each turn offers: the same effects, the same state and the same snapshot, and a
// snapshot stored whole by the old runner restores in the new one.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createFlowRunner, type FlowDeps } from '../../flows/index.ts';
import { createRootMachine } from '../../flows/root.machine.ts';
import { trimmedSnapshot } from '../../flows/snapshot.ts';
import { loadContent } from '../../src/core/content/index.ts';
import { COMMANDS, TOPICS, type Effect, type FlowEvent, type FlowState } from '../../src/core/effects.ts';
import { understood } from './fixtures.ts';
import { NOW, registrationDeps } from './registration-fixtures.ts';

const content = loadContent();
const deps: FlowDeps = {
  dialogues: content.dialogues,
  countryChoices: content.countries.filter((c) => c.offered).map((c) => ({ code: c.code, label: c.label ?? c.name })),
  registration: registrationDeps,
};

/** The runner before: one actor per turn. */
function actorStep(deps: FlowDeps) {
  const machine = createRootMachine(deps);
  return (persisted: unknown, initial: FlowState, event: FlowEvent) => {
    const actor = createActor(machine, persisted === undefined ? { input: initial } : { input: initial, snapshot: persisted as never });
    const effects: Effect[] = [];
    actor.on('*', (e) => effects.push(e as Effect));
    actor.start();
    if (actor.getSnapshot().status === 'active') actor.send(event);
    const snap = actor.getSnapshot();
    const next = actor.getPersistedSnapshot();
    actor.stop();
    if (snap.status === 'error') throw snap.error;
    const ctx = snap.context;
    const state: FlowState = {};
    if (ctx.locale) state.locale = ctx.locale;
    if (ctx.country) state.country = ctx.country;
    if (ctx.city) state.city = ctx.city;
    return { persisted: next, effects, state };
  };
}

/** A small seeded generator (mulberry32): the walks are the same on every run. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What a user may type into the form or a question. */
const TEXTS = ['Nguyễn Văn An', 'nguyen van an', '12/03/1990', '1990', 'Hà Nội', 'Thái Bình', '0912345678', 'có', 'không', 'abc', '15/12/2026', 'tháng sau', '1 3', 'A1234567'];

function events(effects: readonly Effect[], pick: () => number): FlowEvent[] {
  const offered = effects.flatMap((e) => (e.type === 'ask' ? e.choices.map((c) => c.id) : []));
  const text = TEXTS[Math.floor(pick() * TEXTS.length)]!;
  const topic = TOPICS[Math.floor(pick() * TOPICS.length)]!;
  const nlu = understood({ intent: pick() < 0.5 ? topic : 'out_of_scope', confidence: pick(), locale: pick() < 0.8 ? 'vi' : 'en' });
  const others: FlowEvent[] = [
    { type: 'user.text', text, nlu, at: NOW },
    { type: 'user.command', command: COMMANDS[Math.floor(pick() * COMMANDS.length)]! },
    { type: 'user.emergency', kinds: ['danger'], nlu: { ...nlu, ...(pick() < 0.5 ? { topicIntent: topic } : {}) } },
    { type: 'user.concern', nlu },
    { type: 'user.unsupported', kind: 'image' },
    { type: 'user.start' },
    { type: 'handoff.timeout' },
    { type: 'handoff.closed' },
    { type: 'user.choice', id: 'no_such_choice', at: NOW },
  ];
  // Mostly what was offered (that is how the trees and the form are walked), sometimes anything.
  const choices: FlowEvent[] = offered.map((id) => ({ type: 'user.choice', id, at: NOW }));
  return choices.length > 0 && pick() < 0.75 ? choices : others;
}

const json = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

describe('the pure step', () => {
  const pure = createFlowRunner(deps);
  const actor = actorStep(deps);

  it('emits, moves and stores what the actor per turn did, on random walks through every flow', () => {
    const pick = random(23);
    let turns = 0;
    const statesSeen = new Set<string>();
    for (let walk = 0; walk < 100; walk++) {
      const initial: FlowState = walk % 3 === 0 ? {} : { locale: walk % 2 ? 'vi' : 'en', ...(walk % 4 ? { country: 'TW' } : {}) };
      let old: unknown;
      let now: unknown;
      let effects: Effect[] = [];
      for (let step = 0; step < 30; step++) {
        const options = events(effects, pick);
        const event = options[Math.floor(pick() * options.length)]!;
        const a = actor(old, initial, event);
        const b = pure.step(now, initial, event);
        expect(b.effects, JSON.stringify(event)).toEqual(a.effects);
        expect(b.state).toEqual(a.state);
        expect(json(b.persisted)).toEqual(json(trimmedSnapshot(a.persisted)));
        // A record the old runner stored whole goes on in the new one exactly as it would have.
        if (old !== undefined) expect(json(pure.step(old, initial, event).persisted)).toEqual(json(b.persisted));
        old = json(a.persisted);
        now = json(b.persisted);
        effects = a.effects;
        statesSeen.add(JSON.stringify((a.persisted as unknown as { value: unknown }).value));
        turns++;
      }
    }
    expect(turns).toBe(3000);
    // The walks reach well beyond the menu: the topics' trees and the registration form.
    expect([...statesSeen].some((s) => s.includes('registration'))).toBe(true);
    expect([...statesSeen].some((s) => s.includes('topic'))).toBe(true);
  });

  it('keeps less than the persisted snapshot it replaces', () => {
    const a = actor(undefined, { locale: 'vi' }, { type: 'user.start' });
    const b = pure.step(undefined, { locale: 'vi' }, { type: 'user.start' });
    expect(JSON.stringify(b.persisted).length).toBeLessThan(JSON.stringify(a.persisted).length);
    expect(Object.keys(b.persisted as object).sort()).toEqual(['context', 'value']);
  });

  it('refuses a snapshot of a state the machine does not have, so the engine restarts the conversation', () => {
    expect(() => pure.step({ value: 'no_such_state', context: {} }, {}, { type: 'user.start' })).toThrow();
    expect(() => pure.step({ something: 'else' }, {}, { type: 'user.start' })).toThrow();
  });
});
