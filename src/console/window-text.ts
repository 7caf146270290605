// A channel's windows in the staff member's words, shared by the chat view (may I reply?) and the
// registration view (will the status notice arrive?).
import { duration, when } from './format.ts';
import type { StaffCtx } from './router.ts';
import type { WindowStep } from './windows.ts';

/** The channel's reason in the staff member's language when it gave a key, else as it wrote it. */
export function reasonOf(c: StaffCtx, s: Pick<WindowStep, 'reason' | 'reasonKey'>): string {
  if (s.reasonKey) {
    try {
      return c.deps.botTranslate(c.locale, s.reasonKey);
    } catch {
      // An unknown key: fall back to the channel's own words.
    }
  }
  return s.reason ?? '';
}

/** "Messenger: 3 h left in the 24 h window (RESPONSE, until …)", then what follows, for an open first step. */
export function openWindowParts(c: StaffCtx, channel: string, first: WindowStep, rest: readonly WindowStep[], tz: string): string[] {
  const now = c.deps.clock.now();
  const parts: string[] = [];
  if (first.until !== undefined) {
    const mode = first.mode ?? '';
    parts.push(
      first.lengthMs !== undefined
        ? c.t('window.openFor', { channel, left: duration(c, first.until - now), length: duration(c, first.lengthMs), mode, until: when(c, first.until, tz) })
        : c.t('window.openUntil', { channel, mode, until: when(c, first.until, tz) }),
    );
  } else parts.push(c.t('window.openNoEnd', { channel, mode: first.mode ?? '' }));
  for (const s of rest) {
    if (!s.canSend) {
      parts.push(c.t('window.thenClosed', { reason: reasonOf(c, s) }));
      break;
    }
    parts.push(s.until !== undefined ? c.t('window.then', { mode: s.mode ?? '', until: when(c, s.until, tz) }) : c.t('window.thenNoEnd', { mode: s.mode ?? '' }));
  }
  return parts;
}
