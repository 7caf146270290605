import { describe, expect, it } from 'vitest';
import type { Effect } from '../../src/core/effects.ts';
import type { Locale } from '../../src/core/messages.ts';
import { REFERENCE_ALPHABET } from '../../src/core/registration.ts';
import { RegistrationError, STATUS_MOVES } from '../../src/registration/model.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { DAY, draft, record, service, testClock, userKey } from './fixtures.ts';

const say = (effects: Effect[]) => effects.filter((e) => e.type === 'say').map((e) => (e.type === 'say' ? e : undefined)!);
const refOf = (effects: Effect[]) => String(say(effects)[0]?.vars?.ref);

async function setup() {
  const clock = testClock();
  const store = new MemoryStore(clock);
  const { service: s, kicked } = await service(store, clock);
  let n = 0;
  const submit = async (key = userKey(), over = {}, locale: Locale = 'vi', messageId = `msg${++n}`) =>
    s.carry({ type: 'registration.submit', draft: draft(over) }, { key, locale, messageId, at: clock.now() });
  return { clock, store, s, kicked, submit };
}

describe('the user side: submit, check, withdraw, erase', () => {
  it('issues a short unambiguous reference, routed to the mission of where the user is', async () => {
    const { s, submit } = await setup();
    const out = await submit(userKey(), { country: 'JP', city: 'Osaka', cityId: 'osaka' });
    expect(say(out)[0]).toMatchObject({ key: 'registration.submitted' });
    const ref = refOf(out);
    expect(ref).toMatch(new RegExp(`^[${REFERENCE_ALPHABET}]{6}$`));
    expect(ref).not.toMatch(/[01OIL5SUV]/);
    expect((await s.get('all', ref)).mission).toBe('jp-osaka');
  });

  it('gives a retried turn the same registration, and updates the open one instead of making a second', async () => {
    const { s, submit, clock } = await setup();
    const key = userKey();
    const first = refOf(await submit(key, {}, 'vi', 'same-message'));
    expect(refOf(await submit(key, {}, 'vi', 'same-message'))).toBe(first);
    clock.at += DAY;
    const updated = await submit(key, { returnDate: { asap: true }, country: 'SA', city: 'Riyadh' }, 'en');
    expect(say(updated)[0]).toMatchObject({ key: 'registration.updated', vars: { ref: first } });
    const r = await s.get('all', first);
    expect(r).toMatchObject({ locale: 'en', mission: 'sa-riyadh', data: { returnDate: { asap: true } }, updatedAt: clock.at });
    expect(r.history.map((h) => h.event)).toEqual(['received', 'updated']);
    expect((await s.list('all')).total).toBe(1);
  });

  it('after a withdrawal, a new registration gets a new reference', async () => {
    const { s, submit } = await setup();
    const key = userKey();
    const first = refOf(await submit(key));
    const withdrawn = await s.carry({ type: 'registration.withdraw' }, { key, locale: 'vi', messageId: 'w', at: 0 });
    expect(say(withdrawn)[0]).toMatchObject({ key: 'registration.withdrawn', vars: { refs: first } });
    expect((await s.get('all', first)).history.at(-1)).toMatchObject({ event: 'withdrawn', by: { kind: 'user' } });
    expect(say(await s.carry({ type: 'registration.withdraw' }, { key, locale: 'vi', messageId: 'w2', at: 0 }))[0]?.key).toBe('registration.nothingToWithdraw');
    const second = refOf(await submit(key));
    expect(second).not.toBe(first);
  });

  it('shows only this chat’s registrations, and offers what may be done with them', async () => {
    const { s, submit } = await setup();
    const key = userKey();
    const mine = refOf(await submit(key));
    const theirs = refOf(await submit(userKey()));
    const ctx = { key, locale: 'vi' as const, messageId: 's', at: 0 };
    const status = await s.carry({ type: 'registration.status' }, ctx);
    expect(say(status).map((e) => e.key)).toEqual(['registration.check.heading', 'registration.check.line']);
    expect(say(status)[1]?.vars).toMatchObject({ ref: mine, status: { key: 'registration.status.received' } });
    expect(status.at(-1)).toMatchObject({ type: 'ask', choices: [{ id: 'reg_withdraw' }, { id: 'reg_erase' }, { id: 'menu' }] });
    // Someone else's reference, even typed correctly, is not shown here.
    const other = await s.carry({ type: 'registration.status', ref: theirs }, ctx);
    expect(say(other)[0]).toMatchObject({ key: 'registration.check.notFound', vars: { ref: theirs } });
    const nobody = await s.carry({ type: 'registration.status' }, { ...ctx, key: userKey() });
    expect(say(nobody)[0]?.key).toBe('registration.check.none');
    expect(nobody.at(-1)).toMatchObject({ choices: [{ id: 'reg_start' }, { id: 'menu' }] });
  });

  it('erases by the user’s request, one reference or all of the chat', async () => {
    const { s, submit } = await setup();
    const key = userKey();
    const a = refOf(await submit(key));
    await s.carry({ type: 'registration.withdraw' }, { key, locale: 'vi', messageId: 'w', at: 0 });
    const b = refOf(await submit(key));
    const ctx = { key, locale: 'vi' as const, messageId: 'e', at: 0 };
    expect(say(await s.carry({ type: 'registration.erase', ref: a }, ctx))[0]).toMatchObject({ key: 'registration.erased', vars: { refs: a } });
    expect((await s.list('all')).items.map((r) => r.ref)).toEqual([b]);
    expect(say(await s.carry({ type: 'registration.erase', ref: a }, ctx))[0]?.key).toBe('registration.nothingToErase');
    expect(await s.forget(key)).toBe(1);
    expect((await s.list('all')).total).toBe(0);
  });

  it('refuses a draft that does not fit (the turn then fails and nothing is saved)', async () => {
    const { s, submit } = await setup();
    await expect(submit(userKey(), { birthDate: '1995-02-30' })).rejects.toThrow();
    await expect(submit(userKey(), { country: undefined, countryName: undefined })).rejects.toThrow();
    expect((await s.list('all')).total).toBe(0);
  });
});

describe('staff: scope', () => {
  it('refuses another mission’s registration (403), and a filter naming another mission', async () => {
    const { s, submit } = await setup();
    const ref = refOf(await submit());
    const id = (await s.get('all', ref)).id;
    for (const call of [
      () => s.get(['jp-tokyo'], ref),
      () => s.get(['jp-tokyo'], id),
      () => s.setStatus(['jp-tokyo'], ref, 'contacted', { id: 'x', name: 'X' }),
      () => s.list(['jp-tokyo'], { mission: 'tw-taipei' }),
      () => s.exportCsv(['jp-tokyo'], { mission: ['jp-tokyo', 'tw-taipei'] }, 'vi'),
    ]) {
      const err = await call().then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(RegistrationError);
      expect((err as RegistrationError).code).toBe('forbidden');
      expect((err as RegistrationError).httpStatus).toBe(403);
    }
    expect((await s.list(['jp-tokyo'])).total).toBe(0);
    expect((await s.get(['tw-taipei'], ref.toLowerCase())).ref).toBe(ref);
    await expect(s.get('all', 'ZZZZ22')).rejects.toMatchObject({ code: 'not_found', httpStatus: 404 });
  });

  it('shows registrations no mission covers to admins only', async () => {
    const { s, submit } = await setup();
    const ref = refOf(await submit(userKey(), { country: undefined, countryName: 'Brunei', city: 'Bandar' }));
    expect((await s.get('all', ref)).mission).toBeUndefined();
    await expect(s.get(['tw-taipei', 'jp-tokyo'], ref)).rejects.toMatchObject({ code: 'forbidden' });
    expect((await s.list(['tw-taipei'])).total).toBe(0);
    expect((await s.list('all')).total).toBe(1);
  });

  it('refuses a malformed filter with a 400, naming the field', async () => {
    const { s } = await setup();
    await expect(s.list('all', { status: 'lost' })).rejects.toMatchObject({ code: 'invalid_filter', httpStatus: 400, message: /status/ });
    await expect(s.list('all', { from: '2026-02-31' })).rejects.toMatchObject({ code: 'invalid_filter' });
    await expect(s.list('all', { limit: '5000' })).rejects.toMatchObject({ code: 'invalid_filter' });
  });
});

describe('staff: filters', () => {
  async function seeded() {
    const t = await setup();
    const at = (iso: string) => Date.parse(iso);
    const rows = [
      // Sent 24/11 23:30 in Taipei (15:30 UTC): the 24th there.
      record({ ref: 'A2B3C4', createdAt: at('2026-11-24T15:30:00Z'), status: 'received', data: draft({ reason: 'contract_ended', special: [] }) }),
      // Sent 25/11 00:30 in Taipei (24/11 16:30 UTC): the 25th there.
      record({ ref: 'B3C4D6', createdAt: at('2026-11-24T16:30:00Z'), status: 'contacted', data: draft({ reason: 'early_abuse', special: ['pregnant'], returnDate: { asap: true } }) }),
      record({ ref: 'C4D6E7', createdAt: at('2026-11-26T02:00:00Z'), status: 'withdrawn', data: draft({ reason: 'early_illness', special: ['sick', 'with_children'], returnDate: { day: '2027-03-15' }, fullName: 'Trần Văn Hùng', passport: { status: 'lost' } }) }),
      record({ ref: 'D6E7F8', mission: 'jp-tokyo', createdAt: at('2026-11-20T02:00:00Z'), data: draft({ country: 'JP', reason: 'undocumented', returnDate: { month: '2027-02' } }) }),
    ];
    for (const r of rows) await t.s.repository.save({ ...r, updatedAt: r.createdAt, history: [{ at: r.createdAt, event: 'received', by: { kind: 'user' } }] });
    return t;
  }
  const refs = (list: { items: { ref: string }[] }) => list.items.map((r) => r.ref);

  it('by status, reason, special situation (or none), country and mission, newest first', async () => {
    const { s } = await seeded();
    expect(refs(await s.list('all'))).toEqual(['C4D6E7', 'B3C4D6', 'A2B3C4', 'D6E7F8']);
    expect(refs(await s.list('all', { status: 'received,contacted' }))).toEqual(['B3C4D6', 'A2B3C4', 'D6E7F8']);
    expect(refs(await s.list('all', { status: ['withdrawn'] }))).toEqual(['C4D6E7']);
    expect(refs(await s.list('all', { reason: 'early_abuse,early_illness' }))).toEqual(['C4D6E7', 'B3C4D6']);
    expect(refs(await s.list('all', { special: 'with_children' }))).toEqual(['C4D6E7']);
    expect(refs(await s.list('all', { special: 'none' }))).toEqual(['A2B3C4', 'D6E7F8']);
    expect(refs(await s.list('all', { country: 'JP' }))).toEqual(['D6E7F8']);
    expect(refs(await s.list('all', { mission: 'jp-tokyo' }))).toEqual(['D6E7F8']);
    expect(refs(await s.list(['tw-taipei'], { sort: 'oldest' }))).toEqual(['A2B3C4', 'B3C4D6', 'C4D6E7']);
  });

  it('by the day sent, in the mission’s time zone', async () => {
    const { s } = await seeded();
    expect(refs(await s.list('all', { from: '2026-11-24', to: '2026-11-24' }))).toEqual(['A2B3C4']);
    expect(refs(await s.list('all', { from: '2026-11-25' }))).toEqual(['C4D6E7', 'B3C4D6']);
    expect(refs(await s.list('all', { to: '2026-11-20' }))).toEqual(['D6E7F8']);
  });

  it('by the return date: a month counts as all its days, "as soon as possible" as the day sent', async () => {
    const { s } = await seeded();
    expect(refs(await s.list('all', { returnFrom: '2027-02-01', returnTo: '2027-02-28' }))).toEqual(['D6E7F8']);
    expect(refs(await s.list('all', { returnFrom: '2027-01-25', returnTo: '2027-01-25' }))).toEqual(['A2B3C4']);
    expect(refs(await s.list('all', { returnTo: '2026-12-31' }))).toEqual(['B3C4D6']);
    expect(refs(await s.list('all', { returnFrom: '2027-03-01' }))).toEqual(['C4D6E7']);
  });

  it('by a search: reference, name without diacritics, passport, phone', async () => {
    const { s } = await seeded();
    expect(refs(await s.list('all', { q: 'tran van' }))).toEqual(['C4D6E7']);
    expect(refs(await s.list('all', { q: 'b3c4d6' }))).toEqual(['B3C4D6']);
    expect(refs(await s.list('all', { q: 'c123 4567', status: 'received' }))).toEqual(['A2B3C4', 'D6E7F8']);
    expect((await s.list('all', { q: '0912 345' })).total).toBe(0);
    expect((await s.list('all', { q: '912345678' })).total).toBe(4);
  });

  it('the urgent first (special situations, accident, illness, abuse), then by waiting time; paged', async () => {
    const { s } = await seeded();
    expect(refs(await s.list('all', { sort: 'urgent' }))).toEqual(['B3C4D6', 'C4D6E7', 'D6E7F8', 'A2B3C4']);
    const page = await s.list('all', { sort: 'urgent', offset: '1', limit: '2' });
    expect(page.total).toBe(4);
    expect(refs(page)).toEqual(['C4D6E7', 'D6E7F8']);
  });
});

describe('staff: status changes', () => {
  it('are timestamped with who made them, and told to the user on their chat in their language', async () => {
    const { s, submit, store, clock, kicked } = await setup();
    const key = userKey('telegram-user', 'telegram');
    const ref = refOf(await submit(key, {}, 'en'));
    clock.at += 3 * DAY;
    const r = await s.setStatus(['tw-taipei'], ref, 'travel_arranged', { id: 'officer-7', name: 'Lê Minh' }, '  flight VN123 on 2/1  ');
    expect(r.status).toBe('travel_arranged');
    expect(r.updatedAt).toBe(clock.at);
    expect(r.history.at(-1)).toEqual({ at: clock.at, event: 'travel_arranged', by: { kind: 'staff', id: 'officer-7', name: 'Lê Minh' }, note: 'flight VN123 on 2/1' });
    const queued = await store.outboxPeek(key, 10);
    expect(queued).toHaveLength(1);
    expect(queued[0]!.message).toMatchObject({ from: 'bot', locale: 'en' });
    expect(queued[0]!.message.text).toContain(ref);
    expect(queued[0]!.message.text).toMatch(/journey home has been arranged/);
    expect(kicked).toContainEqual(key);
    const transcript = await store.mailboxRead<{ text: string }>('transcript', key, 0);
    expect(transcript.at(-1)?.item.text).toBe(queued[0]!.message.text);
  });

  it('follow the process: forward, one step back, withdrawn from any open status, reopened', async () => {
    const { s, submit } = await setup();
    const ref = refOf(await submit());
    const staff = { id: 's', name: 'S' };
    await expect(s.setStatus('all', ref, 'received', staff)).rejects.toMatchObject({ code: 'invalid_status_change', httpStatus: 409 });
    await s.setStatus('all', ref, 'contacted', staff);
    await s.setStatus('all', ref, 'returned', staff);
    await expect(s.setStatus('all', ref, 'withdrawn', staff)).rejects.toMatchObject({ code: 'invalid_status_change' });
    await s.setStatus('all', ref, 'travel_arranged', staff);
    await s.setStatus('all', ref, 'withdrawn', staff);
    await s.setStatus('all', ref, 'received', staff);
    const r = await s.get('all', ref);
    expect(r.history.map((h) => h.event)).toEqual(['received', 'contacted', 'returned', 'travel_arranged', 'withdrawn', 'received']);
    for (const [from, to] of Object.entries(STATUS_MOVES)) expect(to, from).not.toContain(from);
  });

  it('of a registration erased meanwhile is refused, not resurrected', async () => {
    const { s, submit } = await setup();
    const key = userKey();
    const ref = refOf(await submit(key));
    await s.forget(key);
    await expect(s.setStatus('all', ref, 'contacted', { id: 's', name: 'S' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('staff: CSV export', () => {
  it('is UTF-8 with a BOM and CRLF, localized headers and labels, Vietnamese intact, every filtered row', async () => {
    const { s, submit } = await setup();
    for (let i = 0; i < 60; i++) await submit(userKey(), i === 0 ? { fullName: 'Nguyễn Thị Lan, "Út"', employer: '=HYPERLINK("http://x")', special: ['pregnant', 'injured'] } : {});
    await submit(userKey(), { country: 'JP' });
    const csv = await s.exportCsv(['tw-taipei'], {}, 'vi');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    expect(lines).toHaveLength(62);
    expect(lines[0]).toBe(
      'Mã đăng ký,Tình trạng,Ngày gửi,Cập nhật lần cuối,Người cập nhật,Cơ quan đại diện,Kênh,Họ tên,Ngày sinh,Giới tính,Hộ chiếu,Nước đang ở,Thành phố,Liên hệ,Chủ / công ty,Hết hợp đồng,Lý do về,Tình trạng đặc biệt,Ngày muốn về,Tỉnh quê,Tỉnh quê (tên cũ),Ngành nghề',
    );
    const row = lines.find((l) => l.includes('Út'))!;
    expect(row).toContain('"Nguyễn Thị Lan, ""Út"""');
    expect(row).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(row).toContain("'+886912345678");
    expect(row).toContain('Đang mang thai; Bị thương');
    expect(row).toContain('2026-11-25 10:00');
    expect(row).toContain(',Về sớm: chủ đóng cửa,');
    expect(row).toContain('cuối 2027-01');
    expect(row).toContain('Nghệ An');
    expect(row).toContain('VECO Đài Bắc');
    const en = await s.exportCsv('all', { country: 'JP' }, 'en');
    expect(en.slice(1).split('\r\n')[0]).toMatch(/^Reference,Status,Sent/);
    expect(en).toContain('late 2027-01');
    expect(en).toContain('Japan');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });
});

describe('retention', () => {
  it('erases a registration the configured time after its last change, not before', async () => {
    const { s, submit, clock } = await setup();
    const quiet = refOf(await submit());
    const busy = refOf(await submit());
    clock.at += 100 * DAY;
    await s.setStatus('all', busy, 'contacted', { id: 's', name: 'S' });
    clock.at += 80 * DAY - 1;
    expect(await s.purgeExpired()).toBe(0);
    clock.at += 1;
    expect(await s.purgeExpired()).toBe(1);
    expect((await s.list('all')).items.map((r) => r.ref)).toEqual([busy]);
    await expect(s.get('all', quiet)).rejects.toMatchObject({ code: 'not_found' });
    clock.at += 100 * DAY;
    expect(await s.purgeExpired()).toBe(1);
    expect((await s.list('all')).total).toBe(0);
  });
});
