// The rules of answer choice learned from held-out-9, each on sentences of its own (none in a
// fixture): an article written for danger is not found by its tags in a calm message, a scam is
// its own case, not having paid into the Fund decides, whom to call with danger is answered by the
// case, a supposition is read in the earlier topic, and a question word asks wherever it stands.
import { describe, expect, it } from 'vitest';
import { testArticle } from '../../helpers/article.ts';
import { loadContent, type Article } from '../../../src/core/content/index.ts';
import { createAnswerSelector } from '../../../src/core/nlu/answer-select.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

describe('the selector', () => {
  const article = (id: string, extra: Partial<Article> = {}): Article => testArticle(id, 'support_fund', extra);

  it('weighs an article silent on a deciding slot as if it said another value', () => {
    const articles = [article('rules', { tags: { paid: ['no'] } }), article('accident', { tags: { case: ['accident'] } })];
    const selector = createAnswerSelector(articles);
    const slots = { paid: ['no'], case: ['accident'] };
    expect(selector.weigh('accident', slots, 1)!.conflicting).toBe(1);
    expect(selector.weigh('rules', slots, 1)!.conflicting).toBe(0);
    // A value no article is tagged with decides nothing.
    expect(selector.weigh('accident', { paid: ['yes'], case: ['accident'] }, 1)!.conflicting).toBe(0);
  });

  it('finds by tags alone only the articles it is told to', () => {
    const articles = [article('maid', { danger: ['confinement'], tags: { case: ['domestic'] } })];
    expect(createAnswerSelector(articles).pick([], { case: ['domestic'] }, 'support_fund')?.id).toBe('maid');
    expect(createAnswerSelector(articles, (a) => !a.danger?.length).pick([], { case: ['domestic'] }, 'support_fund')).toBeUndefined();
  });
});

describe('the rules on the shipped content', () => {
  it('a calm domestic worker gets the answer to her question, not the safety article', () => {
    const lost = nlu.understand('chị làm osin ở Oman, lỡ làm rơi mất hộ chiếu, muốn về nước phải làm giấy tờ để bay về thế nào');
    expect(lost.emergency).toEqual([]);
    expect(['emergency-passport', 'passport-lost']).toContain(lost.article?.id);
  });

  it('a scam abroad is the trafficking case; forced work with a kept passport is the kept passport', () => {
    expect(nlu.understand('cháu tôi bị lừa qua Campuchia, giờ không liên lạc được').slots?.case).toContain('scam');
    const forced = nlu.understand('ở Séc chủ bắt em làm 15 tiếng mỗi ngày, giữ hộ chiếu, dọa gọi cảnh sát nếu em bỏ đi. em gọi ai để về được?');
    expect(forced.emergency.length).toBeGreaterThan(0);
    expect(forced.article?.id).toBe('passport-kept-by-employer');
  });

  it('not having paid into the Fund gets its conditions', () => {
    expect(nlu.understand('hồi đi em không đóng tiền vào quỹ, nay bị thương phải về, quỹ có giúp gì không').article?.id).toBe('fund-rules');
  });

  it('a supposition after a question is read in the earlier topic, its case in place of the earlier one', () => {
    const first = nlu.understand('bị ốm phải về thì quỹ hỗ trợ bao nhiêu');
    expect(first.intent).toBe('support_fund');
    const next = nlu.understand('thế nếu chủ xưởng phá sản cho về thì thế nào', { topic: first.intent, slots: first.slots ?? {} });
    expect(next.intent).toBe('support_fund');
    expect(next.article?.id).toBe('fund-employer-closed');
    // Without the earlier question it is read on its own: the contract ended by the closure.
    expect(nlu.understand('thế nếu chủ xưởng phá sản cho về thì thế nào').intent).toBe('contract_liquidation');
  });

  it('a question word in the middle of the last clause asks', () => {
    expect(nlu.understand('nghe đâu Nhật thay chế độ thực tập sinh, bao giờ thì bắt đầu vậy').article?.id).toBe('jp-trainee-system-change');
  });

  it('reporting the residence after coming home is its own subject', () => {
    const r = nlu.understand('về nước hôm trước, chưa khai báo với phường, hạn mấy ngày');
    expect(r.slots?.subject).toContain('residence_report');
    expect(r.article?.id).toBe('after-return-reporting');
  });
});
