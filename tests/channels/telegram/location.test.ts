// A shared location through the Telegram webhook: just after an emergency it goes on the open
// emergency hand-off (coordinates on the hand-off and in the transcript line), and the worker is
// told so; while with the bot it is offered to an officer like a photo, and one tap hands it off.
import { readFileSync } from 'node:fs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Translate } from '../../../src/core/translate.ts';
import { addStaff, Client } from '../../console/helpers.ts';
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

const CONSOLE_VI = JSON.parse(readFileSync(new URL('../../../locales/vi/console.json', import.meta.url), 'utf8')) as { chat: { locations: string } };
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

    // The officer of that mission sees it on the hand-off itself, with a map link; another mission's does not.
    await addStaff(h.server, 'hoa', 'agent', [handoff!.mission!], 'Chị Hoa');
    await addStaff(h.server, 'minh', 'agent', ['jp-tokyo'], 'Anh Minh');
    const hoa = new Client(h.server);
    expect((await hoa.signIn('hoa')).statusCode).toBe(303);
    const page = await hoa.get(`/console/chats/${handoff!.id}`);
    expect(page.statusCode).toBe(200);
    const card = /<div class="card locations"><h2>([^<]+)<\/h2>(.*?)<\/div>/s.exec(page.body);
    expect(card?.[1]).toBe(CONSOLE_VI.chat.locations);
    expect(card?.[2]).toContain('<span class="coords">24.14774, 120.67365</span>');
    expect(card?.[2]).toContain('href="https://www.openstreetmap.org/?mlat=24.147736&#38;mlon=120.673648#map=17/24.147736/120.673648"');
    const minh = new Client(h.server);
    expect((await minh.signIn('minh')).statusCode).toBe(303);
    const hidden = await minh.get(`/console/chats/${handoff!.id}`);
    expect(hidden.statusCode).toBe(403);
    expect(hidden.body).not.toContain('120.67');
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
