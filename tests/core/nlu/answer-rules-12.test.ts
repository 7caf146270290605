// The rules of answer choice learned from held-out-12, each on sentences of its own (none in a
// fixture): what is to be done "gì" asks without a question mark, the sending company named says
// through whom and not what is asked, and the phrase families of the slots it exposed.
import { describe, expect, it } from 'vitest';
import { testArticle } from '../../helpers/article.ts';
import { loadContent } from '../../../src/core/content/index.ts';
import { createAnswerSelector } from '../../../src/core/nlu/answer-select.ts';
import { lastClauseAsks } from '../../../src/core/nlu/asked-topic.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { analyze } from '../../../src/core/nlu/normalize.ts';
import { createSlotReader } from '../../../src/core/nlu/slots.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });
const slots = createSlotReader(content.slots);
const tokens = (t: string) => analyze(t).tokens;

describe('a last clause that asks what is to be done', () => {
  // "làm gì" or "thủ tục gì" asks whatever follows; a paper named beside "gì" in a story does not.
  it.each([
    ['về nhà rồi, bây giờ tôi cần làm thủ tục gì với công ty dịch vụ', true],
    ['hết hạn rồi, không biết phải làm gì tiếp theo nữa', true],
    ['đứt tay khâu 2 mũi rồi, có cần xin giấy gì ko hay thôi kệ', false],
  ])('%s → %s', (text, asks) => expect(lastClauseAsks(tokens(text))).toBe(asks));
});

describe('the sending company named', () => {
  it('says through whom: a story then what to do with it gets the liquidation', () => {
    const out = nlu.understand('hai năm ở Hàn làm đủ hợp đồng, mới về quê hôm kia. bây giờ tôi phải làm thủ tục gì với cty phái cử');
    expect(out.article?.id).toBe('liquidation-steps');
  });

  it('weighs a fifth of a case in selection', () => {
    const articles = [
      testArticle('by-case', 'contract_liquidation', { tags: { ended: ['term'] } }),
      testArticle('by-company', 'contract_liquidation', { tags: { scheme: ['company'] } }),
    ];
    const selector = createAnswerSelector(articles);
    const byCase = selector.weigh('by-case', { ended: ['term'], scheme: ['company'] }, 0.5)!;
    const byCompany = selector.weigh('by-company', { ended: ['term'], scheme: ['company'] }, 0.5)!;
    expect(byCompany.telling).toBe(0);
    expect(byCase.total).toBeGreaterThan(byCompany.total);
  });
});

describe('the slot phrases held-out-12 exposed', () => {
  const read = (t: string) => slots.read(analyze(t)).slots;
  it('reads each family in words of its own', () => {
    expect(read('nghỉ giữa chừng thì chủ có bắt tôi đền tiền không')?.asks).toContain('duty');
    expect(read('nhớ nhà không chịu được, bỏ về ngang có sao không')?.case).toContain('own');
    expect(read('bị giật túi mất luôn passport ở bến xe')?.passport).toContain('lost');
    expect(read('tôi về nước được 5 ngày, có cần báo phường không')).toMatchObject({ stage: ['returned'], subject: ['residence_report'] });
    expect(read('hồi đi công ty không thu tiền quỹ, giờ có được hỗ trợ không')?.paid).toContain('no');
  });
});
