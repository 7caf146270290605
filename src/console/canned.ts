// Canned replies per mission. Each mission starts from the replies in content (canned.yaml); once a
// supervisor edits a mission's list in the console it lives in the store, shared by every instance.
// A reply may say {{officer}} (the officer's name), {{mission}} (the mission's name) and
// {{missionLines}} (the mission's phone lines from content): filled when the officer picks it, so
// a number is never typed by hand into a reply.
import type { Localized } from '../core/effects.ts';
import type { Locale } from '../core/messages.ts';
import type { Store } from '../core/ports.ts';

export const CANNED_TABLE = 'console:canned';
export const MAX_CANNED = 30;
export const MAX_CANNED_TITLE = 80;
export const MAX_CANNED_TEXT = 2000;
export const PLACEHOLDERS = ['officer', 'mission', 'missionLines'] as const;

export interface Canned {
  id: string;
  title: Localized;
  text: Localized;
}

interface Stored {
  replies: Canned[];
  updatedAt: number;
  by: string;
}

export class CannedReplies {
  constructor(
    private readonly store: Store,
    private readonly defaults: readonly Canned[],
  ) {}

  /** A mission's replies: as its supervisor last saved them, else the content's. */
  async forMission(mission: string | undefined): Promise<{ replies: readonly Canned[]; edited?: { at: number; by: string } }> {
    const saved = mission ? await this.store.tableGet<Stored>(CANNED_TABLE, mission) : undefined;
    return saved ? { replies: saved.replies, edited: { at: saved.updatedAt, by: saved.by } } : { replies: this.defaults };
  }

  async save(mission: string, replies: Canned[], by: string, at: number): Promise<void> {
    await this.store.tablePut<Stored>(CANNED_TABLE, mission, { replies, updatedAt: at, by });
  }
}

/** A reply's text with its placeholders filled; an unknown placeholder is left as written, for the officer to see. */
export function fillCanned(text: string, values: Record<(typeof PLACEHOLDERS)[number], string>): string {
  return text.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? values[name as keyof typeof values] : whole));
}

/** The text of a reply in a language, falling back to the other one when it was written in one only. */
export function cannedText(r: Canned, locale: Locale): string {
  return r.text[locale] || Object.values(r.text).find((t) => t) || '';
}
