// The first hour on a real phone: the server on the machine's own network address over plain HTTP
// (what a phone on the mission's Wi-Fi opens; not "localhost", so the browser applies every rule
// of an insecure origin). The chat loads and answers through numbered buttons, its language can
// be switched, quick exit leaves nothing of the chat in the history or the storage, and an
// officer can sign in to the console.
import { networkInterfaces } from 'node:os';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { addStaff, consoleServer, PASSWORD } from '../console/helpers.ts';
import { HAS_CHROMIUM, STEP, launchChromium } from './chromium.ts';

const LAN = Object.values(networkInterfaces())
  .flat()
  .find((a) => a && a.family === 'IPv4' && !a.internal)?.address;
if (HAS_CHROMIUM && !LAN) console.warn('LAN browser test skipped: this machine has no non-loopback IPv4 address');

const EXIT = 'https://www.google.com/';

describe.skipIf(!HAS_CHROMIUM || !LAN)('on a LAN address over plain HTTP', () => {
  let server: Server;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    server = await consoleServer();
    await addStaff(server, 'lan', 'agent', ['jp-tokyo'], 'Chị Lan');
    await server.app.listen({ port: 0, host: LAN });
    const address = server.app.server.address();
    base = `http://${LAN}:${typeof address === 'object' && address ? address.port : 0}`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('the chat loads, answers through numbered buttons, and switches language in place', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 760 } });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    await page.goto(`${base}/chat`);
    // Numbered as the text channels number them.
    const japan = page.locator('.choices button', { hasText: 'Nhật Bản' });
    await expect.poll(() => japan.textContent()).toBe('1.Nhật Bản');
    await japan.click();
    await page.locator('.choices button', { hasText: 'Đường dây nóng' }).last().click();
    await page.getByText('110', { exact: false }).first().waitFor();
    expect(await page.textContent('#status')).toBe('');

    const entries = await page.evaluate(() => history.length);
    await page.getByRole('link', { name: 'English' }).click();
    await page.waitForURL(/\/chat\?lang=en$/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getByPlaceholder('Type your question').count()).toBe(1);
    // Replaced, not added: Back does not lead to the Vietnamese page.
    expect(await page.evaluate(() => history.length)).toBe(entries);
    await context.close();
  });

  it('quick exit replaces the page and leaves no transcript in the history or the storage', async () => {
    const context = await browser.newContext();
    await context.route(`${EXIT}**`, (route) => route.fulfill({ contentType: 'text/html', body: '<title>Google</title>' }));
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    await page.goto(`${base}/chat`);
    await page.locator('.choices button', { hasText: 'Nhật Bản' }).click();
    await page.fill('#text', 'bi chu danh');
    await page.press('#text', 'Enter');
    await page.locator('.msg.emergency').first().waitFor();
    expect(await page.evaluate(() => localStorage.length)).toBeGreaterThan(0);

    const entries = await page.evaluate(() => history.length);
    await page.getByRole('button', { name: /Thoát nhanh/ }).click();
    await page.waitForURL(EXIT);
    expect(await page.evaluate(() => history.length)).toBe(entries);
    // Back leads to where the tab was before the chat (a new tab's blank page), never to the chat.
    await page.goBack();
    expect(page.url()).not.toContain('/chat');
    const state = await context.storageState();
    const chatOrigin = state.origins.find((o) => o.origin === base);
    expect(chatOrigin?.localStorage ?? []).toEqual([]);
    expect(state.cookies.filter((c) => base.includes(c.domain))).toEqual([]);
    await context.close();
  });

  it('an officer signs in to the console', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    await page.goto(`${base}/console`);
    await page.waitForURL(/\/console\/sign-in/);
    await page.fill('#id', 'lan');
    await page.fill('#password', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForURL(/\/console\/queue$/);
    expect(page.url().startsWith(`${base}/`)).toBe(true);
    await context.close();
  });
});
