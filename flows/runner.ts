// One turn of the root machine: restore the persisted snapshot, send one event, collect what it
// emitted, persist, stop. No timers or invoked promises survive a turn, so none are used.
import { createActor } from 'xstate';
import type { Effect, FlowRunner, FlowState } from '../src/core/effects.ts';
import type { FlowDeps } from './dialogue.ts';
import { FLOW_VERSION, createRootMachine } from './root.machine.ts';

export function createFlowRunner(deps: FlowDeps): FlowRunner {
  const machine = createRootMachine(deps);
  return {
    version: FLOW_VERSION,
    step(persisted, initial, event) {
      const actor = createActor(
        machine,
        persisted === undefined ? { input: initial } : { input: initial, snapshot: persisted as never },
      );
      const effects: Effect[] = [];
      actor.on('*', (e) => effects.push(e as Effect));
      let failure: unknown;
      actor.subscribe({ error: (err) => (failure = err) });
      actor.start();
      if (actor.getSnapshot().status === 'active') actor.send(event);
      const snap = actor.getSnapshot();
      // Persist before stopping: a snapshot taken after stop() is "stopped" and would ignore every later event.
      const next = actor.getPersistedSnapshot();
      actor.stop();
      if (failure !== undefined || snap.status === 'error') throw failure ?? snap.error;
      const ctx = snap.context;
      const state: FlowState = {};
      if (ctx.locale) state.locale = ctx.locale;
      if (ctx.country) state.country = ctx.country;
      if (ctx.city) state.city = ctx.city;
      return { persisted: next, effects, state };
    },
  };
}

export { FLOW_VERSION };
export type { FlowDeps } from './dialogue.ts';
