// Slots read from a message with content/slots.yaml, and the answer they select with the articles'
// tags. The phrases are data: these tests take a few from the shipped file and small files of
// their own, so a content edit does not break them but a reader that stops reading does.
import { describe, expect, it } from 'vitest';
import { testArticle } from '../../helpers/article.ts';
import { loadContent, type Article } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { analyze } from '../../../src/core/nlu/normalize.ts';
import { SELECTION, createAnswerSelector } from '../../../src/core/nlu/answer-select.ts';
import { createSlotReader } from '../../../src/core/nlu/slots.ts';

const content = loadContent();

describe('slot reader', () => {
  const reader = createSlotReader({
    case: { accident: ['tai nạn', 'gãy tay', 'accident'], abuse: ['quấy rối', 'quấy rối tình dục'] },
    ended: { term: ['hết hạn hợp đồng'] },
    asks: { amount: ['bao nhiêu', 'how much'] },
  });
  const read = (t: string) => reader.read(analyze(t));

  it('reads with and without marks, in chat abbreviations and in English', () => {
    expect(read('bị tai nạn, quỹ hỗ trợ bao nhiêu').slots).toEqual({ case: ['accident'], asks: ['amount'] });
    expect(read('bi tai nan quy ho tro bn').slots).toEqual({ case: ['accident'], asks: ['amount'] });
    expect(read('had an accident, how much does the fund pay').slots).toEqual({ case: ['accident'], asks: ['amount'] });
    expect(read('da het han hop dong').slots).toEqual({ ended: ['term'] });
  });

  it('keeps where each phrase was read, the longest phrase first', () => {
    const r = read('bi quay roi tinh duc');
    expect(r.slots).toEqual({ case: ['abuse'] });
    expect(r.spans).toEqual([[1, 5]]);
  });

  it('reads nothing from a message that says none of it', () => {
    expect(read('thủ tục thanh lý hợp đồng')).toEqual({ slots: {}, spans: [], spanSlots: [] });
  });

  it('does not take a case the message denies or avoids, but reads what is asked after a negation', () => {
    const r = createSlotReader({
      case: { undocumented: ['cư trú bất hợp pháp'], accident: ['tai nạn'] },
      subject: { deposit: ['tiền ký quỹ'] },
    });
    const slots = (t: string) => r.read(analyze(t)).slots;
    expect(slots('muốn về đúng hạn không bị ghi cư trú bất hợp pháp')).toEqual({});
    expect(slots('de khong bi cu tru bat hop phap')).toEqual({});
    expect(slots('em cư trú bất hợp pháp muốn về')).toEqual({ case: ['undocumented'] });
    // "không may" is "unluckily": the accident happened.
    expect(slots('không may bị tai nạn ở xưởng')).toEqual({ case: ['accident'] });
    expect(slots('công ty không trả tiền ký quỹ')).toEqual({ subject: ['deposit'] });
  });

  it('reads a star as up to three words of the same clause', () => {
    const r = createSlotReader({ passport: { lost: ['mất * hộ chiếu'] } });
    const slots = (t: string) => r.read(analyze(t)).slots;
    expect(slots('bị móc túi mất cả ví lẫn hộ chiếu')).toEqual({ passport: ['lost'] });
    expect(slots('mat ho chieu roi')).toEqual({ passport: ['lost'] });
    expect(slots('mất ví, còn hộ chiếu')).toEqual({});
    expect(slots('mất điện thoại và cả túi xách lẫn hộ chiếu')).toEqual({});
  });

  it('reads a word typed with marks only as the phrase spelled with the same ones, hỏi and ngã alike', () => {
    const r = createSlotReader({ case: { closed: ['đóng cửa'] }, subject: { fund: ['hỗ trợ'] } });
    const slots = (t: string) => r.read(analyze(t)).slots;
    expect(slots('công ty đóng cửa rồi')).toEqual({ case: ['closed'] });
    expect(slots('cong ty dong cua roi')).toEqual({ case: ['closed'] });
    // "hợp đồng của em" folds to "…dong cua…": the marks say it is not "đóng cửa".
    expect(slots('công ty có tự thanh lý hợp đồng của em không')).toEqual({});
    expect(slots('quỹ hổ trợ bao nhiêu')).toEqual({ subject: ['fund'] });
  });

  it('takes a death told with its cause for the death, and keeps the cause when nobody died', () => {
    const r = createSlotReader({ case: { accident: ['tai nạn'], illness: ['bệnh nặng'], death: ['qua đời'], wages: ['nợ lương'] } });
    const slots = (t: string) => r.read(analyze(t)).slots;
    expect(slots('anh ấy qua đời vì tai nạn ở xưởng')).toEqual({ case: ['death'] });
    expect(slots('bị bệnh nặng rồi qua đời, còn bị nợ lương')).toEqual({ case: ['death', 'wages'] });
    expect(slots('bị tai nạn, bị nợ lương')).toEqual({ case: ['accident', 'wages'] });
  });
});

describe('answer selection by tags', () => {
  const article = (id: string, topic: Article['topic'], tags?: Article['tags']): Article => testArticle(id, topic, tags ? { tags } : {});
  const articles = [
    article('overview', 'support_fund'),
    article('accident', 'support_fund', { case: ['accident'], asks: ['amount'] }),
    article('closed', 'support_fund', { case: ['closed'], asks: ['amount'] }),
    article('contract-closed', 'contract_liquidation', { case: ['closed'] }),
  ];
  const selector = createAnswerSelector(articles);

  it('an article tagged for the case and the asked thing beats a closer but general one', () => {
    const got = selector.pick([{ id: 'overview', score: 50, quality: 0.8 }], { case: ['accident'], asks: ['amount'] }, 'support_fund');
    expect(got?.id).toBe('accident');
  });

  it('an article of another case is a neighbour, not an answer', () => {
    const got = selector.pick([{ id: 'closed', score: 90, quality: 0.9 }], { case: ['accident'] }, 'support_fund');
    expect(got?.id).toBe('accident');
    // Found by its case alone; it also answers the amount, which was not asked: a little narrower.
    expect(got!.total).toBeCloseTo(SELECTION.tagOnlyQuality + SELECTION.matched - SELECTION.narrower);
  });

  it('tags alone find articles only in the topic asked; retrieval finds them anywhere when no topic is given', () => {
    expect(selector.pick([], { case: ['closed'] }, 'contract_liquidation')?.id).toBe('contract-closed');
    expect(selector.pick([], { case: ['closed'] })).toBeUndefined();
    expect(selector.pick([{ id: 'contract-closed', score: 1, quality: 0.9 }], {})?.topic).toBe('contract_liquidation');
  });

  it('a subject asked with no case gets the general answer, not the one for a case it did not give', () => {
    // The general deposit article is tagged for every way a contract ends (narrower in nothing) and one
    // scheme of two; the harassment one for one case of several.
    const deposit = [
      article('deposit-general', 'contract_liquidation', { subject: ['deposit'], ended: ['term', 'early'], scheme: ['company'] }),
      article('deposit-harassed', 'contract_liquidation', { subject: ['deposit'], case: ['abuse'] }),
      article('deposit-eps', 'contract_liquidation', { subject: ['deposit'], scheme: ['eps'] }),
      article('closed-early', 'contract_liquidation', { case: ['closed', 'accident'], ended: ['early'] }),
      article('own-term', 'support_fund', { case: ['own'], ended: ['term'] }),
    ];
    const pick = createAnswerSelector(deposit);
    expect(pick.pick([], { subject: ['deposit'] }, 'contract_liquidation')?.id).toBe('deposit-general');
    expect(pick.pick([], { subject: ['deposit'], case: ['abuse'] }, 'contract_liquidation')?.id).toBe('deposit-harassed');
    expect(pick.pick([], { subject: ['deposit'], scheme: ['eps'] }, 'contract_liquidation')?.id).toBe('deposit-eps');
  });

  it('a tag matched on the scheme alone does not make an article an answer', () => {
    const pick = createAnswerSelector([
      article('fee-refund', 'contract_liquidation', { ended: ['early'], scheme: ['company'], subject: ['service_fee'] }),
      article('steps', 'contract_liquidation', { ended: ['term'] }),
    ]);
    expect(pick.pick([], { scheme: ['company'] }, 'contract_liquidation')).toBeUndefined();
    expect(pick.pick([], { scheme: ['company'], ended: ['early'] }, 'contract_liquidation')?.id).toBe('fee-refund');
    expect(pick.pick([], { scheme: ['company'], ended: ['early'] }, 'contract_liquidation')?.byTags).toBe(true);
    expect(pick.pick([{ id: 'steps', score: 3, quality: 0.8 }], { scheme: ['company'] }, 'contract_liquidation')?.byTags).toBeUndefined();
  });

  it('without slots, retrieval alone decides', () => {
    expect(selector.pick([{ id: 'overview', score: 5, quality: 0.7 }, { id: 'closed', score: 9, quality: 0.6 }], {}, 'support_fund')?.id).toBe('overview');
  });
});

describe('the NLU with the shipped slots', () => {
  const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

  it('an accident is not Tainan: a place read inside a slot phrase is that phrase', () => {
    const out = nlu.understand('lam viec bi tai nan gay tay, quy ho tro cho bao nhieu');
    expect(out.country).toBeUndefined();
    expect(out.slots?.case).toContain('accident');
  });

  it('the slots reach the output and pick the tagged article', () => {
    const out = nlu.understand('cong ty bi pha san nen em ve som, quy co tra tien khong');
    expect(out.intent).toBe('support_fund');
    expect(content.articleById.get(out.article!.id)?.tags?.case).toContain('closed');
  });

  it('asked whom to call about something no article answers, the numbers answer it; with an answer, the answer does', () => {
    for (const text of ['muon hoi ve luong, ngay nghi bang tieng viet thi lien he dau', 'bên Nhật có đường dây tư vấn giờ làm bằng tiếng Việt không']) {
      const out = nlu.understand(text);
      expect(out.intent, text).toBe('hotline');
      expect(out.article, text).toBeUndefined();
    }
    const wages = nlu.understand('sajang ko tra luong 3 thang roi, em o Han thi khieu nai o dau');
    expect(wages.intent).toBe('contract_liquidation');
    expect(wages.article?.id).toBe('unpaid-wages');
    // Without "call" it is a question for the topic's tree.
    expect(nlu.understand('hop dong het han thi lam gi').intent).toBe('contract_liquidation');
  });

  it('what is paid into the Fund is its own subject; whether one paid is the Fund\'s rules', () => {
    expect(nlu.understand('nguoi lao dong dong vao quy ho tro viec lam ngoai nuoc bao nhieu tien').article?.id).toBe('fund-contributions');
    expect(nlu.understand('chưa đóng quỹ có được hỗ trợ không').slots?.subject).toBeUndefined();
  });

  it('two questions of two topics in one sentence are both answered, each read with the story before it', () => {
    const out = nlu.understand('Em trai em bị tai nạn gãy tay phải về nước. Về rồi thanh lý hợp đồng trong bao lâu và quỹ hỗ trợ bao nhiêu ạ');
    expect(out.article?.id).toBe('liquidation-steps');
    expect(out.also).toEqual([{ id: 'fund-accident-illness' }]);
    // One topic asked twice, or "và" inside one question, is one answer.
    expect(nlu.understand('thanh lý hợp đồng trong bao lâu và cần mang giấy tờ gì').also).toBeUndefined();
    expect(nlu.understand('em bị tai nạn và phải về nước, quỹ hỗ trợ bao nhiêu').also).toBeUndefined();
  });

  it('a story, then its question: the last sentence\'s own question beats an answer the story\'s tags found for a subject nobody asked', () => {
    // The story says the contract ended and the office closed; the question is about liquidating, not the deposit.
    const story = 'e làm ở Romania hết hđ 2 năm r, gọi cty mấy lần ko ai nghe máy, ra văn phòng thì đóng cửa. Nếu e ko đến thanh lý hợp đồng thì có sao ko ạ';
    expect(nlu.understand(story).article?.id).toBe('liquidation-steps');
    // The story's case is what the question is about: its tagged answer stays.
    expect(nlu.understand('o Romania chu cam ho chieu cua e. e muon ve nuoc thi sao').article?.id).toBe('passport-kept-by-employer');
  });

  it('a topic whose answer fits two more of the values the message gave takes the question', () => {
    const out = nlu.understand('về sớm thì vé máy bay ai trả, cty hay mình tự lo');
    expect(out.intent).toBe('contract_liquidation');
    expect(out.article?.id).toBe('supply-contract-terms');
  });

  it('a place inside a phrase that says the scheme is still the place', () => {
    const out = nlu.understand('em ở Hàn quá hạn vài ngày vì nằm viện thì có bị cấm nhập cảnh không');
    expect(out.country).toBe('KR');
    expect(out.slots?.scheme).toEqual(['eps']);
    expect(out.article?.id).toBe('eps-departure');
  });

  it('an article that says the content does not know is marked so', () => {
    const out = nlu.understand('thời hạn nộp hồ sơ quỹ hỗ trợ là bao lâu');
    expect(out.article?.unknown).toBe(true);
  });

  it('every tag and every dialogue condition names a slot value slots.yaml defines (the loader checks it)', () => {
    const tagged = content.articles.filter((a) => a.tags);
    expect(tagged.length).toBeGreaterThan(10);
    for (const a of tagged) for (const [slot, values] of Object.entries(a.tags!)) for (const v of values) expect(content.slots[slot]?.[v], `${a.id} ${slot}=${v}`).toBeDefined();
  });
});
