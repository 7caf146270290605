// Decoding every fixture event of both APIs and encoding replies within each API's limits, without
// HTTP: the shapes, the ids used for deduplication, and the fallbacks.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { decodeBotUpdate, unwrapBotUpdates } from '../../../src/channels/zalo/bot/decode.ts';
import { encodeBotMessage } from '../../../src/channels/zalo/bot/encode.ts';
import { DEFAULT_OA_RULES } from '../../../src/channels/zalo/oa/capabilities.ts';
import { decodeOaEvent } from '../../../src/channels/zalo/oa/decode.ts';
import { encodeOaMessage } from '../../../src/channels/zalo/oa/encode.ts';
import { oaEventSchema } from '../../../src/channels/zalo/schemas.ts';

const fixture = (path: string): unknown => JSON.parse(readFileSync(new URL(`../../fixtures/zalo/${path}`, import.meta.url), 'utf8'));

const msg = (over: Partial<OutboundMessage> = {}): OutboundMessage => ({ text: 'Bạn muốn hỏi về việc gì?', from: 'bot', priority: 'normal', ...over });

describe('zalo-bot decode', () => {
  it('reads bare and wrapped updates alike', () => {
    const bare = unwrapBotUpdates(fixture('bot/text.json'))!;
    const wrapped = unwrapBotUpdates(fixture('bot/text-wrapped.json'))!;
    expect(bare).toHaveLength(1);
    expect(wrapped).toHaveLength(1);
    const a = decodeBotUpdate(bare[0]!, '1234567', 1);
    const b = decodeBotUpdate(wrapped[0]!, '1234567', 1);
    for (const d of [a, b]) {
      expect(d.kind).toBe('message');
      if (d.kind !== 'message') continue;
      expect(d.message.key).toEqual({ channel: 'zalo-bot', account: '1234567', user: '6ede9afa66b88fe6d6a9' });
      expect(d.message.payload).toEqual({ type: 'text', text: 'Xin chào' });
    }
  });

  it('orders by the message date (epoch milliseconds)', () => {
    const d = decodeBotUpdate(unwrapBotUpdates(fixture('bot/text.json'))![0]!, 'a', 1);
    expect(d.kind === 'message' && d.message.order).toBe(1750316131602);
  });

  it('dedupes by event name and message id', () => {
    const d = decodeBotUpdate(unwrapBotUpdates(fixture('bot/text.json'))![0]!, 'a', 1);
    expect(d.kind === 'message' && d.message.id).toBe('zbot:message.text.received:2d758cb5e222177a4e35');
  });

  it.each([
    ['bot/image.json', 'image', true],
    ['bot/sticker.json', 'sticker', true],
    ['bot/unsupported.json', 'other', true],
    ['bot/unknown-event.json', 'other', false],
    ['bot/group-text.json', 'group', true],
  ])('%s is answered as unsupported %s', (file, kind, known) => {
    const d = decodeBotUpdate(unwrapBotUpdates(fixture(file))![0]!, 'a', 1);
    expect(d).toMatchObject({ kind: 'message', known, message: { payload: { type: 'unsupported', kind } } });
  });

  it('reads a photo’s caption as text, with the photo kept as media; a voice note as audio', () => {
    const d = decodeBotUpdate(unwrapBotUpdates(fixture('bot/image-caption-danger.json'))![0]!, 'a', 1);
    expect(d).toMatchObject({
      kind: 'message',
      message: {
        payload: { type: 'text', text: 'chủ giữ hộ chiếu và nhốt tôi trong phòng, cứu tôi' },
        media: [{ kind: 'image', ref: 'https://photo.example.invalid/abc.jpg', caption: 'chủ giữ hộ chiếu và nhốt tôi trong phòng, cứu tôi' }],
      },
    });
    const voice = decodeBotUpdate(unwrapBotUpdates(fixture('bot/voice.json'))![0]!, 'a', 1);
    expect(voice).toMatchObject({
      kind: 'message',
      known: true,
      message: { payload: { type: 'unsupported', kind: 'audio' }, media: [{ kind: 'audio', voice: true, ref: 'https://voice.example.invalid/note.m4a' }] },
    });
  });

  it('ignores what has no chat or comes from a bot, and rejects what is not an update', () => {
    expect(decodeBotUpdate({ event_name: 'message.text.received' }, 'a', 1).kind).toBe('ignored');
    const fromBot = { event_name: 'message.text.received', message: { message_id: 'x', chat: { id: 'c' }, from: { id: 'b', is_bot: true }, text: 'hi' } };
    expect(decodeBotUpdate(unwrapBotUpdates(fromBot)![0]!, 'a', 1).kind).toBe('ignored');
    expect(unwrapBotUpdates({ hello: 'world' })).toBeUndefined();
    expect(unwrapBotUpdates(42)).toBeUndefined();
  });
});

describe('zalo-bot encode', () => {
  it('always numbers the choices, with the hint', () => {
    const [text] = encodeBotMessage(msg({ choices: [{ id: 'a', label: 'Thanh lý hợp đồng' }, { id: 'b', label: 'Đường dây nóng' }], hint: 'Trả lời bằng số 1–2' }));
    expect(text).toBe('Bạn muốn hỏi về việc gì?\n\n1. Thanh lý hợp đồng\n2. Đường dây nóng\n\nTrả lời bằng số 1–2');
  });

  it('splits text longer than 2000 characters at paragraph ends', () => {
    const para = 'Người lao động cần mang hộ chiếu và hợp đồng. '.repeat(20).trim();
    const parts = encodeBotMessage(msg({ text: Array.from({ length: 6 }, () => para).join('\n\n') }));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect([...p].length).toBeLessThanOrEqual(2000);
      expect(p.endsWith('.')).toBe(true);
    }
  });

  it('writes links out', () => {
    const [text] = encodeBotMessage(msg({ text: 'Xem thêm', links: [{ label: 'Cục Lãnh sự', url: 'https://lanhsuvietnam.gov.vn' }] }));
    expect(text).toContain('Cục Lãnh sự: https://lanhsuvietnam.gov.vn');
  });
});

describe('zalo-oa decode', () => {
  const decode = (file: string, over: Record<string, unknown> = {}) =>
    decodeOaEvent(oaEventSchema.parse({ ...(fixture(file) as object), ...over }), 'app', 5);

  it('reads text, keyed by the OA and the user, deduped by msg_id', () => {
    expect(decode('oa/user_send_text.json')).toEqual({
      kind: 'message',
      message: {
        id: '96d3cdf3af150460909',
        key: { channel: 'zalo-oa', account: '579745863508352884', user: '4143066041574136869' },
        receivedAt: 5,
        payload: { type: 'text', text: 'Xin chào' },
        // The platform's order of the user's messages: the event's timestamp.
        order: 1750316131602,
      },
    });
  });

  it('orders by the timestamp only when it is a whole number of milliseconds', () => {
    expect(decode('oa/user_send_text.json', { timestamp: '1750316131700' })).toMatchObject({ message: { order: 1750316131700 } });
    for (const timestamp of ['soon', '-5', '1.5']) expect(decode('oa/user_send_text.json', { timestamp })).not.toHaveProperty('message.order');
  });

  it('maps a pressed button (its payload as text) back to the choice id', () => {
    const d = decode('oa/user_send_text.json', { message: { text: '#c:topic_hotline', msg_id: 'm1' } });
    expect(d).toMatchObject({ kind: 'message', message: { payload: { type: 'choice', id: 'topic_hotline' } } });
  });

  it.each([
    ['oa/user_send_image.json', 'image'],
    ['oa/user_send_gif.json', 'image'],
    ['oa/user_send_sticker.json', 'sticker'],
    ['oa/user_send_audio.json', 'audio'],
    ['oa/user_send_video.json', 'video'],
    ['oa/user_send_file.json', 'file'],
    ['oa/user_send_location.json', 'location'],
    ['oa/user_send_link.json', 'other'],
  ])('%s is answered as unsupported %s', (file, kind) => {
    expect(decode(file)).toMatchObject({ kind: 'message', message: { payload: { type: 'unsupported', kind } } });
  });

  it('reads words sent with an attachment as text, and keeps every attachment as media', () => {
    expect(decode('oa/user_send_image_text.json')).toMatchObject({
      message: {
        payload: { type: 'text', text: 'chủ giữ hộ chiếu và nhốt tôi trong phòng, cứu tôi' },
        media: [{ kind: 'image', ref: 'https://photo.example.invalid/p.jpg' }],
      },
    });
    const media = (file: string) => (decode(file) as { message: { media?: unknown } }).message.media;
    expect(media('oa/user_send_audio.json')).toEqual([{ kind: 'audio', voice: true, ref: 'https://files.example.invalid/x' }]);
    expect(media('oa/user_send_file.json')).toEqual([{ kind: 'file', ref: 'https://files.example.invalid/x' }]);
    expect(media('oa/user_send_location.json')).toEqual([{ kind: 'location', location: { lat: 25.033, lon: 121.5654 } }]);
    expect(media('oa/user_send_sticker.json')).toBeUndefined();
    expect(media('oa/user_send_text.json')).toBeUndefined();
  });

  it('a follow starts the conversation under the same key as the messages', () => {
    const d = decode('oa/follow.json');
    expect(d).toMatchObject({
      kind: 'message',
      message: { key: { channel: 'zalo-oa', account: '579745863508352884', user: '4143066041574136869' }, payload: { type: 'start' } },
    });
    expect(d.kind === 'message' && d.message.id).toBe('zoa:follow:4143066041574136869:1750316130000');
  });

  it.each(['oa/unfollow.json', 'oa/oa_send_text.json', 'oa/user_submit_info.json', 'oa/user_seen_message.json'])('%s sends nothing', (file) => {
    expect(decode(file).kind).toBe('ignored');
  });
});

describe('zalo-oa encode', () => {
  const rules = DEFAULT_OA_RULES;

  it('up to five short choices become oa.query.hide buttons carrying the choice id', () => {
    const choices = ['Thanh lý hợp đồng', 'Đăng ký về nước', 'Quỹ hỗ trợ', 'Đường dây nóng', 'Gặp cán bộ'].map((label, i) => ({ id: `c${i}`, label }));
    const [part, ...rest] = encodeOaMessage(msg({ choices, hint: 'Trả lời bằng số 1–5' }), rules);
    expect(rest).toEqual([]);
    expect(part!.text).toBe('Bạn muốn hỏi về việc gì?');
    expect(part!.attachment!.payload.buttons).toEqual(choices.map((c) => ({ title: c.label, type: 'oa.query.hide', payload: `#c:${c.id}` })));
  });

  it('more than five choices, or a label over 100 characters, go out as a numbered list', () => {
    const six = Array.from({ length: 6 }, (_, i) => ({ id: `c${i}`, label: `Nước ${i + 1}` }));
    const [many] = encodeOaMessage(msg({ choices: six, hint: 'Trả lời bằng số 1–6' }), rules);
    expect(many!.attachment).toBeUndefined();
    expect(many!.text).toContain('6. Nước 6');
    expect(many!.text).toContain('Trả lời bằng số 1–6');
    const [long] = encodeOaMessage(msg({ choices: [{ id: 'x', label: 'd'.repeat(101) }] }), rules);
    expect(long!.attachment).toBeUndefined();
    expect(long!.text).toContain('1. ddd');
  });

  it('splits long text and puts the buttons under the last part only', () => {
    const text = Array.from({ length: 5 }, () => 'Quỹ hỗ trợ việc làm ngoài nước chi trả trong các trường hợp sau. '.repeat(10).trim()).join('\n\n');
    const parts = encodeOaMessage(msg({ text, choices: [{ id: 'menu', label: 'Menu chính' }] }), rules);
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) expect([...p.text].length).toBeLessThanOrEqual(2000);
    expect(parts.slice(0, -1).every((p) => p.attachment === undefined)).toBe(true);
    expect(parts.at(-1)!.attachment).toBeDefined();
  });
});
