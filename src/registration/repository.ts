// Registrations in the store's tables (memory by default, Redis in production), one table per
// mission so a mission's staff read only their own, with three small indexes: where each record
// lives, which record a reference names, and which records came from a conversation. Every record
// is checked with zod when written and when read; one that no longer fits is left out (and
// logged by id only), never shown half-read.
import type { ConversationKey } from '../core/messages.ts';
import type { Log, Store } from '../core/ports.ts';
import { registrationSchema, type Registration } from './model.ts';

/** Where a record lives and what finds it; small, so the admins' view and erasure scan only this. */
interface IndexEntry {
  mission: string | null;
  ref: string;
  conversation: string;
}

const NO_MISSION = '-';
const TABLE_PREFIX = 'registrations:m:';
export const REGISTRATION_TABLES = {
  index: 'registrations:index',
  refs: 'registrations:refs',
  byConversation: 'registrations:by-conversation',
  records: (mission: string | undefined) => `${TABLE_PREFIX}${mission ?? NO_MISSION}`,
} as const;

export function conversationId(key: ConversationKey): string {
  return JSON.stringify([key.channel, key.account, key.user]);
}

export class RegistrationRepository {
  constructor(
    private readonly store: Store,
    private readonly log: Log,
  ) {}

  /** Writes a record and its indexes; a record whose mission changed moves to that mission's table. */
  async save(record: Registration): Promise<void> {
    const r = registrationSchema.parse(record);
    const { store } = this;
    const previous = await store.tableGet<IndexEntry>(REGISTRATION_TABLES.index, r.id);
    await store.tablePut(REGISTRATION_TABLES.records(r.mission), r.id, r);
    if (previous && previous.mission !== (r.mission ?? null)) {
      await store.tableDelete(REGISTRATION_TABLES.records(previous.mission ?? undefined), r.id);
    }
    const conversation = conversationId(r.key);
    await store.tablePut<IndexEntry>(REGISTRATION_TABLES.index, r.id, { mission: r.mission ?? null, ref: r.ref, conversation });
    await store.tablePut(REGISTRATION_TABLES.refs, r.ref, r.id);
    const ids = (await store.tableGet<string[]>(REGISTRATION_TABLES.byConversation, conversation)) ?? [];
    if (!ids.includes(r.id)) await store.tablePut(REGISTRATION_TABLES.byConversation, conversation, [...ids, r.id]);
  }

  async get(id: string): Promise<Registration | undefined> {
    const entry = await this.store.tableGet<IndexEntry>(REGISTRATION_TABLES.index, id);
    if (!entry) return undefined;
    return this.read(await this.store.tableGet<unknown>(REGISTRATION_TABLES.records(entry.mission ?? undefined), id), id);
  }

  async byRef(ref: string): Promise<Registration | undefined> {
    const id = await this.store.tableGet<string>(REGISTRATION_TABLES.refs, ref);
    return id === undefined ? undefined : this.get(id);
  }

  async refTaken(ref: string): Promise<boolean> {
    return (await this.store.tableGet<string>(REGISTRATION_TABLES.refs, ref)) !== undefined;
  }

  /** The conversation's registrations, oldest first. */
  async ofConversation(key: ConversationKey): Promise<Registration[]> {
    const ids = (await this.store.tableGet<string[]>(REGISTRATION_TABLES.byConversation, conversationId(key))) ?? [];
    const found = await Promise.all(ids.map((id) => this.get(id)));
    return found.filter((r): r is Registration => r !== undefined).sort((a, b) => a.createdAt - b.createdAt);
  }

  /** Every record of these missions; 'all' also reads the ones no mission covers. */
  async inMissions(missions: readonly string[] | 'all'): Promise<Registration[]> {
    const tables =
      missions === 'all'
        ? [...new Set((await this.store.tableAll<IndexEntry>(REGISTRATION_TABLES.index)).map((e) => e.mission ?? undefined))]
        : [...new Set(missions)];
    const rows = (await Promise.all(tables.map((m) => this.store.tableAll<unknown>(REGISTRATION_TABLES.records(m))))).flat();
    return rows.map((row) => this.read(row)).filter((r): r is Registration => r !== undefined);
  }

  /** Removes a record and everything that points to it. */
  async remove(record: Pick<Registration, 'id' | 'ref' | 'mission' | 'key'>): Promise<void> {
    const { store } = this;
    const entry = await store.tableGet<IndexEntry>(REGISTRATION_TABLES.index, record.id);
    await store.tableDelete(REGISTRATION_TABLES.records(record.mission), record.id);
    if (entry && entry.mission !== (record.mission ?? null)) await store.tableDelete(REGISTRATION_TABLES.records(entry.mission ?? undefined), record.id);
    await store.tableDelete(REGISTRATION_TABLES.index, record.id);
    if ((await store.tableGet<string>(REGISTRATION_TABLES.refs, record.ref)) === record.id) await store.tableDelete(REGISTRATION_TABLES.refs, record.ref);
    const conversation = conversationId(record.key);
    const ids = ((await store.tableGet<string[]>(REGISTRATION_TABLES.byConversation, conversation)) ?? []).filter((id) => id !== record.id);
    if (ids.length > 0) await store.tablePut(REGISTRATION_TABLES.byConversation, conversation, ids);
    else await store.tableDelete(REGISTRATION_TABLES.byConversation, conversation);
  }

  private read(row: unknown, id?: string): Registration | undefined {
    if (row === undefined) return undefined;
    const parsed = registrationSchema.safeParse(row);
    if (parsed.success) return parsed.data;
    const rid = id ?? (typeof row === 'object' && row !== null && 'id' in row ? String((row as { id: unknown }).id) : 'unknown');
    this.log.warn({ registration: rid, issues: parsed.error.issues.map((i) => i.path.join('.')) }, 'stored registration does not fit its schema; left out');
    return undefined;
  }
}
