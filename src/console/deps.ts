// What the console is given by the composition root, and the services it builds on top.
import type { SendWindow } from '../core/channel.ts';
import type { CannedReply } from '../core/content/index.ts';
import type { Localized } from '../core/effects.ts';
import type { MediaVault } from '../core/media-vault.ts';
import type { ConversationKey, Locale } from '../core/messages.ts';
import type { Clock, Log, Store } from '../core/ports.ts';
import type { Translate } from '../core/translate.ts';
import type { MissionDirectory } from '../handoff/model.ts';
import type { HandoffQueue } from '../handoff/queue.ts';
import type { RegistrationService } from '../registration/service.ts';
import type { StaffAccounts } from './accounts.ts';
import type { AuditLog } from './audit.ts';
import type { CannedReplies } from './canned.ts';
import type { LiveFeed } from './live.ts';
import type { SessionOptions, Sessions } from './sessions.ts';
import type { StaffFileOptions } from './staff-sync.ts';
import type { SignInThrottle, ThrottleOptions } from './throttle.ts';

export interface ConsoleOptions {
  /** Signs the CSRF cookie and keys the CSRF tokens. */
  secret: string;
  /** Cookies only over HTTPS (behind TLS). */
  secureCookies: boolean;
  session: SessionOptions;
  throttle: ThrottleOptions;
  /** How often the live stream reads the store, to see changes made by other instances. */
  pollMs: number;
  /** A comment line on the live stream this often keeps proxies from closing it and checks the session. */
  heartbeatMs: number;
  /** How often ended sessions and old sign-in counts are purged. */
  sweepMs: number;
}

export const DEFAULT_CONSOLE_TIMINGS = { pollMs: 3_000, heartbeatMs: 20_000, sweepMs: 10 * 60_000 };
/** How often a server without Redis looks at the staff file for changes made by `npm run staff`. */
export const STAFF_FILE_POLL_MS = 1_000;

export interface CountryInfo {
  code: string;
  name: Localized;
  /** `aliases`: the ways people write the city's area (content/countries.yaml), to find the word a worker used. */
  cities: readonly { id: string; name: Localized; aliases?: readonly string[] }[];
}

/** A channel's window as the outbox reports it (see Outbox.sendWindow). */
export type WindowProbe = (key: ConversationKey, from: 'bot' | 'agent', at?: number) => Promise<{ lastUserAt?: number; window?: SendWindow }>;

/** Return registrations (src/registration) and the names their records hold as codes. */
export interface ConsoleRegistrations {
  service: RegistrationService;
  /** A home province's name (content/provinces.yaml) by its id. */
  provinceName(id: string): string | undefined;
}

/** The media kept with conversations, and what each channel takes as an officer's attachment. */
export interface ConsoleMedia {
  vault: MediaVault;
  /** The platform's largest image and file (bytes); undefined: the channel sends no files. */
  attachmentLimits(channel: string): { image: number; file: number } | undefined;
}

export interface ConsoleDeps {
  store: Store;
  clock: Clock;
  log: Log;
  queue: HandoffQueue;
  missions: MissionDirectory;
  countries: readonly CountryInfo[];
  /** Replies staff pick and edit (content/canned.yaml): every mission's list until a supervisor edits it. */
  canned: readonly CannedReply[];
  /** A mission's phone lines from content, one per line, for canned replies' {{missionLines}}. */
  missionLines?(mission: string, locale: Locale): string;
  /** The console's own strings (locales/<lang>/console.json). */
  translate: Translate;
  /** The bot's strings: channels explain a closed window with one of their keys (SendWindow.reasonKey). */
  botTranslate: Translate;
  window: WindowProbe;
  registrations: ConsoleRegistrations;
  options: ConsoleOptions;
  /** Without it the transcript shows what came but cannot open it, and replies carry no files. */
  media?: ConsoleMedia;
  /** Accounts shared with `npm run staff` through a file (CONSOLE_STAFF_FILE). */
  staffFile?: StaffFileOptions;
}

export interface ConsoleServices {
  accounts: StaffAccounts;
  sessions: Sessions;
  throttle: SignInThrottle;
  audit: AuditLog;
  live: LiveFeed;
  canned: CannedReplies;
}
