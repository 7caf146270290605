// What staff read of the choices in a conversation: the options a bot message offered, labelled in
// every interface language (the officer may read another language than the worker), and the label
// of the option the worker picked, as the worker saw it. Ids like `country_JP` never reach staff.
import { LOCALES, type Choice, type Locale, type OutboundMessage } from './messages.ts';

export interface OfferedChoice {
  id: string;
  label: Partial<Record<Locale, string>>;
}

/**
 * The options each reply offered (undefined for a reply without options). `renderIn` renders the
 * same turn in another language; it is asked only when a reply has options, once per language.
 */
export function offeredChoices(replies: readonly OutboundMessage[], locale: Locale, renderIn: (l: Locale) => readonly OutboundMessage[]): (OfferedChoice[] | undefined)[] {
  if (!replies.some((r) => r.choices?.length)) return replies.map(() => undefined);
  const others = LOCALES.filter((l) => l !== locale).map((l) => ({ l, messages: renderIn(l) }));
  return replies.map((r, i) =>
    r.choices?.length
      ? r.choices.map((c) => {
          const label: Partial<Record<Locale, string>> = { [locale]: c.label };
          for (const o of others) {
            const same = o.messages[i]?.choices?.find((x) => x.id === c.id);
            if (same) label[o.l] = same.label;
          }
          return { id: c.id, label };
        })
      : undefined,
  );
}

/** The label of a picked option among those last shown, or the id in brackets when it is not among them (an old button). */
export function pickedLabel(id: string, pending: readonly Choice[] | undefined): string {
  return pending?.find((c) => c.id === id)?.label ?? `[${id}]`;
}
