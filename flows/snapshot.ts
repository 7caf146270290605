// What a conversation stores of the machine: its state and the context that differs from the
// defaults. XState's persisted snapshot also carries the status (always "active" between turns:
// the root machine has no final state), an empty history and no children; the context carries
// empty lists and zero counters in every conversation. Dropping them keeps the record small; the
// restore puts them back, so the machine sees exactly the snapshot it persisted. A snapshot stored
// whole (before this trimming) restores the same way.

/** Context fields whose value in a fresh conversation is always this, whatever the input. */
const CONTEXT_DEFAULTS: Readonly<Record<string, unknown>> = { trail: [], misses: 0, countryAsked: false };

/** The stored form: the state value, and the context without its defaults. */
export interface StoredSnapshot {
  value: unknown;
  context: Record<string, unknown>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function trimmedSnapshot(persisted: unknown): StoredSnapshot {
  const p = persisted as { status: string; value: unknown; context: Record<string, unknown>; children?: object; historyValue?: object };
  // A snapshot this form cannot carry is a change to the machine that must change this file too.
  if (p.status !== 'active' || Object.keys(p.children ?? {}).length > 0 || Object.keys(p.historyValue ?? {}).length > 0) {
    throw new Error(`the flow's snapshot (${p.status}) carries more than its state and context`);
  }
  const context: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(p.context)) {
    if (v === undefined || (k in CONTEXT_DEFAULTS && same(v, CONTEXT_DEFAULTS[k]))) continue;
    context[k] = v;
  }
  return { value: p.value, context };
}

/** The snapshot XState resolves: the stored form with its defaults put back. */
export function restoredSnapshot(stored: unknown): { status: 'active'; value: unknown; context: Record<string, unknown>; historyValue: object } {
  const s = stored as Partial<StoredSnapshot> | null;
  if (!s || s.value === undefined || typeof s.context !== 'object' || s.context === null) throw new Error('not a stored flow snapshot');
  return { status: 'active', value: s.value, context: { ...structuredClone(CONTEXT_DEFAULTS), ...s.context }, historyValue: {} };
}
