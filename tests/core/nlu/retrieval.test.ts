// Article retrieval and its calibration. The articles are data that grows: expectations are derived
// from content/ where they can be (every question an article lists must find that article), and the
// rest are paraphrases nobody wrote into the articles, messages of another topic, and messages about
// nothing the bot knows, which must find no article at all.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { RETRIEVAL, contentWords, createRetriever } from '../../../src/core/nlu/retrieval.ts';

const content = loadContent();
const retriever = createRetriever(content.articles);
const nlu = createNlu({ articles: content.articles, countries: content.countries });
const topicOf = (id: string) => content.articleById.get(id)?.topic;

describe('each article is found by its own questions', () => {
  const cases = content.articles.flatMap((a) => [
    ...a.questions.vi.map((q) => ({ id: a.id, topic: a.topic, q, lang: 'vi' as const })),
    ...a.questions.en.map((q) => ({ id: a.id, topic: a.topic, q, lang: 'en' as const })),
  ]);

  it('content has questions to test', () => {
    expect(cases.length).toBeGreaterThan(content.articles.length);
  });

  it('within its topic, every question finds its article (or one that lists the same question)', () => {
    const misses: string[] = [];
    for (const c of cases) {
      const got = retriever.best(c.q, c.topic);
      if (got?.id === c.id) continue;
      // Two articles may list the same question (same content words): either answers it.
      const same = contentWords(c.q, c.lang).join(' ');
      const twin = got && content.articleById.get(got.id)!.questions[c.lang].some((q) => contentWords(q, c.lang).join(' ') === same);
      if (!twin) misses.push(`${c.id}: "${c.q}" → ${got?.id ?? 'none'}`);
    }
    expect(misses).toEqual([]);
  });
});

describe('paraphrases find the right article', () => {
  it.each([
    ['cho e hoi thu tuc thanh ly hd', 'liquidation-steps'],
    ['hop dong xong roi thi thanh ly o dau vay', 'liquidation-steps'],
    ['lam the nao de lay lai tien ky quy', 'deposit-refund'],
    ['cty giu tien ky quy khong tra', 'deposit-refund'],
    ['ky quy eps 100 trieu lay lai', 'eps-deposit'],
    ['chu no luong thi lam sao', 'unpaid-wages'],
    ['mat ho chieu o nuoc ngoai', 'passport-lost'],
    ['lam mat passport roi', 'passport-lost'],
    ['giay thong hanh la gi', 'thong-hanh'],
    ['ve que roi co phai khai bao voi xa khong', 'after-return-reporting'],
    ['chu giu ho chieu cua em', 'passport-kept-by-employer'],
    ['dang ky ve nuoc nhu the nao', 'return-register'],
    ['muc dong quy la bao nhieu', 'fund-contributions'],
    ['nguoi lao dong chet thi gia dinh duoc ho tro gi', 'fund-death-missing'],
    ['quy co ho tro hoc nghe khong', 'fund-retraining'],
    ['nop ho so xin ho tro quy o dau', 'fund-how-to-apply'],
    ['how do I get my deposit back from the company', 'deposit-refund'],
    ['my passport is lost', 'passport-lost'],
    ['how much do I pay into the fund', 'fund-contributions'],
  ])('%s → %s', (text, id) => {
    // The article exists (a renamed article should be renamed here too).
    expect(topicOf(id), id).toBeDefined();
    const out = nlu.understand(text);
    expect(out.intent).toBe(topicOf(id));
    expect(out.article?.id).toBe(id);
  });
});

describe('no article when none fits', () => {
  it.each([
    'giá vàng hôm nay',
    'bóng đá tối nay',
    'thời tiết Tokyo hôm nay',
    'cách nấu phở bò',
    'học tiếng Nhật ở đâu tốt',
    'em muốn mua iphone',
    'recommend a restaurant',
    'what is the weather in tokyo',
    'tell me a joke',
    'việc hàn xì có nguy hiểm không',
    'chào bạn',
    'hi ad',
    'asdfgh',
  ])('nothing we know: %s', (text) => {
    expect(retriever.best(text)).toBeUndefined();
    expect(nlu.understand(text).article).toBeUndefined();
  });

  it.each([
    // hotlines and a person have no articles: the flow shows numbers or hands over
    'so dien thoai dai su quan o han',
    'hotline o dai loan',
    'đại sứ quán ở UAE ở đâu',
    'gặp cán bộ lãnh sự',
    'cho e xin gặp ai đó để hỏi',
  ])('not an article question: %s', (text) => {
    expect(nlu.understand(text).article).toBeUndefined();
  });

  it.each([
    // a question of one topic, searched within another
    ['mat ho chieu o nuoc ngoai', 'contract_liquidation'],
    ['muc dong quy la bao nhieu', 'contract_liquidation'],
    ['giay thong hanh la gi', 'support_fund'],
    ['chu no luong thi lam sao', 'return_registration'],
    ['thủ tục thanh lý hợp đồng', 'support_fund'],
    ['đăng ký về nước', 'support_fund'],
  ])('another topic: %s within %s', (text, topic) => {
    expect(retriever.best(text, topic)).toBeUndefined();
  });

  it('an article always belongs to the topic answered', () => {
    for (const text of ['bị ngược đãi có được chấm dứt hợp đồng trước hạn không', 'bị giữ hộ chiếu và không cho về', 'phải về sớm vì chủ phá sản có được hỗ trợ', 'em muốn về Việt Nam']) {
      const out = nlu.understand(text);
      if (out.article) expect([out.intent, out.topicIntent]).toContain(topicOf(out.article.id));
    }
  });

  it('keeps its calibration in one place', () => {
    expect(RETRIEVAL.minQueryCoverage).toBeGreaterThanOrEqual(0.5);
    expect(RETRIEVAL.minDocCoverage).toBeGreaterThanOrEqual(0.5);
    expect(RETRIEVAL.minQuality).toBeGreaterThanOrEqual(0.5);
  });
});
