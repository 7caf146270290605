// OutboundMessage → Send API message objects: quick replies when they fit, a button template for up
// to three long labels, numbered text otherwise; text split under the platform's limit.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboundMessage } from '../../../src/core/messages.ts';
import { encodeMessage, splitUnder, type SendMessage } from '../../../src/channels/messenger/encode.ts';

const msg = (m: Partial<OutboundMessage> & { text: string }): OutboundMessage => ({ from: 'bot', priority: 'normal', ...m });
const choices = (labels: string[]) => labels.map((label, i) => ({ id: `c${i + 1}`, label }));

describe('encodeMessage', () => {
  it('sends plain text as one message', () => {
    expect(encodeMessage(msg({ text: 'Xin chào' }))).toEqual([{ text: 'Xin chào' }]);
  });

  it('puts choices that fit (≤ 13, titles ≤ 20) as quick replies on the text', () => {
    const m = msg({ text: 'Bạn muốn hỏi về việc gì?', choices: choices(['Thanh lý hợp đồng', 'Đăng ký về nước', 'Gặp cán bộ']), hint: 'Trả lời bằng số 1–3' });
    expect(encodeMessage(m)).toEqual([
      {
        text: 'Bạn muốn hỏi về việc gì?',
        quick_replies: [
          { content_type: 'text', title: 'Thanh lý hợp đồng', payload: 'c1' },
          { content_type: 'text', title: 'Đăng ký về nước', payload: 'c2' },
          { content_type: 'text', title: 'Gặp cán bộ', payload: 'c3' },
        ],
      },
    ]);
    const thirteen = encodeMessage(msg({ text: 'Chọn', choices: choices(Array.from({ length: 13 }, (_, i) => `Nước ${i + 1}`)) }));
    expect(thirteen).toHaveLength(1);
    expect((thirteen[0] as { quick_replies: unknown[] }).quick_replies).toHaveLength(13);
    // Exactly 20 characters still fits.
    const twenty = 'x'.repeat(20);
    expect(encodeMessage(msg({ text: 'Chọn', choices: choices([twenty]) }))[0]).toMatchObject({ quick_replies: [{ title: twenty }] });
  });

  it('uses a button template for up to 3 labels too long for a quick reply, listing them in full', () => {
    const labels = ['Hết hạn hợp đồng đúng thời hạn', 'Về nước trước hạn vì lý do sức khoẻ', 'Khác'];
    const out = encodeMessage(msg({ text: 'Hợp đồng của bạn kết thúc thế nào?', choices: choices(labels), hint: 'Trả lời bằng số 1–3' }));
    expect(out).toEqual([
      {
        attachment: {
          type: 'template',
          payload: {
            template_type: 'button',
            text: `Hợp đồng của bạn kết thúc thế nào?\n\n1. ${labels[0]}\n2. ${labels[1]}\n3. Khác`,
            buttons: [
              { type: 'postback', title: '1. Hết hạn hợp đồng…', payload: 'c1' },
              { type: 'postback', title: '2. Về nước trước…', payload: 'c2' },
              { type: 'postback', title: '3. Khác', payload: 'c3' },
            ],
          },
        },
      },
    ]);
    for (const b of (out[0] as Extract<SendMessage, { attachment: unknown }>).attachment.payload.buttons) expect([...b.title].length).toBeLessThanOrEqual(20);
  });

  it('keeps the template text under 640 by sending a long answer before it', () => {
    const answer = `${'Bước 1: chuẩn bị giấy tờ. '.repeat(40)}\n\nBạn muốn làm gì tiếp?`;
    const out = encodeMessage(msg({ text: answer, choices: choices(['Hỏi thêm về thủ tục này nhé', 'Quay về menu chính của tôi']) }));
    expect(out.length).toBeGreaterThan(1);
    const last = out.at(-1) as Extract<SendMessage, { attachment: unknown }>;
    expect(last.attachment.payload.text.length).toBeLessThanOrEqual(640);
    expect(last.attachment.payload.text).toContain('Bạn muốn làm gì tiếp?');
    expect(last.attachment.payload.text).toContain('1. Hỏi thêm về thủ tục này nhé');
    const words = out.flatMap((m) => ('text' in m ? m.text : m.attachment.payload.text).split(/\s+/)).filter(Boolean);
    expect(words.join(' ')).toContain('Bước 1: chuẩn bị giấy tờ.');
  });

  it('falls back to numbered text with the hint when neither fits', () => {
    const many = choices(Array.from({ length: 14 }, (_, i) => `Nước ${i + 1}`));
    const [m] = encodeMessage(msg({ text: 'Bạn làm việc ở nước nào?', choices: many, hint: 'Trả lời bằng số 1–14' }));
    expect(m).toEqual({ text: `Bạn làm việc ở nước nào?\n\n${many.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}\n\nTrả lời bằng số 1–14` });
    const longFour = choices(['Một lựa chọn rất dài số một', 'Một lựa chọn rất dài số hai', 'Một lựa chọn rất dài số ba', 'Bốn']);
    expect(encodeMessage(msg({ text: 'Chọn', choices: longFour }))[0]).toEqual({ text: `Chọn\n\n${longFour.map((c, i) => `${i + 1}. ${c.label}`).join('\n')}` });
  });

  it('splits long text under 2000 characters, quick replies on the last part', () => {
    const para = 'Người lao động cần mang hộ chiếu và hợp đồng. '.repeat(30);
    const text = [para, para, para].join('\n\n');
    const out = encodeMessage(msg({ text, choices: choices(['Menu chính']) }));
    expect(out.length).toBeGreaterThanOrEqual(3);
    for (const m of out) expect(('text' in m ? m.text : '').length).toBeLessThanOrEqual(2000);
    expect(out.slice(0, -1).every((m) => !('quick_replies' in m))).toBe(true);
    expect(out.at(-1)).toMatchObject({ quick_replies: [{ payload: 'c1' }] });
  });

  it('adds links as lines', () => {
    expect(encodeMessage(msg({ text: 'Xem thêm:', links: [{ label: 'Cục Quản lý lao động ngoài nước', url: 'https://dolab.gov.vn' }] }))).toEqual([
      { text: 'Xem thêm:\n\nCục Quản lý lao động ngoài nước: https://dolab.gov.vn' },
    ]);
  });
});

describe('splitUnder', () => {
  it('keeps every part under the limit in code points and in UTF-16 units, losing no word', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.constantFrom('thanh', 'lý', 'hợp', 'đồng', '🇻🇳', '📞', '\n', '\n\n', 'x'.repeat(50)), fc.string({ maxLength: 12 })), { maxLength: 400 }),
        fc.integer({ min: 20, max: 300 }),
        (words, max) => {
          const text = words.join(' ');
          const parts = splitUnder(text, max);
          for (const p of parts) {
            expect(p.length).toBeLessThanOrEqual(max);
            expect(p.length).toBeGreaterThan(0);
          }
          expect(parts.join('').replace(/\s+/g, '')).toBe(text.replace(/\s+/g, ''));
        },
      ),
      { numRuns: 200 },
    );
  });
});
