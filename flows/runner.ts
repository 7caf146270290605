// One turn of the root machine as a pure step: the stored snapshot is resolved, the event is
// applied by the machine's own pure transition (what XState's `transition(machine, snapshot,
// event)` and `initialTransition` call), and what the machine emitted is read from the actions it
// hands to the scope's executor — no actor is started or stopped, so a turn costs a transition,
// not an actor's life. `transition()` itself builds a throwaway actor per call (which computes the
// machine's initial snapshot, most of a turn's cost), so the runner builds that inert scope once
// and reuses it: the machine spawns and invokes nothing, so the scope's system stays empty. No
// timers or invoked promises survive a turn; every action is a built-in (assign, emit), so
// nothing is left to execute.
import { createActor, type AnyActorScope, type AnyMachineSnapshot } from 'xstate';
import type { Effect, FlowRunner, FlowState } from '../src/core/effects.ts';
import type { FlowDeps } from './dialogue.ts';
import { FLOW_VERSION, createRootMachine } from './root.machine.ts';
import { restoredSnapshot, trimmedSnapshot, type StoredSnapshot } from './snapshot.ts';

interface ExecutedAction {
  type: string;
  params?: unknown;
}

/** The events the machine emitted, in order: each `emit` is an action carrying its event. */
function emitted(actions: readonly ExecutedAction[]): Effect[] {
  const out: Effect[] = [];
  for (const a of actions) if (a.type === 'xstate.emit') out.push((a.params as { event: Effect }).event);
  return out;
}

export function createFlowRunner(deps: FlowDeps): FlowRunner {
  const machine = createRootMachine(deps);
  const self = createActor(machine, { input: {} });
  let executed: ExecutedAction[] = [];
  const scope: AnyActorScope = {
    self,
    id: '',
    sessionId: '',
    system: self.system,
    logger: () => {},
    defer: () => {},
    emit: () => {},
    stopChild: () => {},
    actionExecutor: (a) => void executed.push(a),
  };
  /** One pure step of the machine; returns the next snapshot and the events it emitted. */
  const pure = (next: () => AnyMachineSnapshot): [AnyMachineSnapshot, Effect[]] => {
    executed = [];
    try {
      return [next(), emitted(executed)];
    } finally {
      executed = [];
    }
  };
  return {
    version: FLOW_VERSION,
    step(persisted, initial, event) {
      const effects: Effect[] = [];
      let snap: AnyMachineSnapshot;
      if (persisted === undefined) {
        const [first, entry] = pure(() => machine.getInitialSnapshot(scope, initial));
        effects.push(...entry);
        snap = first;
      } else {
        // Throws for a snapshot that no longer fits the machine (a state it does not have).
        snap = machine.resolveState(restoredSnapshot(persisted) as never);
      }
      if (snap.status === 'active') {
        const current = snap;
        const [next, emits] = pure(() => machine.transition(current as never, event, scope));
        effects.push(...emits);
        snap = next;
      }
      if (snap.status === 'error') throw snap.error;
      const ctx = snap.context as FlowState;
      const state: FlowState = {};
      if (ctx.locale) state.locale = ctx.locale;
      if (ctx.country) state.country = ctx.country;
      if (ctx.city) state.city = ctx.city;
      return { persisted: trimmedSnapshot(machine.getPersistedSnapshot(snap as never)), effects, state };
    },
    asked(persisted) {
      // Read from the stored form as it is: the topic and the slots have no defaults to put back,
      // so restoring the snapshot (which the turn's step does anyway) would only copy it again.
      const stored = persisted as Partial<StoredSnapshot> | null;
      const ctx = stored?.context as { topic?: unknown; slots?: unknown } | null | undefined;
      // What the restore refuses is refused here too: the engine then reads the message alone.
      if (stored?.value === undefined || typeof ctx !== 'object' || ctx === null) throw new Error('not a stored flow snapshot');
      if (typeof ctx.topic !== 'string') return undefined;
      const slots = ctx.slots && typeof ctx.slots === 'object' ? (ctx.slots as Record<string, string[]>) : undefined;
      return slots ? { topic: ctx.topic, slots } : { topic: ctx.topic };
    },
  };
}

export { FLOW_VERSION };
export type { FlowDeps } from './dialogue.ts';
