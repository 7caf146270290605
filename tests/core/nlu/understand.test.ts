// The NLU as the engine calls it: intents (the four topics, a person, greetings, the rest), the
// topic asked alongside an emergency, the place, and the output's shape on any input.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries });
const understand = (t: string) => nlu.understand(t);

describe('intents', () => {
  it.each([
    // contract liquidation
    ['thủ tục thanh lý hợp đồng', 'contract_liquidation'],
    ['cho e hoi thu tuc thanh ly hd', 'contract_liquidation'],
    ['thanhly hopdong', 'contract_liquidation'],
    ['lam sao nhan lai tien ky quy', 'contract_liquidation'],
    ['cty xkld ko chịu trả tiền cọc cho e', 'contract_liquidation'],
    ['chu no luong 3 thang', 'contract_liquidation'],
    ['muốn đổi chủ có được không', 'contract_liquidation'],
    ['em nghỉ ngang thì có mất cọc không', 'contract_liquidation'],
    ['quy định về tiền lương làm thêm', 'contract_liquidation'],
    ['can I get my deposit back', 'contract_liquidation'],
    ['my boss has not paid my salary', 'contract_liquidation'],
    // return registration
    ['đăng ký về nước', 'return_registration'],
    ['dky ve nuoc o dau vay ad', 'return_registration'],
    ['mất hộ chiếu thì về nước bằng gì', 'return_registration'],
    ['xin cap giay thong hanh', 'return_registration'],
    ['quá hạn visa muốn về nước', 'return_registration'],
    ['lao dong chui muon ve vn', 'return_registration'],
    ['về quê rồi có phải khai báo không', 'return_registration'],
    ['quy trình đăng ký về nước', 'return_registration'],
    ['I want to go home', 'return_registration'],
    ['lost my pasport', 'return_registration'],
    // the Support Fund
    ['quỹ hỗ trợ việc làm ngoài nước', 'support_fund'],
    ['muc dong gop vao quy', 'support_fund'],
    ['bi tai nan lao dong co duoc ho tro khong', 'support_fund'],
    ['chồng em mất ở nước ngoài gia đình có được hỗ trợ không', 'support_fund'],
    ['được hỗ trợ học nghề sau khi về nước không', 'support_fund'],
    ['support fund application', 'support_fund'],
    // hotlines
    ['so dien thoai dai su quan o han', 'hotline'],
    ['sdt lanh su quan o osaka', 'hotline'],
    ['đường dây nóng bảo hộ công dân', 'hotline'],
    ['gọi cảnh sát ở Nhật số mấy', 'hotline'],
    ['emergency number in Taiwan', 'hotline'],
    ['embasy phone', 'hotline'],
    // a person
    ['gặp cán bộ lãnh sự', 'handoff'],
    ['cho e gap nguoi that dc ko', 'handoff'],
    ['cần người tư vấn trực tiếp', 'handoff'],
    ['can I talk to a real person', 'handoff'],
    // greetings, and a greeting that asks something is the question
    ['chào bạn', 'greeting'],
    ['hi ad', 'greeting'],
    ['alo alo co ai ko', 'greeting'],
    ['good morning', 'greeting'],
    ['chào ad, cho em hỏi số điện thoại đại sứ quán ở Nhật', 'hotline'],
    // everything else
    ['giá vàng hôm nay', 'out_of_scope'],
    ['bóng đá tối nay', 'out_of_scope'],
    ['cách gửi hàng về việt nam', 'out_of_scope'],
    ['học tiếng Nhật ở đâu tốt', 'out_of_scope'],
    ['recommend a restaurant', 'out_of_scope'],
    ['asdfgh', 'out_of_scope'],
    ['', 'out_of_scope'],
  ])('%s → %s', (text, intent) => {
    const out = understand(text);
    expect(out.intent).toBe(intent);
    expect(out.emergency).toEqual([]);
    // The flow answers a topic from 0.5: a topic the NLU chose is one the flow will answer.
    if (['contract_liquidation', 'return_registration', 'support_fund', 'hotline'].includes(intent)) expect(out.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it.each([
    ['bị ngược đãi có được chấm dứt hợp đồng trước hạn không', 'contract_liquidation'],
    ['bị giữ hộ chiếu và không cho về', 'return_registration'],
    ['chấm dứt hợp đồng vì bị quấy rối thì quỹ có hỗ trợ không', 'support_fund'],
    ['em bị cảnh sát bắt vì quá hạn visa', 'return_registration'],
  ])('an emergency that also asks a question: %s → emergency + %s', (text, topic) => {
    const out = understand(text);
    expect(out.intent).toBe('emergency');
    expect(out.emergency.length).toBeGreaterThan(0);
    expect(out.topicIntent).toBe(topic);
  });

  it('a plain emergency carries no topic', () => {
    const out = understand('toi bi danh');
    expect(out).toMatchObject({ intent: 'emergency', emergency: ['violence'] });
    expect(out.topicIntent).toBeUndefined();
    expect(out.article).toBeUndefined();
  });

  it('"help" shouted is a cry; "help" typed is the help command', () => {
    expect(understand('HELP!!!').emergency).toEqual(['danger']);
    expect(understand('cứu!').emergency).toEqual(['danger']);
    expect(understand('help').emergency).toEqual([]);
  });

  it('is total: any text gives a well-formed answer', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (s) => {
        const out = understand(s);
        expect(typeof out.intent).toBe('string');
        expect(out.confidence).toBeGreaterThanOrEqual(0);
        expect(out.confidence).toBeLessThanOrEqual(1);
        if (out.country) expect(content.countries.map((c) => c.code)).toContain(out.country);
        if (out.article) expect(content.articleById.has(out.article.id)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('places', () => {
  it.each([
    ['hết hạn hợp đồng ở Nhật rồi cần làm gì', 'JP', undefined],
    ['tts nhat bo ve truoc thoi han', 'JP', undefined],
    ['xkld nhat', 'JP', undefined],
    ['sinh nhat em hom nay', undefined, undefined],
    ['ben nhat tts bi mat ho chieu', 'JP', undefined],
    ['sdt lanh su quan o osaka', 'JP', 'osaka'],
    ['hotline o dai loan', 'TW', undefined],
    ['cho mình xin sđt tổng lãnh sự quán ở Cao Hùng', 'TW', 'kaohsiung'],
    ['Mình làm ở Kaohsiung', 'TW', 'kaohsiung'],
    ['so dien thoai dai su quan o han', 'KR', undefined],
    ['số điện thoại sứ quán Việt Nam tại Hàn Quốc', 'KR', undefined],
    ['mat passport o han quoc roi', 'KR', undefined],
    ['hotline dsq vn tai han', 'KR', undefined],
    ['mat ho chieu o malai', 'MY', undefined],
    ['em o Rumani', 'RO', undefined],
    ['bên Ả Rập gọi cảnh sát số mấy', 'SA', undefined],
    ['o a rap xe ut', 'SA', undefined],
    ['dang ky chuyen bay ve nuoc tu dubai', 'AE', undefined],
    ['uae embassy contact', 'AE', undefined],
    ['police number in japan', 'JP', undefined],
    ['bị lừa sang Campuchia', 'KH', undefined],
    ['o ba lan muon ve nuoc', 'PL', undefined],
    // Where the user is wins over where they want to go; Viet Nam is where they go home to.
    ['em ở Đài Loan muốn về Việt Nam', 'TW', undefined],
    ['em muon ve viet nam', undefined, undefined],
    ['đang ở Việt Nam muốn hỏi quỹ cho con đang ở Nhật', 'JP', undefined],
    ['em đang ở Việt Nam', 'VN', undefined],
    // Everyday words that are also names.
    ['hết hạn visa rồi', undefined, undefined],
    ['quá hạn visa muốn về', undefined, undefined],
    ['qua han visa muon ve', undefined, undefined],
    ['số điện thoại đại sứ quán', undefined, undefined],
    ['o dai su quan', undefined, undefined],
    ['hợp đồng dài hạn', undefined, undefined],
    ['tot nhat la ve som', undefined, undefined],
    ['em vẫn làm ở công ty cũ', undefined, undefined],
    ['em van lam o cong ty cu', undefined, undefined],
    ['năm đầu làm việc vất vả quá', undefined, undefined],
    ['nhưng mà lại không có tiền', undefined, undefined],
    ['end my contract early', undefined, undefined],
    ['hk biet lam sao', undefined, undefined],
    ['việc hàn xì có nguy hiểm không', undefined, undefined],
    ['chủ cho em nghỉ chủ nhật', undefined, undefined],
    ['ông chủ Nhật không trả lương', 'JP', undefined],
    // "Anh" is England only where one is or goes; otherwise a pronoun or a brother.
    ['sang Anh làm nail có cần visa không', 'GB', undefined],
    ['em đang ở Anh', 'GB', undefined],
    ['em ở với anh trai', undefined, undefined],
    ['công ty anh có tốt không', undefined, undefined],
    ['tiền em gửi ở anh ấy', undefined, undefined],
    // A name typed with its own marks is the name, whatever word follows it.
    ['bố em mất ở Hàn do đột quỵ', 'KR', undefined],
    ['số cảnh sát ở Nhật là số nào', 'JP', undefined],
    ['o han do', undefined, undefined],
  ])('%s → %s %s', (text, country, city) => {
    const out = understand(text);
    expect(out.country).toBe(country);
    expect(out.city).toBe(city);
  });

  it('every alias in countries.yaml names its own country, after a place word, in Vietnamese or English', () => {
    // After "ở"/"in" so that the ambiguous aliases count too; "HK" and "UK" are chat words in
    // Vietnamese ("không", "ừ"), so they name a place only in English.
    const where = (alias: string) => [understand(`em đang ở ${alias}`), understand(`I work in ${alias}`)];
    const misses: string[] = [];
    for (const c of content.countries) {
      for (const alias of [c.name.vi, c.name.en, ...c.aliases]) {
        if (!where(alias).some((o) => o.country === c.code)) misses.push(`${alias} (${c.code})`);
      }
      for (const city of c.cities) {
        for (const alias of [city.name.vi, city.name.en, ...city.aliases]) {
          if (!where(alias).some((o) => o.country === c.code && o.city === city.id)) misses.push(`${alias} (${c.code}/${city.id})`);
        }
      }
    }
    expect(misses).toEqual([]);
  });
});
