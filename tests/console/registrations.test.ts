// The registrations pages of the console, on a real server after workers registered on the web
// chat: each officer's list holds their missions' registrations only; the filters, search, sorts
// and pages; the record with every answer in the officer's language; status changes with who and
// when, told to the worker on their chat; the CSV of the filtered list (BOM, Vietnamese); the
// audit; and refusals — a Tokyo agent cannot see, open, change or export a Taipei registration
// through any parameter, and a form without its CSRF token changes nothing.
import type { LightMyRequestResponse } from 'fastify';
import { beforeEach, afterEach, describe, expect, it } from 'vitest';
import { AUDIT_LIST, type AuditEntry } from '../../src/console/audit.ts';
import type { Server } from '../../src/server.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { draft } from '../registration/fixtures.ts';
import { ManualClock } from '../handoff/fixtures.ts';
import { addStaff, Client, consoleServer } from './helpers.ts';
import { WebWorker } from './registrations-script.ts';

/** Wednesday 25 November 2026, 09:00 in Taipei, 10:00 in Tokyo. */
const NOW = Date.UTC(2026, 10, 25, 1, 0);
const DAY = 24 * 3600_000;

let server: Server;
let clock: ManualClock;
/** Registrations by the worker's name: their reference, record id and worker. */
let regs: Record<'lan' | 'hung' | 'nam' | 'mai', { ref: string; id: string; worker: WebWorker }>;

async function register(who: keyof typeof regs, a: Parameters<WebWorker['register']>[0]) {
  const worker = new WebWorker(server, clock);
  const ref = await worker.register(a);
  const id = (await server.registrations.get('all', ref)).id;
  return { ref, id, worker };
}

beforeEach(async () => {
  clock = new ManualClock(NOW);
  server = await consoleServer({ clock, store: new MemoryStore(clock), env: { WEB_RATE_LIMIT_PER_MINUTE: '100000' } });
  await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
  await addStaff(server, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
  await addStaff(server, 'hoa', 'supervisor', ['jp-osaka'], 'Chị Hoa');
  await addStaff(server, 'boss', 'admin', [], 'Quản trị');
  // Day one: a pregnant worker with her child in Taichung, an injured worker and another in Japan.
  const lan = await register('lan', { country: 'dai loan', special: '1 4' });
  const nam = await register('nam', { country: 'nhat ban', city: 'Saitama', name: 'Trần Văn Nam', passport: 'C1112223', phone: '080 1234 5678', reason: 'early_accident', special: '2' });
  const mai = await register('mai', { country: 'nhat ban', city: 'Chiba', name: 'Phạm Thị Mai', passport: 'C3334445', phone: '090 8765 4321', reason: 'early_own_decision', returnDate: 'thang 2' });
  // Day two: a worker in Taiwan whose contract ended, who wants to go home in mid-March.
  clock.advance(DAY);
  const hung = await register('hung', {
    country: 'dai loan',
    city: 'Dao Vien',
    name: 'Lê Văn Hùng',
    passport: 'B 123 4567',
    phone: '0987 654 321',
    reason: 'contract_ended',
    returnDate: '15/3/2027',
  });
  regs = { lan, nam, mai, hung };
}, 60_000);

afterEach(async () => {
  await server?.close();
});

async function signedIn(id: string): Promise<Client> {
  const c = new Client(server);
  expect((await c.signIn(id)).statusCode).toBe(303);
  return c;
}

/** The references of the list's rows, in the order shown. */
function refs(res: LightMyRequestResponse): string[] {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  return [...res.body.matchAll(/<tr class="[^"]*" data-ref="([^"]+)">/g)].map((m) => m[1]!);
}

/** A page's visible text, tags dropped and entities read. */
function text(res: LightMyRequestResponse): string {
  return res.body
    .replace(/<style>[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n)))
    .replace(/\s+/g, ' ');
}

function csvRows(res: LightMyRequestResponse): string[][] {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return res.body
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((c) => c !== '').map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

async function audit(): Promise<AuditEntry[]> {
  return server.store.listRead<AuditEntry>(AUDIT_LIST, 1000);
}

describe('the registrations list', () => {
  it('shows each officer the registrations of their missions, and only those', async () => {
    const minh = await signedIn('minh');
    const page = await minh.get('/console/registrations');
    expect(page.body).toContain('href="/console/registrations" aria-current="page"');
    // Priority first (the pregnant worker), then the earliest sent.
    expect(refs(page)).toEqual([regs.lan.ref, regs.hung.ref]);
    expect(text(page)).toContain('2 đăng ký');
    expect(text(page)).toContain('Nguyễn Thị Lan');
    expect(text(page)).not.toContain('Trần Văn Nam');
    // One mission: no mission column.
    expect(page.body).not.toContain('data-label="Cơ quan"');

    const lan = await signedIn('lan');
    expect(refs(await lan.get('/console/registrations'))).toEqual([regs.nam.ref, regs.mai.ref]);
    // A supervisor of Osaka sees every mission of Japan, with the mission named on each row.
    const hoa = await signedIn('hoa');
    const japan = await hoa.get('/console/registrations');
    expect(refs(japan)).toEqual([regs.nam.ref, regs.mai.ref]);
    expect(japan.body).toContain('data-label="Cơ quan">Đại sứ quán Việt Nam tại Tokyo');
    const boss = await signedIn('boss');
    expect(new Set(refs(await boss.get('/console/registrations')))).toEqual(new Set(Object.values(regs).map((r) => r.ref)));

    // A worker where no mission answers (China): the admins' alone, in Viet Nam's time.
    const said = await server.registrations.carry(
      { type: 'registration.submit', draft: draft({ country: 'CN', city: 'Thâm Quyến' }) },
      { key: { channel: 'web', account: 'default', user: 'chinaworker01' }, locale: 'vi', messageId: 'c1', at: clock.now() },
    );
    const china = said[0]?.type === 'say' ? String(said[0].vars?.ref) : '';
    const all = await boss.get('/console/registrations?country=CN');
    expect(refs(all)).toEqual([china]);
    expect(all.body).toContain('data-label="Cơ quan">chưa có cơ quan');
    expect(text(await boss.get(`/console/registrations/${china}`))).toMatch(/Gửi lúc 26\/11\/2026 \d\d:\d\d/);
    expect(refs(await minh.get('/console/registrations'))).not.toContain(china);
    expect((await minh.get(`/console/registrations/${china}`)).statusCode).toBe(403);
    expect((await minh.get('/console/registrations?country=CN')).statusCode).toBe(403);
  });

  it('filters by status, reason, special situation, country and mission, sent day and return date; searches; sorts', async () => {
    const boss = await signedIn('boss');
    const list = (q: string) => boss.get(`/console/registrations?${q}`).then(refs);
    // The urgent ones first (pregnant, injured), each group oldest first.
    expect(await list('')).toEqual([regs.lan.ref, regs.nam.ref, regs.mai.ref, regs.hung.ref]);
    expect(await list('sort=newest')).toEqual([regs.hung.ref, regs.mai.ref, regs.nam.ref, regs.lan.ref]);
    expect(await list('sort=oldest')).toEqual([regs.lan.ref, regs.nam.ref, regs.mai.ref, regs.hung.ref]);

    expect(await list('reason=contract_ended')).toEqual([regs.hung.ref]);
    expect(await list('reason=early_accident&reason=early_own_decision')).toEqual([regs.nam.ref, regs.mai.ref]);
    expect(await list('special=pregnant')).toEqual([regs.lan.ref]);
    expect(await list('special=injured,with_children')).toEqual([regs.lan.ref, regs.nam.ref]);
    expect(await list('special=none')).toEqual([regs.mai.ref, regs.hung.ref]);
    expect(await list('country=JP')).toEqual([regs.nam.ref, regs.mai.ref]);
    expect(await list('mission=tw-taipei')).toEqual([regs.lan.ref, regs.hung.ref]);
    expect(await list('country=TW&reason=contract_ended')).toEqual([regs.hung.ref]);

    // Days sent, in each mission's time zone: three on the 25th, one on the 26th.
    expect(await list('from=2026-11-26')).toEqual([regs.hung.ref]);
    expect(await list('to=2026-11-25')).toEqual([regs.lan.ref, regs.nam.ref, regs.mai.ref]);
    expect(await list('from=2026-11-25&to=2026-11-25&country=TW')).toEqual([regs.lan.ref]);
    // Return dates: "late January" is the 21st to the 31st; "February" all of it; 15 March itself.
    expect(await list('returnFrom=2027-03-01')).toEqual([regs.hung.ref]);
    expect(await list('returnFrom=2027-01-25&returnTo=2027-01-25')).toEqual([regs.lan.ref, regs.nam.ref]);
    expect(await list('returnFrom=2027-02-10&returnTo=2027-02-12')).toEqual([regs.mai.ref]);
    expect(await list('returnTo=2027-01-20')).toEqual([]);

    // Search: the reference, the name with or without diacritics, the passport, the phone as typed.
    expect(await list(`q=${regs.hung.ref.toLowerCase()}`)).toEqual([regs.hung.ref]);
    expect(await list('q=le+van+hung')).toEqual([regs.hung.ref]);
    expect(await list('q=Phạm+Thị')).toEqual([regs.mai.ref]);
    expect(await list('q=B1234567')).toEqual([regs.hung.ref]);
    expect(await list('q=0987654321')).toEqual([regs.hung.ref]);

    // A status filter follows the changes staff make.
    const minh = await signedIn('minh');
    await minh.get(`/console/registrations/${regs.hung.ref}`);
    expect((await minh.post(`/console/registrations/${regs.hung.ref}/status`, { status: 'contacted', from: 'received' })).statusCode).toBe(303);
    expect(await list('status=contacted')).toEqual([regs.hung.ref]);
    expect(await list('status=received&country=TW')).toEqual([regs.lan.ref]);
    expect(await list('status=returned,withdrawn')).toEqual([]);

    // The form shows what was picked, and opens its extra filters when any is set.
    const form = await boss.get('/console/registrations?status=contacted&special=none&country=TW&sort=newest&q=hung');
    expect(form.body).toContain('<input type="checkbox" name="status" value="contacted" checked>');
    expect(form.body).toContain('<input type="checkbox" name="special" value="none" checked>');
    expect(form.body).toContain('<option value="TW" selected>');
    expect(form.body).toContain('<option value="newest" selected>');
    expect(form.body).toContain('value="hung"');
    expect(form.body).toMatch(/<details open>/);
    // The CSV link carries the same filters.
    expect(form.body).toContain('href="/console/registrations.csv?status=contacted&#38;special=none&#38;country=TW&#38;q=hung&#38;sort=newest"');
  });

  it('refuses filters that are not the form’s with a 400, and reads in English', async () => {
    const boss = await signedIn('boss');
    for (const q of ['status=lost', 'reason=bored', 'special=tired', 'sort=random', 'page=0', 'page=x', 'from=2026-02-31', 'from=2026-12-01&to=2026-11-01', 'returnFrom=soon', 'q=a&q=b', 'country=XX', 'mission=nowhere']) {
      const res = await boss.get(`/console/registrations?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain('class="flash error"');
    }
    const en = await boss.get('/console/registrations?lang=en&reason=early_employer_closed');
    expect(text(en)).toContain('Return registrations');
    expect(text(en)).toContain('Early: employer closed or bankrupt');
    expect(text(en)).toContain('Taiwan · Dai Trung (Taichung area)');
    expect(text(en)).toContain('late Jan 2027');
  });

  it('goes page by page', async () => {
    // Thirty more from Taiwan, through the desk the engine uses (the form's answers, as confirmed).
    for (let i = 0; i < 30; i++) {
      clock.advance(60_000);
      const key = { channel: 'web', account: 'web', user: `pageworker${String(i).padStart(4, '0')}` };
      await server.registrations.carry({ type: 'registration.submit', draft: draft({ fullName: `Người Thứ ${i}`, passport: { status: 'lost' } }) }, { key, locale: 'vi', messageId: `p${i}`, at: clock.now() });
    }
    const minh = await signedIn('minh');
    const first = await minh.get('/console/registrations?sort=oldest');
    expect(refs(first)).toHaveLength(25);
    expect(refs(first).slice(0, 2)).toEqual([regs.lan.ref, regs.hung.ref]);
    expect(text(first)).toContain('32 đăng ký · đang xem 1–25');
    expect(text(first)).toContain('Trang 1/2');
    expect(first.body).toContain('rel="next" href="/console/registrations?sort=oldest&#38;page=2"');
    expect(first.body).not.toContain('rel="prev"');
    const second = await minh.get('/console/registrations?sort=oldest&page=2');
    expect(refs(second)).toHaveLength(7);
    expect(text(second)).toContain('đang xem 26–32');
    expect(second.body).toContain('rel="prev" href="/console/registrations?sort=oldest"');
    expect(new Set([...refs(first), ...refs(second)]).size).toBe(32);
    expect(refs(await minh.get('/console/registrations?page=3'))).toEqual([]);
  });
});

describe('a registration', () => {
  it('shows every answer with its label in the officer’s language, the history, and the allowed moves', async () => {
    const minh = await signedIn('minh');
    const page = await minh.get(`/console/registrations/${regs.lan.ref}`);
    expect(page.statusCode).toBe(200);
    const t = text(page);
    for (const fact of [
      `Đăng ký ${regs.lan.ref} — Nguyễn Thị Lan`,
      'Ưu tiên',
      'Họ và tên Nguyễn Thị Lan',
      'Ngày sinh 25/12/1995 (30 tuổi)',
      'Giới tính Nữ',
      'Hộ chiếu C7654321',
      'Liên hệ 0912345678 (điện thoại)',
      'Tỉnh quê Tuyên Quang (trước đây: Hà Giang)',
      'Nước đang ở Đài Loan',
      'Thành phố Đài Trung Chủ',
      'Chủ / công ty Cong ty Minh Phat',
      'Ngành nghề Nhà máy, sản xuất',
      'Hết hợp đồng 30/6/2026',
      'Lý do về Về sớm: chủ đóng cửa, phá sản',
      'Tình huống đặc biệt Đang mang thai, Có con nhỏ đi cùng',
      'Muốn về cuối tháng 1/2027',
      'Cơ quan Văn phòng Kinh tế – Văn hóa Việt Nam tại Đài Bắc',
      'Gửi qua kênh Web chat',
      'Ngôn ngữ của người dùng tiếng Việt',
      'Gửi lúc 25/11/2026 09:',
      // The web chat has no window: the notice will reach the worker.
      'Người dùng sẽ nhận thông báo qua Web chat',
      // History: the user sent it.
      'Lịch sử Đã nhận 25/11/2026 09:',
    ]) {
      expect(t).toContain(fact);
    }
    expect(page.body).toContain('href="tel:0912345678"');
    // The moves allowed from "received", each a button of one CSRF-protected form.
    const buttons = [...page.body.matchAll(/<button type="submit" name="status" value="([a-z_]+)"/g)].map((m) => m[1]);
    expect(buttons).toEqual(['contacted', 'travel_arranged', 'returned', 'withdrawn']);
    expect(page.body).toMatch(new RegExp(`<form class="status-form" method="post" action="/console/registrations/${regs.lan.ref}/status">\\s*<input type="hidden" name="_csrf" value="[^"]+">`));
    // What the worker will read, in their language.
    expect(t).toContain(`Đăng ký về nước ${regs.lan.ref}: cán bộ cơ quan đại diện đã ghi nhận việc liên hệ với bạn`);

    // In English: the labels are the officer's; what the worker typed stays as typed.
    const en = text(await minh.get(`/console/registrations/${regs.lan.ref}?lang=en`));
    for (const fact of ['Date of birth 25 Dec 1995 (aged 30)', 'Sex Female', 'Special situation Pregnant, With young children', 'Return wanted late Jan 2027', 'Sector of work Factory, manufacturing', 'Home province Tuyên Quang (formerly: Hà Giang)', 'Reason for returning Early: employer closed or bankrupt', 'Move to: Contacted', 'Mark as withdrawn']) {
      expect(en).toContain(fact);
    }

    // Another registration: passport with the employer, contact through the chat, no sector.
    const other = await server.registrations.carry(
      { type: 'registration.submit', draft: draft({ passport: { status: 'employer' }, contact: { kind: 'chat' }, sector: undefined, sex: undefined, returnDate: { asap: true }, contractEnd: null }) },
      { key: { channel: 'web', account: 'web', user: 'otherworker01' }, locale: 'en', messageId: 'o1', at: clock.now() },
    );
    const said = other[0];
    const ref = said?.type === 'say' ? String(said.vars?.ref) : '';
    expect(ref).toMatch(/^[2-9A-Z]{6}$/);
    const o = text(await minh.get(`/console/registrations/${ref}?lang=vi`));
    for (const fact of ['Hộ chiếu Chủ / công ty đang giữ', 'Liên hệ Qua cuộc trò chuyện trên Web chat', 'Ngành nghề Không trả lời', 'Giới tính Không trả lời', 'Muốn về Càng sớm càng tốt', 'Hết hợp đồng Không có hợp đồng / không rõ', 'Ngôn ngữ của người dùng tiếng Anh']) {
      expect(o).toContain(fact);
    }
    // The worker wrote in English: the preview of the notice is in English.
    expect(o).toContain('Người dùng sẽ được báo gì (tiếng Anh)');

    // Opening is audited like opening a chat: once per person and record in a while.
    await minh.get(`/console/registrations/${regs.lan.ref}`);
    const opened = (await audit()).filter((e) => e.action === 'open' && e.target === regs.lan.id);
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ by: { id: 'minh', role: 'agent' }, detail: { registration: regs.lan.ref } });
    // The audit page names it and links to it.
    const boss = await signedIn('boss');
    const log = await boss.get('/console/audit');
    expect(log.body).toContain(`<a href="/console/registrations/${regs.lan.ref}">${regs.lan.ref}</a>`);
    expect(log.body).toContain('<td>mở hồ sơ đăng ký về nước</td>');
    // Unknown: 404.
    expect((await minh.get('/console/registrations/ZZZZZZ')).statusCode).toBe(404);
    expect((await minh.get('/console/registrations/..%2Fqueue')).statusCode).toBe(404);
  });

  it('moves through its statuses with who and when; the worker is told on the web chat each time', async () => {
    const minh = await signedIn('minh');
    const url = `/console/registrations/${regs.lan.ref}`;
    await minh.get(url);
    await regs.lan.worker.poll();

    clock.advance(10 * 60_000);
    const moved = await minh.post(`${url}/status`, { status: 'contacted', from: 'received', note: 'Đã gọi điện, hẹn tuần sau' });
    expect(moved.statusCode).toBe(303);
    expect(moved.headers.location).toBe(`${url}?ok=registrationStatus`);
    const after = await minh.get(moved.headers.location as string);
    expect(text(after)).toContain('Đã đổi tình trạng; người dùng được báo trên kênh của họ.');
    expect(text(after)).toMatch(/Lịch sử Đã liên hệ 26\/11\/2026 \d\d:\d\d · Anh Minh Đã gọi điện, hẹn tuần sau Đã nhận 25\/11\/2026/);
    expect([...after.body.matchAll(/name="status" value="([a-z_]+)"/g)].map((m) => m[1])).toEqual(['received', 'travel_arranged', 'returned', 'withdrawn']);
    expect(text(after)).toContain('Trả về: Đã nhận (sửa nhầm)');
    const notice = await regs.lan.worker.poll();
    expect(notice).toContain(`Đăng ký về nước ${regs.lan.ref}: cán bộ cơ quan đại diện đã ghi nhận việc liên hệ với bạn.`);
    // The note is for staff: the worker is not shown it.
    expect(notice).not.toContain('hẹn tuần sau');
    const record = await server.registrations.get('all', regs.lan.ref);
    expect(record.status).toBe('contacted');
    expect(record.history.at(-1)).toMatchObject({ event: 'contacted', at: clock.now(), by: { kind: 'staff', id: 'minh', name: 'Anh Minh' }, note: 'Đã gọi điện, hẹn tuần sau' });
    const entry = (await audit()).find((e) => e.action === 'status');
    expect(entry).toMatchObject({ by: { id: 'minh' }, target: regs.lan.id, detail: { registration: regs.lan.ref, from: 'received', to: 'contacted', notified: true } });

    // A page opened before that change cannot move it on as if nothing happened.
    const stale = await minh.post(`${url}/status`, { status: 'withdrawn', from: 'received' });
    expect(stale.headers.location).toBe(`${url}?error=registrationStale`);
    // A move the desk does not allow from here, and a status that does not exist.
    const same = await minh.post(`${url}/status`, { status: 'contacted', from: 'contacted' });
    expect(same.headers.location).toBe(`${url}?error=registrationBadMove`);
    expect((await minh.post(`${url}/status`, { status: 'flown', from: 'contacted' })).statusCode).toBe(400);
    expect((await minh.post(`${url}/status`, { status: 'returned', from: 'contacted', note: 'x'.repeat(501) })).headers.location).toBe(`${url}?error=registrationNoteLength`);
    expect((await server.registrations.get('all', regs.lan.ref)).status).toBe('contacted');
    expect(await regs.lan.worker.poll()).toBe('');

    // Travel arranged, then returned; another officer of the mission may do it too.
    expect((await minh.post(`${url}/status`, { status: 'travel_arranged', from: 'contacted' })).statusCode).toBe(303);
    expect(await regs.lan.worker.poll()).toMatch(/chuyến về của bạn đã được sắp xếp/);
    await addStaff(server, 'nga', 'agent', ['tw-taipei'], 'Chị Nga');
    const nga = await signedIn('nga');
    await nga.get(url);
    expect((await nga.post(`${url}/status`, { status: 'returned', from: 'travel_arranged' })).statusCode).toBe(303);
    expect(await regs.lan.worker.poll()).toMatch(/đã ghi nhận bạn về nước/);
    const done = await nga.get(url);
    expect([...done.body.matchAll(/name="status" value="([a-z_]+)"/g)].map((m) => m[1])).toEqual(['travel_arranged']);
    expect(text(done)).toMatch(/Lịch sử Đã về nước .* · Chị Nga Đã sắp xếp chuyến về .* · Anh Minh Đã liên hệ/);
    // The worker's "check my registration" says the same.
    expect(await regs.lan.worker.post({ text: 'kiem tra dang ky' })).toMatch(new RegExp(`${regs.lan.ref}: đã về nước`));
  });
});

describe('the CSV export', () => {
  it('is the filtered list, UTF-8 with a BOM, in Vietnamese or English, and audited', async () => {
    const minh = await signedIn('minh');
    const all = csvRows(await minh.get('/console/registrations.csv'));
    expect(all[0]).toContain('Mã đăng ký');
    expect(all[0]).toContain('Tỉnh quê');
    expect(all.slice(1).map((r) => r[0])).toEqual([regs.lan.ref, regs.hung.ref]);
    const lan = all.find((r) => r[0] === regs.lan.ref)!;
    for (const value of ['Nguyễn Thị Lan', 'Tuyên Quang', 'Đài Loan', 'Đang mang thai; Có con nhỏ đi cùng', 'C7654321']) expect(lan).toContain(value);

    await minh.get(`/console/registrations/${regs.hung.ref}`);
    await minh.post(`/console/registrations/${regs.hung.ref}/status`, { status: 'contacted', from: 'received' });
    const res = await minh.get('/console/registrations.csv?status=contacted');
    expect(res.headers['content-disposition']).toBe('attachment; filename="registrations_2026-11-26.csv"');
    const contacted = csvRows(res);
    expect(contacted.slice(1).map((r) => r[0])).toEqual([regs.hung.ref]);
    expect(contacted[1]).toContain('Lê Văn Hùng');
    expect(contacted[1]).toContain('Anh Minh');
    expect(csvRows(await minh.get('/console/registrations.csv?special=pregnant')).slice(1).map((r) => r[0])).toEqual([regs.lan.ref]);
    expect(csvRows(await minh.get('/console/registrations.csv?q=nobody')).length).toBe(1);

    const en = csvRows(await minh.get('/console/registrations.csv?lang=en&reason=contract_ended'));
    expect(en[0]!.slice(0, 3)).toEqual(['Reference', 'Status', 'Sent']);
    expect(en[1]).toContain('Contract ended');

    const exports = (await audit()).filter((e) => e.action === 'export');
    expect(exports).toHaveLength(5);
    expect(exports[1]).toMatchObject({ by: { id: 'minh' }, target: 'registrations', detail: { status: 'contacted', rows: 1 } });
    // A search is logged as made, never with what was searched (a name, a passport number).
    expect(exports[3]!.detail).toMatchObject({ search: true, rows: 0 });
    expect(JSON.stringify(exports[3])).not.toContain('nobody');
    expect((await minh.get('/console/registrations.csv?status=lost')).statusCode).toBe(400);
  });
});

describe('out of scope', () => {
  it('a Tokyo agent cannot see, open, change or export a Taipei registration, through any parameter', async () => {
    const lan = await signedIn('lan');
    const taipei = regs.lan;
    // The list: never Taipei's; naming Taipei in any filter is a 403.
    for (const q of ['', `q=${taipei.ref}`, 'q=Nguyen+Thi+Lan', 'sort=newest&page=1']) {
      const res = await lan.get(`/console/registrations?${q}`);
      expect(refs(res), q).not.toContain(taipei.ref);
      expect(/<tbody id="reg-rows">[\s\S]*?<\/tbody>/.exec(res.body)?.[0], q).not.toMatch(/Nguyễn Thị Lan|Đài Loan/);
    }
    for (const q of ['mission=tw-taipei', 'mission=jp-tokyo,tw-taipei', 'mission=jp-tokyo&mission=tw-taipei', 'country=TW', 'country=JP,TW', 'country=TW&mission=jp-tokyo', 'mission=jp-osaka']) {
      expect((await lan.get(`/console/registrations?${q}`)).statusCode, q).toBe(403);
      expect((await lan.get(`/console/registrations.csv?${q}`)).statusCode, `csv ${q}`).toBe(403);
    }
    // The record, by reference (any case) or by id.
    for (const name of [taipei.ref, taipei.ref.toLowerCase(), taipei.id]) {
      const res = await lan.get(`/console/registrations/${name}`);
      expect(res.statusCode, name).toBe(403);
      expect(res.body).not.toContain('Nguyễn Thị Lan');
    }
    // A status change, with a valid token and every status.
    await lan.get('/console/registrations');
    for (const status of ['contacted', 'travel_arranged', 'returned', 'withdrawn']) {
      expect((await lan.post(`/console/registrations/${taipei.ref}/status`, { status, from: 'received' })).statusCode, status).toBe(403);
      expect((await lan.post(`/console/registrations/${taipei.id}/status`, { status })).statusCode, status).toBe(403);
    }
    const record = await server.registrations.get('all', taipei.ref);
    expect(record.status).toBe('received');
    expect(record.history).toHaveLength(1);
    expect(await server.store.outboxPeek(taipei.worker.key, 10)).toEqual([]);
    expect(await taipei.worker.poll()).toBe('');
    // The export of everything the agent sees has no Taipei row.
    const csv = csvRows(await lan.get('/console/registrations.csv'));
    expect(csv.slice(1).map((r) => r[0])).toEqual([regs.nam.ref, regs.mai.ref]);
    expect(JSON.stringify(csv)).not.toContain('Nguyễn Thị Lan');
    // Nothing about Taipei was done in the agent's name.
    expect((await audit()).filter((e) => e.by.id === 'lan' && e.target === taipei.id)).toEqual([]);

    // The same routes on the agent's own registration are allowed.
    expect((await lan.get(`/console/registrations/${regs.nam.ref}`)).statusCode).toBe(200);
    expect((await lan.post(`/console/registrations/${regs.nam.ref}/status`, { status: 'contacted', from: 'received' })).statusCode).toBe(303);
  });

  it('a supervisor reaches their countries’ missions and no other; the Taipei agent not Tokyo’s', async () => {
    const hoa = await signedIn('hoa');
    expect((await hoa.get(`/console/registrations/${regs.nam.ref}`)).statusCode).toBe(200);
    expect((await hoa.get('/console/registrations?mission=jp-tokyo')).statusCode).toBe(200);
    expect((await hoa.get(`/console/registrations/${regs.lan.ref}`)).statusCode).toBe(403);
    expect((await hoa.get('/console/registrations?country=TW')).statusCode).toBe(403);
    expect((await hoa.post(`/console/registrations/${regs.hung.ref}/status`, { status: 'contacted' })).statusCode).toBe(403);
    const minh = await signedIn('minh');
    expect((await minh.get(`/console/registrations/${regs.mai.ref}`)).statusCode).toBe(403);
    expect((await minh.get('/console/registrations.csv?mission=jp-tokyo')).statusCode).toBe(403);
    expect((await server.registrations.get('all', regs.hung.ref)).status).toBe('received');
  });

  it('needs a session, and a status change needs the form’s CSRF token of that session', async () => {
    const anonymous = new Client(server);
    const page = await anonymous.get('/console/registrations');
    expect(page.statusCode).toBe(303);
    expect(page.headers.location).toBe('/console/sign-in?next=%2Fconsole%2Fregistrations');
    expect((await anonymous.get('/console/registrations.csv', 'text/csv')).statusCode).toBe(401);
    expect((await anonymous.get(`/console/registrations/${regs.lan.ref}`, 'application/json')).statusCode).toBe(401);

    const minh = await signedIn('minh');
    await minh.get(`/console/registrations/${regs.lan.ref}`);
    const without = await minh.post(`/console/registrations/${regs.lan.ref}/status`, { status: 'contacted', from: 'received' }, { token: null });
    expect(without.statusCode).toBe(403);
    expect(text(without)).toContain('Biểu mẫu đã hết hạn hoặc không hợp lệ');
    // A token from another person's session is not this session's.
    const nga = await (async () => {
      await addStaff(server, 'nga', 'agent', ['tw-taipei'], 'Chị Nga');
      return signedIn('nga');
    })();
    await nga.get(`/console/registrations/${regs.lan.ref}`);
    expect((await minh.post(`/console/registrations/${regs.lan.ref}/status`, { status: 'contacted', from: 'received' }, { token: nga.token })).statusCode).toBe(403);
    expect((await minh.post(`/console/registrations/${regs.lan.ref}/status`, { status: 'contacted', from: 'received' }, { token: 'forged-token' })).statusCode).toBe(403);
    expect((await server.registrations.get('all', regs.lan.ref)).status).toBe('received');
    expect(await regs.lan.worker.poll()).not.toContain('cán bộ cơ quan đại diện đã ghi nhận');
    expect((await audit()).filter((e) => e.action === 'status')).toEqual([]);
  });
});
