// A channel's messaging windows as staff need to read them: "Messenger: 3 h left in the 24 h
// window (RESPONSE), then HUMAN_AGENT until 14:05 Fri 28/11". The channel adapter knows the rules
// (ChannelSender.window); this walks them forward from now by asking what holds when each ends.
import type { SendWindow } from '../core/channel.ts';
import type { ConversationKey } from '../core/messages.ts';
import type { WindowProbe } from './deps.ts';

export interface WindowStep {
  mode?: string;
  canSend: boolean;
  /** When this step ends (undefined: open-ended). */
  until?: number;
  /** How long the platform's window is, counted from the user's last message. */
  lengthMs?: number;
  reason?: string;
  /** The bot's string key for `reason`, when the channel gave one. */
  reasonKey?: string;
}

export interface WindowTimeline {
  /** undefined: the channel has no window, staff may write at any time. */
  steps?: WindowStep[];
  lastUserAt?: number;
}

const MAX_STEPS = 4;

export async function windowTimeline(probe: WindowProbe, key: ConversationKey, from: 'bot' | 'agent'): Promise<WindowTimeline> {
  const first = await probe(key, from);
  if (!first.window) return first.lastUserAt !== undefined ? { lastUserAt: first.lastUserAt } : {};
  const lastUserAt = first.lastUserAt;
  const steps: WindowStep[] = [step(first.window, lastUserAt)];
  let current: SendWindow = first.window;
  while (current.canSend && current.until !== undefined && steps.length < MAX_STEPS) {
    // The channel may say what follows; otherwise ask it what holds once this window has passed.
    const next: SendWindow | undefined = current.then
      ? { canSend: true, mode: current.then.mode, until: current.then.until }
      : (await probe(key, from, current.until + 1)).window;
    if (!next) break;
    steps.push(step(next, lastUserAt));
    if (next.until !== undefined && next.until <= current.until) break;
    current = next;
  }
  return { steps, ...(lastUserAt !== undefined ? { lastUserAt } : {}) };
}

function step(w: SendWindow, lastUserAt: number | undefined): WindowStep {
  return {
    canSend: w.canSend,
    ...(w.mode ? { mode: w.mode } : {}),
    ...(w.until !== undefined ? { until: w.until } : {}),
    ...(w.until !== undefined && lastUserAt !== undefined && w.until > lastUserAt ? { lengthMs: w.until - lastUserAt } : {}),
    ...(w.reason ? { reason: w.reason } : {}),
    ...(w.reasonKey ? { reasonKey: w.reasonKey } : {}),
  };
}

/** "3 h", "45 min", "2 d" — the largest unit that reads well. */
export function shortDuration(ms: number, units: { min: string; h: string; d: string }): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  if (minutes < 90) return `${minutes} ${units.min}`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} ${units.h}`;
  return `${Math.round(hours / 24)} ${units.d}`;
}
