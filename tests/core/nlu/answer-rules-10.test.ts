// The rules of answer choice learned from held-out-10's second round, each on sentences of its own
// (none in a fixture), both ways: what the worker gets in a case, sent home by the employer, the
// clause that asks settling a tie, an answer by tags about a subject nobody asked, filed from home
// for someone abroad, not yet flown, the trainee system's new name.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { askingClause } from '../../../src/core/nlu/asking-clause.ts';
import { scoreIntents } from '../../../src/core/nlu/intents.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { analyze } from '../../../src/core/nlu/normalize.ts';
import { aboutUnaskedSubject } from '../../../src/core/nlu/unasked-subject.ts';
import { kindsOf } from './read-danger.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots, dangerClassifier: null });
const read = (text: string) => nlu.understand(text);

describe('"quyền lợi", "được hưởng những gì" ask what the worker gets, not whether a thing is allowed', () => {
  it.each([
    ['xưởng bên em giải thể, cả tổ phải về nước sớm, vậy em có quyền lợi gì không', 'early-employer-closed'],
    ['bi benh tim phai ve truoc han thi duoc huong nhung gi vay', 'early-illness-accident'],
  ])('%s', (text, id) => {
    const out = read(text);
    expect(out.slots?.asks).toContain('entitlement');
    expect(out.slots?.asks ?? []).not.toContain('right');
    expect(out.article?.id).toBe(id);
  });
  it('no case told: the worker\'s rights', () => {
    expect(read('đi làm bên Đài thì người lao động có những quyền lợi gì').article?.id).toBe('worker-rights');
  });
  it('"quyền" alone still asks whether it is allowed', () => {
    expect(read('em có quyền tự bỏ hợp đồng không').slots?.asks).toContain('right');
  });
});

describe('sent home by the employer is an early end; not allowed home is not', () => {
  it('"chủ cho về nước" is early', () => {
    expect(read('chủ cho về nước vì hết đơn hàng, giờ tiền cọc tính sao').slots?.ended).toEqual(['early']);
  });
  it('"chủ không cho về" is no early end', () => {
    expect(read('chủ không cho về nước dù em đã xin nhiều lần').slots?.ended).toBeUndefined();
  });
});

describe('two topics nearly tied: the clause that asks names the one asked', () => {
  const at = (text: string) => {
    const tokens = analyze(text).tokens;
    const scores = scoreIntents(tokens);
    return askingClause(tokens, scores, 'contract_liquidation')?.topic;
  };
  it('the return asked, the contract\'s end as the reason', () => {
    expect(at('đăng ký về nước ở đâu vậy chị, hợp đồng của em hết hạn rồi')).toBe('return_registration');
    expect(read('làm sao để đăng ký về nước với lãnh sự, e làm hết hđ rồi').article?.id).toBe('return-register');
  });
  it('the answer the whole message does not find, the asking clause alone does', () => {
    expect(read('làm sao đăng ký về nước vậy ạ, em làm hết hợp đồng 3 năm rồi, chủ không gia hạn thêm').article?.id).toBe('return-register');
  });
  it('one clause only, or the asking clause naming both: the lexicon stands', () => {
    expect(at('hết hđ rồi thì đăng ký về nước ở đâu')).toBeUndefined();
    expect(at('thanh lý hợp đồng ở đâu, đăng ký về nước xong rồi')).toBeUndefined();
  });
});

describe('an answer found by tags about a subject nobody asked gives way to the situation', () => {
  it('the passport kept till the contract\'s end is the kept passport, not the deposit', () => {
    expect(read('cty phái cử cầm hộ chiếu của tôi, bảo làm hết hợp đồng mới đưa lại').article?.id).toBe('passport-kept-by-employer');
  });
  it('a picked article with questions of its own, or the subject given, is kept', () => {
    const articles = content.articles;
    expect(aboutUnaskedSubject(articles, { id: 'deposit-refund', score: 0, quality: 0.45, byTags: true } as never, { ended: ['term'] })).toBe(true);
    expect(aboutUnaskedSubject(articles, { id: 'deposit-refund', score: 0, quality: 0.45, byTags: true } as never, { subject: ['deposit'] })).toBe(false);
    expect(aboutUnaskedSubject(articles, { id: 'deposit-refund', score: 10, quality: 0.8 }, { ended: ['term'] })).toBe(false);
  });
});

describe('filed from home for someone abroad is a proxy', () => {
  it('the emergency passport, not the lost one', () => {
    const out = read('chồng tôi bên Nhật bị mất hộ chiếu, tôi ở quê có nộp giấy tờ giúp được không');
    expect(out.slots?.asks).toContain('proxy');
    expect(out.article?.id).toBe('emergency-passport');
  });
  it('the worker alone asking where: the lost passport', () => {
    expect(read('mình làm mất hộ chiếu bên Hàn, giờ làm lại ở đâu').article?.id).toBe('passport-lost');
  });
});

describe('not yet flown is still waiting to be sent', () => {
  it.each(['nộp tiền cho công ty nửa năm rồi mà vẫn chưa cho bay, đòi lại được không', 'cty thu tien roi ma chua cho di, lam sao lay lai'])('%s', (text) => {
    expect(read(text).slots?.stage).toEqual(['waiting']);
  });
});

describe('the trainee system\'s new name is the trainee system', () => {
  it.each(['chế độ ikusei shūrō bắt đầu từ khi nào', 'dục thành tựu lao khác thực tập sinh chỗ nào'])('%s', (text) => {
    const out = read(text);
    expect(out.slots?.subject).toEqual(['trainee_system']);
    expect(out.article?.id).toBe('jp-trainee-system-change');
  });
});

describe('home because of the harm, said first, is over: the question is answered', () => {
  it.each(['vợ tôi làm ở Đài về trước hạn vì bị chủ đánh, giờ làm hồ sơ quỹ cần gì', 'chị ấy đã về nước vì bị quản lý đánh, có được đòi bồi thường không'])('%s', (text) => {
    expect(kindsOf(text)).toEqual([]);
  });
  it.each(['em muốn về sớm vì bị chủ đánh hoài', 'chị về sớm vì bị chủ đánh, giờ vẫn còn bị nhốt trong nhà'])('wished, or harm still going on, stays danger: %s', (text) => {
    expect(kindsOf(text).length).toBeGreaterThan(0);
  });
  it('the Fund for the abuse, not the emergency', () => {
    const out = read('em gái tôi giúp việc ở Kuwait về sớm vì bị chủ đánh, không có biên bản thanh lý thì xin quỹ được không');
    expect(out.emergency).toEqual([]);
    expect(out.article?.id).toBe('fund-ended-abuse');
  });
});

describe('the lure of an online job across a border is the scam', () => {
  it('the place is where the job is, the case is the scam', () => {
    expect(read('có người quen rủ sang Lào làm online, bao vé, có nên đi không').slots?.case).toEqual(['scam']);
  });
  it('online work at home is not', () => {
    expect(read('em làm online bán hàng ở nhà, lương cũng được').slots?.case).toBeUndefined();
  });
});

describe('a subject told as settled is the story, not what is asked', () => {
  it('"công ty đã trả lại ký quỹ rồi" gives no subject', () => {
    const out = read('em về nước rồi, công ty đã trả lại ký quỹ rồi, giờ nộp hồ sơ quỹ ở đâu');
    expect(out.slots?.subject).toBeUndefined();
    expect(out.slots?.settled).toEqual(['deposit']);
  });
  it('the deposit asked still is the subject', () => {
    expect(read('công ty chưa trả ký quỹ, em đòi thế nào').slots?.subject).toEqual(['deposit']);
  });
});
