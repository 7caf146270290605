// Where the user is, from what unseen-p showed: Gulf and Korean towns and provinces, a Taiwanese
// fishing port, a name capitalised inside a run typed without spaces, and words that only look like
// a place ("sinh nhật", "cập nhật", "in a …"). Paraphrases written for this test (none is in a
// labelled file), both ways.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const country = (text: string) => nlu.understand(text).country;

describe('towns, provinces and ports', () => {
  it.each([
    ['chị giúp việc cho nhà ở Al Khor, 2 tháng chưa được trả lương', 'QA'],
    ['em o wakrah, madam giu dien thoai cua em', 'QA'],
    ['bạn em làm ở Salmiya, chủ không cho nghỉ ngày nào', 'KW'],
    ['e làm ở trang trại bò sữa Chungcheongnam-do, hỏi về bảo hiểm', 'KR'],
    ['công ty em ở Gyeongsangbuk-do muốn chuyển chỗ làm thì sao', 'KR'],
    ['tàu cá của anh đậu ở cảng Nam Phương Áo, chủ tàu giữ hộ chiếu', 'TW'],
    ['ghe em neo ở Suao từ hôm qua, khi nào được lên bờ', 'TW'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
});

describe('a name capitalised inside a run', () => {
  it('a Gulf capital inside a plea typed without spaces', () => {
    expect(country('emoRiyadhbachuđanhemcuuemvoi')).toBe('SA');
  });
  it('a run with no capitalised name names no place', () => {
    expect(country('emơibachuđanhemcuuemvoi')).toBeUndefined();
  });
});

describe('words that only look like a place', () => {
  it.each([
    'hôm nay sinh nhật con gái em, em muốn gửi quà về',
    'số điện thoại đổi rồi thì cập nhật ở đâu ạ',
    'mình mới vào làm in a factory, lương trả ngày mấy',
  ])('%s', (text) => {
    expect(country(text)).toBeUndefined();
  });
  it('a trainee in Japan is still placed', () => {
    expect(country('thực tập sinh Nhật bị trừ lương có đúng không')).toBe('JP');
  });
  it('England said as a place is still placed', () => {
    expect(country('em đang ở Anh, visa sắp hết hạn')).toBe('GB');
  });
});

describe('states, visas and host words', () => {
  it.each([
    ['em hái dâu ở Nordrhein-Westfalen, hợp đồng mùa vụ', 'DE'],
    ['visa E-9 của em còn 2 tháng, muốn gia hạn', 'KR'],
    ['ông tanto bắt em làm thêm mà không ghi giờ', 'JP'],
    ['thẻ cư trú Ba Lan hết hạn thì làm lại ở đâu', 'PL'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
  it('"em 9 tháng" is no visa', () => {
    expect(country('e 9 tháng chưa về quê, nhớ nhà quá')).toBeUndefined();
  });
});
