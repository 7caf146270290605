// One OutboundMessage → the sendMessage bodies Telegram receives: a native keyboard when the
// choices fit, numbered text when they don't, text split under the limit where paragraphs end.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_UTF16 } from '../../../src/channels/telegram/capabilities.ts';
import { encodeTelegramMessage, splitForTelegram } from '../../../src/channels/telegram/encode.ts';
import type { OutboundMessage } from '../../../src/core/messages.ts';

const msg = (m: Partial<OutboundMessage>): OutboundMessage => ({ text: 'Bạn muốn hỏi về việc gì?', from: 'bot', priority: 'normal', ...m });
const noPreview = { link_preview_options: { is_disabled: true } };

describe('encoding for Telegram', () => {
  it('sends choices as an inline keyboard of ids, one per row, without the numbered list', () => {
    const parts = encodeTelegramMessage(
      msg({
        choices: [
          { id: 'topic_contract_liquidation', label: 'Thanh lý hợp đồng' },
          { id: 'topic_hotline', label: 'Đường dây nóng' },
          { id: 'staff', label: 'Gặp cán bộ' },
        ],
        hint: 'Trả lời bằng số 1–3 hoặc gõ câu hỏi.',
      }),
    );
    expect(parts).toEqual([
      {
        text: 'Bạn muốn hỏi về việc gì?',
        options: {
          ...noPreview,
          reply_markup: {
            inline_keyboard: [
              [{ text: 'Thanh lý hợp đồng', callback_data: 'topic_contract_liquidation' }],
              [{ text: 'Đường dây nóng', callback_data: 'topic_hotline' }],
              [{ text: 'Gặp cán bộ', callback_data: 'staff' }],
            ],
          },
        },
      },
    ]);
  });

  it('puts short labels two to a row', () => {
    const [part] = encodeTelegramMessage(msg({ choices: [{ id: 'lang_vi', label: 'Tiếng Việt' }, { id: 'lang_en', label: 'English' }] }));
    expect(part!.options.reply_markup?.inline_keyboard).toEqual([
      [
        { text: 'Tiếng Việt', callback_data: 'lang_vi' },
        { text: 'English', callback_data: 'lang_en' },
      ],
    ]);
  });

  it('falls back to the numbered list when the choices do not fit as buttons', () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ id: `c${i}`, label: `Lựa chọn ${i + 1}` }));
    const long = [{ id: 'a', label: 'x'.repeat(49) }, { id: 'b', label: 'ngắn' }];
    // Ids travel as callback_data (≤ 64 bytes): 40 two-byte characters do not fit.
    const wide = [{ id: 'ü'.repeat(40), label: 'Một' }];
    for (const choices of [many, long, wide]) {
      const parts = encodeTelegramMessage(msg({ choices, hint: 'Trả lời bằng số.' }));
      expect(parts).toHaveLength(1);
      expect(parts[0]!.options).toEqual(noPreview);
      expect(parts[0]!.text).toContain(`1. ${choices[0]!.label}`);
      expect(parts[0]!.text.endsWith('Trả lời bằng số.')).toBe(true);
    }
  });

  it('writes links out (Telegram links them) and keeps +E.164 numbers whole and bare', () => {
    const [part] = encodeTelegramMessage(
      msg({ text: '• Tổng đài bảo hộ công dân: +84981848484 (24/7)', links: [{ label: 'Cục Lãnh sự', url: 'https://lanhsuvietnam.gov.vn' }] }),
    );
    expect(part!.text).toBe('• Tổng đài bảo hộ công dân: +84981848484 (24/7)\n\nCục Lãnh sự: https://lanhsuvietnam.gov.vn');
    expect(part!.text).toMatch(/(^|\s)\+84981848484(\s|$)/);
  });

  it('splits long answers at paragraph ends under 4096, keyboard under the last part', () => {
    const paragraph = 'Người lao động cần mang hộ chiếu và hợp đồng. '.repeat(20).trim();
    const text = Array.from({ length: 12 }, () => paragraph).join('\n\n');
    const parts = encodeTelegramMessage(msg({ text, choices: [{ id: 'menu', label: 'Menu chính' }] }));
    expect(parts.length).toBeGreaterThan(1);
    for (const p of parts) {
      expect(p.text.length).toBeLessThanOrEqual(MAX_TEXT_UTF16);
      expect(p.text.startsWith('Người')).toBe(true);
      expect(p.text.endsWith('hợp đồng.')).toBe(true);
    }
    expect(parts.map((p) => p.text).join('\n\n')).toBe(text);
    expect(parts.slice(0, -1).every((p) => p.options.reply_markup === undefined)).toBe(true);
    expect(parts.at(-1)!.options.reply_markup?.inline_keyboard).toEqual([[{ text: 'Menu chính', callback_data: 'menu' }]]);
  });

  it('never sends a part over the limit counted as Telegram counts (UTF-16), and loses nothing', () => {
    const pieces = fc.oneof(fc.constantFrom('😀', '🇻🇳', 'đ', 'a', ' ', '\n', '\n\n', '+84981848484'), fc.string({ maxLength: 8 }));
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 3000 }), fc.integer({ min: 40, max: 200 }), (arr, max) => {
        const text = arr.join('');
        const parts = splitForTelegram(text, max);
        for (const part of parts) expect(part.length).toBeLessThanOrEqual(max);
        // Nothing is lost but the whitespace at the cuts.
        expect(parts.join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 200 },
    );
  });
});
