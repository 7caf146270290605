// The statistics page after a scripted set of conversations on the web chat: the page and the CSV
// show the right counts, small cells as "<5" (in the table, the chart data and the export), in
// Vietnamese and English; agents get a 403; a supervisor of Japan reads Japan's figures and cannot
// reach Taiwan's through any parameter; the export is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { AUDIT_LIST, type AuditEntry } from '../../src/console/audit.ts';
import type { Server } from '../../src/server.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { ManualClock } from '../handoff/fixtures.ts';
import { addStaff, Client, consoleServer } from './helpers.ts';
import { registerInTaiwan, Worker } from './stats-script.ts';

/** Wednesday 25 November 2026, 10:00 in Tokyo and Taipei: missions open. */
const NOW = Date.UTC(2026, 10, 25, 1, 0);

let server: Server;
let clock: ManualClock;

/** The cells of a table's row on the page: [label, ...periods, total], as text. */
function row(body: string, metric: string, value: string): string[] {
  const section = new RegExp(`<section[^>]*id="t-${metric}"[\\s\\S]*?</section>`).exec(body)?.[0] ?? '';
  const tr = new RegExp(`<tr data-value="${value}">([\\s\\S]*?)</tr>`).exec(section)?.[1];
  if (tr === undefined) return [];
  return [...tr.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&#60;/g, '<').trim());
}

/** The chart data the page hands to its script. */
function chartData(body: string): { tables: { id: string; periods: string[]; rows: { label: string; drawn: number[]; small: boolean[] }[] }[] } {
  const json = /<script type="application\/json" id="stats-data">([\s\S]*?)<\/script>/.exec(body)?.[1];
  expect(json).toBeDefined();
  return JSON.parse(json!);
}

function csvLines(res: LightMyRequestResponse): string[][] {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toMatch(/^text\/csv; charset=utf-8/);
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return res.body
    .slice(1)
    .trimEnd()
    .split('\r\n')
    .map((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g)!.filter((c) => c !== '').map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
}

beforeAll(async () => {
  clock = new ManualClock(NOW);
  server = await consoleServer({ clock, store: new MemoryStore(clock), env: { WEB_RATE_LIMIT_PER_MINUTE: '100000' } });
  await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
  await addStaff(server, 'hoa', 'supervisor', ['jp-osaka'], 'Chị Hoa');
  await addStaff(server, 'minh', 'supervisor', ['tw-taipei'], 'Anh Minh');
  await addStaff(server, 'boss', 'admin', [], 'Quản trị');

  // Taiwan: six workers ask for the hotlines; six register their return.
  for (let i = 0; i < 6; i++) {
    const w = new Worker(server, clock);
    await w.onboard('dai loan');
    await w.post({ choice: 'topic_hotline' });
  }
  const regs = [
    { reason: 'early_employer_closed', special: '1 4', sex: 'female', sector: 'manufacturing' },
    { reason: 'early_employer_closed', special: '1 4', sex: 'female', sector: 'manufacturing' },
    { reason: 'early_employer_closed', special: '1', sex: 'female', sector: 'manufacturing' },
    { reason: 'early_employer_closed', sex: 'undisclosed', sector: 'manufacturing' },
    { reason: 'early_own_decision', sex: 'female', sector: 'manufacturing' },
    { reason: 'early_accident', special: '2', sex: 'male', sector: 'construction' },
  ];
  for (const r of regs) await registerInTaiwan(server, clock, r);

  // Japan: seven workers ask for the hotlines, five of them then ask for a person.
  for (let i = 0; i < 7; i++) {
    const w = new Worker(server, clock);
    await w.onboard('nhat ban');
    await w.post({ choice: 'topic_hotline' });
    if (i < 5) expect(await w.post({ text: 'cho em gặp cán bộ' })).toContain('cán bộ');
  }
  // A Tokyo officer takes one of them ten minutes later, through the console.
  clock.advance(10 * 60_000);
  const lan = new Client(server);
  await lan.signIn('lan');
  const [first] = await server.handoff.list(['jp-tokyo']);
  expect((await lan.post(`/console/chats/${first!.id}/claim`)).statusCode).toBe(303);
  await server.stats.flush();
}, 60_000);

afterAll(async () => {
  await server?.close();
});

describe('the statistics page', () => {
  it('shows an admin every country by default (six months by month), with small cells as "<5"', async () => {
    const boss = new Client(server);
    await boss.signIn('boss');
    const page = await boss.get('/console/stats');
    expect(page.statusCode).toBe(200);
    const body = page.body;
    // The navigation offers it; the default period is this month and the five before.
    expect(body).toContain('href="/console/stats"');
    expect(body).toContain('value="2026-06-01"');
    expect(body).toContain('value="2026-11-25"');
    const months = ['Tháng 6/2026', 'Tháng 7/2026', 'Tháng 8/2026', 'Tháng 9/2026', 'Tháng 10/2026', 'Tháng 11/2026'];
    expect(row(body, 'question', 'hotline')).toEqual(['Đường dây nóng', '<5', '<5', '<5', '<5', '<5', '13', '13']);
    expect(body).toContain(`<th scope="col" class="num" title="1/6/2026 – 30/6/2026">${months[0]}</th>`);

    expect(row(body, 'handoff', 'asked')).toEqual(['người dùng xin gặp cán bộ', ...Array(5).fill('<5'), '5', '5']);
    expect(row(body, 'handoff_wait', '5to30m')).toEqual(['5–30 phút', ...Array(6).fill('<5'), '<5']);
    expect(row(body, 'registration', 'early_employer_closed')).toEqual(['Về sớm: chủ đóng cửa, phá sản', ...Array(6).fill('<5'), '<5']);
    expect(row(body, 'registration_mode', 'involuntary')).toEqual(['Không tự nguyện', ...Array(5).fill('<5'), '5', '5']);
    expect(row(body, 'registration_mode', 'voluntary')).toEqual(['Tự nguyện', ...Array(6).fill('<5'), '<5']);
    expect(row(body, 'registration_timing', 'early')).toEqual(['Về sớm', ...Array(5).fill('<5'), '6', '6']);
    expect(row(body, 'registration_sector', 'manufacturing')).toEqual(['Nhà máy, sản xuất', ...Array(5).fill('<5'), '5', '5']);
    expect(row(body, 'registration_sector', 'construction')).toEqual(['Xây dựng', ...Array(6).fill('<5'), '<5']);
    expect(row(body, 'registration_sex', 'female')).toEqual(['Nữ', ...Array(6).fill('<5'), '<5']);
    expect(row(body, 'registration_sex', 'undisclosed')).toEqual(['Không muốn trả lời', ...Array(6).fill('<5'), '<5']);
    // Every value of a table is listed, counted or not: a row's presence says nothing.
    expect(row(body, 'registration_sector', 'fishing')).toEqual(['Đánh bắt cá, thuyền viên', ...Array(6).fill('<5'), '<5']);
    expect(row(body, 'registration_special', 'sick')[0]).toBe('Đang ốm');
    expect(row(body, 'emergency', 'trafficking')[0]).toBe('mua bán người');

    // The chart draws the same figures, small ones as nothing: the page never carries a count under 5.
    const charts = chartData(body);
    expect(charts.tables.map((t) => t.id)).toEqual(['question', 'handoff', 'handoff_wait', 'handoff_outcome', 'emergency', 'registration', 'registration_mode', 'registration_timing', 'registration_sector', 'registration_sex', 'registration_special']);
    const sector = charts.tables.find((t) => t.id === 'registration_sector')!;
    expect(sector.periods).toEqual(months);
    expect(sector.rows.find((r) => r.label === 'Nhà máy, sản xuất')).toMatchObject({ drawn: [0, 0, 0, 0, 0, 5], small: [true, true, true, true, true, false] });
    expect(sector.rows.find((r) => r.label === 'Xây dựng')).toMatchObject({ drawn: [0, 0, 0, 0, 0, 0], small: Array(6).fill(true) });
    for (const t of charts.tables) for (const r of t.rows) for (const n of r.drawn) expect(n === 0 || n >= 5, `${t.id} ${r.label}`).toBe(true);
    // A table with nothing of 5 or more gets no chart, and says why.
    expect(body).toMatch(/id="t-handoff_wait"[\s\S]*?class="muted nothing-drawn"/);
    expect(body).toContain('<canvas id="chart-registration_sector"');
    // Chart.js comes from the console itself (no CDN) and the script it loads is served.
    const src = /<script src="(\/console\/assets\/chart-[\d.]+\.umd\.min\.js)"><\/script>/.exec(body)?.[1];
    expect(src).toBeDefined();
    const lib = await boss.get(src!, '*/*');
    expect(lib.statusCode).toBe(200);
    expect(lib.headers['content-type']).toMatch(/javascript/);
    expect(lib.body).toContain('Chart.js v');
  });

  it('filters by country, mission and week, and speaks English', async () => {
    const boss = new Client(server);
    await boss.signIn('boss');
    const taiwan = (await boss.get('/console/stats?country=TW&from=2026-11-01&to=2026-11-30&granularity=week')).body;
    // 1–30 November: ISO weeks 44 (from Monday 26 October) to 49 (to Sunday 6 December).
    expect(row(taiwan, 'question', 'hotline')).toEqual(['Đường dây nóng', '<5', '<5', '<5', '<5', '6', '<5', '6']);
    expect(taiwan).toContain('Tuần 44/2026<br><span class="small muted">26/10/2026 – 1/11/2026</span>');
    expect(taiwan).toContain('Tuần 48/2026<br><span class="small muted">23/11/2026 – 29/11/2026</span>');
    expect(row(taiwan, 'handoff', 'asked')).toEqual(['người dùng xin gặp cán bộ', ...Array(7).fill('<5')]);
    const tokyo = (await boss.get('/console/stats?mission=jp-tokyo&from=2026-11-01&to=2026-11-30')).body;
    expect(row(tokyo, 'question', 'hotline')).toEqual(['Đường dây nóng', '7', '7']);
    expect(row(tokyo, 'registration_timing', 'early')).toEqual(['Về sớm', '<5', '<5']);
    // A mission of another country than the one picked: the country's figures, said so.
    const mixed = (await boss.get('/console/stats?country=TW&mission=jp-tokyo&from=2026-11-01&to=2026-11-30')).body;
    expect(row(mixed, 'question', 'hotline')).toEqual(['Đường dây nóng', '6', '6']);
    expect(mixed).toContain('không thuộc quốc gia này');

    const en = (await boss.get('/console/stats?lang=en&country=TW&from=2026-11-01&to=2026-11-30')).body;
    expect(en).toContain('<h1>Statistics</h1>');
    expect(row(en, 'question', 'hotline')).toEqual(['Hotlines', '6', '6']);
    expect(row(en, 'registration_sector', 'manufacturing')).toEqual(['Manufacturing', '5', '5']);
    expect(row(en, 'registration_special', 'pregnant')).toEqual(['Pregnant', '<5', '<5']);
    expect(en).toContain('Nov 2026');
  });

  it('refuses bad filters with a 400 that keeps the form', async () => {
    const boss = new Client(server);
    await boss.signIn('boss');
    for (const q of ['from=2026-11-30&to=2026-11-01', 'from=2026-02-31', 'from=2020-01-01&to=2026-11-30&granularity=week', 'granularity=day', 'country=XX', 'country=jp', 'mission=nowhere', 'mission=jp-tokyo&mission=tw-taipei']) {
      const res = await boss.get(`/console/stats?${q}`);
      expect(res.statusCode, q).toBe(400);
      expect(res.body, q).toContain('<form class="card stats-filters"');
      expect(res.body, q).not.toContain('id="stats-data"');
      expect((await boss.get(`/console/stats.csv?${q}`)).statusCode, q).toBe(400);
    }
  });
});

describe('the CSV export', () => {
  it('is what the page shows: translated, "<5" suppressed, UTF-8 with a BOM, and audited', async () => {
    const boss = new Client(server);
    await boss.signIn('boss');
    const page = await boss.get('/console/stats?country=TW');
    const link = /id="stats-csv" href="([^"]+)"/.exec(page.body)?.[1]?.replace(/&#38;/g, '&');
    expect(link).toBe('/console/stats.csv?country=TW&from=2026-06-01&to=2026-11-25&granularity=month');
    const res = await boss.get(link!, 'text/csv');
    expect(res.headers['content-disposition']).toBe('attachment; filename="statistics_2026-06-01_2026-11-25_month_TW.csv"');
    const lines = csvLines(res);
    expect(lines[0]).toEqual(['Bảng', 'Giá trị', 'Tháng 6/2026', 'Tháng 7/2026', 'Tháng 8/2026', 'Tháng 9/2026', 'Tháng 10/2026', 'Tháng 11/2026', 'Tổng']);
    const find = (table: string, value: string) => lines.find((l) => l[0] === table && l[1] === value);
    expect(find('Câu hỏi theo chủ đề', 'Đường dây nóng')).toEqual(['Câu hỏi theo chủ đề', 'Đường dây nóng', '<5', '<5', '<5', '<5', '<5', '6', '6']);
    expect(find('Đăng ký về nước, theo ngành nghề', 'Nhà máy, sản xuất')?.slice(-2)).toEqual(['5', '5']);
    expect(find('Đăng ký về nước, theo lý do', 'Về sớm: chủ đóng cửa, phá sản')?.slice(-2)).toEqual(['<5', '<5']);
    expect(find('Chuyển cho cán bộ, theo lý do', 'người dùng xin gặp cán bộ')?.slice(-1)).toEqual(['<5']);
    // Every row of the page is in the file, in the same order, and no cell under 5 is written out.
    const pageRows = [...page.body.matchAll(/<tr data-value="([^"]+)"><th scope="row">([^<]*)<\/th>/g)].map((m) => m[2]);
    expect(lines.slice(1).map((l) => l[1])).toEqual(pageRows);
    for (const l of lines.slice(1)) for (const c of l.slice(2)) expect(c === '<5' || Number(c) >= 5, l.join(',')).toBe(true);

    const en = csvLines(await boss.get('/console/stats.csv?country=TW&lang=en'));
    expect(en[0]).toEqual(['Table', 'Value', 'Jun 2026', 'Jul 2026', 'Aug 2026', 'Sep 2026', 'Oct 2026', 'Nov 2026', 'Total']);
    expect(en.find((l) => l[1] === 'Hotlines')?.slice(-2)).toEqual(['6', '6']);

    const audit = await server.store.listRead<AuditEntry>(AUDIT_LIST, 100);
    const exports = audit.filter((e) => e.action === 'export' && e.target === 'statistics');
    expect(exports).toHaveLength(2);
    expect(exports[0]).toMatchObject({ by: { id: 'boss', role: 'admin' }, detail: { country: 'TW', mission: 'all', from: '2026-06-01', to: '2026-11-25', granularity: 'month' } });
  });
});

describe('who sees which figures', () => {
  it('an agent gets a 403 on the page, the export and the chart script, and no menu entry', async () => {
    const lan = new Client(server);
    await lan.signIn('lan');
    expect((await lan.get('/console/queue')).body).not.toContain('href="/console/stats"');
    expect((await lan.get('/console/stats')).statusCode).toBe(403);
    expect((await lan.get('/console/stats.csv')).statusCode).toBe(403);
    const src = server.console.routes().find((r) => r.url.startsWith('/console/assets/chart-'))!.url;
    expect((await lan.get(src, '*/*')).statusCode).toBe(403);
    // Signed out: to the sign-in page, or a 401 for a download.
    const nobody = new Client(server);
    expect((await nobody.get('/console/stats')).headers.location).toMatch(/^\/console\/sign-in\?next=/);
    expect((await nobody.get('/console/stats.csv', 'text/csv')).statusCode).toBe(401);
  });

  it("a supervisor of Japan sees Japan's missions only, and no parameter reaches Taiwan's figures", async () => {
    const hoa = new Client(server);
    await hoa.signIn('hoa');
    const page = await hoa.get('/console/stats');
    expect(page.statusCode).toBe(200);
    expect(row(page.body, 'question', 'hotline').at(-1)).toBe('7');
    expect(row(page.body, 'handoff', 'asked').at(-1)).toBe('5');
    // Taiwan's registrations are not in Japan's figures, nor Taiwan in the choices.
    expect(row(page.body, 'registration_timing', 'early').at(-1)).toBe('<5');
    expect(row(page.body, 'registration_sector', 'manufacturing').at(-1)).toBe('<5');
    expect(page.body).not.toContain('value="TW"');
    expect(page.body).not.toContain('value="tw-taipei"');
    expect(page.body).toContain('value="jp-tokyo"');
    for (const t of chartData(page.body).tables) {
      if (t.id.startsWith('registration')) for (const r of t.rows) expect(r.drawn.every((n) => n === 0), `${t.id} ${r.label}`).toBe(true);
    }
    const japanCsv = csvLines(await hoa.get('/console/stats.csv'));
    expect(japanCsv.find((l) => l[1] === 'Đường dây nóng')?.at(-1)).toBe('7');
    expect(japanCsv.find((l) => l[1] === 'Nhà máy, sản xuất')?.at(-1)).toBe('<5');

    const tries = [
      'country=TW',
      'mission=tw-taipei',
      'country=JP&mission=tw-taipei',
      'country=TW&mission=jp-tokyo',
      'country=unknown',
      'mission=unknown',
      'country=TW&country=JP',
      'mission=jp-tokyo&mission=tw-taipei',
      'missions=tw-taipei',
      'country[]=TW',
    ];
    for (const q of tries) {
      for (const path of ['/console/stats', '/console/stats.csv']) {
        const res = await hoa.get(`${path}?${q}`);
        if (res.statusCode === 200) {
          // Only a parameter the page does not read may pass, and it changes nothing.
          expect(['missions=tw-taipei', 'country[]=TW'], q).toContain(q);
          const hotline = path.endsWith('.csv') ? csvLines(res).find((l) => l[1] === 'Đường dây nóng')?.at(-1) : row(res.body, 'question', 'hotline').at(-1);
          expect(hotline, q).toBe('7');
        } else {
          expect([400, 403], `${path}?${q}`).toContain(res.statusCode);
          expect(res.body).not.toContain('Đường dây nóng');
        }
      }
    }
    // Outside the scope is a 403, as on every other route.
    expect((await hoa.get('/console/stats?country=TW')).statusCode).toBe(403);
    expect((await hoa.get('/console/stats.csv?mission=tw-taipei')).statusCode).toBe(403);
  });

  it("Taiwan's supervisor sees Taiwan's figures and not Japan's", async () => {
    const minh = new Client(server);
    await minh.signIn('minh');
    const body = (await minh.get('/console/stats')).body;
    expect(row(body, 'question', 'hotline').at(-1)).toBe('6');
    expect(row(body, 'registration_sector', 'manufacturing').at(-1)).toBe('5');
    expect(row(body, 'handoff', 'asked').at(-1)).toBe('<5');
    expect((await minh.get('/console/stats?country=JP')).statusCode).toBe(403);
  });
});
