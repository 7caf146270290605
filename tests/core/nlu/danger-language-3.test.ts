// Rules of language the unseen-l batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file), both ways: the danger recognised, and its harmless look-alike not.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { analyze, createNlu } from '../../../src/core/nlu/index.ts';
import { keptInByWeather, wagesOnly } from '../../../src/core/nlu/danger-framing.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const flagged = (text: string) => {
  const out = nlu.understand(text);
  return out.emergency.length > 0 || out.intent === 'concern';
};
const tokens = (text: string) => analyze(text).tokens;

describe('down and not coming to', () => {
  it.each(['anh tổ trưởng ngã gục trong kho lạnh, gọi mãi vẫn chưa tỉnh', 'chú Hải xỉu ngoài ruộng, bất tỉnh rồi, số cứu thương là gì', 'my roommate passed out and is still unconscious'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it.each(['hôm qua em xỉu vì đói, nghỉ một lúc là tỉnh lại rồi', 'ngủ say quá không tỉnh nổi, trễ ca luôn'])('up again, or only sleep: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a fire or a collapse, and someone not yet out', () => {
  it.each(['nhà xưởng bốc cháy, chị Lan còn kẹt ở tầng hai', 'the warehouse is on fire and two workers are still inside', 'sập giàn giáo, anh Bình mất tích chưa tìm thấy'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it.each(['cháy bếp ký túc xá nhưng mọi người ra hết an toàn rồi', 'cháy nhà bên cạnh, con mèo nhà chủ chưa thấy đâu'])('everyone out, or a pet: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('nobody came to meet them, and no money', () => {
  it.each(['tới sân bay Doha 2 hôm rồi mà không có ai đón, hết tiền, điện thoại sắp tắt', 'at the airport since yesterday, nobody came to pick me up, no money'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it.each(['mai em tới sân bay Incheon, công ty có người đón không ạ', 'ra sân bay không ai đón nên em tự bắt taxi về ký túc xá rồi, ổn rồi'])('asked before, or arrived: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('care that cannot wait, money asked first, and none', () => {
  it.each(['viện bảo con tôi phải mổ gấp, đòi đặt cọc trước mà tôi không còn đồng nào', 'they need emergency surgery on my leg but want a deposit first, i have no money'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it.each(['bác sĩ bảo phải mổ ruột thừa, bảo hiểm có chi trả không', 'phải mổ gấp nhưng bảo hiểm trả hết rồi, em đã đặt cọc xong'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('nobody gives them food, for days', () => {
  it.each(['3 hôm nay chủ không cho bọn em ăn, đói lắm', 'nobody feeds us for two days now, we are so hungry'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it.each(['em nhịn ăn 2 ngày để giảm cân, đói ghê', 'đói quá, 2 ngày nay bận chưa đi chợ'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a death threat in the words it was said', () => {
  it.each(['ông chủ dọa em: "mày báo công an thì mày chết với tao"', 'the broker told me "if you run, i will kill you"'])('%s', (text) => {
    expect(kindsOf(text)).toContain('violence');
  });
  it.each(['thua trận này là mày chết với tao =)))', 'trận này mà thua là em "chết" luôn'])('banter: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('kept in by a storm or a lockdown: the classifier is not asked', () => {
  it.each(['bão to quá chủ bảo cả nhà ở trong nhà, không được ra', 'cả khu bị phong tỏa, nhốt ở nhà 1 tuần chán quá'])('%s', (text) => {
    expect(keptInByWeather(tokens(text))).toBe(true);
    expect(flagged(text)).toBe(false);
  });
  it('a danger said beside the storm still counts: the rules find it', () => {
    expect(flagged('bão về mà chủ còn đánh em, nhốt em trong kho')).toBe(true);
  });
});

describe('wages paid short: the classifier is not asked, the rules still read harm', () => {
  it('a dispute', () => {
    const text = 'chu no luong 2 thang, e doi thi bi duoi viec';
    expect(wagesOnly(tokens(text))).toBe(true);
    expect(flagged(text)).toBe(false);
  });
  it('harm beside it', () => {
    expect(flagged('chủ nợ lương 3 tháng, em đòi thì bị đánh chảy máu')).toBe(true);
  });
});

describe('a dose asked about, a kidnap to a party', () => {
  it.each(['lỡ uống 3 viên giảm đau, quá liều có nguy hiểm không ạ', 'bọn bạn bắt cóc em đi hát karaoke mừng sinh nhật =))'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
  it.each(['em uống quá liều thuốc ngủ rồi, chóng mặt lắm', 'bạn em bị bắt cóc, bọn nó đòi tiền chuộc'])('%s', (text) => {
    expect(kindsOf(text).length).toBeGreaterThan(0);
  });
});

describe('the passport kept by a former employer', () => {
  it('a wish to go home after leaving the job asks how to get it back', () => {
    expect(kindsOf('công ty cũ vẫn giữ hộ chiếu của em, em đã nghỉ việc rồi, giờ muốn về nước')).toEqual([]);
  });
  it('refused or priced, it is still held', () => {
    expect(kindsOf('chủ cũ giữ hộ chiếu, không cho em về, đòi 2000 đô mới trả')).toContain('confinement');
  });
});

describe('"bao" without its marks is told, not a storm', () => {
  it('kept in, typed without marks, is left to the classifier', () => {
    expect(keptInByWeather(tokens('chu bao khong duoc ra khoi nha'))).toBe(false);
  });
});

describe('a former employer alone is not the job left in order', () => {
  it('the papers held by the old boss and a wish to go home still count', () => {
    expect(kindsOf('ông chủ cũ vẫn cầm hộ chiếu của tôi, giờ tôi muốn về nước')).toContain('confinement');
  });
});
