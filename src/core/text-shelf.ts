// Where the texts shared by conversations go (see transcript-codec.ts). A turn never waits for
// one: it refers to a shared text only once this process knows it is kept for at least as long
// as the entry will be; until then the entry keeps the words itself and the text is written in
// the background, outside the turn's script (its own slot), for the turns after. Each process
// writes a text at most once per `lifeMs`, and each write keeps it `keepMs` (far longer: a
// transcript lives on while its conversation does, and a reply of last month still reads).
import type { Clock, Store } from './ports.ts';
import { sharedTextId } from './transcript-codec.ts';

/** How many texts a process remembers having written (content has a few hundred). */
const REMEMBERED = 5_000;

export class TextShelf {
  /** Id → when our write of it was sent. */
  private readonly written = new Map<string, number>();
  private readonly writing = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly clock: Clock,
    private readonly lifeMs: number,
    private readonly keepMs = Math.max(2 * lifeMs, 400 * 24 * 3600_000),
  ) {}

  /** The id to refer to `payload` by, when it is kept long enough; else undefined, and it is put up for next time. */
  ref(payload: string): string | undefined {
    const id = sharedTextId(payload);
    const at = this.written.get(id);
    if (at !== undefined && this.clock.now() - at < this.keepMs - this.lifeMs) return id;
    this.put(id, payload);
    return undefined;
  }

  private put(id: string, payload: string): void {
    if (this.writing.has(id)) return;
    this.writing.add(id);
    const at = this.clock.now();
    this.store
      .sharedTextsPut({ [id]: payload }, this.keepMs)
      .then(
        () => {
          this.written.delete(id);
          this.written.set(id, at);
          if (this.written.size > REMEMBERED) this.written.delete(this.written.keys().next().value!);
        },
        // Not kept: the entries go on holding their words, and a later turn tries again.
        () => undefined,
      )
      .finally(() => this.writing.delete(id));
  }
}
