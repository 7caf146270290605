// The emergency reply on a phone (390×844, Debian's Chromium through playwright-core): for each
// offered country a worker picks the country on the web chat and writes that they are in danger;
// the numbers to call now are tappable and inside the first screen, the reply is shown from its
// start, and "more numbers" is one tap away. docs/emergency-<country>.png is written on the way
// when UPDATE_SCREENSHOTS=1.
import { describe, expect, it } from 'vitest';
import { hotlineNumber, urgentLines } from '../../src/core/content/index.ts';
import { consoleServer } from '../console/helpers.ts';
import { HAS_CHROMIUM, STEP, serveToBrowser } from './chromium.ts';
import { screenshot } from './screenshots.ts';

const SCREEN = { width: 390, height: 844 };

describe.skipIf(!HAS_CHROMIUM)('the emergency reply fits one phone screen', () => {
  // Seven workers from one address within a minute: the web chat's flood limit is not what is tested here.
  const live = serveToBrowser(() => consoleServer({ env: { WEB_RATE_LIMIT_PER_MINUTE: '1000' } }));

  it('leads with the numbers for each offered country, inside the first screen', async () => {
    const { server, browser, base } = live;
    for (const country of server.content.countries.filter((c) => c.offered)) {
      const context = await browser.newContext({ viewport: SCREEN, locale: 'vi-VN' });
      const page = await context.newPage();
      page.setDefaultTimeout(STEP);
      await page.goto(`${base}/chat`);
      // Buttons carry their number ("1. Nhật Bản"), and a long name its short label.
      const label = (country.label ?? country.name).vi;
      await page.locator('.choices button', { hasText: new RegExp(`^\\d+\\.\\s*${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }).click();
      await page.waitForSelector('.msg.bot >> nth=1');
      await page.fill('#text', 'chủ đánh em, cứu em');
      await page.press('#text', 'Enter');
      const reply = page.locator('.msg.emergency').first();
      await reply.waitFor();

      // The reply is read from its start.
      const box = (await reply.boundingBox())!;
      // Its top is on the screen: the whole reply fits below it, or (a longer reply) it starts in the
      // upper half, so the page was not scrolled to the end of it. How far down a short reply sits
      // depends on the messages before it and the fonts installed, not on the reply.
      expect(box.y, country.code).toBeGreaterThanOrEqual(0);
      if (box.y + box.height > SCREEN.height) expect(box.y, country.code).toBeLessThan(SCREEN.height / 2);

      // Each number to call now is a tel: link, wholly inside the screen.
      const numbers = urgentLines(server.content, country.code).map(hotlineNumber);
      expect(numbers.length, country.code).toBeGreaterThanOrEqual(2);
      for (const n of numbers) {
        const link = reply.locator(`a[href="tel:${n.replace(/[^\d+#]/g, '').replace('#', '%23')}"]`).first();
        const at = await link.boundingBox();
        expect(at, `${country.code} ${n}`).not.toBeNull();
        expect(at!.y, `${country.code} ${n}`).toBeGreaterThanOrEqual(0);
        expect(at!.y + at!.height, `${country.code} ${n}`).toBeLessThanOrEqual(SCREEN.height);
      }
      // The rest of the numbers are one tap away.
      const more = reply.getByRole('button', { name: 'Thêm số điện thoại' });
      expect(await more.count(), country.code).toBe(1);

      await screenshot(page, `emergency-${country.code.toLowerCase()}.png`);
      await more.click();
      await page.getByText('📞 Số điện thoại hỗ trợ ở', { exact: false }).waitFor();
      await context.close();
    }
  }, 240_000);
});
