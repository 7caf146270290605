// The neutral vocabulary between the engine and the flows: what a flow receives (FlowEvent) and what
// it emits (Effect). Flows say *what* to tell the user (a locale key, a content id, a hand-off);
// the responder in src/core turns that into text for the user's language and channel.
import type { Locale, UnsupportedKind } from './messages.ts';
import type { RegistrationDraft } from './registration.ts';

export type Localized = Record<Locale, string>;

export const TOPICS = ['contract_liquidation', 'return_registration', 'support_fund', 'hotline'] as const;
export type Topic = (typeof TOPICS)[number];
export function isTopic(s: string | undefined): s is Topic {
  return (TOPICS as readonly string[]).includes(s ?? '');
}

export const COMMANDS = ['menu', 'back', 'help', 'staff', 'language', 'delete'] as const;
export type Command = (typeof COMMANDS)[number];

/** What the NLU understood, reduced to what a flow may decide on. */
export interface Understanding {
  intent: string;
  confidence: number;
  topicIntent?: string;
  country?: string;
  city?: string;
  /** `unknown`: the article says the content does not know what was asked. */
  article?: { id: string; score: number; unknown?: boolean };
  /** A second question of another topic in the same message, answered after `article`. */
  also?: { id: string; unknown?: boolean }[];
  /** What the message said about its case and what it asks: pre-fills the topic's question tree. */
  slots?: Record<string, string[]>;
  /** No topic of its own, but close to an article: a follow-up, answered when the chat is in that article's topic ("hạn mấy ngày"). */
  followUp?: { id: string; topic: string; unknown?: boolean };
  /** The language this message is written in. */
  locale: Locale;
  /** Long enough (three words or more) for that language to be more than a guess. */
  localeSure?: boolean;
}

export type FlowEvent =
  | { type: 'user.start'; param?: string }
  /** `at` (ms since epoch, set by the engine) lets a flow read dates relative to the user's today. */
  | { type: 'user.text'; text: string; nlu: Understanding; at?: number }
  | { type: 'user.choice'; id: string; at?: number }
  | { type: 'user.command'; command: Command }
  | { type: 'user.emergency'; kinds: string[]; nlu: Understanding }
  /** Something is wrong but not what (a farewell, "không chịu nổi nữa"): ask whether the user is safe. */
  | { type: 'user.concern'; nlu: Understanding }
  | { type: 'user.unsupported'; kind: UnsupportedKind }
  /** Synthetic events from the hand-off desk (a sweeper or a staff action), never from the user. */
  | { type: 'handoff.timeout' }
  | { type: 'handoff.closed' };

export type SystemEvent = Extract<FlowEvent, { type: `handoff.${string}` }>;

/**
 * A variable of an interface string: plain text or a number, or another interface string (with its
 * own variables) translated into the same language first — so a flow can show "early return —
 * accident" without holding words of any language — or a name from content in both languages.
 * A list is translated item by item and joined.
 */
export type VarValue = string | number | { key: string; vars?: Vars } | { text: Localized } | VarValue[];
export type Vars = Record<string, VarValue>;

/** A choice as a flow describes it: a locale key, or a label from content. */
export type ChoiceSpec = { id: string; key: string; vars?: Vars } | { id: string; label: Localized };

export type HandoffReason = 'asked' | 'not_understood' | 'emergency';

/** A question with choices. `transient` questions (e.g. after an emergency) are not re-asked later. */
export interface AskEffect {
  type: 'ask';
  key?: string;
  text?: Localized;
  vars?: Vars;
  choices: ChoiceSpec[];
  transient?: boolean;
}

export type Effect =
  | { type: 'say'; key: string; vars?: Vars }
  | AskEffect
  /** Ask again the last (non-transient) question. */
  | { type: 'reprompt' }
  | { type: 'articles'; ids: string[]; country?: string }
  /** `kinds`: the danger recognised, so an emergency leads with the lines for it (the ambulance for self-harm). */
  | { type: 'hotlines'; country?: string; scope: 'all' | 'emergency'; kinds?: string[]; needs?: string[] }
  | { type: 'handoff'; reason: HandoffReason; priority: 'emergency' | 'normal'; topic?: string }
  /** The user chose to go back to the assistant instead of waiting for a person. */
  | { type: 'handoff.cancel' }
  | { type: 'erase' }
  /** Return registration (carried out by the engine's RegistrationDesk, src/core/registration.ts). */
  | { type: 'registration.submit'; draft: RegistrationDraft }
  /** Show this chat's registrations (or the one with this reference) and their status. */
  | { type: 'registration.status'; ref?: string }
  | { type: 'registration.withdraw'; ref?: string }
  | { type: 'registration.erase'; ref?: string };

export interface FlowState {
  locale?: Locale;
  country?: string;
  city?: string;
}

export interface FlowStepResult {
  persisted: unknown;
  effects: Effect[];
  state: FlowState;
}

/** What the engine needs from the flows; implemented in flows/ and injected by server.ts. */
export interface FlowRunner {
  readonly version: number;
  /** Runs one event. `persisted` undefined starts a new conversation with `initial`. Throws on a snapshot that no longer fits. */
  step(persisted: unknown, initial: FlowState, event: FlowEvent): FlowStepResult;
  /**
   * What the conversation in `persisted` was last asking about (its topic and the slots its
   * question gave), so a follow-up ("e đi Hàn theo EPS") is read with them; undefined when nothing.
   */
  asked?(persisted: unknown): Earlier | undefined;
}

/** The question a conversation was on: its topic and what it said of its case. */
export interface Earlier {
  topic?: string;
  slots?: Record<string, string[]>;
  /** Where the conversation knows the user is (said before, or preset): whose lines answer "gọi số nào". */
  country?: string;
}
