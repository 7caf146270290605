// What the registrations repository does on any store: the same tests run on memory and on a
// real Redis (repository.test.ts, repository.redis.test.ts).
import { describe, expect, it } from 'vitest';
import { silentLog, type Log, type Store } from '../../src/core/ports.ts';
import { REGISTRATION_TABLES, RegistrationRepository } from '../../src/registration/repository.ts';
import { record, userKey } from './fixtures.ts';

export function repositoryContract(name: string, makeStore: () => Promise<{ store: Store; done(): Promise<void> }>) {
  describe(`registrations repository on ${name}`, () => {
    async function withRepo(fn: (repo: RegistrationRepository, store: Store, warnings: object[]) => Promise<void>) {
      const { store, done } = await makeStore();
      const warnings: object[] = [];
      const log: Log = { ...silentLog, warn: (o) => warnings.push(o) };
      try {
        await fn(new RegistrationRepository(store, log), store, warnings);
      } finally {
        await done();
      }
    }

    it('saves and reads back by id, reference and conversation', () =>
      withRepo(async (repo) => {
        const key = userKey();
        const a = record({ key, ref: 'A2B3C4', createdAt: 1_000, updatedAt: 1_000 });
        const b = record({ key, ref: 'D6E7F8', createdAt: 2_000, updatedAt: 2_000, status: 'withdrawn' });
        const other = record({ ref: 'G9H2J3' });
        for (const r of [b, a, other]) await repo.save(r);
        expect(await repo.get(a.id)).toEqual(a);
        expect(await repo.byRef('D6E7F8')).toEqual(b);
        expect(await repo.refTaken('G9H2J3')).toBe(true);
        expect(await repo.refTaken('ZZZZ22')).toBe(false);
        expect((await repo.ofConversation(key)).map((r) => r.ref)).toEqual(['A2B3C4', 'D6E7F8']);
        expect(await repo.get('00000000-0000-4000-8000-000000000000')).toBeUndefined();
      }));

    it('keeps each mission in its own table; "all" includes those no mission covers', () =>
      withRepo(async (repo) => {
        await repo.save(record({ ref: 'A2B3C4', mission: 'tw-taipei' }));
        await repo.save(record({ ref: 'B3C4D6', mission: 'jp-tokyo' }));
        await repo.save(record({ ref: 'C4D6E7', mission: undefined }));
        expect((await repo.inMissions(['tw-taipei'])).map((r) => r.ref)).toEqual(['A2B3C4']);
        expect((await repo.inMissions(['jp-tokyo', 'tw-taipei'])).map((r) => r.ref).sort()).toEqual(['A2B3C4', 'B3C4D6']);
        expect((await repo.inMissions('all')).map((r) => r.ref).sort()).toEqual(['A2B3C4', 'B3C4D6', 'C4D6E7']);
        expect(await repo.inMissions([])).toEqual([]);
      }));

    it('moves a record whose mission changed', () =>
      withRepo(async (repo) => {
        const r = record({ ref: 'A2B3C4', mission: 'jp-tokyo' });
        await repo.save(r);
        await repo.save({ ...r, mission: 'jp-osaka' });
        expect(await repo.inMissions(['jp-tokyo'])).toEqual([]);
        expect((await repo.inMissions(['jp-osaka'])).map((x) => x.mission)).toEqual(['jp-osaka']);
        expect((await repo.get(r.id))?.mission).toBe('jp-osaka');
      }));

    it('refuses to write a record that does not fit its schema', () =>
      withRepo(async (repo) => {
        await expect(repo.save({ ...record(), ref: 'O0I1L5' })).rejects.toThrow();
        await expect(repo.save({ ...record(), data: { ...record().data, birthDate: '1995-02-31' } })).rejects.toThrow();
        expect(await repo.inMissions('all')).toEqual([]);
      }));

    it('leaves out (and logs by id only) a stored row that no longer fits', () =>
      withRepo(async (repo, store, warnings) => {
        const good = record({ ref: 'A2B3C4' });
        const bad = record({ ref: 'B3C4D6' });
        await repo.save(good);
        await repo.save(bad);
        await store.tablePut(REGISTRATION_TABLES.records('tw-taipei'), bad.id, { ...bad, status: 'lost in the post' });
        expect((await repo.inMissions(['tw-taipei'])).map((r) => r.ref)).toEqual(['A2B3C4']);
        expect(await repo.get(bad.id)).toBeUndefined();
        expect(JSON.stringify(warnings)).toContain(bad.id);
        expect(JSON.stringify(warnings)).not.toContain('Nguyễn');
      }));

    it('removes a record and every index entry that points to it', () =>
      withRepo(async (repo, store) => {
        const key = userKey();
        const a = record({ key, ref: 'A2B3C4' });
        const b = record({ key, ref: 'B3C4D6', mission: undefined });
        await repo.save(a);
        await repo.save(b);
        await repo.remove(a);
        expect((await repo.ofConversation(key)).map((r) => r.ref)).toEqual(['B3C4D6']);
        await repo.remove(b);
        expect(await repo.ofConversation(key)).toEqual([]);
        for (const table of [REGISTRATION_TABLES.index, REGISTRATION_TABLES.refs, REGISTRATION_TABLES.byConversation, REGISTRATION_TABLES.records('tw-taipei'), REGISTRATION_TABLES.records(undefined)]) {
          expect(await store.tableAll(table), table).toEqual([]);
        }
      }));
  });
}
