// A job offer weighed before going is a calm message, and the scam warning is its answer: that
// article is written for danger, but says `calmTags`, so its tags find it without danger too.
// Sentences of their own (none in a fixture), with the calm messages it must not take.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

describe('an offer asked about before going', () => {
  it.each([
    // Money to hold a place, asked as a possible scam: calm.
    ['ho bao dong 30tr tien giu suat di uc, chuyen vao tk ca nhan cua ho, vay co phai lua dao khong', true],
    ['bên đó bảo đặt cọc giữ chỗ 3000 đô mới được đi Đức, như vậy có phải lừa không', true],
    // An online job across a border is read as the lure itself (danger): the same answer follows the numbers.
    ['chị họ rủ em sang dubai làm chăm sóc khách hàng online, bao vé máy bay, có nên đi không', false],
  ])('%s → the scam warning (calm: %s)', (text, calm) => {
    const out = nlu.understand(text);
    expect(out.emergency.length === 0).toBe(calm);
    expect(out.article?.id).toBe('safety-trafficking-scam');
  });

  it.each([
    ['chủ giữ hộ chiếu của em để làm thẻ cư trú, bao giờ thì trả', 'safety-trafficking-scam'],
    ['cty phái cử không trả tiền cọc, em gửi đơn ở đâu', 'safety-trafficking-scam'],
  ])('%s → not the scam warning', (text, not) => {
    expect(nlu.understand(text).article?.id).not.toBe(not);
  });
});
