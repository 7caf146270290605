// The rules of answer choice learned from held-out-6, each on sentences of its own (none in a
// fixture): the article written for the danger found, whom to call asked only by the words that
// ask, the hearsay frame, the article that carries a country's lines for a need, and a question
// the lexicon cannot place answered by the one topic its tags fit.
import { describe, expect, it } from 'vitest';
import { testArticle } from '../../helpers/article.ts';
import { loadContent, type Article } from '../../../src/core/content/index.ts';
import { createAnswerSelector } from '../../../src/core/nlu/answer-select.ts';
import { DANGER_KINDS } from '../../../src/core/nlu/danger-rules.ts';
import { createEmergencyAnswer } from '../../../src/core/nlu/emergency-answer.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();

describe('the article for the danger found', () => {
  const article = (id: string, extra: Partial<Article> = {}): Article => testArticle(id, 'return_registration', extra);
  const articles = [
    article('scam', { danger: ['trafficking'] }),
    article('maid', { danger: ['confinement'], tags: { case: ['domestic'] } }),
    article('harassed', { topic: 'contract_liquidation', danger: ['sexual_abuse'], tags: { case: ['abuse'] } }),
    article('fund-abuse', { topic: 'support_fund', tags: { case: ['abuse'], asks: ['amount'] } }),
  ];
  const selector = createAnswerSelector(articles);
  const answer = createEmergencyAnswer(articles, selector);

  it('is given when the message asked nothing that fits', () => {
    expect(answer(['trafficking'], {}, undefined)?.id).toBe('scam');
    expect(answer(['confinement', 'trafficking'], {}, undefined)?.id).toBe('scam');
    expect(answer(['violence'], {}, undefined)).toBeUndefined();
  });

  it('one written for a case answers only a message that gives the case', () => {
    expect(answer(['confinement'], {}, undefined)).toBeUndefined();
    expect(answer(['confinement'], { case: ['domestic'] }, undefined)?.id).toBe('maid');
  });

  it('gives way to the answer of what was asked, and never contradicts the message', () => {
    const amount = selector.weigh('fund-abuse', { case: ['abuse'], asks: ['amount'] }, 0.45)!;
    expect(answer(['sexual_abuse'], { case: ['abuse'], asks: ['amount'] }, amount)).toBeUndefined();
    expect(answer(['sexual_abuse'], { case: ['abuse'] }, undefined)?.id).toBe('harassed');
    expect(answer(['sexual_abuse'], { case: ['abuse', 'domestic'] }, undefined)?.id).toBe('harassed');
  });

  it('names only kinds the NLU finds', () => {
    const kinds: readonly string[] = DANGER_KINDS;
    const named = content.articles.filter((a) => a.danger);
    expect(named.length).toBeGreaterThanOrEqual(3);
    for (const a of named) for (const k of a.danger!) expect(kinds, `${a.id} ${k}`).toContain(k);
  });
});

describe('the NLU with the shipped content', () => {
  const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

  it('danger told as a story gets its article after the numbers', () => {
    const scam = nlu.understand('người ta hứa việc nhẹ lương cao rồi đưa em sang Lào, giờ bị nhốt không cho về');
    expect(scam.emergency).toContain('trafficking');
    expect(scam.article?.id).toBe('safety-trafficking-scam');
    const maid = nlu.understand('chủ nhà không cho em ra khỏi nhà, em làm giúp việc');
    expect(maid.article?.id).toBe('safety-domestic-worker');
    // Shut in, but not a domestic worker: the numbers, not the domestic workers' article.
    expect(nlu.understand('công ty không cho em ra ngoài, em bị nhốt trong ký túc xá').article).toBeUndefined();
    // A question asked beside the danger keeps its own answer.
    expect(nlu.understand('bị quấy rối, quỹ hỗ trợ bao nhiêu').article?.id).toBe('fund-ended-abuse');
  });

  it('only the words that ask send a question to the lines', () => {
    const story = nlu.understand('chủ chưa gọi lại cho em. Nếu em không đến thì hợp đồng có bị thanh lý không');
    expect(story.intent).toBe('contract_liquidation');
    expect(story.article?.id).toBe('liquidation-steps');
    expect(nlu.understand('hợp đồng hết hạn thì gọi số nào').intent).toBe('hotline');
  });

  it('a claim to check is searched without its hearsay frame', () => {
    expect(nlu.understand('nghe đồn về nước phải báo xã trong 30 ngày, phải không').article?.id).toBe('after-return-reporting');
  });

  it('whom to call for a need: the article that carries the country\'s lines for it, else the lines', () => {
    const korea = nlu.understand('bi no luong o han quoc thi goi so nao');
    expect(korea.article?.id).toBe('unpaid-wages');
    const article = content.articleById.get('unpaid-wages')!;
    expect(article.byCountry?.MY).toBeUndefined();
    const malaysia = nlu.understand('bị nợ lương ở Malaysia gọi số nào');
    expect(malaysia.intent).toBe('hotline');
    expect(malaysia.article).toBeUndefined();
  });

  it('a question the lexicon cannot place is answered by the one topic its tags fit', () => {
    const waiting = nlu.understand('da gan mot nam van chua duoc xuat canh, cong ty co tra ho so khong');
    expect(waiting.article?.id).toBe('sample-contract-example');
    // Said, not asked: nothing is guessed.
    expect(nlu.understand('da gan mot nam van chua duoc xuat canh').article).toBeUndefined();
  });
});
