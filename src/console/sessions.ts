// Server-side sessions in the store: the cookie holds a random token, the store only its SHA-256,
// so a copy of the store does not let anyone sign in. A session ends at a fixed lifetime after
// sign-in, after a period without activity, at sign-out, or when its owner signs out everywhere.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock, Store } from '../core/ports.ts';

export const SESSION_TABLE = 'console:sessions';

export interface Session {
  /** SHA-256 of the token, hex: the table key. */
  id: string;
  staffId: string;
  createdAt: number;
  lastSeenAt: number;
  expiresAt: number;
  address: string;
  userAgent: string;
}

export interface SessionOptions {
  ttlMs: number;
  idleMs: number;
}

/** Activity is written at most this often (each page view would otherwise be a store write). */
const TOUCH_EVERY_MS = 60_000;

export function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export class Sessions {
  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly opts: SessionOptions,
  ) {}

  /** A new session; returns the token for the cookie. */
  async create(staffId: string, meta: { address: string; userAgent: string }): Promise<{ token: string; session: Session }> {
    const token = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    const session: Session = {
      id: sessionId(token),
      staffId,
      createdAt: now,
      lastSeenAt: now,
      expiresAt: now + this.opts.ttlMs,
      address: meta.address,
      userAgent: meta.userAgent.slice(0, 200),
    };
    await this.store.tablePut(SESSION_TABLE, session.id, session);
    return { token, session };
  }

  /** The live session for a cookie token; an expired one is removed. */
  async resolve(token: string | undefined): Promise<Session | undefined> {
    if (!token || token.length > 100) return undefined;
    const id = sessionId(token);
    const session = await this.store.tableGet<Session>(SESSION_TABLE, id);
    if (!session) return undefined;
    const now = this.clock.now();
    if (!this.isLive(session, now)) {
      await this.store.tableDelete(SESSION_TABLE, id);
      return undefined;
    }
    if (now - session.lastSeenAt >= TOUCH_EVERY_MS) {
      session.lastSeenAt = now;
      await this.store.tablePut(SESSION_TABLE, id, session);
    }
    return session;
  }

  /** Whether a session read earlier still stands (the live stream asks this on each heartbeat). */
  async stillLive(id: string): Promise<boolean> {
    const session = await this.store.tableGet<Session>(SESSION_TABLE, id);
    return session !== undefined && this.isLive(session, this.clock.now());
  }

  async destroy(id: string): Promise<void> {
    await this.store.tableDelete(SESSION_TABLE, id);
  }

  /** Ends every session of a staff member (but `keep`, when given); returns how many ended. */
  async destroyAll(staffId: string, keep?: string): Promise<number> {
    let n = 0;
    // Ended ones too: nothing of the person's sessions stays behind.
    for (const s of await this.store.tableAll<Session>(SESSION_TABLE)) {
      if (s.staffId !== staffId || s.id === keep) continue;
      await this.store.tableDelete(SESSION_TABLE, s.id);
      n++;
    }
    return n;
  }

  async listFor(staffId: string): Promise<Session[]> {
    const now = this.clock.now();
    return (await this.store.tableAll<Session>(SESSION_TABLE))
      .filter((s) => s.staffId === staffId && this.isLive(s, now))
      .sort((a, b) => b.lastSeenAt - a.lastSeenAt);
  }

  /** Removes ended sessions (the console's sweeper). */
  async purge(): Promise<number> {
    const now = this.clock.now();
    let n = 0;
    for (const s of await this.store.tableAll<Session>(SESSION_TABLE)) {
      if (this.isLive(s, now)) continue;
      await this.store.tableDelete(SESSION_TABLE, s.id);
      n++;
    }
    return n;
  }

  private isLive(s: Session, now: number): boolean {
    return now < s.expiresAt && now - s.lastSeenAt < this.opts.idleMs;
  }
}
