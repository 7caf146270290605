// Where the user is, from the words workers use: cities and prefectures, the host country's own
// words for its people and offices, and "nhat/han/dai" where the grammar makes them places.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const where = (text: string) => {
  const out = nlu.understand(text);
  return [out.country, out.city];
};

describe('cities and prefectures', () => {
  it.each([
    ['em làm ở Shinjuku, hỏi đăng ký về nước', 'JP', 'tokyo'],
    ['xưởng em ở Hamamatsu', 'JP', 'tokyo'],
    ['em o sapporo muon ve nuoc', 'JP', undefined],
    ['chỗ em ở Pohang, hợp đồng sắp hết', 'KR', 'busan'],
    ['em lam o bucheon', 'KR', 'seoul'],
    ['em ở Timișoara cần thanh lý hợp đồng', 'RO', undefined],
    ['lam o cluj napoca', 'RO', undefined],
    ['anh trai em ở Saint Petersburg', 'RU', undefined],
    ['em làm giúp việc ở Medina', 'SA', undefined],
    ['kilang em di Shah Alam', 'MY', undefined],
  ])('%s → %s %s', (text, country, city) => {
    expect(where(text)).toEqual([country, city]);
  });
});

describe('the host country in its own words', () => {
  it.each([
    ['kumiai bảo em chờ thêm', 'JP'],
    ['zairyu của em sắp hết hạn', 'JP'],
    ['sajangnim không trả lương 2 tháng', 'KR'],
    ['lao ban noi het han thi ve', 'TW'],
    ['em chăm a má 90 tuổi', 'TW'],
    ['majikan tak bayar gaji, em muốn về', 'MY'],
    ['em bị giữ ở lokap', 'MY'],
    ['kafala của em chưa chuyển', 'SA'],
  ])('%s → %s', (text, country) => {
    expect(where(text)[0]).toBe(country);
  });

  it('a named country wins over the host words', () => {
    expect(where('em ở Kuwait, kafeel giữ iqama')[0]).toBe('KW');
    expect(where('trước làm với kumiai, giờ em sang Đài')[0]).toBe('TW');
  });

  it('the words are not read inside other words or as everyday Vietnamese', () => {
    expect(where('anh công nhân ở xưởng bên cạnh')[0]).toBeUndefined();
    expect(where('em làm lao động phổ thông')[0]).toBeUndefined();
  });
});

describe('"nhat", "han", "dai" as places', () => {
  it.each([
    ['tại nhật em bị tai nạn', 'JP'],
    ['tai nhat co quy khong', 'JP'],
    ['em dang o nhat ban', 'JP'],
    ['bên han có quỹ không', 'KR'],
    ['sang han lam duoc 2 nam', 'KR'],
    ['em o dai 3 nam roi', 'TW'],
    ['qua dai lam viec', 'TW'],
  ])('%s → %s', (text, country) => {
    expect(where(text)[0]).toBe(country);
  });

  it.each(['hết hạn hợp đồng rồi', 'het han hop dong roi', 'nhat la khi chu no', 'dai su quan o dau', 'em hoc dai hoc'])('not a place: %s', (text) => {
    expect(where(text)[0]).toBeUndefined();
  });
});

describe('the words that were read as the wrong country', () => {
  it.each([
    ['người lao động Nhật Bản muốn về nước', 'JP'],
    ['nguoi lao dong han quoc bi no luong', 'KR'],
    ['o nhat la bao nhieu tien mot thang', 'JP'],
    ['bên nhật là phải có giấy này à', 'JP'],
    ['tts bên em, công ty phái cử bảo phải ký', 'JP'],
  ])('%s → %s', (text, country) => {
    expect(where(text)[0]).toBe(country);
  });

  it.each(['người lao động cần giấy gì để về nước', 'quyền của người lao động là gì', 'nhất là bây giờ hết tiền'])('no country: %s', (text) => {
    expect(where(text)[0]).toBeUndefined();
  });
});
