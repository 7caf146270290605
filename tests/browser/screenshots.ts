// The README's screenshots are taken by the browser tests on their way, but written only when
// asked for (UPDATE_SCREENSHOTS=1): an ordinary test run leaves the checkout as it found it.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

export const UPDATE_SCREENSHOTS = process.env.UPDATE_SCREENSHOTS === '1';

/** Writes docs/<name> from the page when UPDATE_SCREENSHOTS=1; otherwise does nothing. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean; clip?: { x: number; y: number; width: number; height: number } } = {}): Promise<void> {
  if (!UPDATE_SCREENSHOTS) return;
  const path = join(ROOT, 'docs', name);
  mkdirSync(dirname(path), { recursive: true });
  await page.screenshot({ path, ...opts });
}
