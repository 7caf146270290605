// Rules of language for the intent that unseen-h and unseen-j exposed, each shown on paraphrases
// written for this test (none is in a labelled file).
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { normalize } from '../../../src/core/nlu/normalize.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries });
const intentOf = (text: string) => nlu.understand(text).intent;

describe('naming the mission is not asking for its line', () => {
  it.each([
    'muốn đăng ký về nước thì lên tổng lãnh sự Osaka hay đại sứ quán Tokyo',
    'can the consulate in Busan help me register to go home',
    'lam lai ho chieu o lanh su quan mat bao lau',
  ])('going home at the mission is the return: %s', (text) => {
    expect(intentOf(text)).toBe('return_registration');
  });

  it('asking for a number about something no article answers still gets the lines', () => {
    expect(intentOf('lương bị trừ thì gọi số nào ở Hàn')).toBe('hotline');
  });
});

describe('what the question is about, said in other words', () => {
  it.each([
    ['trong hợp đồng có ghi công ty phải trả vé về không', 'contract_liquidation'],
    ['what does the contract say about who pays the ticket home', 'contract_liquidation'],
    ['het hop dong roi thi tl hd o dau', 'contract_liquidation'],
    ['con gái tôi ốm ở Nhật, gia đình muốn đưa cháu về Việt Nam thì làm sao', 'return_registration'],
    ['bị đuổi việc trước hạn, quỹ có bù tiền vé máy bay không', 'support_fund'],
    ['chuyển máy cho cán bộ lãnh sự giúp tôi, việc này khó nói qua tin nhắn', 'handoff'],
    ['annyeong, ở Seoul hôm nay mưa quá', 'greeting'],
    ['ni hao bot', 'greeting'],
  ])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });

  it('"tl" is thanh lý before hđ or a place, trả lời otherwise', () => {
    expect(normalize('tl hd o dau')).toBe('thanh ly hop dong o dau');
    expect(normalize('tl giúp em với ad')).toMatch(/^tra loi/);
  });
});

describe('clearly something else', () => {
  it.each([
    'cơn bão hôm qua làm cúp điện cả khu, giờ có điện lại rồi',
    'xem thời sự thấy vụ cháy xưởng ở Đài, mong ai cũng bình an',
    'tháng sau em đi du lịch Bangkok 4 ngày, có cần visa không',
    'muốn sang lại Nhật theo diện kỹ năng đặc định thì cần điều kiện gì',
    'mua bảo hiểm ô tô ở đâu rẻ',
    'em đang viết tiểu thuyết, nhân vật chính bị giữ hộ chiếu ở Đài, góp ý giúp em',
    'tìm giúp em lời bài hát này với, karaoke tối nay',
    // "cả đêm" (all night) is not the night shift ("ca đêm").
    'con chó hàng xóm sủa cả đêm',
  ])('%s', (text) => {
    expect(intentOf(text)).toBe('out_of_scope');
  });
});

describe('"số hỗ trợ" is a line, "hồ sơ hỗ trợ" the Fund\'s dossier (the same letters without marks)', () => {
  it.each([
    ['cho em xin số hỗ trợ lao động ở Đài', 'hotline'],
    ['so ho tro nguoi lao dong o han la so nao', 'hotline'],
    ['em gửi hồ sơ hỗ trợ lên quỹ 3 tuần rồi chưa thấy trả lời', 'support_fund'],
    ['nop ho so ho tro cho quy o dau vay ad', 'support_fund'],
  ])('%s → %s', (text, intent) => {
    expect(intentOf(text)).toBe(intent);
  });
});
