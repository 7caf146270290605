// Media through the Telegram webhook: an album (several updates sharing media_group_id) is answered
// once, whichever instance or order; a voice note gets one offer to show an officer, and the tap
// opens a hand-off whose transcript holds the note; an erase is whole or nothing (the data first,
// then the chat clean-up, whose failure is told and changes nothing about the data).
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { MESSAGE_LOG } from '../../../src/channels/telegram/capabilities.ts';
import { MessageLog } from '../../../src/channels/telegram/message-log.ts';
import { TRANSCRIPT } from '../../../src/core/conversation.ts';
import type { ConversationKey } from '../../../src/core/messages.ts';
import type { Translate } from '../../../src/core/translate.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import { serverTranslate } from '../../helpers/translate.ts';
import { badRequest, type ApiCall, type ApiAnswer } from './fake-bot-api.ts';
import { addressed, fixture, nextUpdateId, type Json } from './fixtures.ts';
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

/** The album fixture moved into chat `chatId`, each update with a fresh id. */
function album(chatId: number, group: string): Json[] {
  return (fixture('album.json') as unknown as Json[]).map((u) => {
    const m = u.message as Json;
    m.chat = { ...(m.chat as Json), id: chatId };
    m.from = { ...(m.from as Json), id: chatId };
    m.media_group_id = group;
    return { ...u, update_id: nextUpdateId() };
  });
}

describe('Telegram media', () => {
  it('answers an album once, and keeps every photo for the officer', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_JP');
    const replies: ApiCall[] = [];
    for (const update of album(u.chatId, `g${u.chatId}`)) replies.push(...(await u.send(update)));
    expect(replies).toHaveLength(1);
    // A second album is a new message: answered once again.
    const second: ApiCall[] = [];
    for (const update of album(u.chatId, `g${u.chatId}b`).map((x) => ({ ...x, message: { ...(x.message as Json), caption: undefined } }))) second.push(...(await u.send(update)));
    expect(second).toHaveLength(1);
    expect(textOf(second[0])).toBe(t('vi', 'media.offer.image'));

    await u.press('staff');
    const [handoff] = await h.server.handoff.list();
    const transcript = await h.server.handoff.transcript(handoff!);
    const photos = transcript.flatMap((e) => e.media ?? []);
    expect(photos).toHaveLength(6);
    expect(new Set(photos.map((p) => p.id)).size).toBe(6);
    expect(photos.every((p) => p.kind === 'image' && p.ref !== undefined)).toBe(true);
  });

  it('still answers danger in a later photo of an album', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_TW');
    const [first, second] = album(u.chatId, `g${u.chatId}`);
    expect(await u.send(first!)).toHaveLength(1);
    (second!.message as Json).caption = 'chủ giữ hộ chiếu và nhốt tôi trong phòng, cứu tôi';
    const said = (await u.send(second!)).map(textOf).join('\n');
    expect(said).toContain(t('vi', 'emergency.text'));
  });

  it('offers to show a voice note to an officer; one tap opens a hand-off with the note in its transcript', async () => {
    h = await startTelegram();
    const u = h.user();
    await u.start();
    await u.press('country_KR');
    const offer = await u.send(addressed('voice.json', u.chatId));
    expect(offer).toHaveLength(1);
    expect(textOf(offer[0])).toBe(t('vi', 'media.offer.audio'));
    expect(keyboardIds(offer[0])).toEqual(['staff', 'continue']);
    const asked = await u.press('staff');
    expect(asked.map(textOf).join('\n')).toContain(t('vi', 'handoff.requested'));
    const [handoff] = await h.server.handoff.list();
    const transcript = await h.server.handoff.transcript(handoff!);
    const note = transcript.find((e) => e.media?.length);
    expect(note).toMatchObject({ from: 'user', text: '[audio]', media: [{ kind: 'audio', voice: true, mime: 'audio/ogg', size: 27354 }] });
  });

  it('while an officer holds the chat, keeps the bytes of a voice note with the conversation, refuses a 30 MB file whole, and an erase leaves none', async () => {
    h = await startTelegram();
    const u = h.user();
    const handoff = await u.heldByOfficer('JP');

    const voice = Buffer.from('OggS voice note bytes');
    h.api.addFile('AwACAgUAAxkBAAIBZGdD', voice, 'voice/file_7.oga');
    expect(await u.send(addressed('voice.json', u.chatId))).toEqual([]);
    const entry = (await h.server.handoff.transcript(handoff!)).find((e) => e.media?.some((m) => m.kind === 'audio'))!;
    const kept = await h.server.media.get(handoff!.key, entry.media![0]!.id);
    expect(kept).toMatchObject({ kind: 'audio', mime: 'audio/ogg', size: voice.length });
    expect(Buffer.from(kept!.data, 'base64').equals(voice)).toBe(true);

    // 30 MB, declared by Telegram before any download: refused with a clear line, nothing kept.
    const big = addressed('document.json', u.chatId, (x) => {
      const d = (x.message as Json).document as Json;
      d.file_id = 'BQbig30mb';
      d.file_size = 30 * 1024 * 1024;
    });
    const refused = await u.send(big);
    expect(refused.map(textOf)).toEqual([t('vi', 'media.tooLarge', { mb: 10 })]);
    const bigEntry = (await h.server.handoff.transcript(handoff!)).find((e) => e.media?.some((m) => m.ref === 'BQbig30mb'))!;
    expect(await h.server.media.get(handoff!.key, bigEntry.media![0]!.id)).toBeUndefined();
    // Undeclared size, too large once read: also refused whole.
    h.api.addFile('BQsneaky', Buffer.alloc(10 * 1024 * 1024 + 1));
    const sneaky = await u.send(addressed('document.json', u.chatId, (x) => {
      const d = (x.message as Json).document as Json;
      d.file_id = 'BQsneaky';
      delete d.file_size;
    }));
    expect(sneaky.map(textOf)).toEqual([t('vi', 'media.tooLarge', { mb: 10 })]);
    expect(h.api.of('getFile').map((c) => c.body.file_id)).toEqual(['AwACAgUAAxkBAAIBZGdD', 'BQsneaky']);

    // The user erases the conversation: the media goes with it.
    await h.server.handoff.close(handoff!.id, { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [handoff!.mission!] });
    await h.settle();
    await u.text('xoá dữ liệu');
    await u.press('erase_yes');
    expect(await h.server.media.get(handoff!.key, entry.media![0]!.id)).toBeUndefined();
  });

  it.each<[string, (api: Harness['api']) => void]>([
    ['Telegram refuses every deletion (400)', (api) => {
      api.failNext('deleteMessages', badRequest("message can't be deleted for everyone"));
      api.failNext('deleteMessage', badRequest("message can't be deleted for everyone"), 100);
    }],
    ['the Bot API fails the deletion (500)', (api) => {
      const down: ApiAnswer = { status: 500, body: { ok: false, error_code: 500, description: 'Internal Server Error' } };
      api.failNext('deleteMessages', down, 10);
    }],
  ])('an erase whose chat clean-up fails (%s) still erases the record, transcript, hand-off and media, and says the chat was not cleaned', async (_name, failCleanUp) => {
    h = await startTelegram();
    const u = h.user();
    const handoff = await u.heldByOfficer('JP');
    h.api.addFile('AwACAgUAAxkBAAIBZGdD', Buffer.from('OggS voice note bytes'), 'voice/file_7.oga');
    await u.send(addressed('voice.json', u.chatId));
    const entry = (await h.server.handoff.transcript(handoff)).find((e) => e.media?.some((m) => m.kind === 'audio'))!;
    const mediaId = entry.media![0]!.id;
    await h.server.handoff.close(handoff.id, { id: 'lan', name: 'Chị Lan', role: 'agent', missions: [handoff.mission!] });
    await h.settle();
    const key = handoff.key;
    // What the erase must take: all of it is there before.
    expect(await h.server.store.getConversation(key)).toBeDefined();
    expect(await h.server.store.mailboxRead(TRANSCRIPT, key, 0)).not.toEqual([]);
    expect(await h.server.handoff.get(handoff.id)).toBeDefined();
    expect(await h.server.media.get(key, mediaId)).toBeDefined();

    await u.text('xoá dữ liệu');
    failCleanUp(h.api);
    const after = await u.press('erase_yes');
    await h.settle();

    // The data went first, whatever the chat clean-up did after.
    expect(await h.server.store.getConversation(key)).toBeUndefined();
    expect(await h.server.store.mailboxRead(TRANSCRIPT, key, 0)).toEqual([]);
    expect(await h.server.handoff.get(handoff.id)).toBeUndefined();
    expect(await h.server.handoff.listDone()).toEqual([]);
    expect(await h.server.media.get(key, mediaId)).toBeUndefined();
    // Told honestly: erased from the system, and the chat's messages not deleted (never "deleted n").
    expect(after.map(textOf)).toEqual([t('vi', 'privacy.erased'), t('vi', 'telegram.notDeleted')]);
    expect(h.api.of('deleteMessages').length + h.api.of('deleteMessage').length).toBeGreaterThan(0);
    // Only what was sent after the erase is logged for a later clean-up.
    const log = await new MessageLog(h.server.store).entries(key);
    expect(log.map((e) => e.id)).toEqual(after.map((c) => (c.result as { message_id: number }).message_id));
  });

  it('an erase that fails in the store deletes nothing from the chat and keeps everything (nothing half-erased)', async () => {
    class FailingErase extends MemoryStore {
      failing = false;
      override async deleteConversation(key: ConversationKey): Promise<void> {
        if (this.failing) throw new Error('store unavailable');
        return super.deleteConversation(key);
      }
    }
    const store = new FailingErase();
    h = await startTelegram({ store });
    const u = h.user();
    await u.start();
    await u.press('country_JP');
    await u.text('xoá dữ liệu');
    store.failing = true;
    const after = await u.press('erase_yes');
    await h.settle();
    await h.server.outbox.idle();
    // The chat clean-up prepared for the erase was dropped with it: no deletion, ever.
    await h.close();
    const { api } = h;
    h = undefined;
    expect(api.of('deleteMessages')).toEqual([]);
    expect(api.of('deleteMessage')).toEqual([]);
    // Told the truth: the turn failed (try again), not "erased".
    expect(after.map(textOf)).toEqual([t('vi', 'errors.turnFailed')]);
    expect(await store.getConversation({ channel: 'telegram', account: '7000000001', user: String(u.chatId) })).toMatchObject({ country: 'JP' });
  });
});
