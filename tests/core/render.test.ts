import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { asNumberedText, fitsButtons, splitText } from '../../src/core/render.ts';

describe('numbered fallback', () => {
  it('lists the choices with their numbers and the hint', () => {
    const text = asNumberedText({
      text: 'Bạn muốn hỏi gì?',
      choices: [{ id: 'a', label: 'Thanh lý hợp đồng' }, { id: 'b', label: 'Về nước' }],
      hint: 'Trả lời bằng số 1–2',
      from: 'bot',
      priority: 'normal',
    });
    expect(text).toBe('Bạn muốn hỏi gì?\n\n1. Thanh lý hợp đồng\n2. Về nước\n\nTrả lời bằng số 1–2');
  });

  it('uses buttons only when count and label length fit the channel', () => {
    const caps = { maxTextLength: 2000, maxButtons: 2, maxButtonLabel: 5 };
    const m = (labels: string[]) => ({ text: 't', choices: labels.map((l, i) => ({ id: `${i}`, label: l })), from: 'bot' as const, priority: 'normal' as const });
    expect(fitsButtons(m(['ab', 'cd']), caps)).toBe(true);
    expect(fitsButtons(m(['ab', 'cd', 'ef']), caps)).toBe(false);
    expect(fitsButtons(m(['abcdef']), caps)).toBe(false);
    expect(fitsButtons(m([]), caps)).toBe(false);
  });
});

describe('splitText', () => {
  it('cuts at paragraph ends first', () => {
    const para = 'a'.repeat(60);
    expect(splitText(`${para}\n\n${para}`, 100)).toEqual([para, para]);
  });

  // Vietnamese letters spelled out: a range like à-ỹ also spans Unicode spaces (U+1680), which are not words.
  it('never loses or exceeds: every part fits and the words survive in order', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[a-zàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]{1,30}$/), { minLength: 1, maxLength: 200 }), fc.integer({ min: 40, max: 400 }), (words, max) => {
        const text = words.join(' ');
        const parts = splitText(text, max);
        expect(parts.every((p) => [...p].length <= max)).toBe(true);
        expect(parts.join(' ').split(/\s+/)).toEqual(words);
      }),
    );
  });
});
