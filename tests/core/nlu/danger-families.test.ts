// The families issue 16 named, each in sentences written for this test (not in any labelled file):
// what must be found, what must get "are you safe right now?", and the harmless look-alikes.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { concernOf, kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });

describe('found by the rules, without the classifier', () => {
  it.each([
    // food withheld, a group left hungry
    ['từ hôm qua bà chủ không cho em với bé kia ăn gì hết', 'violence'],
    ['phạt em nhịn đói vì quên tưới cây', 'violence'],
    ['chủ cắt cơm tụi em cả tuần nay', 'violence'],
    ['cả nhóm hết gạo mà không ai giúp, chủ giữ thẻ cư trú không trả lương', 'violence'],
    ['they gave us no food for three days because we asked for our salary', 'violence'],
    ['the sponsor ran out on us, we ran out of food and he keeps our iqama', 'violence'],
    // reproductive coercion
    ['công ty dọa nếu không bỏ thai thì cắt hợp đồng', 'violence'],
    ['nghiep doan bat e di pha thai', 'violence'],
    ['có bầu là bị đuổi về nước ngay, họ bắt em uống thuốc', 'violence'],
    ['the broker says I must have an abortion or I will be sent home', 'violence'],
    // injury and care forbidden
    ['anh ấy bị ngã giàn giáo gãy chân mà chủ không cho đi bệnh viện', 'danger'],
    ['em bị bỏng hóa chất ở tay, quản lý cấm đi khám', 'danger'],
    ['my hand was cut badly and the boss will not let me see a doctor', 'danger'],
    // debt bondage
    ['họ nói em nợ 3000 đô, trả hết mới được về', 'trafficking'],
    ['we owe the company 6000 usd, guards at the door all day', 'trafficking'],
    ['they say I have to work off the debt before I can leave, they took my passport', 'trafficking'],
    // harassment buried in a long question
    [
      'em muốn hỏi về việc chuyển chủ. Hợp đồng em còn 8 tháng. Em đã hỏi môi giới nhưng chưa được trả lời. Chủ nhà thì tối nào cũng nhắn đòi em gửi ảnh không mặc áo',
      'sexual_abuse',
    ],
    ['I have a question about my deposit. I paid it two years ago. My contract ends in May. The foreman keeps grabbing me in the warehouse', 'sexual_abuse'],
    // typed without spaces
    ['cuutoivoitoidangbinhot', 'confinement'],
    ['ongchudanhemchaymau', 'violence'],
  ])('%s → %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
    expect(nlu.understand(text).intent).toBe('emergency');
  });
});

describe('a farewell or the end of endurance', () => {
  it.each([
    'em mệt mỏi lắm, em không chịu nổi nữa',
    'khong chiu duoc nua roi',
    'đừng chờ con nữa mẹ ạ',
    'I cannot take it anymore',
    'please tell my family I love them',
  ])('asks whether the user is safe: %s', (text) => {
    expect(['concern', 'farewell', 'self_harm']).toContain(concernOf(text));
    expect(['concern', 'emergency']).toContain(nlu.understand(text).intent);
  });

  it.each([
    'bố mẹ ơi con xin lỗi, con đi trước đây, đừng tìm con nữa',
    'con cảm ơn mọi người thời gian qua, con xin lỗi, bố mẹ giữ sức khỏe, đừng đợi con',
    'sorry for everything mom, please dont look for me, goodbye everyone',
  ])('a letter of farewell is self-harm: %s', (text) => {
    expect(nlu.understand(text)).toMatchObject({ intent: 'emergency', emergency: ['self_harm'] });
  });

  it.each([
    'tạm biệt ad, cảm ơn nhiều',
    'em xin lỗi vì nhắn muộn',
    'con xin lỗi mẹ vì quên gọi về hôm qua',
    'hồi trước em không chịu nổi nữa nên bỏ về, giờ ổn rồi',
  ])('not a concern: %s', (text) => {
    expect(concernOf(text)).toBeUndefined();
    expect(nlu.understand(text).intent).not.toBe('concern');
  });

  it('beside a question it is a complaint, answered as the question', () => {
    expect(nlu.understand('lương thấp quá em không chịu nổi nữa, muốn thanh lý hợp đồng').intent).toBe('contract_liquidation');
  });
});

describe('English, mixed, typed without spaces, buried: found by the rules', () => {
  it.each([
    ['the agency said I must swallow the pills or go back to Vietnam, I am pregnant', 'violence'],
    ['she told her friend she would drink bleach tonight', 'self_harm'],
    ['he shouted that he will throw me into the river', 'violence'],
    ['my aunt in Sharjah only gets one meal a day from the family', 'violence'],
    ['the manager sends me nude photos every night', 'sexual_abuse'],
    ['anh trai em đi Nga, 12 ngày nay không liên lạc được', 'danger'],
    ['còi báo động suốt đêm, tên lửa rơi cách chỗ tụi em ở 2 km', 'danger'],
    ['sếp đuổi việc chị ấy vì mang thai', 'violence'],
    ['họ giữ passport, bảo phải trả 4000 usd mới cho về', 'confinement'],
    ['cuuemvoichuemnhotemotrongkhoKaohsiung', 'confinement'],
    ['bossnhotemtrongphongkhongchoan', 'confinement'],
    ['helpmetheylockedmeinsidethehouse', 'confinement'],
    ['mybosshitsmeeverydayhelp', 'violence'],
    ['cho em hỏi phí thanh lý hợp đồng bên Hàn bao nhiêu. Em làm ở xưởng nhựa được 3 năm. Nhân tiện quản lý hay chạm vào người em lúc không có ai', 'sexual_abuse'],
  ])('%s → %s', (text, kind) => {
    expect(kindsOf(text)).toContain(kind);
  });

  it('a goodbye said in several signs is asked about even beside a question', () => {
    const text = 'con không về được nữa đâu, mẹ đừng khóc, giữ gìn sức khỏe nhé, nhờ thủ tục về nước giúp bạn con';
    expect(concernOf(text)).toBe('farewell');
    expect(nlu.understand(text).intent).toBe('concern');
  });

  it('a farewell in English without "die" is a concern or more', () => {
    expect(['concern', 'farewell', 'self_harm']).toContain(concernOf('she said goodbye to her son and asked him to forgive her, now she is not answering'));
  });
});

describe('harmless look-alikes', () => {
  it.each([
    // hyperbole, laughing
    ['quản lý bảo làm sai nữa là chém em =))) mà hotline Đài Loan số mấy'],
    ['ông chủ dọa đánh đòn nếu đi trễ kkk đùa thôi'],
    ['đi làm ca đêm muốn chết luôn 🤣 cho em hỏi đăng ký về nước'],
    ['deadline dí muốn chết'],
    // the past, now over
    ['lúc ở Đài em bị chủ nhốt mấy tuần, giờ em đã về nước, hỏi quỹ hỗ trợ'],
    ['hồi ở Malaysia em bị bỏ đói, giờ về VN rồi, cho em hỏi thủ tục'],
    // paperwork urgency
    ['cứu em với ad ơi, hồ sơ thanh lý hợp đồng nộp hạn chót hôm nay'],
    ['help me please, my visa expires on Friday, how do I register to go home'],
    // shut in by the weather
    ['tuyết lớn quá cả khu không được ra ngoài 2 ngày hehe'],
    ['we were locked in the dorm by the snowstorm, everyone is fine'],
  ])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
    expect(['emergency', 'concern']).not.toContain(nlu.understand(text).intent);
  });

  it.each([
    // said for effect: a state ("cold", an exam) to death, laughing clauses
    ['học kanji cả đêm muốn chết luôn'],
    ['oi bức 40 độ muốn chết, mai nghỉ'],
    // over, or left because of it
    ['năm ngoái em bị chủ giữ hộ chiếu, muốn về mà không được, nay về quê rồi'],
    ['bị sếp chửi với đánh mấy lần nên em đã bỏ về, xin hỏi có được quỹ không'],
    ['chị ấy bị lừa sang Myanmar nhưng đã được giải cứu, muốn hỏi thủ tục'],
    // a story on a screen, a fee to go abroad, an account forgotten
    ['xem phim Thái thấy cô gái bị nhốt trong hầm, sợ thật'],
    ['phải đóng thêm tiền môi giới mới cho đi Nhật, vậy có đúng không'],
    ['cứu em, quên mật khẩu đăng nhập mất rồi'],
  ])('not danger either: %s', (text) => {
    expect(kindsOf(text)).toEqual([]);
    expect(['emergency', 'concern']).not.toContain(nlu.understand(text).intent);
  });

  it('a laughed clause is not read by the second opinion', () => {
    const withModel = createNlu({ articles: content.articles, countries: content.countries });
    expect(withModel.understand('quản lý dọa xử đẹp em =)))').emergency).toEqual([]);
  });

  it('a cry beside paperwork still counts when there is another sign of danger', () => {
    expect(kindsOf('cứu em với, chủ đánh em, visa sắp hết hạn')).toContain('violence');
    expect(kindsOf('cứu em với, công ty giữ hộ chiếu, hồ sơ hết hạn rồi')).toContain('danger');
  });

  it('a danger followed by "going home" that is only wished for is not over', () => {
    expect(kindsOf('em bị chủ đánh, em muốn về nước rồi')).toContain('violence');
  });
});
