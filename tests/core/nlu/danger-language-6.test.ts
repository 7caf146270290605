// Rules of language the unseen-o batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file), both ways: the danger recognised, and its harmless look-alike not.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const alarms = (text: string) => nlu.understand(text).emergency.length > 0;

describe('held for a ransom: the family pays and they do not let go', () => {
  it.each(['bố ơi đừng gửi tiền cho bọn nó nữa, chúng nó không thả con về đâu', 'they took the money but they will not release my brother'])('%s', (text) => {
    expect(kindsOf(text)).toContain('trafficking');
  });
  it('a parent who sent the money and will not let the child out to play is no captor', () => {
    expect(kindsOf('mẹ gửi tiền học rồi, mẹ không thả con đi chơi đêm đâu')).toEqual([]);
  });
});

describe('pills gathered, with the end said beside them', () => {
  it.each(['tui gom đủ thuốc ngủ rồi. tối nay là xong', 'i bought sleeping pills today, tonight it ends'])('%s', (text) => {
    expect(kindsOf(text)).toContain('self_harm');
  });
  it('pills bought for sleeplessness are a remedy', () => {
    expect(kindsOf('mua thuốc ngủ cho bà vì bà mất ngủ, uống vào là hết trằn trọc')).toEqual([]);
  });
  it('pills bought, and nothing ending, are not read', () => {
    expect(kindsOf('bên Nhật mua thuốc ngủ có cần đơn không')).toEqual([]);
  });
});

describe('the wish to sleep and not wake', () => {
  it.each(['cô ơi con chỉ mong được ngủ mãi không tỉnh lại nữa', 'i just want to sleep forever'])('%s', (text) => {
    expect(kindsOf(text)).toContain('self_harm');
  });
  it('a lazy Sunday morning is no wish', () => {
    expect(kindsOf('chủ nhật trời lạnh chỉ muốn ngủ mãi không dậy')).toEqual([]);
  });
});

describe('a hunger strike for days', () => {
  it.each(['cả nhóm tuyệt thực 3 hôm nay để đòi chủ trả lương', 'we are on hunger strike since monday, the boss does not care'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it('fasting to lose weight is not a strike', () => {
    expect(kindsOf('em nhịn ăn tối 3 ngày để giảm cân')).toEqual([]);
  });
});

describe('the passport snatched, a debt, and caught when going out', () => {
  it('debt bondage told with "giựt"', () => {
    expect(kindsOf('ông chủ giựt hộ chiếu của tôi, bảo tôi nợ 1500 đô tiền vé')).toContain('trafficking');
  });
  it('a debt asked about alone is a question', () => {
    expect(kindsOf('em nợ công ty 3 triệu, trả hết thì có được về sớm không')).toEqual([]);
  });
});

describe('screens, plays, games, a slip of the keyboard', () => {
  it('a clip seen on a feed is not the user', () => {
    expect(kindsOf('lướt facebook thấy video ông chủ đánh chị giúp việc, thương quá')).toEqual([]);
  });
  it('a scene of the play being rehearsed, in a later clause', () => {
    expect(kindsOf('lớp em đang tập kịch cho Trung thu, có cảnh bà chủ đánh cô giúp việc')).toEqual([]);
  });
  it('a beating outside the play still counts', () => {
    expect(kindsOf('em đang tập kịch thì chủ vào đánh em')).toContain('violence');
  });
  it('a threat across a game of chess is a loser\'s cry', () => {
    expect(kindsOf('nó hét "tao giết mày" vì thua tao 3 ván cờ vua liền')).toEqual([]);
  });
  it('the same threat over a debt counts', () => {
    expect(kindsOf('nó hét "tao giết mày" nếu mai không trả tiền')).toContain('violence');
  });
  it('a word the keyboard changed, taken back at once', () => {
    expect(kindsOf('mình định tự tử á nhầm, tự tìm việc mới')).toEqual([]);
  });
  it('a wish to die not taken back still counts', () => {
    expect(kindsOf('mình định tự tử, không ai hiểu mình')).toContain('self_harm');
  });
});

describe('a ticket, an office, a question, a danger over', () => {
  it('stopped for a traffic offence and only fined', () => {
    expect(kindsOf('hôm qua bị bắt vì vượt đèn đỏ, chỉ bị phạt tiền thôi')).toEqual([]);
  });
  it('arrested and held still counts', () => {
    expect(kindsOf('em bị bắt vì không có giấy tờ, đang ở đồn')).toContain('arrest');
  });
  it('papers held by the immigration office for a new card', () => {
    expect(kindsOf('bị giữ hộ chiếu ở phòng xuất nhập cảnh để đổi thẻ cư trú, bao giờ lấy được')).toEqual([]);
  });
  it('asking whether it could happen, before choosing a company', () => {
    expect(kindsOf('đi chui có bị bắt không nếu bị kiểm tra ạ')).toEqual([]);
  });
  it('the doctor says the danger is over', () => {
    expect(alarms('em gái tôi mổ ruột thừa, bác sĩ nói đã thoát khỏi nguy hiểm')).toBe(false);
  });
});

describe('a pet dying is not the user', () => {
  it('an animal near death', () => {
    expect(alarms('con chó nhà mình sắp chết rồi, ở Hàn có phòng khám thú y nào không')).toBe(false);
  });
  it('the user near death beside an animal still counts', () => {
    expect(kindsOf('em bị chó nhà chủ cắn, em sắp chết rồi')).toContain('danger');
  });
});
