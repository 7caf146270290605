// Accessibility in a real browser: axe-core on the worker's chat page and on every console page an
// officer uses in a shift (sign-in, queue, a claimed chat, registrations, statistics). Any serious
// or critical violation fails, and so do the moderate ones a shift on a tablet showed up.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { addStaff, consoleServer, PASSWORD } from '../console/helpers.ts';
import { Worker } from '../console/stats-script.ts';
import { axeViolations, blocking, summary } from './axe.ts';
import { HAS_CHROMIUM, STEP, launchChromium, listenLocally } from './chromium.ts';

/** Moderate and minor rules the issue named: the console fixes these too. */
const ALSO = ['page-has-heading-one', 'region', 'landmark-unique', 'empty-table-header'];

const realTime = { advance: () => {} };

describe.skipIf(!HAS_CHROMIUM)('accessibility of the chat and the console (axe-core)', () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  let context: BrowserContext;
  let page: Page;
  const measured: Record<string, string[]> = {};

  beforeAll(async () => {
    server = await consoleServer({ env: { WEB_RATE_LIMIT_PER_MINUTE: '100000' } });
    await addStaff(server, 'boss', 'admin', [], 'Quản trị');
    const w = new Worker(server, realTime);
    await w.onboard('nhat ban');
    await w.post({ choice: 'topic_hotline' });
    await w.post({ text: 'cho em gặp cán bộ' });
    await server.stats.flush();
    base = await listenLocally(server);
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1024, height: 768 }, locale: 'vi-VN' });
    page = await context.newPage();
    page.setDefaultTimeout(STEP);
  }, 60_000);

  afterAll(async () => {
    // What was found, for the record (every impact, blocking or not).
    console.info(JSON.stringify(measured, null, 1));
    await context?.close();
    await browser?.close();
    await server?.close();
  }, 30_000);

  async function check(name: string): Promise<void> {
    const all = await axeViolations(page);
    measured[name] = summary(all);
    expect.soft(summary(blocking(all, ALSO)), name).toEqual([]);
  }

  it('the worker’s chat page', async () => {
    await page.goto(`${base}/chat`);
    await page.getByRole('button', { name: 'Nhật Bản' }).waitFor();
    await check('chat');
  }, 60_000);

  it('sign-in, queue, a claimed chat, registrations and statistics', async () => {
    await page.goto(`${base}/console/sign-in`);
    await check('sign-in');
    await page.fill('#id', 'boss');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/queue$/);
    await page.locator('#queue-rows tr[data-id]').first().waitFor();
    await check('queue');
    await page.locator('#queue-rows tr[data-id] a').first().click();
    await page.waitForURL(/\/console\/chats\//);
    await check('chat view (waiting)');
    await page.getByRole('button', { name: 'Nhận cuộc trò chuyện' }).click();
    await page.waitForURL(/ok=claimed/);
    await check('chat view (claimed)');
    await page.goto(`${base}/console/registrations`);
    await check('registrations');
    await page.goto(`${base}/console/stats`);
    await page.locator('#chart-question[data-drawn="true"], .nothing-drawn').first().waitFor();
    await check('statistics');
  }, 120_000);
});
