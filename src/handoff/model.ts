// What the hand-off desk keeps about an escalated chat, and about the staff who answer it.
import type { Localized } from '../core/effects.ts';
import type { ConversationKey, Locale } from '../core/messages.ts';
import type { OfficeHours } from './office-hours.ts';

export const HANDOFF_STATUSES = ['waiting', 'assigned', 'closed', 'expired'] as const;
export type HandoffStatus = (typeof HANDOFF_STATUSES)[number];
export type Priority = 'emergency' | 'normal';

/** How an officer closed a chat, for the statistics. */
export const OUTCOMES = ['answered', 'referred', 'no_response', 'false_alarm'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export function isOutcome(v: string): v is Outcome {
  return (OUTCOMES as readonly string[]).includes(v);
}

/**
 * What is left in a mission's queue for the shift when a user erased their data while their chat
 * was open: nothing of the person, only that a chat from a country was withdrawn and when.
 */
export interface WithdrawnLine {
  id: string;
  mission?: string;
  country?: string;
  priority: Priority;
  status: 'waiting' | 'assigned';
  at: number;
}

export interface HandoffEvent {
  at: number;
  /** A status, or what happened without changing it ('raised', 'transferred', 'offered'). */
  event: HandoffStatus | 'raised' | 'transferred' | 'offered' | 'cancelled';
  by?: string;
  detail?: string;
}

export interface Handoff {
  id: string;
  key: ConversationKey;
  /** The mission whose staff answer it; undefined until the user's country is known. */
  mission?: string;
  country?: string;
  city?: string;
  topic?: string;
  locale: Locale;
  reason: string;
  priority: Priority;
  status: HandoffStatus;
  assignee?: { id: string; name: string };
  createdAt: number;
  updatedAt: number;
  lastUserAt: number;
  /** When the "leave a message / back to the assistant" offer is due (waiting time counts in office hours). */
  offerDueAt: number;
  offeredAt?: number;
  /** When the user was told that buttons do nothing while a person answers (told once per chat). */
  tapNoticeAt?: number;
  /** Danger detected in the user's messages after the chat was escalated. */
  alerts: { at: number; kinds: string[] }[];
  /** Locations the user shared while the chat was open (an emergency's "where are you"), newest last. */
  locations?: { at: number; lat: number; lon: number }[];
  /** A transfer's note carries where the chat came from, so the receiving officers see why it is theirs. */
  notes: { at: number; by: string; text: string; transfer?: { from?: string; to: string } }[];
  outcome?: Outcome;
  history: HandoffEvent[];
}

export const STAFF_ROLES = ['agent', 'supervisor', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface Staff {
  id: string;
  name: string;
  role: StaffRole;
  /** Missions an agent answers for; a supervisor sees every mission of these missions' countries. */
  missions: string[];
}

export interface MissionInfo {
  id: string;
  name: Localized;
  country: string;
  timeZone: string;
  officeHours: OfficeHours;
}

/** Where a chat goes: the content's missions, by country and city. */
export interface MissionDirectory {
  route(country?: string, city?: string): MissionInfo | undefined;
  get(id: string): MissionInfo | undefined;
  all(): readonly MissionInfo[];
}

/** Emergencies first, then whoever has waited longest. */
export function byUrgency(a: Handoff, b: Handoff): number {
  if (a.priority !== b.priority) return a.priority === 'emergency' ? -1 : 1;
  return a.createdAt - b.createdAt;
}
