// The statistics page in a real browser (Debian's Chromium through playwright-core): after workers'
// conversations on the web chat, an admin opens the page; Chart.js, served by the console itself
// under the CSP, draws a chart per table; the tables under them show "<5" where a count is small;
// the page fits a tablet and switches to English. The screenshot in the README is taken on the way
// when UPDATE_SCREENSHOTS=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { addStaff, consoleServer, PASSWORD } from '../console/helpers.ts';
import { registerInTaiwan, Worker } from '../console/stats-script.ts';
import { ManualClock } from '../handoff/fixtures.ts';
import { HAS_CHROMIUM, STEP, launchChromium, listenLocally } from './chromium.ts';
import { screenshot } from './screenshots.ts';

/** Pixels of a canvas that are not transparent: a drawn chart has thousands. */
function inked(page: Page, id: string): Promise<number> {
  return page.evaluate((canvasId) => {
    const canvas = document.getElementById(canvasId) as HTMLCanvasElement | null;
    if (!canvas) return -1;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i]! > 0) n++;
    return n;
  }, id);
}

/** The text of a table row's cells: [label, ...periods, total]. */
function cells(page: Page, metric: string, value: string): Promise<string[]> {
  return page.locator(`#t-${metric} tr[data-value="${value}"] > *`).allTextContents().then((t) => t.map((s) => s.trim()));
}

describe.skipIf(!HAS_CHROMIUM)('statistics in the browser', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    const clock = new ManualClock(Date.now());
    server = await consoleServer({ clock, store: new MemoryStore(clock), env: { WEB_RATE_LIMIT_PER_MINUTE: '100000' } });
    await addStaff(server, 'boss', 'admin', [], 'Quản trị');
    // Six workers in Taiwan ask for the hotlines, five in Japan ask for a person, one registers.
    for (let i = 0; i < 6; i++) {
      const w = new Worker(server, clock);
      await w.onboard('dai loan');
      await w.post({ choice: 'topic_hotline' });
    }
    for (let i = 0; i < 5; i++) {
      const w = new Worker(server, clock);
      await w.onboard('nhat ban');
      await w.post({ text: 'cho em gặp cán bộ' });
    }
    await registerInTaiwan(server, clock, { reason: 'early_employer_closed', special: '1 4', sex: 'female', sector: 'manufacturing' });
    await server.stats.flush();

    base = await listenLocally(server);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);

  it('draws a chart per table from the console’s own Chart.js, and shows "<5" in the tables', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    // On the statistics pages: a script blocked by the CSP, an error, or a failed load.
    const problems: string[] = [];
    const onStats = () => new URL(page.url()).pathname === '/console/stats';
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error' && onStats()) problems.push(m.text());
    });
    page.on('response', (r) => {
      if (r.status() >= 400 && onStats()) problems.push(`${r.status()} ${r.url()}`);
    });
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(base)) outside.push(r.url());
    });

    await page.goto(`${base}/console`);
    await page.waitForURL(/\/console\/sign-in/);
    await page.fill('#id', 'boss');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/queue$/);
    await page.getByRole('link', { name: 'Thống kê' }).click();
    await page.waitForURL(/\/console\/stats$/);
    await page.getByRole('heading', { name: 'Thống kê', level: 1 }).waitFor();

    // Charts: drawn on their canvases by Chart.js (loaded from this server, nothing from outside).
    await page.locator('#chart-question[data-drawn="true"]').waitFor();
    expect(await page.evaluate(() => typeof (window as unknown as { Chart?: unknown }).Chart)).toBe('function');
    expect(await inked(page, 'chart-question')).toBeGreaterThan(500);
    const drawn = await page.evaluate(() => {
      const Chart = (window as unknown as { Chart: { getChart(c: HTMLCanvasElement): { data: { datasets: { label: string; data: number[] }[] } } | undefined } }).Chart;
      const chart = Chart.getChart(document.getElementById('chart-question') as HTMLCanvasElement);
      return chart?.data.datasets.map((d) => ({ label: d.label, data: d.data }));
    });
    // Only the hotlines reach 5; they are drawn in this month's column, nothing else is.
    expect(drawn).toEqual([{ label: 'Đường dây nóng', data: [0, 0, 0, 0, 0, 6] }]);
    expect(await page.locator('#t-question canvas').getAttribute('aria-label')).toContain('Câu hỏi theo chủ đề');

    // Tables: the figures, with "<5" where a count is small (counted or not).
    expect(await cells(page, 'question', 'hotline')).toEqual(['Đường dây nóng', '<5', '<5', '<5', '<5', '<5', '6', '6']);
    expect((await cells(page, 'handoff', 'asked')).at(-1)).toBe('5');
    expect((await cells(page, 'handoff', 'emergency')).at(-1)).toBe('<5');
    expect(await inked(page, 'chart-handoff')).toBeGreaterThan(500);
    expect(await cells(page, 'registration_sector', 'manufacturing')).toEqual(['Nhà máy, sản xuất', '<5', '<5', '<5', '<5', '<5', '<5', '<5']);
    // A table with nothing of 5 or more has no chart, and says so.
    expect(await page.locator('#t-registration_sector canvas').count()).toBe(0);
    await page.locator('#t-registration_sector .nothing-drawn').waitFor();

    await screenshot(page, 'console-stats.png', { fullPage: true, clip: { x: 0, y: 0, width: 1280, height: 1480 } });

    // Filters: Taiwan by week.
    await page.selectOption('#country', 'TW');
    await page.selectOption('#granularity', 'week');
    await page.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL(/country=TW/);
    await page.locator('#chart-question[data-drawn="true"]').waitFor();
    expect((await cells(page, 'question', 'hotline')).at(-1)).toBe('6');
    expect(await page.locator('#t-question thead th').nth(1).textContent()).toMatch(/^Tuần \d+\/\d{4}/);
    // Japan's hand-offs are not Taiwan's.
    expect((await cells(page, 'handoff', 'asked')).at(-1)).toBe('<5');
    expect(await page.locator('#t-handoff canvas').count()).toBe(0);

    // At 1024 px every table's label column is readable: wide enough, and still in view when the
    // periods are scrolled to the last one.
    await page.setViewportSize({ width: 1024, height: 768 });
    const labels = await page.evaluate(() =>
      Array.from(document.querySelectorAll('.table-scroll')).map((box) => {
        box.scrollLeft = box.scrollWidth;
        const th = box.querySelector('tbody th[scope="row"]')!;
        const b = box.getBoundingClientRect();
        const r = th.getBoundingClientRect();
        return { table: box.closest('section')?.id, width: Math.round(r.width), inView: r.left >= b.left - 1 && r.right <= b.right + 1 };
      }),
    );
    console.info(JSON.stringify({ labelColumnsAt1024: labels }));
    for (const l of labels) {
      expect(l.width, l.table).toBeGreaterThanOrEqual(150);
      expect(l.inView, l.table).toBe(true);
    }

    // A tablet needs no sideways scrolling: wide tables scroll inside their box.
    await page.setViewportSize({ width: 768, height: 1024 });
    // (Chart.js resizes its canvases on the next frames.)
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth), { timeout: STEP }).toBeLessThanOrEqual(0);

    // English is one tap away, charts and all.
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Statistics', level: 1 }).waitFor();
    await page.locator('#chart-question[data-drawn="true"]').waitFor();
    expect((await cells(page, 'question', 'hotline'))[0]).toBe('Hotlines');
    expect(await inked(page, 'chart-question')).toBeGreaterThan(500);

    expect(problems).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  }, 120_000);
});
