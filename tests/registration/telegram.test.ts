// The same registration on a platform channel: Telegram, through its webhook and a local stand-in
// for the Bot API. Buttons are pressed where the bot showed them; the status change staff make
// reaches the chat as a Bot API sendMessage; the user checks and erases it.
import { afterEach, describe, expect, it } from 'vitest';
import type { ApiCall } from '../channels/telegram/fake-bot-api.ts';
import { startTelegram, type Harness } from '../channels/telegram/harness.ts';
import { PERSON, REGISTRATION_SCRIPT } from './script.ts';

let h: Harness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const texts = (calls: ApiCall[]) => calls.map((c) => (c.body.text as string | undefined) ?? '').join('\n');
const buttons = (calls: ApiCall[]) =>
  calls.flatMap((c) => ((c.body.reply_markup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []).flat().map((b) => b.text));

describe('return registration on Telegram', () => {
  it('is completed with buttons and typing, told of a status change, checked and erased', async () => {
    h = await startTelegram();
    const user = h.user();
    // Telegram tells the bot the user's language: the welcome goes straight to the country.
    await user.start();
    await user.press('country_TW');
    for (const turn of REGISTRATION_SCRIPT) {
      const sent = turn.text !== undefined ? await user.text(turn.text) : await user.press(turn.choice!);
      if (turn.expect) expect(`${texts(sent)}\n${buttons(sent).join('\n')}`, JSON.stringify(turn)).toMatch(turn.expect);
    }
    const confirmed = texts(await user.press('reg_confirm'));
    const ref = /Mã đăng ký của bạn: ([2-9A-Z]{6})/.exec(confirmed)?.[1];
    expect(ref, confirmed).toBeDefined();

    const registration = await h.server.registrations.get(['tw-taipei'], ref!);
    expect(registration.key).toEqual({ channel: 'telegram', account: '7000000001', user: String(user.chatId) });
    expect(registration.data.fullName).toBe(PERSON.name);

    const before = h.api.sent(user.chatId).length;
    await h.server.registrations.setStatus(['tw-taipei'], ref!, 'travel_arranged', { id: 'officer-2', name: 'Phạm Nga' });
    await h.settle();
    const notice = texts(h.api.sent(user.chatId).slice(before));
    expect(notice).toContain(ref);
    expect(notice).toMatch(/chuyến về của bạn đã được sắp xếp/);

    const check = await user.text('kiem tra dang ky');
    expect(texts(check)).toMatch(new RegExp(`${ref}: đã sắp xếp chuyến về`));
    expect(user.buttons()).toEqual(['reg_withdraw', 'reg_erase', 'menu']);
    await user.press('reg_erase');
    expect(texts(await user.press('reg_erase_yes'))).toContain(`Đã xoá đăng ký ${ref}`);
    expect((await h.server.registrations.list('all')).total).toBe(0);
  });
});
