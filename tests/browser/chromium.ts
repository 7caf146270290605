// What every browser test shares: where Debian's Chromium is, the flags that keep it offline and
// quiet in a sandbox, and a server listening on a free local port for it to open.
import { existsSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { Server } from '../../src/server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM);
/** The longest one step of a browser test may wait (a page to load, a reply to appear). */
export const STEP = 20_000;

if (!HAS_CHROMIUM) {
  // Said once, plainly: CI installs Chromium (.ci/run), so a skip there would be a set-up fault.
  console.warn(`browser tests skipped: no Chromium at ${CHROMIUM} (install the Debian package "chromium" or set CHROMIUM_PATH)`);
}

/** Headless Chromium with a fresh temporary profile (Playwright's default for launch()), nothing fetched from outside. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    timeout: 30_000,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

/** Signs in on the console's page and waits for the queue, as an officer does. */
export async function signInAs(page: Page, base: string, id: string, password: string): Promise<void> {
  await page.goto(`${base}/console/sign-in`);
  await page.fill('#id', id);
  await page.fill('#password', password);
  await page.click('button[type=submit]');
  await page.waitForURL(/\/console\/queue$/);
}

/** Starts the server on a free local port; returns its base address. */
export async function listenLocally(server: Server): Promise<string> {
  await server.app.listen({ port: 0, host: '127.0.0.1' });
  const address = server.app.server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
}

/**
 * A server listening locally and a browser for the tests of one describe block: started before
 * them, closed after. Read `server`, `browser` and `base` inside the tests.
 */
export function serveToBrowser(start: () => Promise<Server>): { server: Server; browser: Browser; base: string } {
  const live = {} as { server: Server; browser: Browser; base: string };
  beforeAll(async () => {
    live.server = await start();
    live.base = await listenLocally(live.server);
    live.browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await live.browser?.close();
    await live.server?.close();
  }, 30_000);
  return live;
}
