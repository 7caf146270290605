// Intents the unseen-k voices mixed up, each as a family of phrasings written for this test (none is
// in a labelled file), with the neighbour it must not swallow.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const intent = (text: string) => nlu.understand(text).intent;

describe('reporting to the home authority after the return is the return', () => {
  it.each([
    'về quê rồi thì trong bao lâu phải báo công an phường',
    'đi làm về có cần trình báo địa phương không ạ',
    'ở Đài về thì khai báo xuất cảnh chỗ nào',
    'hết hạn về nước có phải đăng ký với đại sứ quán trước không',
  ])('%s', (text) => {
    expect(intent(text)).toBe('return_registration');
  });
});

describe('wages paid short are the contract', () => {
  it.each(['lương tháng rồi không được trả đủ, em phải làm sao', 'tiền làm thêm trả không đủ so với giờ em làm'])('%s', (text) => {
    expect(intent(text)).toBe('contract_liquidation');
  });
});

describe('the deposit is not the Fund', () => {
  it('"ký quỹ" asks about the deposit', () => {
    expect(intent('nghỉ ngang giữa chừng thì tiền ký quỹ có bị mất hết không')).toBe('contract_liquidation');
  });

  it('the Fund named beside it is still the Fund', () => {
    expect(intent('quỹ hỗ trợ việc làm ngoài nước hỗ trợ những trường hợp nào')).toBe('support_fund');
  });
});

describe('put through to a person', () => {
  it.each(['nối máy giúp em với cán bộ lãnh sự', 'chuyển máy cho tôi gặp người phụ trách'])('%s', (text) => {
    expect(intent(text)).toBe('handoff');
  });
});

describe('hello in the host language', () => {
  it.each(['annyeonghaseyo admin', 'ni hao ad ơi', 'konichiwa'])('%s', (text) => {
    expect(intent(text)).toBe('greeting');
  });

  it('a question after it is the question', () => {
    expect(intent('annyeong, cho em hỏi thủ tục thanh lý hợp đồng')).toBe('contract_liquidation');
  });
});

describe('everyday trouble outside the four topics', () => {
  it.each([
    'zalo bị khoá vì đăng nhập máy lạ, mở lại kiểu gì',
    'bị hack nick instagram rồi, lấy lại được không',
    'thẻ atm bị khoá do nhập sai mã 3 lần, giờ sao',
    'tắc đường quá đi làm muộn 30 phút, có bị trừ gì không',
    'làm visa du lịch cho vợ sang Nhật thăm cần giấy gì',
    'thi trượt TOPIK lần 3 rồi, buồn ghê',
    'hỏi cho vui: nếu gặp ma ở ký túc xá thì gọi ai',
  ])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });

  it.each([
    ['đùa thôi, cho em xin số tổng đài lao động ở Hàn', 'hotline'],
    ['lương bị trừ vì đi muộn do tắc đường, công ty có được trừ thế không', 'contract_liquidation'],
  ])('a topic asked beside it is still answered: %s', (text, expected) => {
    expect(intent(text)).toBe(expected);
  });
});
