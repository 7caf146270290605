// Rules of language the unseen-m batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file), both ways: the danger recognised, and its harmless look-alike not.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { analyze, createNlu } from '../../../src/core/nlu/index.ts';
import { animalDied } from '../../../src/core/nlu/danger.ts';
import { askedInCase, askedToKnow, inCareTillDischarge, saidForEffect, selfShutIn, sleptLikeTheDead } from '../../../src/core/nlu/danger-framing.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const tokens = (text: string) => analyze(text).tokens;

describe('a death just now, reported by a relative or a roommate', () => {
  it.each([
    'chị gái em vừa mất ở bệnh viện Đài Trung, giờ em không biết làm gì',
    'bạn cùng phòng của em chết tối qua trong nhà tắm, công ty chưa ai tới',
    'my brother passed away this morning at the factory in Johor, what do we do',
    'chú em qua đời đêm qua ở công trường bên Nhật',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it.each(['ông nội em mất năm 2019, giờ gia đình hỏi quỹ còn hỗ trợ ko', 'con mèo của em chết tối qua, buồn quá', 'em làm mất hộ chiếu sáng nay ở ga'])(
    'long ago, a pet, a thing lost: %s',
    (text) => {
      expect(kindsOf(text)).toEqual([]);
    },
  );
});

describe('silent since a last message that was afraid', () => {
  it.each(['em gái em bên Ả Rập, tin nhắn cuối nói là sợ bà chủ lắm, từ đó gọi không được', 'last message from my wife said she was scared, now her phone is off for 3 days'])(
    '%s',
    (text) => {
      expect(kindsOf(text)).toContain('danger');
    },
  );
});

describe('nothing to eat for days, the employer gone or no money', () => {
  it.each(['ông chủ ôm tiền chạy mất, cả xưởng 12 người 4 ngày nay không còn gì để ăn', 'the boss disappeared, we have had no food for three days and the power is cut'])(
    '%s',
    (text) => {
      expect(kindsOf(text)).toContain('danger');
    },
  );
  it('the rice run out with no cause is an errand', () => {
    expect(kindsOf('hết gạo 2 hôm rồi mà lười đi chợ quá, có ai ship đồ ăn ko')).toEqual([]);
  });
});

describe('a night with him as the price of a visa or a contract', () => {
  it.each(['quản lý nói muốn ký tiếp hợp đồng thì tối thứ bảy qua đêm với ổng', 'the agent said if i want my visa renewed i must spend the night with him'])('%s', (text) => {
    expect(kindsOf(text)).toContain('sexual_abuse');
  });
  it('a hotel paid by the company is a hotel', () => {
    expect(kindsOf('công ty cho ở lại khách sạn 2 đêm chờ chuyến bay, muốn đổi vé thì làm sao')).toEqual([]);
  });
});

describe('a threat in the idiom, chained or tied', () => {
  it.each(['bà chủ giật điện thoại ném vỡ rồi nói mai sẽ cho mày biết tay', 'chủ trói tay em vào chân giường cả đêm', 'they chained him in the boat'])('%s', (text) => {
    expect(kindsOf(text).length).toBeGreaterThan(0);
  });
  it.each(['làm lâu năm mới biết tay nghề của ảnh', "bị 'trói' bởi khoản nợ vay đi xklđ, muốn về cũng không được", 'hai đứa bị xích mích với tổ trưởng, có nên chuyển xưởng ko'])(
    'a skill, a figure of speech, a quarrel: %s',
    (text) => {
      expect(kindsOf(text)).toEqual([]);
    },
  );
});

describe('asking to be taken away unseen by the boss', () => {
  it.each(['có ai đến đón em ra khỏi đây được không, đừng để madam biết', 'can someone get me out without my sponsor knowing'])('%s', (text) => {
    expect(kindsOf(text)).toContain('confinement');
  });
  it('leaving the job unannounced is the contract', () => {
    expect(kindsOf('muốn nghỉ việc mà chủ không biết trước thì có bị phạt không')).toEqual([]);
  });
});

describe('gravely ill with nobody to care and no means', () => {
  it.each(['bố em bên Đài bị đột quỵ liệt nửa người, nằm một mình ở phòng trọ, hết tiền', 'my uncle has terminal cancer in Korea, all alone in his room, no insurance'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it('treated, with family to care, is a return question', () => {
    expect(kindsOf('mẹ em bị ung thư đang điều trị ở viện K, em muốn về sớm chăm mẹ')).toEqual([]);
  });
});

describe('harmless look-alikes', () => {
  it('an account locked said strongly is not a wish to die; harm beside it still is', () => {
    expect(kindsOf('quên mật khẩu zalo, buồn muốn chết luôn')).toEqual([]);
    expect(kindsOf('bị chủ đánh hoài, buồn muốn chết')).toContain('self_harm');
  });
  it('shut in by oneself', () => {
    expect(kindsOf('em tự khoá cửa ở nhà học bài cả ngày')).toEqual([]);
    expect(selfShutIn(tokens('I locked myself in my room to study for the exam'))).toBe(true);
    expect(kindsOf('bị chủ khóa trong phòng cả ngày')).toContain('confinement');
  });
  it('asleep like the dead, in care till discharge, a pet dead: the classifier is not asked', () => {
    expect(sleptLikeTheDead(tokens('thằng bạn ngủ say như chết, gọi mãi không dậy đi làm'))).toBe(true);
    expect(inCareTillDischarge(tokens('đang nằm viện ở Osaka vì gãy chân, bác sĩ bảo tuần sau xuất viện, công ty có cho nghỉ không'))).toBe(true);
    expect(saidForEffect(tokens('đang nằm viện, chưa biết bao giờ ra'))).toBe(false);
    expect(animalDied(tokens('con chó của chủ nhà chết hôm qua, em có phải đi viếng không'))).toBe(true);
    expect(animalDied(tokens('em với con chó bị bỏ đói, em sắp chết'))).toBe(false);
  });
  it('asked to know the law counts only beside another sign; set apart by "nhưng" it is told', () => {
    expect(askedToKnow(tokens('nếu bị chủ giữ hộ chiếu thì có được chuyển việc không, em hỏi để biết thôi'))).toBe(true);
    expect(kindsOf('bị quấy rối thì có được nghỉ ngang không, em hỏi để biết thôi')).toEqual([]);
    expect(kindsOf('em hỏi cho biết thôi nhưng chủ em đánh em hoài')).toContain('violence');
  });
  it('what to do if it happens, asked ahead: the classifier is not asked', () => {
    expect(askedInCase(tokens('bạn rủ qua Myanmar làm online lương nghìn đô, em thấy lạ. Lỡ bị giữ lại thì gọi ai?'))).toBe(true);
    expect(askedInCase(tokens('if my boss takes my passport who should i call'))).toBe(true);
    expect(askedInCase(tokens('em bị giữ lại ở đây, gọi ai bây giờ'))).toBe(false);
  });
  it('abuse long past and resolved; the police told of a loss', () => {
    expect(kindsOf('hồi tháng 3 em bị chủ cũ tát, giờ đổi chủ rồi ổn lắm rồi, quỹ có hỗ trợ không')).toEqual([]);
    expect(kindsOf('mất ví ở siêu thị, em báo công an rồi, giờ làm lại thẻ ở đâu')).toEqual([]);
  });
});

describe('topics and places', () => {
  it.each([
    ['con chim của chủ nhà chết rồi, em sợ bị mắng', 'out_of_scope'],
    ['vali của em mất tích ở sân bay Doha', 'out_of_scope'],
    ['cho hỏi thủ tục hoàn cọc', 'contract_liquidation'],
    ['về vn xong có cần khai báo tạm trú ko', 'return_registration'],
  ] as const)('%s → %s', (text, intent) => {
    expect(nlu.understand(text).intent).toBe(intent);
  });
  it.each([
    ['kaisha bắt làm thêm giờ không trả tiền', 'JP'],
    ['sha chō không cho em nghỉ phép', 'JP'],
    ['1955 là đường dây gì vậy', 'TW'],
    ['gọi 1350 hỏi về lương được không', 'KR'],
    ['ban e o lai Han lam chui 2 nam roi', 'KR'],
  ] as const)('%s → %s', (text, country) => {
    expect(nlu.understand(text).country).toBe(country);
  });
});
