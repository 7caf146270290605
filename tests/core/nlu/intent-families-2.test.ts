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
