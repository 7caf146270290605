// Return registrations in a real browser (Debian's Chromium through playwright-core): a worker in
// Taiwan registers on the web chat page, typing and tapping as people do; an officer of the Taipei
// mission signs in, filters the list, opens the registration, reads it, and marks it contacted;
// the worker reads the notice on the chat page. The pages fit a tablet, switch to English, and run
// under the CSP without an error. The README's screenshot (docs/console-registrations.png) is taken
// on the way when UPDATE_SCREENSHOTS=1.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from '../../src/server.ts';
import { addStaff, consoleServer, PASSWORD } from '../console/helpers.ts';
import { WebWorker } from '../console/registrations-script.ts';
import { PERSON, REGISTRATION_SCRIPT } from '../registration/script.ts';
import { HAS_CHROMIUM, STEP, launchChromium, listenLocally } from './chromium.ts';
import { screenshot } from './screenshots.ts';

/** The server runs on the real clock here: the page's timers and the server's agree. */
const realTime = { advance: () => undefined };

/** Sends one message or taps one button on the chat page; returns the text of the bot's answer. */
async function say(page: Page, part: { text: string } | { choice: string }): Promise<string> {
  const bot = page.locator('.msg.bot');
  const before = await bot.count();
  if ('text' in part) {
    await page.fill('#text', part.text);
    await page.press('#text', 'Enter');
  } else {
    await page.locator(`.msg.bot button[data-choice="${part.choice}"]`).last().click();
  }
  await expect.poll(() => bot.count(), { timeout: STEP }).toBeGreaterThan(before);
  return (await bot.allInnerTexts()).slice(before).join('\n');
}

describe.skipIf(!HAS_CHROMIUM)('return registrations in the browser', () => {
  let server: Server;
  let browser: Browser;
  let base: string;
  let japan: string;

  beforeAll(async () => {
    server = await consoleServer({ env: { WEB_RATE_LIMIT_PER_MINUTE: '100000' } });
    await addStaff(server, 'minh', 'agent', ['tw-taipei'], 'Anh Minh');
    // Two others registered before: one in Taiwan, one in Japan (not the Taipei officer's).
    await new WebWorker(server, realTime).register({ country: 'dai loan', city: 'Dao Vien', name: 'Lê Văn Hùng', passport: 'B1234567', reason: 'contract_ended', returnDate: '15/3/2027' });
    japan = await new WebWorker(server, realTime).register({ country: 'nhat ban', city: 'Saitama', name: 'Trần Văn Nam', reason: 'early_accident', special: '2' });
    base = await listenLocally(server);
    browser = await launchChromium();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  }, 30_000);

  it('a worker registers on the chat page; an officer filters, opens and moves it; the worker is told', async () => {
    const userContext = await browser.newContext({ viewport: { width: 390, height: 760 }, locale: 'vi-VN' });
    const staffContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const worker = await userContext.newPage();
    const officer = await staffContext.newPage();
    for (const p of [worker, officer]) p.setDefaultTimeout(STEP);
    // On either side: a script the CSP blocked, an error, a failed request, or a request elsewhere.
    const problems: string[] = [];
    for (const p of [worker, officer]) {
      p.on('pageerror', (e) => problems.push(e.message));
      p.on('console', (m) => {
        // The browser's own favicon request is no page's (neither the chat nor the console has one).
        if (m.type() === 'error' && !m.location().url.endsWith('/favicon.ico')) problems.push(`${m.text()} ${m.location().url}`);
      });
      p.on('response', (r) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
      });
      p.on('request', (r) => {
        if (!r.url().startsWith(base)) problems.push(`outside: ${r.url()}`);
      });
    }

    // The worker opens the chat, says they are in Taiwan, and registers message by message.
    await worker.goto(`${base}/chat`);
    await worker.getByRole('button', { name: 'Đài Loan' }).click();
    await worker.waitForSelector('.msg.bot >> nth=1');
    for (const turn of REGISTRATION_SCRIPT) {
      const reply = await say(worker, turn.text !== undefined ? { text: turn.text } : { choice: turn.choice! });
      // Button labels are read inside their message on the page: lines are not where they are in the API.
      if (turn.expect) expect(reply, JSON.stringify(turn)).toMatch(new RegExp(turn.expect.source.replace(/^\^|\$$/g, ''), turn.expect.flags));
    }
    const confirmed = await say(worker, { choice: 'reg_confirm' });
    const ref = /Mã đăng ký của bạn: ([2-9A-Z]{6})/.exec(confirmed)?.[1];
    expect(ref, confirmed).toBeDefined();

    // The officer signs in and goes to the registrations.
    await officer.goto(`${base}/console`);
    await officer.waitForURL(/\/console\/sign-in/);
    await officer.fill('#id', 'minh');
    await officer.fill('#password', PASSWORD);
    await officer.click('button[type=submit]');
    await officer.waitForURL(/\/console\/queue$/);
    await officer.getByRole('link', { name: 'Đăng ký về nước' }).click();
    await officer.waitForURL(/\/console\/registrations$/);
    const rows = () => officer.locator('#reg-rows tr[data-ref]').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-ref')));
    // The pregnant worker with her child comes first; Japan's registration is not here.
    expect((await rows())[0]).toBe(ref);
    expect(await rows()).toHaveLength(2);
    expect(await rows()).not.toContain(japan);

    // Filter: the special situations, then a search for the name typed without diacritics.
    await officer.getByText('Lọc thêm', { exact: false }).click();
    await officer.getByLabel('Đang mang thai').check();
    await officer.getByRole('button', { name: 'Lọc', exact: true }).click();
    await officer.waitForURL(/special=pregnant/);
    expect(await rows()).toEqual([ref]);
    await officer.fill('#q', 'nguyen thi lan');
    await officer.getByRole('button', { name: 'Lọc', exact: true }).click();
    await officer.waitForURL(/q=nguyen\+thi\+lan/);
    expect(await rows()).toEqual([ref]);
    expect(await officer.textContent('#reg-summary')).toContain('1 đăng ký');

    // Open it: every answer, labelled.
    await officer.getByRole('link', { name: ref! }).click();
    await officer.waitForURL(new RegExp(`/console/registrations/${ref}$`));
    await officer.getByRole('heading', { name: `Đăng ký ${ref} — ${PERSON.name}` }).waitFor();
    const record = (await officer.textContent('#reg-record')) ?? '';
    for (const fact of ['25/12/1995', 'C7654321', 'Tuyên Quang (trước đây: Hà Giang)', 'Đài Loan', 'Đang mang thai, Có con nhỏ đi cùng', 'cuối tháng 1/', 'Nhà máy, sản xuất', 'Web chat']) expect(record).toContain(fact);
    expect(await officer.textContent('#notice-window')).toContain('Người dùng sẽ nhận thông báo qua Web chat');

    // Mark it contacted, with a note for colleagues.
    await officer.fill('#note', 'Đã gọi điện, chị Lan sẽ gửi ảnh hộ chiếu');
    await officer.getByRole('button', { name: 'Chuyển sang: Đã liên hệ' }).click();
    await officer.waitForURL(/ok=registrationStatus$/);
    await officer.getByText('Đã đổi tình trạng; người dùng được báo trên kênh của họ.').waitFor();
    const history = (await officer.textContent('#reg-history')) ?? '';
    expect(history).toMatch(/Đã liên hệ\s+\d+\/\d+\/\d{4} \d\d:\d\d · Anh Minh\s*Đã gọi điện/);
    expect(await officer.getByRole('button', { name: 'Chuyển sang: Đã sắp xếp chuyến về' }).isVisible()).toBe(true);
    await screenshot(officer, 'console-registrations.png', { fullPage: true });

    // The worker's chat page fetches it on its next poll.
    await worker.getByText(`Đăng ký về nước ${ref}: cán bộ cơ quan đại diện đã ghi nhận việc liên hệ với bạn.`, { exact: false }).waitFor();
    expect(await worker.locator('.msg').last().textContent()).not.toContain('hộ chiếu');

    // A tablet: the list and the record need no sideways scrolling.
    await officer.setViewportSize({ width: 768, height: 1024 });
    const overflow = () => officer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(await overflow()).toBeLessThanOrEqual(0);
    await officer.goto(`${base}/console/registrations?special=pregnant&special=injured`);
    expect(await overflow()).toBeLessThanOrEqual(0);
    // English is one tap away, filters kept.
    await officer.getByRole('link', { name: 'English' }).click();
    await officer.getByRole('heading', { name: 'Return registrations', level: 1 }).waitFor();
    expect(await rows()).toEqual([ref]);
    await officer.getByRole('link', { name: ref! }).click();
    await officer.getByRole('button', { name: 'Move to: Travel arranged' }).waitFor();
    expect(await officer.textContent('#reg-record')).toContain('Pregnant, With young children');

    expect(problems).toEqual([]);
    await userContext.close();
    await staffContext.close();
  }, 150_000);
});
