// Rules of language the unseen-k batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file), both ways: the danger recognised, and its harmless look-alike not.
// Read by the rules alone (no classifier), so a rule that stops working fails here.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { analyze, createNlu } from '../../../src/core/nlu/index.ts';
import { coolInHeat, saidForEffect } from '../../../src/core/nlu/danger-framing.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const flagged = (text: string) => {
  const out = nlu.understand(text);
  return out.emergency.length > 0 || out.intent === 'concern';
};

describe('a death said without its word: "if I am no longer", and writing this so someone knows', () => {
  it.each([
    'em viết mấy dòng này để nếu em không còn nữa thì mọi người hiểu, em mệt mỏi quá rồi',
    'nếu mai tôi ko còn thì nhờ chị nói với mẹ tôi là tôi xin lỗi',
    'i am writing this so someone knows why, if i am gone tomorrow please tell my mom i love her',
  ])('%s', (text) => {
    expect(flagged(text)).toBe(true);
  });

  it.each(['nếu em không còn tiền thì có được vay quỹ không', 'nếu em không còn làm ở công ty đó thì bảo hiểm tính sao'])('what is no longer there is named: %s', (text) => {
    expect(flagged(text)).toBe(false);
  });
});

describe('someone collapsed and in distress', () => {
  it.each([
    'trời nóng quá, anh Tuấn ngã quỵ giữa xưởng, thở gấp, môi tím',
    'chi oi ban em xiu o ngoai dong, goi khong tra loi',
    'my coworker collapsed in the heat and is not responding',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'làm xong mệt quá nằm vật ra giường ngủ tới sáng',
    'chạy bộ 5 cây số xong thở dốc luôn',
    'bạn em bị xỉu vì say nắng, mặt tái lắm, giờ tỉnh lại rồi',
    'mệt quá lăn ra ngủ, sáng dậy khó thở vì cảm',
  ])('down without distress, distress without a fall, or up again: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a message left to be acted on if the writer falls silent', () => {
  it.each([
    'nếu tối nay tôi không gọi lại thì chị báo công an giúp tôi nhé, bọn chủ đang giận lắm',
    'neu 2 ngay nua em ko lien lac thi bao cho gia dinh em',
    'if i do not text you by tomorrow morning please call the embassy',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'nếu mai em không nhắn lại thì anh cứ nộp hồ sơ giúp em nhé',
    'nếu em không liên lạc được với công ty thì báo lãnh sự được không',
    'nếu em không gọi được thì báo lãnh sự giúp em được không',
    'nếu tối nay em không về thì báo mẹ là em ngủ lại nhà bạn',
  ])(
    'a silence that asks nobody to be alerted, or a company out of reach: %s',
    (text) => {
      expect(kindsOf(text)).toEqual([]);
    },
  );
});

describe('sleeping rough with no money, stranded with nobody helping', () => {
  it.each([
    'mất việc, bị chủ trọ đuổi, 3 đêm nay ngủ ở nhà ga, không còn đồng nào',
    'i have been sleeping in the park for a week, no money, very hungry',
    'bị kẹt ở cửa khẩu 3 hôm, hết tiền, chẳng ai giúp',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each([
    'cuối tuần cả nhóm đi cắm trại ngủ ngoài trời vui lắm',
    'hồi mới sang hết tiền phải ngủ công viên 2 đêm, giờ ổn rồi',
    'chuyến bay bị hoãn nên em kẹt ở sân bay 5 tiếng, hãng có phát đồ ăn',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('a body part cut or crushed, and the accident to be kept quiet; hurt and not yet taken to a doctor', () => {
  it.each([
    'máy dập dập nát ngón tay cái của em, quản lý cấm nói là tai nạn lao động',
    'chân em bị máy cán từ chiều, đau không đi được mà chủ chưa cho đi khám',
  ])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });

  it.each(['ngón tay em bị đứt nhẹ khi nấu ăn ở nhà, có cần báo tai nạn không', 'em chưa được đi khám sức khoẻ định kỳ năm nay, có sao không'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('standing on a bridge, asking for someone to talk to', () => {
  it.each(['em đang đứng trên cầu một mình, có ai nói chuyện với em không', 'i am standing on the bridge, is there someone to talk to'])('%s', (text) => {
    expect(kindsOf(text)).toContain('self_harm');
  });

  it.each(['em đang đứng trên cầu Rồng xem phun lửa, đẹp quá', 'đang đứng trên cầu thang, chán quá'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
});

describe('held in a scam compound, however few the words', () => {
  it.each(['em ở Myawaddy, bị giữ mấy tháng nay, số nào gọi được', 'kk park, tụi em bị nhốt'])('%s', (text) => {
    expect(kindsOf(text)).toContain('trafficking');
  });

  it('hearsay about the place is not the writer held', () => {
    expect(kindsOf('nghe nói ở KK park nhiều người bị giữ lắm, có thật không')).toEqual([]);
  });
});

describe('a dream or a play frames what follows in its clause', () => {
  it.each([
    'tối qua em nằm mơ thấy bị công an bắt, sáng dậy còn run',
    'i dreamed my boss locked me in the room',
    'lớp mình diễn tiểu phẩm "Cô gái bị bán sang biên giới", cần mượn trang phục',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each([
    ['đêm nào em cũng gặp ác mộng vì bị chủ đánh', 'violence'],
    ['mơ thấy mẹ, sáng nay bị chủ đánh', 'violence'],
    ['đang tập kịch thì bị công an bắt, giờ đang ở đồn', 'arrest'],
    ['ngày nào cũng phải đọc kịch bản lừa người Việt', 'trafficking'],
    ['tụi nó bắt phải đóng vai gái xinh để lừa người việt', 'trafficking'],
  ])('a danger outside the frame still counts: %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });
});

describe('a threat said as a catchphrase or a joke', () => {
  it('counts only beside another sign', () => {
    expect(kindsOf('ông quản đốc hay nói "không xong thì tao chém", câu cửa miệng thôi, ổng hiền lắm')).toEqual([]);
  });

  it.each([
    ['quản đốc dọa chém em, không phải đùa đâu, ổng cầm dao', 'violence'],
    ['sếp dọa giết cả tổ, nói đùa thôi, nhưng hôm qua ổng đánh em thật', 'violence'],
  ])('denied as a joke, or a harm set apart from it: %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it('the classifier is not asked about it either', () => {
    expect(saidForEffect(analyze('sếp hay dọa đuổi việc cả tổ, câu cửa miệng thôi').tokens)).toBe(true);
    expect(saidForEffect(analyze('sếp dọa đuổi việc cả tổ, không phải đùa đâu').tokens)).toBe(false);
  });
});

describe('heat said from the cool is not asked of the classifier', () => {
  it.each([
    ['nắng 45 độ nhưng xưởng có máy lạnh nên ổn', true],
    ['nóng 45 độ mà chủ tắt máy lạnh, em ngộp quá', false],
    ['trời nóng mà phòng không có quạt', false],
  ] as const)('%s', (text, cool) => {
    expect(coolInHeat(analyze(text).tokens)).toBe(cool);
  });
});

describe('harmless senses in the clause: a lock that broke, money held, a price slashed, a camping trip, sleepy to death', () => {
  it.each([
    'em bị nhốt trong phòng tắm vì khoá bị kẹt, gọi thợ mở rồi',
    'tiền lương tháng đầu bị giữ lại làm tiền cọc, có hợp pháp không',
    'đi taxi ở sân bay bị chém giá gấp 3, có khiếu nại được không',
    'ca đêm buồn ngủ muốn chết luôn, làm sao cho tỉnh',
    'cuối tuần cả nhóm đi dã ngoại ngủ ngoài trời dưới sao',
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });

  it.each([
    ['bà chủ nhốt em trong phòng tắm, khóa ngoài', 'confinement'],
    ['em bị giữ lại ở công ty, không cho về', 'confinement'],
    ['vì nợ tiền nên em bị giữ lại ở xưởng', 'arrest'],
    ['đi rút tiền thì bị giữ lại ở đồn công an', 'arrest'],
    ['bị chém vào tay, máu chảy nhiều', 'violence'],
    ['buồn quá muốn chết', 'self_harm'],
    ['đi cắm trại bị lạc trong rừng, cứu với', 'danger'],
  ])('the danger beside it still counts: %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });
});
