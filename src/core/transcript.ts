// What staff read of the choices in a conversation: the options a bot message offered, labelled in
// every interface language (the officer may read another language than the worker), and the label
// of the option the worker picked, as the worker saw it. Ids like `country_JP` never reach staff.
import { LOCALES, type Choice, type Locale, type OutboundMessage } from './messages.ts';

export interface OfferedChoice {
  id: string;
  label: Partial<Record<Locale, string>>;
}

/**
 * The options each reply offered (undefined for a reply without options). `choicesIn` gives the
 * same turn's options in another language, one list per reply that has options, in order (the
 * responder's choicesIn: labels only, no text rendered); it is asked only when a reply has options,
 * once per language.
 */
export function offeredChoices(replies: readonly OutboundMessage[], locale: Locale, choicesIn: (l: Locale) => readonly (readonly Choice[])[]): (OfferedChoice[] | undefined)[] {
  if (!replies.some((r) => r.choices?.length)) return replies.map(() => undefined);
  const others = LOCALES.filter((l) => l !== locale).map((l) => ({ l, lists: choicesIn(l) }));
  let n = 0;
  return replies.map((r) => {
    if (!r.choices?.length) return undefined;
    const k = n++;
    return r.choices.map((c) => {
      const label: Partial<Record<Locale, string>> = { [locale]: c.label };
      for (const o of others) {
        const same = o.lists[k]?.find((x) => x.id === c.id);
        if (same) label[o.l] = same.label;
      }
      return { id: c.id, label };
    });
  });
}

/** The label of a picked option among those last shown, or the id in brackets when it is not among them (an old button). */
export function pickedLabel(id: string, pending: readonly Choice[] | undefined): string {
  return pending?.find((c) => c.id === id)?.label ?? `[${id}]`;
}
