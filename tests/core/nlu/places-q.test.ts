// Where the user is, from what unseen-q showed: Czech and Hungarian towns, "Cz", the host language
// named ("tiếng Ba Lan"), the won's rate, "laoban" typed as one word. Paraphrases written for this
// test (none is in a labelled file), both ways.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const country = (text: string) => nlu.understand(text).country;

describe('towns, names and words of the host country', () => {
  it.each([
    ['em làm ở nhà máy ô tô ở Plzen, hợp đồng còn 6 tháng', 'CZ'],
    ['chị ở Ostrava muốn hỏi về đăng ký về nước', 'CZ'],
    ['xuong e o Brno cho nghi viec ca loat, quy co ho tro ko', 'CZ'],
    ['em đang ở Cz theo diện lao động, muốn gia hạn visa', 'CZ'],
    ['công ty ở Szeged trả lương chậm 2 tháng rồi', 'HU'],
    ['e o Gyor lam nha may pin, hoi ve bao hiem', 'HU'],
    ['có lớp học tiếng Ba Lan miễn phí cho người lao động không ạ', 'PL'],
    ['đổi won sang tiền Việt ở đâu lợi nhất', 'KR'],
    ['laoban bảo cuối tháng mới trả lương', 'TW'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
  it.each(['em thắng won 3 trận liền, vui quá', 'hồi đó em có học qua ít tiếng Anh'])('no place: %s', (text) => {
    expect(country(text)).toBeUndefined();
  });
});
