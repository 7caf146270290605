// A shared location through the Telegram webhook: just after an emergency it goes on the open
// emergency hand-off (coordinates on the hand-off and in the transcript line), and the worker is
// told so; while with the bot it is offered to an officer like a photo, and one tap hands it off.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../src/core/translate.ts';
import { serverTranslate } from '../../helpers/translate.ts';
import type { ApiCall } from './fake-bot-api.ts';
import { addressed } from './fixtures.ts';
import { keyboardIds, startTelegram, type Harness } from './harness.ts';

let t: Translate;
let h: Harness | undefined;
beforeAll(async () => {
  t = await serverTranslate();
});
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const textOf = (c: ApiCall | undefined) => (c?.body.text as string | undefined) ?? '';

describe('Telegram: a shared location', () => {
  it('just after an emergency, is attached to the emergency hand-off with its coordinates', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_TW');
    const danger = (await u.text('chủ nhốt tôi trong phòng, cứu tôi')).map(textOf).join('\n');
    expect(danger).toContain(t('vi', 'emergency.text'));
    const [handoff] = await h.server.handoff.list();
    expect(handoff).toMatchObject({ priority: 'emergency', status: 'waiting' });

    const said = await u.send(addressed('location.json', u.chatId));
    expect(said.map(textOf)).toEqual([t('vi', 'media.locationAttached')]);
    const now = (await h.server.handoff.get(handoff!.id))!;
    expect(now.locations).toEqual([{ at: expect.any(Number), lat: 24.147736, lon: 120.673648 }]);
    const line = (await h.server.handoff.transcript(now)).find((e) => e.media?.some((m) => m.kind === 'location'));
    expect(line).toMatchObject({ from: 'user', text: '[location] 24.147736, 120.673648', media: [{ kind: 'location', location: { lat: 24.147736, lon: 120.673648 } }] });
  });

  it('while an officer holds the chat, goes on the hand-off too, and the bot stays silent', async () => {
    h = await startTelegram();
    const u = h.user();
    const handoff = await u.heldByOfficer('JP');
    expect(await u.send(addressed('location.json', u.chatId))).toEqual([]);
    expect((await h.server.handoff.get(handoff!.id))!.locations).toMatchObject([{ lat: 24.147736, lon: 120.673648 }]);
  });

  it('with the bot, is offered to an officer; one tap opens a hand-off whose transcript shows the coordinates', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_TW');
    const offer = await u.send(addressed('location.json', u.chatId));
    expect(offer.map(textOf)).toEqual([t('vi', 'media.offer.location')]);
    expect(keyboardIds(offer[0])).toEqual(['staff', 'continue']);
    await u.press('staff');
    const [handoff] = await h.server.handoff.list();
    const transcript = await h.server.handoff.transcript(handoff!);
    expect(transcript.some((e) => e.from === 'user' && e.text === '[location] 24.147736, 120.673648')).toBe(true);
  });
});
