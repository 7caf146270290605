// Turns a turn's Effects into the messages the user receives, in the user's language. Consecutive
// effects are merged into one message that ends with the turn's question, so a reply costs one
// message of data and arrives in one piece; channels split it if it is too long.
import type { AskEffect, ChoiceSpec, Effect, VarValue, Vars } from './effects.ts';
import type { Choice, Locale, OutboundMessage, Priority } from './messages.ts';
import type { Translate } from './translate.ts';

/** What the responder needs from the knowledge base, already rendered as text. */
export interface ContentView {
  /** The article's answer with its source line (and the "not verified" line when it is not). */
  article(id: string, locale: Locale, country?: string, city?: string): string | undefined;
  /** Hotlines for the country (all, or those for an emergency), as tappable lines; the city's mission first when known. */
  hotlines(locale: Locale, scope: 'all' | 'emergency', country?: string, city?: string, needs?: readonly string[]): string;
  /** The two or three lines to call now for this country and kind of danger, the city's mission and the 24/7 line: what an emergency reply leads with. */
  urgent(locale: Locale, country?: string, city?: string, kinds?: readonly string[]): string;
  countryName(code: string, locale: Locale): string | undefined;
}

export interface Rendered {
  messages: OutboundMessage[];
  /** The choices of the last question asked this turn, if any. */
  pending?: Choice[];
  /** The last non-transient question, to be asked again after an interruption. */
  lastAsk?: AskEffect;
}

export function createResponder(deps: { translate: Translate; content: ContentView }) {
  const { translate: t, content } = deps;

  function label(spec: ChoiceSpec, locale: Locale): Choice {
    return { id: spec.id, label: 'key' in spec ? t(locale, spec.key, resolve(spec.vars, locale)) : spec.label[locale] };
  }

  /** Variables that name interface strings are translated into the same language first. */
  function resolve(vars: Vars | undefined, locale: Locale): Record<string, string | number> | undefined {
    if (!vars) return undefined;
    const one = (v: VarValue): string | number =>
      Array.isArray(v) ? v.map(one).filter((x) => x !== '').join(', ') : typeof v !== 'object' ? v : 'text' in v ? v.text[locale] : t(locale, v.key, resolve(v.vars, locale));
    return Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, one(v)]));
  }

  /**
   * The choices render() would give each of its messages that has any, in order, labelled in
   * `locale` — without rendering the texts (articles, hotline lists): what staff need of a turn in
   * the languages the worker did not read it in.
   */
  function choicesIn(effects: readonly Effect[], locale: Locale, lastAsk?: AskEffect): Choice[][] {
    const out: Choice[][] = [];
    let nextAsk: AskEffect | undefined;
    const ask = (e: AskEffect) => {
      if (e.choices.length > 0) out.push(e.choices.map((c) => label(c, locale)));
    };
    for (const e of effects) {
      if (e.type === 'ask') {
        ask(e);
        if (!e.transient) nextAsk = e;
      } else if (e.type === 'reprompt') {
        const again = nextAsk ?? lastAsk;
        if (again) ask(again);
      }
    }
    return out;
  }

  /** `place` is where the user is after this turn: its city picks the nearest mission's lines. */
  function render(effects: readonly Effect[], locale: Locale, lastAsk?: AskEffect, place?: { country?: string; city?: string }): Rendered {
    const messages: OutboundMessage[] = [];
    let paragraphs: string[] = [];
    let priority: Priority = 'normal';
    let pending: Choice[] | undefined;
    let nextAsk: AskEffect | undefined;

    const ask = (e: AskEffect) => {
      const choices = e.choices.map((c) => label(c, locale));
      paragraphs.push(e.text ? e.text[locale] : t(locale, e.key ?? 'next.prompt', resolve(e.vars, locale)));
      close(choices);
      pending = choices;
    };

    const close = (choices?: Choice[]) => {
      if (paragraphs.length === 0) return;
      const msg: OutboundMessage = { text: paragraphs.join('\n\n'), from: 'bot', priority, locale };
      if (choices && choices.length > 0) {
        msg.choices = choices;
        msg.hint = t(locale, 'choices.hint', { n: choices.length });
      }
      messages.push(msg);
      paragraphs = [];
    };

    for (const e of effects) {
      switch (e.type) {
        case 'say':
          paragraphs.push(t(locale, e.key, resolve(e.vars, locale)));
          break;
        case 'articles': {
          const city = e.country !== undefined && e.country === place?.country ? place.city : undefined;
          for (const id of e.ids) {
            const text = content.article(id, locale, e.country, city);
            if (text) paragraphs.push(text);
          }
          break;
        }
        case 'hotlines': {
          const city = e.country !== undefined && e.country === place?.country ? place.city : undefined;
          if (e.scope === 'emergency') {
            // What to do now fits one phone screen: the few numbers that matter here; the rest are one tap away.
            priority = 'emergency';
            paragraphs.push(`${t(locale, 'emergency.text')}\n${content.urgent(locale, e.country, city, e.kinds)}`);
            break;
          }
          const name = e.country ? content.countryName(e.country, locale) : undefined;
          paragraphs.push(name ? t(locale, 'hotlines.headingCountry', { country: name }) : t(locale, 'hotlines.heading'));
          paragraphs.push(content.hotlines(locale, e.scope, e.country, city, e.needs));
          break;
        }
        case 'ask':
          ask(e);
          if (!e.transient) nextAsk = e;
          break;
        case 'reprompt': {
          const again = nextAsk ?? lastAsk;
          if (again) ask(again);
          break;
        }
        case 'handoff':
        case 'handoff.cancel':
        case 'erase':
        // Carried out by the engine before rendering, which puts what to tell the user in their place.
        case 'registration.submit':
        case 'registration.status':
        case 'registration.withdraw':
        case 'registration.erase':
          break;
      }
    }
    close();
    const out: Rendered = { messages };
    if (pending) out.pending = pending;
    if (nextAsk) out.lastAsk = nextAsk;
    return out;
  }

  return Object.assign(render, { choicesIn });
}

export type Responder = ReturnType<typeof createResponder>;
