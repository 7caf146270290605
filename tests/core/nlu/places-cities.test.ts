// Where the user is, from what unseen-o showed: towns far from the usual hosts, the sea's ports,
// someone's nationality beside a place, and a phrase that names no place. Paraphrases written for
// this test (none is in a labelled file), both ways.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const country = (text: string) => nlu.understand(text).country;

describe('towns and ports', () => {
  it.each([
    ['tàu em đang neo ở Suva, chủ tàu không trả lương', 'FJ'],
    ['em làm ở xưởng may tại Ekaterinburg, hết hạn visa rồi', 'RU'],
    ['thuyền viên bị giữ ở cảng Montevideo mấy tháng nay', 'UY'],
    ['tàu bị bắt ở Natuna, Indonesia, thuyền viên chưa được về', 'ID'],
    ['em làm nông trại ở Potsdam, muốn hỏi bảo hiểm', 'DE'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
});

describe('a nationality gives way to a place', () => {
  it('an employer from Saudi Arabia, the user in Dubai', () => {
    expect(country('chủ nhà là người Ả Rập, em đang làm ở Dubai')).toBe('AE');
  });
  it('the nationality alone still names the country', () => {
    expect(country('chủ nhà người Hàn hay la em')).toBe('KR');
  });
});

describe('words that name no place', () => {
  it('"dài dòng" is long-winded, not Taitung', () => {
    expect(country('xin lỗi em viết hơi dai dong, chủ không trả lương 2 tháng')).toBeUndefined();
  });
  it('Taitung typed with its marks is Taiwan', () => {
    expect(country('em làm ở Đài Đông, chủ bắt làm 14 tiếng')).toBe('TW');
  });
  it('hello in Korean names Korea', () => {
    expect(country('annyeong ad, cho em hỏi về quỹ')).toBe('KR');
  });
});
