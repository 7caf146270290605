// Intents the unseen-p voices mixed up, each as a family of phrasings written for this test (none is
// in a labelled file), with the neighbour it must not swallow: an everyday aside that borrows a
// topic's word is out of scope, the topic asked outright is still the topic.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const intent = (text: string) => nlu.understand(text).intent;

describe('a day off asked or refused, an illness that passes', () => {
  it.each([
    'xin nghi 1 buoi di kham mat ma to truong ko cho, thoi de tuan sau',
    'hôm qua sốt 39 độ, uống thuốc rồi, ăn gì cho nhanh khỏi hả mọi người',
    'bị cúm mấy hôm nay, bên Đài đi khám có cần mang thẻ gì không',
    'đau răng khôn quá, xin nghỉ nửa hôm mà quản lý lắc đầu',
    'is there sick leave for part-time workers here, just asking',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('pay cut for the days off sick is still the contract', () => {
    expect(intent('nghỉ ốm 3 ngày mà công ty trừ lương gấp đôi, vậy có đúng hợp đồng không')).toBe('contract_liquidation');
  });
  it('a long illness that sends the worker home is still the Fund', () => {
    expect(intent('em bị bệnh nặng phải về nước trước hạn, quỹ có hỗ trợ em không')).toBe('support_fund');
  });
});

describe('healed, stitched, nobody hurt: nothing to claim', () => {
  it.each([
    'anh cùng tổ bị dao cứa vào tay, quản lý chở đi viện khâu 4 mũi rồi, giờ ảnh nói không sao',
    'tuần trước ngã xe đạp trầy chân, giờ lành hẳn rồi, chỉ hỏi thuốc trị sẹo nào tốt',
    'tối qua rung nhẹ một chút, trong xưởng không ai bị sao, có cần mua thêm đèn pin dự phòng không',
    'công ty tổ chức diễn tập động đất sáng nay, vui phết',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('a worker crushed in a quake, the Fund asked, is still the Fund', () => {
    expect(intent('chồng em bị thương nặng trong trận động đất ở xưởng, gia đình xin quỹ hỗ trợ được không')).toBe('support_fund');
  });
});

describe('cold or heat "to death", sun and sweat, let off for the day', () => {
  it.each([
    'ở đây lạnh muốn chết, sáng ra cái vòi nước đóng băng luôn',
    'nóng chết mất thôi, phòng trọ không có quạt',
    'nắng quá trời, mồ hôi ướt hết áo, may tan ca sớm',
    'hôm nay mưa nên chiều 4 giờ là quản lý cho về rồi',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('a worker who died of the cold is still a Fund case', () => {
    expect(intent('anh em bị chết trong kho lạnh ở xưởng, gia đình có được quỹ hỗ trợ không')).toBe('support_fund');
  });
  it('let go home by the employer and asking the papers is still the return', () => {
    expect(intent('chủ cho về rồi, giờ em đăng ký về nước ở đâu')).toBe('return_registration');
  });
});

describe('a story told only to share, others rescued and home', () => {
  it.each([
    'ngày trước em cũng bị môi giới lừa mất tiền, may đòi lại được, chỉ kể cho mọi người biết mà cảnh giác',
    'đọc báo thấy nhóm lao động kẹt ở Myanmar được đưa về an toàn rồi, mừng ghê',
    'mấy người cùng làng bị kẹt bên đó giờ đều về rồi, mừng.',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('a relative still held and the family asking how to bring him home is still the return', () => {
    expect(intent('em trai em còn kẹt bên Myanmar, gia đình muốn đưa nó về nước thì làm sao')).toBe('return_registration');
  });
});

describe('life beside the work: the room, shopping, the pay said fine, a chat', () => {
  it.each([
    'hai đứa cùng phòng cãi nhau vì chuyện bật điều hòa, xin đổi phòng có được không',
    'roommate hút thuốc trong phòng, mình nói hoài ko nghe, có cách nào không',
    'lương đều, việc nhẹ, chỉ hỏi ở Đài mua giày bảo hộ chỗ nào rẻ',
    'alo chị ơi hôm nay em đi chợ gặp mấy người đồng hương, vui lắm',
    'cho em trốn thứ hai một bữa được không sếp 🤣',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('the pay not given is still the contract', () => {
    expect(intent('lương tháng này công ty chưa trả, hợp đồng ghi trả ngày 10')).toBe('contract_liquidation');
  });
  it('a worker who ran away asking how to go home is still the return', () => {
    expect(intent('em trốn khỏi chỗ làm rồi, giờ muốn về nước thì làm sao')).toBe('return_registration');
  });
  it('"nói mấy lần" is no call put through; "nối máy" still is', () => {
    expect(intent('nói mấy lần rồi mà nó vẫn để đồ bừa ra phòng')).not.toBe('handoff');
    expect(intent('nối máy cho em gặp cán bộ được không ạ')).toBe('handoff');
  });
});

describe('a form sent online, income tax', () => {
  it.each(['quyết toán thuế thu nhập cuối năm ở Hàn làm ở đâu', 'nộp tờ khai thuế thu nhập online được không ạ'])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('registering the return online is still the return', () => {
    expect(intent('đăng ký về nước làm online được không hay phải lên đại sứ quán')).toBe('return_registration');
  });
  it('lured abroad to work online is still trafficking, not a form', () => {
    expect(nlu.understand('em bị lừa sang Campuchia làm online, bị nhốt không cho ra').intent).toBe('emergency');
  });
});

describe('the topic asked beside its look-alike words', () => {
  it('the Fund asked with no liquidation record is the Fund', () => {
    expect(intent('em bỏ việc về vì chủ nợ lương 4 tháng, giờ xin quỹ được ko, chưa có biên bản gì hết vì công ty không làm cho')).toBe('support_fund');
  });
  it('the liquidation itself asked is still the contract', () => {
    expect(intent('hết hợp đồng rồi mà công ty chưa làm biên bản thanh lý cho em, phải làm sao')).toBe('contract_liquidation');
  });
  it('an address changed is no address asked', () => {
    expect(intent('em chuyển nhà đổi địa chỉ rồi, công ty có tự thanh lý hợp đồng cho em được không')).toBe('contract_liquidation');
    expect(intent('cho em xin địa chỉ đại sứ quán ở Seoul')).toBe('hotline');
  });
  it.each([
    'có cán bộ nào nói chuyện giúp em vụ phí môi giới được không, em gõ không ra',
    'co nhan vien nao tu van giup e khong, e viet ko ra duoc',
  ])('a person asked for: %s', (text) => {
    expect(intent(text)).toBe('handoff');
  });
});
