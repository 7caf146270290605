// A question tree never asks what the message already said: from the tree's start, an option whose
// `when` names a slot value the message gave ("hết hạn hợp đồng" → ended=term) is taken without
// asking, and so on down, stopping where the message said nothing — or something that fits two
// options, which is still the user's to choose.
import type { DialogueTree } from './dialogue.ts';

type Slots = Readonly<Record<string, readonly string[]>>;

/**
 * The slots with where the message says the user is: a place abroad named ("đánh rơi hộ chiếu ở
 * Osaka") answers "where are you now?" as abroad, Viet Nam (only read when the user is there) as
 * back home — unless the message said it in words of its own ("về nước rồi").
 */
export function withPlace(slots: Slots | undefined, country: string | undefined): Record<string, string[]> | undefined {
  const own = slots ? Object.fromEntries(Object.entries(slots).map(([k, v]) => [k, [...v]])) : undefined;
  if (!country || own?.stage?.length) return own;
  return { ...own, stage: [country === HOME ? 'returned' : 'abroad'] };
}

/** Viet Nam's code: named as where the user is, they are back home. */
const HOME = 'VN';

export interface TreePosition {
  node: string;
  trail: string[];
}

export function prefilledPosition(tree: DialogueTree, slots: Slots | undefined): TreePosition {
  let node = tree.start;
  const trail: string[] = [];
  const said = (w: string) => {
    const [slot = '', value = ''] = w.split('=');
    return slots?.[slot]?.includes(value) ?? false;
  };
  // Bounded by the tree's size: content is validated, but a cycle must not hang a turn.
  for (let steps = 0; slots && steps < Object.keys(tree.nodes).length; steps++) {
    const fitting = tree.nodes[node]?.options?.filter((o) => o.when?.some(said)) ?? [];
    if (fitting.length !== 1) break;
    trail.push(node);
    node = fitting[0]!.next;
  }
  return { node, trail };
}
