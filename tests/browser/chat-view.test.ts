// The chat view at 1024×768, the size of the tablets at the missions: an officer claims a chat with
// a long transcript, replies three times and closes it without scrolling the page — the latest
// message, the reply box and its send button stay on the first screen; the transcript scrolls in
// its own pane. What the assistant collected has room (a mission's name is not one word a line).
// The screenshot docs/console-chat.png is taken on the way when UPDATE_SCREENSHOTS=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { addStaff, consoleServer, PASSWORD } from '../console/helpers.ts';
import { Worker } from '../console/stats-script.ts';
import { HAS_CHROMIUM, STEP, launchChromium, listenLocally, signInAs } from './chromium.ts';
import { screenshot } from './screenshots.ts';

const VIEWPORT = { width: 1024, height: 768 };

interface Box {
  top: number;
  bottom: number;
}

/** Where the things an officer needs for the next reply are, and whether the page itself scrolls. */
function layout(page: Page) {
  return page.evaluate(() => {
    const box = (el: Element | null) => {
      const r = el?.getBoundingClientRect();
      return r ? { top: Math.round(r.top), bottom: Math.round(r.bottom) } : undefined;
    };
    const pane = document.getElementById('transcript')!;
    const last = pane.querySelector('.msg:last-child');
    return {
      pageScroll: document.documentElement.scrollHeight - window.innerHeight,
      scrollY: window.scrollY,
      pane: box(pane),
      paneScrolls: pane.scrollHeight > pane.clientHeight,
      last: box(last),
      lastText: last?.textContent ?? '',
      text: box(document.getElementById('text')),
      send: box(document.querySelector('#reply-form button[type=submit]')),
      bar: box(document.querySelector('.chat-bar')),
      missionLines: (() => {
        const dd = Array.from(document.querySelectorAll('.chat-side dt')).find((d) => d.textContent === 'Cơ quan')?.nextElementSibling;
        return dd ? Math.round(dd.getBoundingClientRect().height / parseFloat(getComputedStyle(dd).lineHeight)) : -1;
      })(),
    };
  });
}

function onFirstScreen(b: Box | undefined): boolean {
  return b !== undefined && b.top >= 0 && b.bottom <= VIEWPORT.height;
}

describe.skipIf(!HAS_CHROMIUM)('the chat view at 1024×768', () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  const measured: unknown[] = [];

  beforeAll(async () => {
    server = await consoleServer({ env: { WEB_RATE_LIMIT_PER_MINUTE: '100000' } });
    await addStaff(server, 'lan', 'agent', ['jp-osaka'], 'Chị Lan');
    // A worker in Nagoya who talked with the bot a while before asking for a person.
    const w = new Worker(server, { advance: () => {} });
    await w.onboard('nhat ban');
    await w.post({ choice: 'topic_hotline' });
    for (let i = 0; i < 6; i++) await w.post({ text: `em làm ở nagoya, câu hỏi số ${i + 1} về hợp đồng của em` });
    await w.post({ text: 'cho em gặp cán bộ' });
    base = await listenLocally(server);
    browser = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    console.info(JSON.stringify(measured, null, 1));
    await browser?.close();
    await server?.close();
  }, 30_000);

  it('claims, replies three times and closes without scrolling the page', async () => {
    const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    await signInAs(page, base, 'lan', PASSWORD);
    await page.locator('#queue-rows tr[data-id] a').first().click();
    await page.waitForURL(/\/console\/chats\//);

    // The worker's picks read as what they chose, and the place as they wrote it.
    const transcript = (await page.textContent('#transcript')) ?? '';
    expect(transcript).toContain('đã chọn: Nhật Bản');
    expect(transcript).not.toMatch(/\[(country|topic|lang)_/);
    expect(await page.textContent('.chat-side')).toContain('Nagoya (khu vực của Tổng Lãnh sự quán Việt Nam tại Osaka)');

    const claim = page.getByRole('button', { name: 'Nhận cuộc trò chuyện' });
    expect(onFirstScreen((await layout(page)).bar)).toBe(true);
    await claim.click();
    await page.waitForURL(/ok=claimed/);
    const claimed = await layout(page);
    await screenshot(page, 'console-chat.png');
    measured.push({ step: 'claimed', ...claimed });
    expect(claimed.pageScroll).toBeLessThanOrEqual(0);
    expect(claimed.paneScrolls).toBe(true);
    for (const part of [claimed.last, claimed.text, claimed.send, claimed.bar]) expect(onFirstScreen(part), JSON.stringify(claimed)).toBe(true);
    // The newest message is in view inside the pane, not hidden below its fold.
    expect(claimed.last!.bottom).toBeLessThanOrEqual(claimed.pane!.bottom + 1);
    expect(claimed.missionLines).toBeLessThanOrEqual(2);

    for (let i = 1; i <= 3; i++) {
      const reply = `Chị trả lời lần ${i}: em gửi giúp chị ảnh hợp đồng nhé.`;
      await page.fill('#text', reply);
      await page.locator('#reply-form button[type=submit]').click();
      await page.waitForURL(/ok=replied/);
      await expect.poll(async () => (await layout(page)).lastText, { timeout: STEP }).toContain(reply);
      const after = await layout(page);
      measured.push({ step: `reply ${i}`, ...after });
      expect(after.pageScroll).toBeLessThanOrEqual(0);
      expect(after.scrollY).toBe(0);
      for (const part of [after.last, after.text, after.send, after.bar]) expect(onFirstScreen(part), JSON.stringify(after)).toBe(true);
      expect(after.last!.bottom).toBeLessThanOrEqual(after.pane!.bottom + 1);
    }

    // Close from the bar: an outcome is asked for, and the queue takes the officer back.
    await page.locator('summary', { hasText: 'Kết thúc' }).click();
    const submit = page.locator('form[action$="/close"] button[type=submit]');
    const box = await submit.boundingBox();
    expect(box && box.y + box.height <= VIEWPORT.height).toBe(true);
    await page.getByLabel('người dùng không phản hồi').check();
    await submit.click();
    await page.waitForURL(/\/console\/queue\?ok=chatClosed/);
    const [done] = await server.handoff.listDone();
    expect(done?.outcome).toBe('no_response');
    await context.close();
  }, 120_000);
});
