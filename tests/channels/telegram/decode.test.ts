// Every fixture (update shapes as Telegram documents them) decoded: what reaches the engine, and
// what is ignored and why.
import { describe, expect, it } from 'vitest';
import { decodeUpdate, localeFromLanguageCode } from '../../../src/channels/telegram/decode.ts';
import { BOT_ID, UNSUPPORTED_UPDATES, fixture } from './fixtures.ts';

const bot = { id: BOT_ID, username: 'vn_worker_info_bot' };
const ACCOUNT = String(BOT_ID);
const NOW = 1_764_064_900_000;
const USER = '5012345678';
const decode = (name: string) => decodeUpdate(fixture(name), bot, ACCOUNT, NOW);

describe('decoding Telegram updates', () => {
  it('reads a private text as text, keyed by bot and chat, with the update id as the dedupe id', () => {
    const d = decode('private-text.json');
    expect(d).toEqual({
      kind: 'message',
      message: {
        id: 'tg:823400001',
        key: { channel: 'telegram', account: ACCOUNT, user: USER },
        receivedAt: NOW,
        payload: { type: 'text', text: 'thu tuc thanh ly hop dong' },
        localeHint: 'vi',
        order: 823400001,
      },
      userMessage: { id: 101, at: NOW },
    });
  });

  it('reads /start with and without its deep-link payload, and other commands as text for the engine', () => {
    expect(decode('start.json')).toMatchObject({ kind: 'message', message: { payload: { type: 'start' } } });
    expect(decode('start-payload.json')).toMatchObject({ message: { payload: { type: 'start', param: 'zalo_group_tw' } } });
    expect(decode('command-staff.json')).toMatchObject({ message: { payload: { type: 'text', text: '/staff' } } });
    const odd = fixture('start.json');
    (odd.message as { text: string }).text = '/start <script>';
    expect(decodeUpdate(odd, bot, ACCOUNT, NOW)).toMatchObject({ message: { payload: { type: 'start' } } });
    expect((decodeUpdate(odd, bot, ACCOUNT, NOW) as { message: { payload: object } }).message.payload).not.toHaveProperty('param');
  });

  it('reads a button press as the choice id and asks for the callback query to be answered', () => {
    expect(decode('callback-query.json')).toEqual({
      kind: 'message',
      callbackQueryId: '2160389137461280561',
      message: {
        id: 'tg:823400005',
        key: { channel: 'telegram', account: ACCOUNT, user: USER },
        receivedAt: NOW,
        payload: { type: 'choice', id: 'topic_contract_liquidation' },
        localeHint: 'vi',
        order: 823400005,
      },
    });
    expect(decode('callback-game.json')).toMatchObject({ callbackQueryId: '2160389137461280562', message: { payload: { type: 'unsupported', kind: 'other' } } });
  });

  it.each(UNSUPPORTED_UPDATES)('%s is unsupported content of kind %s', (name, kind) => {
    expect(decode(name)).toMatchObject({ kind: 'message', message: { key: { user: USER }, payload: { type: 'unsupported', kind } } });
  });

  it('reads a caption as the message’s text, with the attachment kept alongside', () => {
    expect(decode('photo-caption-danger.json')).toMatchObject({
      kind: 'message',
      message: {
        id: 'tg:823400031',
        payload: { type: 'text', text: 'chủ giữ hộ chiếu và nhốt tôi trong phòng, cứu tôi' },
        media: [{ kind: 'image', ref: 'AgACAgUAAxkBAAIBY2dD3', size: 91836, mime: 'image/jpeg', caption: 'chủ giữ hộ chiếu và nhốt tôi trong phòng, cứu tôi' }],
      },
      userMessage: { id: 131, at: NOW },
    });
    for (const field of ['document', 'video', 'voice']) {
      const u = fixture(`${field}.json`);
      (u.message as Record<string, unknown>).caption = 'họ không trả lương';
      expect(decodeUpdate(u, bot, ACCOUNT, NOW), field).toMatchObject({ message: { payload: { type: 'text', text: 'họ không trả lương' }, media: [{ caption: 'họ không trả lương' }] } });
    }
    // A caption of only spaces says nothing: the photo is what was sent.
    const blank = fixture('photo.json');
    (blank.message as Record<string, unknown>).caption = '  ';
    expect(decodeUpdate(blank, bot, ACCOUNT, NOW)).toMatchObject({ message: { payload: { type: 'unsupported', kind: 'image' }, media: [{ kind: 'image' }] } });
  });

  it('keeps what each kind of media is: the platform reference, size, type and name', () => {
    const media = (name: string) => (decode(name) as { message: { media?: unknown } }).message.media;
    expect(media('voice.json')).toEqual([{ kind: 'audio', voice: true, ref: 'AwACAgUAAxkBAAIBZGdD', size: 27354, mime: 'audio/ogg' }]);
    expect(media('document.json')).toEqual([{ kind: 'file', ref: 'BQACAgUAAxkBAAIBaWdD', size: 284133, mime: 'application/pdf', name: 'hop-dong-lao-dong.pdf' }]);
    expect(media('location.json')).toEqual([{ kind: 'location', location: { lat: 24.147736, lon: 120.673648 } }]);
    expect(media('venue.json')).toMatchObject([{ kind: 'location' }]);
    expect(media('contact.json')).toEqual([{ kind: 'contact' }]);
    expect(media('sticker.json')).toBeUndefined();
    expect(media('private-text.json')).toBeUndefined();
  });

  it('reads an edit as a new message of the same chat, deduplicated by message id and edit date', () => {
    const d = decode('edited-message-danger.json');
    expect(d).toMatchObject({
      kind: 'message',
      message: { id: 'tg:edit:101:1764064860', key: { user: USER }, payload: { type: 'text', text: 'ông chủ đánh em chảy máu, em sợ lắm' } },
    });
    // The same edit redelivered under another update id is the same message; a second edit is not.
    const again = fixture('edited-message-danger.json');
    again.update_id = 823400099;
    expect(decodeUpdate(again, bot, ACCOUNT, NOW)).toMatchObject({ message: { id: 'tg:edit:101:1764064860' } });
    (again.edited_message as Record<string, unknown>).edit_date = 1764064999;
    expect(decodeUpdate(again, bot, ACCOUNT, NOW)).toMatchObject({ message: { id: 'tg:edit:101:1764064999' } });
    // A live location moving sends edits without words: nothing to answer.
    expect(decode('edited-live-location.json')).toEqual({ kind: 'ignored', reason: 'edit without text' });
  });

  it('reads a chat without a type by its id: positive is a private chat, negative is not answered', () => {
    const u = fixture('private-text.json');
    delete ((u.message as Record<string, unknown>).chat as Record<string, unknown>).type;
    expect(decodeUpdate(u, bot, ACCOUNT, NOW)).toMatchObject({ kind: 'message', message: { key: { user: USER }, payload: { type: 'text' } } });
    const g = fixture('group-mention.json');
    delete ((g.message as Record<string, unknown>).chat as Record<string, unknown>).type;
    expect(decodeUpdate(g, bot, ACCOUNT, NOW)).toEqual({ kind: 'ignored', reason: 'unknown chat' });
  });

  it('answers a group only when it addresses the bot, and then in the group', () => {
    for (const name of ['group-mention.json', 'group-command.json']) {
      expect(decode(name), name).toMatchObject({ kind: 'message', message: { key: { user: '-1001234567890' }, payload: { type: 'unsupported', kind: 'group' } } });
      expect(decode(name)).not.toHaveProperty('userMessage');
    }
    expect(decode('group-chatter.json')).toMatchObject({ kind: 'ignored' });
  });

  it.each([
    ['group-service.json', 'service message'],
    ['private-pinned.json', 'service message'],
    ['bot-message.json', 'from a bot'],
    ['channel-post.json', 'update kind not handled'],
    ['edited-channel-post.json', 'update kind not handled'],
    ['my-chat-member.json', 'update kind not handled'],
    ['message-reaction.json', 'update kind not handled'],
  ])('ignores %s (%s)', (name, reason) => {
    expect(decode(name)).toEqual({ kind: 'ignored', reason });
  });

  it('treats a message kind it does not know as unreadable content, not as an error', () => {
    const u = fixture('private-text.json');
    const m = u.message as Record<string, unknown>;
    delete m.text;
    m.hologram = { file_id: 'x' };
    expect(decodeUpdate(u, bot, ACCOUNT, NOW)).toMatchObject({ message: { payload: { type: 'unsupported', kind: 'other' } } });
    expect(decodeUpdate({ update_id: 'x' }, bot, ACCOUNT, NOW)).toMatchObject({ kind: 'ignored' });
    expect(decodeUpdate({ update_id: 1, message: { chat: 'nope' } }, bot, ACCOUNT, NOW)).toMatchObject({ kind: 'ignored' });
  });

  it('takes the language hint from the client language, when it is one we speak', () => {
    expect(localeFromLanguageCode('vi')).toBe('vi');
    expect(localeFromLanguageCode('en-GB')).toBe('en');
    expect(localeFromLanguageCode('ja')).toBeUndefined();
    expect(localeFromLanguageCode(undefined)).toBeUndefined();
  });
});
