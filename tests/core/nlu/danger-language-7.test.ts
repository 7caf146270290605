// Rules of language the unseen-p batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file), both ways: the danger recognised, and its harmless look-alike not.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { coolInHeat, oneDayOffRefused, quarrelSettled } from '../../../src/core/nlu/danger-framing.ts';
import { analyze, createNlu } from '../../../src/core/nlu/index.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const alarms = (text: string) => nlu.understand(text).emergency.length > 0;
const tokens = (text: string) => analyze(text).tokens;

describe('watched by the employer now, and the words kept short or coded', () => {
  it.each([
    'chị ơi bà chủ đang kiểm tra điện thoại em, nếu chị hiểu thì đừng nhắn lại nha',
    'madam dang ngoi canh, e khong noi duoc nhieu, toi e nhan sau',
    'ổng đang đọc, lúc nào ổng ngủ em nhắn tiếp',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });
  it('the employer reading a book or watching a film is no watch', () => {
    expect(kindsOf('bà chủ đang xem phim nên em rảnh, sợ quên nên hỏi luôn về ngày nghỉ')).toEqual([]);
  });
  it('the employer beside, and nothing kept short, is not read', () => {
    expect(kindsOf('bà chủ đang ngồi cạnh em dạy em nấu món Ả Rập')).toEqual([]);
  });
});

describe('a line of the mission asked for, with no call back and no questions', () => {
  it.each(['cho em số lãnh sự quán, gửi tin thôi, đừng gọi lại nha', 'what is the embassy number, do not call back please'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it('the line asked for from work, texted because of the noise, is a question', () => {
    expect(kindsOf('cho em số tổng đài, em đang làm trong xưởng ồn, đừng gọi lại nha')).toEqual([]);
  });
  it('the line asked for with nothing kept quiet is a question', () => {
    expect(kindsOf('số đại sứ quán ở Doha là số nào ạ')).toEqual([]);
  });
});

describe('the door pounded while a line is asked or the phone demanded', () => {
  it.each(['cho em số cảnh sát bên này, thằng chủ đang đập cửa', 'ông chủ đang đạp cửa đòi giật điện thoại của em'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it('a roommate at the door for the forgotten key is no danger', () => {
    expect(kindsOf('thằng cùng phòng đang đập cửa vì quên chìa khóa, lát em mở')).toEqual([]);
  });
});

describe('harmless senses of the words of danger', () => {
  it.each([
    'hồ sơ xin visa của em bị đánh trượt, nộp lại có mất phí không',
    'em bị giam bằng lái ở quê vì vượt đèn, giờ ở Nhật thì làm sao',
    'bị giam xe máy 7 ngày vì không đội mũ, nộp phạt ở đâu',
    'tối nào cũng chơi pubg với tụi cùng phòng, vào trận là bị giết liền',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
  it.each(['em bị đánh trượt chân rồi đánh vào đầu, đau lắm', 'em bị giam ở đồn từ hôm qua'])('the danger itself still counts: %s', (text) => {
    expect(kindsOf(text).length).toBeGreaterThan(0);
  });
  it('a killing said outside a game still counts', () => {
    expect(kindsOf('nó dọa nếu em báo thì em sẽ bị giết')).toContain('violence');
  });
});

describe('a relative held for overstaying, the family buying the ticket home', () => {
  it('is a return question', () => {
    expect(kindsOf('anh trai em bị bắt vì ở quá hạn, sắp bị trục xuất, nhà em muốn đặt vé cho anh về thì làm sao')).toEqual([]);
  });
  it('with a beating named it still counts', () => {
    expect(kindsOf('chồng em bị bắt vì quá hạn visa, bị đánh gãy tay, gia đình muốn mua vé cho về')).toContain('violence');
  });
});

describe('tones the classifier is not asked about', () => {
  it('the heat with water and breaks given is said, not suffered', () => {
    expect(coolInHeat(tokens('trời 36 độ mà chủ cho nghỉ 10 phút mỗi giờ, phát nước lạnh, vẫn mệt'))).toBe(true);
  });
  it('the heat with someone fainting is not explained by the breaks', () => {
    expect(coolInHeat(tokens('nóng 40 độ, chủ cho nghỉ 5 phút rồi làm tiếp, bạn em ngất 2 lần'))).toBe(false);
  });
  it('one day off refused is a question of the law', () => {
    expect(oneDayOffRefused(tokens('sếp không cho em nghỉ hôm mai đi đám cưới bạn, có đúng luật không'))).toBe(true);
  });
  it('never a day off in months is not one day refused', () => {
    expect(oneDayOffRefused(tokens('xin nghỉ mà chủ không cho nghỉ ngày nào suốt 5 tháng nay'))).toBe(false);
  });
  it('a quarrel made up is over', () => {
    expect(quarrelSettled(tokens('hôm qua cãi nhau với đứa cùng phòng, sáng nay làm lành rồi'))).toBe(true);
  });
  it('a quarrel going on is not settled', () => {
    expect(quarrelSettled(tokens('cãi nhau với chủ nhà mãi, ổng dọa đuổi'))).toBe(false);
  });
  it('none of them hides a blow the rules read', () => {
    expect(alarms('cãi nhau to rồi nó đánh em chảy máu đầu, giờ yên rồi nhưng em sợ')).toBe(true);
  });
});
