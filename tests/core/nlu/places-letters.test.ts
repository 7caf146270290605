// Where the user is, from what unseen-k showed: the host language's own letters, its currency, its
// words for school and pension and greeting, the host language named, and towns in their own
// spelling. Paraphrases written for this test (none is in a labelled file).
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { countryFileSchema } from '../../../src/core/content/schema.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const country = (text: string) => nlu.understand(text).country;

describe('the host language typed in its own letters', () => {
  it.each([
    ['chủ nói "빨리빨리" suốt, em làm không kịp', 'KR'],
    ['quản lý ghi giấy すみません rồi đưa em, nghĩa là gì', 'JP'],
    ['bà chủ viết 不准出門 dán ở cửa phòng em', 'TW'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });

  it('a place named wins over the letters', () => {
    expect(country('em ở Osaka, sếp viết 不准 lên bảng')).toBe('JP');
  });

  it('a script name the content cannot read is refused when the file is loaded', () => {
    const withScripts = (scripts: string[]) => [{ code: 'JP', name: { vi: 'Nhật', en: 'Japan' }, aliases: ['Nhật'], scripts }];
    expect(countryFileSchema.safeParse(withScripts(['Hiragana'])).success).toBe(true);
    expect(countryFileSchema.safeParse(withScripts(['Klingon'])).success).toBe(false);
  });
});

describe('the currency, the host words, the host language named', () => {
  it.each([
    ['tháng này chủ trả có 900 riyal, thiếu so với hợp đồng', 'SA'],
    ['agensi bắt đóng 3000 ringgit mới trả hộ chiếu', 'MY'],
    ['về nước rồi thì lấy lại tiền nenkin kiểu gì', 'JP'],
    ['bị senpai bắt nạt ở xưởng thì báo ai', 'JP'],
    ['thi jlpt xong có được đổi visa không', 'JP'],
    ['bạn em bị ngất, không ai biết tiếng Hàn để gọi cấp cứu', 'KR'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
});

describe('towns in their own spelling and the compounds by name', () => {
  it.each([
    ['em làm kho hàng ở Wrocław, hết hợp đồng rồi', 'PL'],
    ['anh em ở Gdansk bị giữ hộ chiếu', 'PL'],
    ['em làm nông trại ở Gongju', 'KR'],
    ['em trai bị lừa vào Shwe Kokko', 'MM'],
  ])('%s', (text, code) => {
    expect(country(text)).toBe(code);
  });
});
