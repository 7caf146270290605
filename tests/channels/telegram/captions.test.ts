// Danger written under a photo or into an edit is danger: through the webhook, a photo whose
// caption asks for help and an edited message that does both answer with the emergency lines and
// put an emergency in front of the officers, like the same words sent as a plain message.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../src/core/translate.ts';
import { createTranslate } from '../../../src/i18n/index.ts';
import { watchConsole, type AlertWatch } from '../../helpers/alerts.ts';
import type { ApiCall } from './fake-bot-api.ts';
import { addressed } from './fixtures.ts';
import { startTelegram, type Harness } from './harness.ts';

let t: Translate;
let h: Harness | undefined;
let watch: AlertWatch | undefined;
beforeAll(async () => {
  t = await createTranslate({ defaults: { retentionDays: 30 } });
});
afterEach(async () => {
  watch?.stop();
  await h?.close();
  h = undefined;
  watch = undefined;
});

const textOf = (c: ApiCall) => (c.body.text as string | undefined) ?? '';

async function expectEmergency(replies: ApiCall[], chatId: number): Promise<void> {
  const said = replies.map(textOf).join('\n');
  expect(said).toContain(t('vi', 'emergency.text'));
  expect(said).not.toContain(t('vi', 'unsupported.image'));
  expect(said).not.toContain(t('vi', 'unsupported.edited'));
  const open = await h!.server.handoff.list();
  const mine = open.find((x) => x.key.user === String(chatId));
  expect(mine).toMatchObject({ priority: 'emergency' });
  expect(watch!.alerts().map((n) => n.id)).toContain(mine!.id);
}

describe('Telegram: captions and edits are read for danger', () => {
  it('a photo whose caption asks for help raises the emergency and alerts the console', async () => {
    h = await startTelegram();
    watch = watchConsole(h.server);
    const u = h.user();
    await u.start();
    await u.press('country_JP');
    await expectEmergency(await u.send(addressed('photo-caption-danger.json', u.chatId)), u.chatId);
  });

  it('an edited message that asks for help raises the emergency and alerts the console; its redelivery changes nothing', async () => {
    h = await startTelegram();
    watch = watchConsole(h.server);
    const u = h.user();
    await u.start();
    await u.press('country_KR');
    const before = await u.text('thủ tục thanh lý hợp đồng');
    expect(before.length).toBeGreaterThan(0);
    const edit = addressed('edited-message-danger.json', u.chatId);
    await expectEmergency(await u.send(edit), u.chatId);
    // Telegram may send the same edit again (a new update id, the same edit): answered once.
    expect(await u.send({ ...edit, update_id: (edit.update_id as number) + 1 })).toEqual([]);
  });

  it('a photo without words gets the offer to show an officer, and a harmless caption is answered as a question', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_TW');
    const bare = await u.send(addressed('photo.json', u.chatId));
    expect(textOf(bare[0]!)).toBe(t('vi', 'media.offer.image'));
    const asked = await u.send(addressed('photo.json', u.chatId, (x) => (((x.message as Record<string, unknown>).caption = 'số điện thoại đại sứ quán'))));
    expect(asked.map(textOf).join('\n')).not.toContain(t('vi', 'media.offer.image'));
    expect(asked.map(textOf).join('\n')).toMatch(/\+\d{6,}/);
    expect(await h.server.handoff.list()).toEqual([]);
  });
});
