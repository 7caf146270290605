// Rules of language the unseen-n batch exposed, each shown on paraphrases written for this test
// (none is in a labelled file), both ways: the danger recognised, and its harmless look-alike not.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, dangerClassifier: null });

describe('a threat to kill the family, said', () => {
  it.each(['bố dượng nó say rồi hét là sẽ đâm chết cả nhà nếu mẹ con tôi bỏ đi', 'he said he will kill us if i call the police'])('%s', (text) => {
    expect(kindsOf(text)).toContain('violence');
  });
  it('an animal killed for dinner is cooking', () => {
    expect(kindsOf('chủ nhật cả phòng giết con vịt nấu cháo, vui lắm')).toEqual([]);
  });
});

describe('relief for the others if I were gone', () => {
  it.each(['nhiều lúc nghĩ nếu con chết đi thì bố mẹ đỡ gánh nặng hơn', 'i feel everyone would be relieved if i disappeared'])('%s', (text) => {
    expect(kindsOf(text)).toContain('self_harm');
  });
  it('relief when going home early is a question of the contract', () => {
    expect(kindsOf('nếu em về nước trước hạn thì mẹ em nhẹ nhõm lắm, thủ tục thế nào')).toEqual([]);
  });
});

describe('beaten, said softly, and the pain after', () => {
  it.each(['tụi quản lý lại nện thằng Phúc hôm qua, nó rên hừ hừ không đứng dậy nổi', 'the foreman roughed him up last night, he could not get up this morning'])('%s', (text) => {
    expect(kindsOf(text)).toContain('violence');
  });
  it('sore after sport, or a file dealt with, is not a blow', () => {
    expect(kindsOf('đá bóng cả chiều, sáng nay đau chân không dậy nổi')).toEqual([]);
    expect(kindsOf('xử lý hồ sơ cả đêm mệt quá không dậy nổi')).toEqual([]);
  });
});

describe('pregnant and bleeding', () => {
  it.each(['vợ tôi mang bầu 8 tháng, sáng nay vỡ ối mà ở xa bệnh viện', 'my sister is pregnant and bleeding, the boss will not let her rest'])('%s', (text) => {
    expect(kindsOf(text)).toContain('danger');
  });
  it('seen to by a doctor already', () => {
    expect(kindsOf('em có thai 4 tháng, hôm qua ra máu nhẹ, đi khám rồi bác sĩ nói bình thường')).toEqual([]);
  });
});

describe('moved elsewhere without the phone, not told where', () => {
  it.each(['môi giới bảo đêm nay chở cả nhóm qua chỗ khác, cấm mang điện thoại theo, em sợ', 'they are moving us to another city tonight and took my phone, they will not say where'])(
    '%s',
    (text) => {
      expect(kindsOf(text)).toContain('trafficking');
    },
  );
  it('a transfer with the phone left at the door by the rules is not', () => {
    expect(kindsOf('công ty đưa tụi em sang xưởng khác, trong xưởng không được dùng điện thoại theo nội quy')).toEqual([]);
  });
});

describe('harmless: seasick, locked out by oneself, help with a form, harm resolved', () => {
  it.each([
    'đi phà say sóng muốn chết luôn, hỏi chút về quỹ',
    'tôi bỏ quên chìa khóa trong phòng bị nhốt ngoài, gọi thợ mất 50 euro',
    'help me please how to register with the embassy',
    'vụ bị chủ đánh năm ngoái đã giải quyết xong rồi, cảm ơn ad',
  ])('%s', (text) => {
    expect(nlu.understand(text).emergency).toEqual([]);
  });
});

describe('places and intents the new voices used', () => {
  it.each([
    ['ở gần biên giới Campuchia có đường dây nóng không', 'KH'],
    ['em làm ở quatar 2 năm rồi', 'QA'],
    ['cảnh sát Đức giữ em ở đồn 2 tiếng', 'DE'],
    ['không ai nói tiếng Đức giúp em được', 'DE'],
  ])('%s → %s', (text, code) => {
    expect(nlu.understand(text).country).toBe(code);
  });
  it('the radio is not Taiwan', () => {
    expect(nlu.understand('ông nghe đài nói bên Hàn có động đất, cháu ở Ulsan không sao').country).toBe('KR');
  });
  it.each([
    ['dang ki ve nuoc can giay gi', 'return_registration'],
    ['em ấy về từ Malaysia thì phải khai báo gì ở phường', 'return_registration'],
    ['chúc các anh chị năm mới vạn sự như ý', 'greeting'],
    ['nhờ bạn chuyển cho người phụ trách bên Đài', 'handoff'],
  ])('%s → %s', (text, intent) => {
    expect(nlu.understand(text).intent).toBe(intent);
  });
});
