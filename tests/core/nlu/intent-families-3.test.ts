// Intents the unseen-o voices mixed up, each as a family of phrasings written for this test (none is
// in a labelled file), with the neighbour it must not swallow.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const intent = (text: string) => nlu.understand(text).intent;

describe('death as a figure of speech is no Fund case', () => {
  it.each([
    'visa của em sắp "chết" rồi, còn có 2 tuần, phải làm sao',
    'chết dở, để quên ví ở quán rồi',
    'bên này lạnh chết cóng, mặc mấy lớp vẫn run',
    'chờ xe buýt 2 tiếng tưởng chết luôn ở trạm',
  ])('%s', (text) => {
    expect(intent(text)).not.toBe('support_fund');
  });
  it('a worker who died abroad is still asked of the Fund', () => {
    expect(intent('anh trai em chết ở xưởng bên Hàn, gia đình có được quỹ hỗ trợ không')).toBe('support_fund');
  });
});

describe('a story seen, not lived', () => {
  it.each([
    'xem tin trên mạng thấy có người Việt bị tai nạn ở Osaka, thương quá',
    'ảnh cũ từ 3 năm trước được share lại trên group, chị ấy bị bỏng nhưng khỏi lâu rồi',
    'bão qua rồi, cả xóm trọ không sao cả, báo để bố mẹ yên tâm',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('an accident of one\'s own with the Fund asked is still the Fund', () => {
    expect(intent('em bị tai nạn gãy tay ở công trường, quỹ có hỗ trợ không')).toBe('support_fund');
  });
});

describe('the host country\'s health insurance', () => {
  it.each(['đi khám răng thì bảo hiểm y tế bên Hàn có trả không', 'bảo hiểm quốc dân tháng này đóng bao nhiêu vậy mọi người'])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('social insurance refunded at the end of the contract is still the contract', () => {
    expect(intent('hết hợp đồng về nước thì lấy lại tiền bảo hiểm xã hội thế nào')).toBe('contract_liquidation');
  });
});

describe('an old ordeal remembered or turned into helping', () => {
  it.each([
    'nhớ hồi bị kẹt ở sân bay Dubai năm đó, giờ nghĩ lại vẫn thấy may',
    'em từng được giải cứu về nước, giờ muốn làm tình nguyện viên giúp người khác thì tham gia thế nào',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('a volunteer asking a topic for a worker still asks it', () => {
    expect(intent('tôi là tình nguyện viên, muốn hỏi giúp một bạn thủ tục đăng ký về nước')).toBe('return_registration');
  });
});

describe('nothing lost, nobody hurt, nothing to report', () => {
  it.each([
    'bị trộm mất điện thoại trên tàu, may mà hộ chiếu vẫn còn, có nên trình báo ko',
    'cảnh sát chặn hỏi giấy tờ ở ga rồi thả đi liền, có sao không',
    'hai ông phòng bên cãi nhau to quá, chửi nhau thôi chứ không đánh',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('a passport stolen is still the return', () => {
    expect(intent('bị móc túi mất hộ chiếu ở chợ, làm lại ở đâu')).toBe('return_registration');
  });
});

describe('the press and the stories closed with thanks', () => {
  it.each([
    'tôi là phóng viên, muốn phỏng vấn cán bộ về lao động ở Đài Loan, xin email',
    'tháng trước nhờ bên 1955 giúp đổi chủ, giờ ổn rồi, cảm ơn các anh chị nhiều',
    'chuyện lương bị nợ đã giải quyết xong rồi, công ty trả đủ, cảm ơn ad',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('a line asked after thanks is still the line', () => {
    expect(intent('cảm ơn ad, cho em xin số đường dây nóng ở Đài Loan')).toBe('hotline');
  });
});

describe('the topic asked after another story', () => {
  it('the Fund asked after an old confinement', () => {
    expect(intent('hồi trước em bị chủ giữ lại, phải bỏ ngang hợp đồng, giờ em có được hỗ trợ gì từ quỹ không')).toBe('support_fund');
  });
  it.each([
    'nếu thuyền viên bị tạm giữ ở nước ngoài thì thủ tục đưa về thế nào',
    'đọc báo thấy tàu cá bị bắt ở Philippines, nếu là người nhà mình thì đưa về ra sao',
  ])('how someone held abroad is brought home: %s', (text) => {
    expect(intent(text)).toBe('return_registration');
  });
  it('what to do at home on the return, after the contract ends', () => {
    expect(intent('hết hợp đồng tháng tới, công ty đặt vé rồi, em phải làm gì khi về ở quê')).toBe('return_registration');
  });
  it('a new phone number after registering asks for no line', () => {
    expect(intent('em đăng ký về rồi nhưng vừa đổi số điện thoại, có phải đăng ký lại không')).toBe('return_registration');
  });
  it('the embassy\'s phone number is still the hotline', () => {
    expect(intent('số điện thoại của đại sứ quán ở Seoul là bao nhiêu')).toBe('hotline');
  });
});

describe('the contract\'s own questions', () => {
  it.each(['hệ TTS bị bỏ thì người đang ở Nhật ra sao', 'nghe nói sắp xóa bỏ chế độ thực tập sinh, đơn em có bị hủy không'])('the trainee system: %s', (text) => {
    expect(intent(text)).toBe('contract_liquidation');
  });
  it('a fee everyone is said to pay is no line asked', () => {
    expect(intent('công ty môi giới đòi thêm 3000 đô phí, bảo ai cũng phải đóng, có đúng không')).toBe('contract_liquidation');
  });
  it('the deposit withdrawn, with the papers asked', () => {
    expect(intent('về nước rồi, muốn rút tiền ký quỹ ở ngân hàng thì cần giấy tờ gì')).toBe('contract_liquidation');
  });
  it('which papers to go home are still the return', () => {
    expect(intent('muốn về nước trước hạn thì cần giấy tờ gì')).toBe('return_registration');
  });
});

describe('two lines compared', () => {
  it.each(['1955 với 1345 khác nhau gì, nên gọi cái nào', '110 vs 119 khác gì nhau'])('%s', (text) => {
    expect(intent(text)).toBe('hotline');
  });
  it('two amounts are not lines', () => {
    expect(intent('lương 1500 với 1800 đô khác nhau nhiều không')).not.toBe('hotline');
  });
});

describe('the look-alikes of a story closed or seen', () => {
  it('"ổn định" is settled, not all well: the deposit asked after it is still the contract', () => {
    expect(intent('em đổi chỗ làm được 1 năm, giờ ổn định rồi, muốn hỏi tiền ký quỹ lấy lại thế nào')).toBe('contract_liquidation');
  });
  it('a line asked after the news is still the hotline', () => {
    expect(intent('đọc tin thấy nhiều người bị lừa, có số nào tư vấn không ạ')).toBe('hotline');
  });
  it('a message read is no news', () => {
    expect(intent('có ai đọc tin nhắn của em chưa')).not.toBe('out_of_scope');
  });
});
