// The officer plays a worker's voice note in a real browser (Debian's Chromium): a Telegram voice
// note arrives through the webhook while the officer of that mission holds the chat, is fetched
// from the (local) Bot API and kept, and the console's <audio> player loads it from the scoped
// download route and plays. The sound is a short WAV the test writes: no encoder for Telegram's
// Opus is at hand, and Chromium's player goes by the bytes, not by the label.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, PASSWORD } from '../console/helpers.ts';
import { addressed } from '../channels/telegram/fixtures.ts';
import { startTelegram, type Harness } from '../channels/telegram/harness.ts';
import { HAS_CHROMIUM, STEP, launchChromium, listenLocally, signInAs } from './chromium.ts';

/** A mono 16-bit PCM WAV of `seconds` of a 440 Hz tone. */
export function toneWav(seconds: number, rate = 8000): Buffer {
  const samples = Math.round(seconds * rate);
  const data = Buffer.alloc(samples * 2);
  for (let i = 0; i < samples; i++) data.writeInt16LE(Math.round(8000 * Math.sin((2 * Math.PI * 440 * i) / rate)), i * 2);
  const head = Buffer.alloc(44);
  head.write('RIFF', 0, 'latin1');
  head.writeUInt32LE(36 + data.length, 4);
  head.write('WAVEfmt ', 8, 'latin1');
  head.writeUInt32LE(16, 16); // fmt chunk size
  head.writeUInt16LE(1, 20); // PCM
  head.writeUInt16LE(1, 22); // mono
  head.writeUInt32LE(rate, 24);
  head.writeUInt32LE(rate * 2, 28); // bytes per second
  head.writeUInt16LE(2, 32); // block align
  head.writeUInt16LE(16, 34); // bits per sample
  head.write('data', 36, 'latin1');
  head.writeUInt32LE(data.length, 40);
  return Buffer.concat([head, data]);
}

describe.skipIf(!HAS_CHROMIUM)('a voice note in the browser', () => {
  let h: Harness;
  let browser: Browser;
  let base: string;

  beforeAll(async () => {
    h = await startTelegram();
    base = await listenLocally(h.server);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await h?.close();
  }, 30_000);

  it('the officer of the mission opens the hand-off and plays it; another mission’s officer cannot load it', async () => {
    const u = h.user();
    const handoff = await u.heldByOfficer('JP');
    await addStaff(h.server, 'lan', 'agent', [handoff.mission!], 'Chị Lan');
    await addStaff(h.server, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
    const wav = toneWav(3);
    h.api.addFile('AwACAgUAAxkBAAIBZGdD', wav, 'voice/file_7.oga');
    expect(await u.send(addressed('voice.json', u.chatId))).toEqual([]);

    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    page.setDefaultTimeout(STEP);
    const mediaRequests: { url: string; range: string | undefined }[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/media/')) mediaRequests.push({ url: r.url(), range: r.headers().range });
    });
    await signInAs(page, base, 'lan', PASSWORD);
    await page.goto(`${base}/console/chats/${handoff.id}`);
    const audio = page.locator('#transcript audio');
    await audio.waitFor();
    const src = await audio.getAttribute('src');
    expect(src).toMatch(new RegExp(`^/console/chats/${handoff.id}/media/[a-f0-9]{24}$`));

    // Play as the officer's click would (Playwright's evaluate counts as a user gesture).
    const played = await audio.evaluate(async (el: HTMLAudioElement) => {
      try {
        await el.play();
        return { ok: true, error: '' };
      } catch (err) {
        return { ok: false, error: String(err) };
      }
    });
    expect(played).toEqual({ ok: true, error: '' });
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.readyState), { timeout: STEP }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => audio.evaluate((el: HTMLAudioElement) => el.currentTime), { timeout: STEP }).toBeGreaterThan(0);
    expect(await audio.evaluate((el: HTMLAudioElement) => el.error)).toBeNull();
    expect(mediaRequests.length).toBeGreaterThan(0);
    expect(mediaRequests.every((r) => r.url === `${base}${src}`)).toBe(true);
    await context.close();

    // An officer of another mission: the same address is a 404, and a player there gets nothing.
    const other = await browser.newContext({ locale: 'vi-VN' });
    const otherPage = await other.newPage();
    otherPage.setDefaultTimeout(STEP);
    await signInAs(otherPage, base, 'minh', PASSWORD);
    const res = await otherPage.goto(`${base}${src}`);
    expect(res?.status()).toBe(404);
    await other.close();

    const opened = (await h.server.console.services.audit.latest(20)).filter((a) => a.action === 'media');
    expect(opened.map((a) => a.by.id)).toEqual(['lan']);
  });
});
