// Where the user is, from what unseen-l showed: an amount counted in yen, the Japanese visa's own
// name, and the host's other towns (Germany, Poland). Paraphrases written for this test (none is in
// a labelled file), both ways.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const country = (text: string) => nlu.understand(text).country;

describe('the host country from its money and its visa', () => {
  it.each([
    ['tháng này bị trừ 2 triệu yên tiền nhà, có đúng không', 'JP'],
    ['phí môi giới 800 nghìn yên có hợp lý không ad', 'JP'],
    ['em đang đi diện kỹ năng đặc định, đổi việc được không', 'JP'],
    ['tháng này công ty trừ của em 2 triệu won tiền ký túc xá', 'KR'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
  it('"yên" alone is quiet, not a currency', () => {
    expect(country('em cứ ngồi yên trong phòng, không dám ra')).toBeUndefined();
  });
});

describe('towns of Germany and Poland', () => {
  it.each([
    ['em làm điều dưỡng ở Hamburg, hợp đồng hết thì về sao', 'DE'],
    ['nhà máy ở Düsseldorf nợ lương em', 'DE'],
    ['em ở Katowice, muốn hỏi thủ tục về nước', 'PL'],
    ['xưởng ở Szczecin cho nghỉ hết rồi', 'PL'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
});
