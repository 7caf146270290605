// What the live queue is fed with: this instance's changes as they happen (HandoffQueue.changes),
// and a periodic look at the store so changes made by other instances show too. Subscribers get
// a small notice (id, mission, status, priority) and fetch what they show; scope is their filter.
import type { Log } from '../core/ports.ts';
import type { Handoff, HandoffStatus, Priority } from '../handoff/model.ts';
import type { HandoffQueue } from '../handoff/queue.ts';

export interface LiveNotice {
  id: string;
  mission?: string;
  status: HandoffStatus;
  priority: Priority;
  /** The chat just became (or arrived as) an emergency: consoles alert. */
  alert: boolean;
  /** Where it was before a transfer: that mission's consoles drop it. */
  previousMission?: string;
}

type Listener = (n: LiveNotice) => void;

interface Known {
  sig: string;
  mission?: string;
  priority: Priority;
}

function signature(h: Handoff): string {
  return [h.status, h.priority, h.updatedAt, h.lastUserAt, h.mission, h.assignee?.id, h.notes.length, h.alerts.length].join('|');
}

export class LiveFeed {
  private readonly listeners = new Set<Listener>();
  private readonly known = new Map<string, Known>();
  private timer: NodeJS.Timeout | undefined;
  private primed = false;
  private polling: Promise<void> | undefined;
  private readonly onChange = (h: Handoff) => this.see(h);

  constructor(
    private readonly queue: HandoffQueue,
    private readonly log: Log,
    private readonly pollMs: number,
  ) {}

  start(): void {
    this.queue.changes.on('change', this.onChange);
  }

  stop(): void {
    this.queue.changes.off('change', this.onChange);
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    // The store is read only while someone is watching.
    if (!this.timer) {
      this.timer = setInterval(() => void this.poll(), this.pollMs);
      this.timer.unref();
      void this.poll();
    }
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0 && this.timer) {
        clearInterval(this.timer);
        this.timer = undefined;
        this.primed = false;
      }
    };
  }

  /** One look at the store; what changed since the last look is announced. */
  poll(): Promise<void> {
    this.polling ??= this.pollOnce().finally(() => (this.polling = undefined));
    return this.polling;
  }

  private async pollOnce(): Promise<void> {
    let open: Handoff[];
    try {
      open = await this.queue.list();
    } catch (err) {
      this.log.warn({ err }, 'live queue: store not readable; trying again');
      return;
    }
    const seen = new Set<string>();
    for (const h of open) {
      seen.add(h.id);
      // The first look only learns what is there: nothing changed for anyone yet.
      if (this.primed) this.see(h);
      else this.known.set(h.id, { sig: signature(h), ...(h.mission ? { mission: h.mission } : {}), priority: h.priority });
    }
    for (const [id, k] of this.known) {
      if (seen.has(id)) continue;
      // Gone from the open queue: closed or expired somewhere.
      this.known.delete(id);
      if (this.primed) this.emit({ id, ...(k.mission ? { mission: k.mission } : {}), status: 'closed', priority: k.priority, alert: false });
    }
    this.primed = true;
  }

  private see(h: Handoff): void {
    const before = this.known.get(h.id);
    const sig = signature(h);
    if (before?.sig === sig) return;
    const open = h.status === 'waiting' || h.status === 'assigned';
    if (open) this.known.set(h.id, { sig, ...(h.mission ? { mission: h.mission } : {}), priority: h.priority });
    else this.known.delete(h.id);
    const alert = h.priority === 'emergency' && before?.priority !== 'emergency' && open;
    const moved = before?.mission !== undefined && before.mission !== h.mission ? { previousMission: before.mission } : {};
    this.emit({ id: h.id, ...(h.mission ? { mission: h.mission } : {}), status: h.status, priority: h.priority, alert, ...moved });
  }

  private emit(n: LiveNotice): void {
    for (const l of this.listeners) {
      try {
        l(n);
      } catch (err) {
        this.log.warn({ err }, 'live queue listener failed');
      }
    }
  }
}
