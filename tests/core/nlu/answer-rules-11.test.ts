// The rules of answer choice learned from held-out-11, each on sentences of its own (none in a
// fixture): the household employer's names say the domestic case, danger of no known kind is the
// danger of the case an article is written for, "ve som" typed bare is an early return and not a
// ticket, who pays the lawyer is the Fund's legal costs, going to the commune police is the
// residence report, the trainee system said to be ending is that system, and whom to call about a
// need is answered with the lines of the country the conversation knows, though the message names none.
import { describe, expect, it } from 'vitest';
import { testArticle } from '../../helpers/article.ts';
import { loadContent, type Article } from '../../../src/core/content/index.ts';
import { createAnswerSelector } from '../../../src/core/nlu/answer-select.ts';
import { createEmergencyAnswer } from '../../../src/core/nlu/emergency-answer.ts';
import { createNlu, perMessage } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

describe('the emergency answer for danger of no known kind', () => {
  const article = (id: string, extra: Partial<Article> = {}): Article => testArticle(id, 'return_registration', extra);
  const articles = [article('maid', { danger: ['confinement'], tags: { case: ['domestic'] } }), article('scam', { danger: ['trafficking'] })];
  const answer = createEmergencyAnswer(articles, createAnswerSelector(articles));

  it('is the article of the case the message gives', () => {
    expect(answer(['danger'], { case: ['domestic'] }, undefined)?.id).toBe('maid');
  });

  it('is none when no case says which', () => {
    expect(answer(['danger'], {}, undefined)).toBeUndefined();
    // An article without a case is not guessed from danger of no kind.
    expect(answer(['danger'], { case: ['accident'] }, undefined)).toBeUndefined();
  });
});

describe('the rules on the shipped content', () => {
  it('madam, baba and the employer\u2019s house say a domestic worker', () => {
    for (const text of ['madam tát em vì làm đổ nước', 'ông baba ở Riyadh đánh em hoài', 'ở nhà chủ em sợ lắm, không an toàn chút nào']) {
      const out = nlu.understand(text);
      expect(out.slots?.case, text).toContain('domestic');
      expect(out.emergency.length, text).toBeGreaterThan(0);
      expect(out.article?.id, text).toBe('safety-domestic-worker');
    }
  });

  it('a restaurant owner or a landlord is not a household employer', () => {
    expect(nlu.understand('chủ nhà hàng đánh em vì làm vỡ ly').slots?.case ?? []).not.toContain('domestic');
    expect(nlu.understand('chủ nhà trọ giữ tiền cọc không trả').slots?.case ?? []).not.toContain('domestic');
  });

  it('a calm question of a domestic worker still gets its own answer', () => {
    expect(nlu.understand('madam đi du lịch cả tháng, em có được về phép không').emergency).toEqual([]);
  });

  it('"ve som" typed bare is an early return; a ticket needs its verb or "vé về"', () => {
    expect(nlu.understand('em ve som vi benh, hoc nghe co duoc quy ho tro khong').slots?.subject ?? []).not.toContain('ticket');
    expect(nlu.understand('nên mua vé sớm trước mấy tuần').slots?.subject).toContain('ticket');
  });

  it('who pays the lawyer is the Fund\u2019s legal costs, whatever the dispute says', () => {
    for (const text of ['chủ quỵt 3 tháng lương, em định kiện, ai trả tiền luật sư cho em', 'phí luật sư khi kiện công ty có được hỗ trợ không']) {
      expect(nlu.understand(text).article?.id, text).toBe('fund-legal-costs');
    }
  });

  it('going to the commune police after coming home is the residence report', () => {
    expect(nlu.understand('mới về quê, có cần lên công an phường báo không').article?.id).toBe('after-return-reporting');
  });

  it('the trainee system said to be ending is that system', () => {
    expect(nlu.understand('thực tập sinh sắp bị bỏ thật không, rồi đi theo diện gì').article?.id).toBe('jp-trainee-system-change');
  });
});

describe('whom to call about a need, the country known from the conversation', () => {
  const text = 'chủ quỵt lương 2 tháng rồi, em gọi số nào để được giúp';

  it('is the need’s article with that country’s lines', () => {
    expect(nlu.understand(text, { country: 'JP' }).article?.id).toBe('unpaid-wages');
    expect(nlu.understand('công ty nợ lương 3 tháng, gọi số nào', { country: 'KR' }).article?.id).toBe('unpaid-wages');
  });

  it('is the list of lines when no country is known', () => {
    const out = nlu.understand(text);
    expect(out.intent).toBe('hotline');
    expect(out.article).toBeUndefined();
  });

  it('is kept apart per country by the engine’s reading', () => {
    let calls = 0;
    const engine = perMessage({ understand: (t, e) => (calls++, nlu.understand(t, e)) });
    expect(engine.understand(text, { country: 'JP' }).article?.id).toBe('unpaid-wages');
    expect(engine.understand(text).article).toBeUndefined();
    engine.understand(text, { country: 'KR' });
    engine.understand(text, { country: 'JP' });
    expect(calls).toBe(3);
  });
});

describe('an office\u2019s number asked for by the office', () => {
  it('is a line asked, while the office named alone is not', () => {
    expect(nlu.understand('xin số văn phòng lao động ở Cao Hùng, có ai nói tiếng Việt không').intent).toBe('hotline');
    expect(nlu.understand('văn phòng lao động ở Đài Trung làm việc mấy giờ').intent).not.toBe('hotline');
  });
});
