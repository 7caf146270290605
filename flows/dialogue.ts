// The shape of a topic dialogue as the flow walks it: a small tree of questions whose leaves name
// articles. The trees themselves are content (content/dialogues/*.yaml), validated when loaded.
import type { Localized } from '../src/core/effects.ts';
import type { RegistrationFlowDeps } from './registration.ts';

export interface DialogueOption {
  id: string;
  label: Localized;
  next: string;
  /** Taken without asking when the question already said one of these (`slot=value`). */
  when?: string[];
}

export interface DialogueNode {
  ask?: Localized;
  options?: DialogueOption[];
  answer?: string[];
  offerStaff?: boolean;
  /** The user is not safe: the leaf also shows the emergency numbers and raises a priority hand-off. */
  emergency?: boolean;
}

export interface DialogueTree {
  id: string;
  start: string;
  nodes: Record<string, DialogueNode>;
}

export interface CountryChoice {
  code: string;
  label: Localized;
}

/** What the root machine is built from: data only, so the machine stays pure. */
export interface FlowDeps {
  dialogues: ReadonlyMap<string, DialogueTree>;
  /** The countries offered as buttons when the bot asks where the user works. */
  countryChoices: readonly CountryChoice[];
  /** The return registration form's data (provinces, time zones…); without it the form is not offered. */
  registration?: RegistrationFlowDeps;
}
