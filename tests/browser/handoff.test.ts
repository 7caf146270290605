// The whole hand-off in a real browser (Debian's Chromium through playwright-core): a worker asks
// for a person on the web chat, an officer (created as `npm run staff` creates one) signs in, sees
// the chat arrive live with what the bot collected, takes it, answers; the worker reads the answer
// on the chat page; the officer closes and the worker is back with the bot. The console's
// screenshot for the README (docs/console.png) is taken on the way when UPDATE_SCREENSHOTS=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { addStaff, consoleServer, PASSWORD, request } from '../console/helpers.ts';
import { HAS_CHROMIUM, STEP, launchChromium, listenLocally } from './chromium.ts';
import { screenshot } from './screenshots.ts';

describe.skipIf(!HAS_CHROMIUM)('hand-off in the browser', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    await addStaff(server, 'hoa', 'supervisor', ['jp-osaka'], 'Chị Hoa');
    base = await listenLocally(server);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);

  it('a worker asks for a person, an officer answers, closes, and the bot is back', async () => {
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const userContext = await browser.newContext({ viewport: { width: 390, height: 760 }, locale: 'vi-VN' });
    const officer = await staffContext.newPage();
    const worker = await userContext.newPage();
    for (const p of [officer, worker]) p.setDefaultTimeout(STEP);

    // The officer signs in first and waits on the queue page.
    await officer.goto(`${base}/console`);
    await officer.waitForURL(/\/console\/sign-in/);
    await officer.fill('#id', 'lan');
    await officer.fill('#password', PASSWORD);
    await officer.click('button[type=submit]');
    await officer.waitForURL(/\/console\/queue$/);
    await expect.poll(() => officer.textContent('#live-status'), { timeout: STEP }).toContain('Cập nhật trực tiếp');
    expect(await officer.textContent('#queue-rows')).toContain('Không có cuộc trò chuyện nào đang chờ');

    // The worker opens the web chat, says where they work, and asks for a person.
    await worker.goto(`${base}/chat`);
    await worker.getByRole('button', { name: 'Nhật Bản' }).click();
    await worker.waitForSelector('.msg.bot >> nth=1');
    await worker.fill('#text', 'cho em gặp cán bộ');
    await worker.press('#text', 'Enter');
    await worker.getByText('Mình đã chuyển yêu cầu của bạn đến cán bộ', { exact: false }).waitFor();

    // The chat arrives in the officer's queue without a reload (server-sent events).
    const row = officer.locator('#queue-rows tr[data-id]');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    await row.first().getByRole('link').click();
    await officer.waitForURL(/\/console\/chats\//);
    const context = await officer.textContent('aside');
    for (const fact of ['Nhật Bản', 'người dùng xin gặp cán bộ', 'tiếng Việt', 'Web chat', 'Đại sứ quán Việt Nam tại Tokyo']) expect(context).toContain(fact);
    expect(await officer.textContent('#transcript')).toContain('cho em gặp cán bộ');

    // Take it; answer.
    await officer.getByRole('button', { name: 'Nhận cuộc trò chuyện' }).click();
    await officer.waitForURL(/ok=claimed/);
    const answer = 'Chào em, chị là cán bộ Đại sứ quán. Em đang ở tỉnh nào của Nhật?';
    await officer.fill('#text', answer);
    await officer.getByRole('button', { name: 'Gửi', exact: true }).click();
    await officer.waitForURL(/ok=replied/);

    // The worker reads it on the chat page (the page polls for staff replies).
    await worker.getByText(answer, { exact: false }).waitFor();
    // While the officer holds the chat, what the worker writes goes to them, and the bot is silent.
    const botMessagesBefore = await worker.locator('.msg.bot').count();
    await worker.fill('#text', 'Dạ em ở Saitama ạ');
    await worker.press('#text', 'Enter');
    await expect.poll(async () => (await officer.textContent('#transcript')) ?? '', { timeout: STEP }).toContain('Dạ em ở Saitama ạ');
    expect(await worker.locator('.msg.bot').count()).toBe(botMessagesBefore);

    await screenshot(officer, 'console.png', { fullPage: true });

    // Close: the worker is told and is back with the bot, which answers again.
    await officer.locator('summary', { hasText: 'Kết thúc' }).click();
    await officer.getByLabel('đã trả lời').check();
    await officer.locator('form[action$="/close"] button[type=submit]').click();
    await officer.waitForURL(/\/console\/queue\?ok=chatClosed/);
    await worker.getByText('Cán bộ đã kết thúc cuộc trò chuyện', { exact: false }).waitFor();
    await worker.fill('#text', 'menu');
    await worker.press('#text', 'Enter');
    await worker.getByText('Bạn muốn hỏi về việc gì?', { exact: false }).last().waitFor();
    expect(await server.handoff.list()).toEqual([]);

    await staffContext.close();
    await userContext.close();
  }, 150_000);

  it('fits a tablet: the queue and the chat need no sideways scrolling', async () => {
    const tablet = await browser.newContext({ viewport: { width: 768, height: 1024 }, locale: 'vi-VN', hasTouch: true });
    const page: Page = await tablet.newPage();
    page.setDefaultTimeout(STEP);
    await page.goto(`${base}/console/sign-in`);
    await page.fill('#id', 'lan');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/queue$/);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    const done = await server.handoff.listDone();
    await page.goto(`${base}/console/chats/${done[0]!.id}`);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // English is one tap away.
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Chat/ }).waitFor();
    await tablet.close();
  }, 60_000);

  it('a supervisor narrows the queue to one mission by picking it (the CSP blocks inline handlers)', async () => {
    await server.handoff.open(request({ user: 'tokyo-filter-worker', country: 'JP', at: Date.now() }));
    await server.handoff.open(request({ user: 'osaka-filter-worker', country: 'JP', city: 'osaka', at: Date.now() }));
    const tokyo = (await server.handoff.list(['jp-tokyo']))[0]!.id;
    const osaka = (await server.handoff.list(['jp-osaka']))[0]!.id;
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    // A handler the CSP refused, or any script error, shows here.
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      // The browser's own favicon request is no page's.
      if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`${m.text()} ${m.location().url}`);
    });
    await page.goto(`${base}/console/sign-in`);
    await page.fill('#id', 'hoa');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/queue$/);
    const rows = () => page.locator('#queue-rows tr[data-id]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-id')));
    expect(await rows()).toEqual(expect.arrayContaining([tokyo, osaka]));
    // With script on, the fallback button is not shown: picking the mission is the whole action.
    expect(await page.locator('form:has(#mission) button').isVisible()).toBe(false);
    await page.selectOption('#mission', 'jp-osaka');
    await page.waitForURL(/\/console\/queue\?mission=jp-osaka$/);
    expect(await page.locator('#mission').inputValue()).toBe('jp-osaka');
    expect(await rows()).toEqual([osaka]);
    await page.selectOption('#mission', '');
    await page.waitForURL(/\/console\/queue\?mission=$/);
    expect(await rows()).toEqual(expect.arrayContaining([tokyo, osaka]));
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
