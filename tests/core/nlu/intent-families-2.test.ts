// Intents the unseen-l voices mixed up, each as a family of phrasings written for this test (none is
// in a labelled file), with the neighbour it must not swallow.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });
const intent = (text: string) => nlu.understand(text).intent;

describe('whether someone is there', () => {
  it.each(['admin có online không vậy', 'bạn ơi còn online ko'])('a greeting: %s', (text) => {
    expect(intent(text)).toBe('greeting');
  });
  it.each(['chiều nay có cán bộ trực không, em muốn nói chuyện', 'có ai bên lãnh sự trực không ạ, em cần hỏi riêng'])('a person on duty asked for: %s', (text) => {
    expect(intent(text)).toBe('handoff');
  });
  it('the line itself asked for is still the hotline', () => {
    expect(intent('số điện thoại đường dây nóng của đại sứ quán là gì')).toBe('hotline');
  });
});

describe('a check-up or the dentist is life abroad', () => {
  it.each(['đi nha khoa bên này đắt quá, có chỗ nào rẻ không', 'kết quả xét nghiệm máu bị mỡ máu cao thì có sao không ạ'])('%s', (text) => {
    expect(intent(text)).toBe('out_of_scope');
  });
  it('a check-up that sends the worker home for good is still the return', () => {
    expect(intent('khám sức khỏe định kỳ xong em quyết định về nước luôn, đăng ký về ở đâu ạ')).toBe('return_registration');
  });
});

describe('what the Fund gives, asked after the story', () => {
  it.each(['em bị tai nạn ở xưởng rồi về nước, giờ quỹ có hỗ trợ em không', 'mãn hạn về thì có được quỹ cho tiền không ad'])('%s', (text) => {
    expect(intent(text)).toBe('support_fund');
  });
  it('the deposit is not the Fund', () => {
    expect(intent('tiền ký quỹ lấy lại ở ngân hàng nào')).not.toBe('support_fund');
  });
});

describe('going home asked plainly after where the worker is', () => {
  it.each(['em đang làm ở Dubai, muốn về thì làm sao ạ', 'tôi ở Đài Trung, muốn về nước thì sao'])('%s', (text) => {
    expect(intent(text)).toBe('return_registration');
  });
});
