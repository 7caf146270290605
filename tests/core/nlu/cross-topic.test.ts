// The cross-topic decisions one at a time: which topic the question's own words name
// (asked-topic.ts), and when an article of another topic takes the question (topic-switch.ts).
// Small content of our own, so each decision is seen to move a question — and to leave it.
import { describe, expect, it } from 'vitest';
import type { Article } from '../../../src/core/content/index.ts';
import type { NluOutput } from '../../../src/core/conversation.ts';
import { createAnswerSelector } from '../../../src/core/nlu/answer-select.ts';
import {
  asksForLine,
  asksLineInstead,
  asksOwnTopic,
  asksWhatIf,
  endsWithQuestionWord,
  joinedQuestions,
  lastClauseAsks,
  lastSentenceTopic,
  topicAfterThi,
} from '../../../src/core/nlu/asked-topic.ts';
import { scoreIntents } from '../../../src/core/nlu/intents.ts';
import { analyze } from '../../../src/core/nlu/normalize.ts';
import type { Candidates, Retrieved } from '../../../src/core/nlu/retrieval.ts';
import type { Slots } from '../../../src/core/nlu/slots.ts';
import { createTopicSwitch, type Weighing } from '../../../src/core/nlu/topic-switch.ts';
import { testArticle } from '../../helpers/article.ts';

const tokens = (t: string) => analyze(t).tokens;
const scores = (t: string) => scoreIntents(tokens(t));

describe('asked-topic: what the question itself asks', () => {
  it('a question word at the end asks, politeness after it set aside', () => {
    expect(endsWithQuestionWord(tokens('cho em về sớm được không chị'))).toBe(true);
    expect(endsWithQuestionWord(tokens('em muốn về sớm chị'))).toBe(false);
  });

  it('a question pair asks anywhere in the last clause, not in an earlier one', () => {
    expect(lastClauseAsks(tokens('khi nào thì em được nhận tiền vậy'))).toBe(true);
    expect(lastClauseAsks(tokens('khi nào em đi thì em báo, em cảm ơn'))).toBe(false);
  });

  it("the last sentence's topic wins over the story's, only when the message ends asking", () => {
    const t = tokens('em bị nợ lương 3 tháng, công ty không chịu thanh lý hợp đồng. quỹ có hỗ trợ không?');
    expect(lastSentenceTopic(t, 'contract_liquidation', true)).toBe('support_fund');
    expect(lastSentenceTopic(t, 'contract_liquidation', false)).toBeUndefined();
    expect(lastSentenceTopic(t, 'support_fund', true)).toBeUndefined();
    // One sentence: no story to outweigh.
    expect(lastSentenceTopic(tokens('thanh lý hợp đồng xong quỹ có hỗ trợ không'), 'contract_liquidation', true)).toBeUndefined();
  });

  it('after the last "thì" comes what is asked, when it names a topic strongly', () => {
    expect(topicAfterThi(tokens('chủ nợ lương, không có biên bản thanh lý thì xin quỹ bằng giấy gì'), 'contract_liquidation')).toBe('support_fund');
    // Too few words after it to be a question of their own.
    expect(topicAfterThi(tokens('không có biên bản thanh lý thì quỹ'), 'contract_liquidation')).toBeUndefined();
    // What follows names the same topic.
    expect(topicAfterThi(tokens('công ty phá sản thì thanh lý hợp đồng thế nào'), 'contract_liquidation')).toBeUndefined();
  });

  it('a line is asked for by the words that ask, not by a call in the story', () => {
    expect(asksForLine(tokens('bị trừ lương tăng ca thì gọi số nào'))).toBe(true);
    expect(asksForLine(tokens('công ty chưa gọi gì. nếu em không liên hệ thì công ty có tự thanh lý luôn không'))).toBe(false);
  });

  it('a topic question that asks whom to call becomes a hotline question; the hotline itself does not', () => {
    const t = 'bị trừ lương tăng ca thì gọi số nào';
    expect(asksLineInstead(tokens(t), scores(t), 'contract_liquidation')).toBe(true);
    expect(asksLineInstead(tokens(t), scores(t), 'hotline')).toBe(false);
    const u = 'em muốn thanh lý hợp đồng sớm';
    expect(asksLineInstead(tokens(u), scores(u), 'contract_liquidation')).toBe(false);
  });

  it('a supposition that names the topic weakly is the earlier question for another case', () => {
    const t = 'thế nếu chủ phá sản thì sao';
    expect(asksWhatIf(tokens(t), scores(t), 'support_fund')).toBe(true);
    const named = 'thế nếu quỹ hỗ trợ thì sao';
    expect(asksWhatIf(tokens(named), scores(named), 'support_fund')).toBe(false);
    const plain = 'chủ phá sản rồi';
    expect(asksWhatIf(tokens(plain), scores(plain), 'support_fund')).toBe(false);
  });

  it('two questions joined by "và" in the last sentence are split from the story', () => {
    expect(joinedQuestions('Công ty phá sản. Thanh lý hợp đồng mất bao lâu và quỹ hỗ trợ bao nhiêu')).toEqual({
      story: 'Công ty phá sản. ',
      halves: ['Thanh lý hợp đồng mất bao lâu', 'quỹ hỗ trợ bao nhiêu'],
    });
    // A short half ("em và vợ") is not a question.
    expect(joinedQuestions('em và vợ muốn về nước')).toBeUndefined();
  });

  it('a half counts as its own question only when it names its topic, has an answer and asks', () => {
    const read: NluOutput = { intent: 'support_fund', confidence: 0.8, emergency: [], article: { id: 'f', score: 1 } };
    expect(asksOwnTopic('quỹ hỗ trợ bao nhiêu', read)).toBe(true);
    expect(asksOwnTopic('cần mang giấy tờ gì', read)).toBe(false);
    expect(asksOwnTopic('quỹ hỗ trợ bao nhiêu', { ...read, article: undefined })).toBe(false);
    expect(asksOwnTopic('quỹ hỗ trợ tiền vé', read)).toBe(false);
  });
});

describe('topic-switch: when an article of another topic takes the question', () => {
  const build = (articles: Article[]) => {
    const selector = createAnswerSelector(articles);
    const calm = createAnswerSelector(articles, (a) => !a.danger?.length);
    return { switches: createTopicSwitch(articles, selector, calm), selector, calm };
  };
  const found = (...r: Retrieved[]): Candidates => ({
    best: (topic) => r.filter((x) => topic === undefined || x.id.startsWith(topic)).sort((a, b) => b.quality - a.quality)[0],
    all: () => r,
    looseScore: () => 0,
  });
  const hit = (id: string, quality: number): Retrieved => ({ id, score: 10 * quality, quality });
  const weighing = (w: Partial<Weighing> & { chooser: Weighing['chooser'] }, slots: Slots = {}): Weighing => ({
    retrieved: w.candidates?.all() ?? [],
    candidates: found(),
    slots,
    scores: scores(''),
    danger: false,
    ...w,
  });

  it("a near tie in the lexicon goes to the topic of the article the message nearly is", () => {
    const { switches, calm } = build([testArticle('contract-a', 'contract_liquidation'), testArticle('fund-a', 'support_fund')]);
    const tied = { ...scores(''), contract_liquidation: 3, support_fund: 2 };
    const w = weighing({ chooser: calm, candidates: found(hit('fund-a', 0.8)), scores: tied });
    expect(switches.nearTie(w, 'contract_liquidation')).toMatchObject({ topic: 'support_fund', article: { id: 'fund-a' } });
    expect(switches.nearTie({ ...w, scores: { ...tied, support_fund: 1 } }, 'contract_liquidation')).toBeUndefined();
    expect(switches.nearTie({ ...w, candidates: found(hit('fund-a', 0.6)) }, 'contract_liquidation')).toBeUndefined();
  });

  it("another topic's article that fits far better takes the question, not from no topic without danger", () => {
    const { switches, calm } = build([testArticle('contract-a', 'contract_liquidation'), testArticle('fund-a', 'support_fund')]);
    const w = weighing({ chooser: calm, candidates: found(hit('contract-a', 0.3), hit('fund-a', 0.9)) });
    expect(switches.fitsBetterAcross(w, 'contract_liquidation', hit('contract-a', 0.3))).toMatchObject({ topic: 'support_fund', article: { id: 'fund-a' } });
    expect(switches.fitsBetterAcross(w, 'contract_liquidation', hit('contract-a', 0.8))).toBeUndefined();
    expect(switches.fitsBetterAcross(w, undefined, undefined)).toBeUndefined();
    expect(switches.fitsBetterAcross({ ...w, danger: true }, undefined, undefined)).toMatchObject({ topic: 'support_fund' });
  });

  it("another topic's article its tags fit twice takes a question that has no answer here", () => {
    const deposit = testArticle('contract-deposit', 'contract_liquidation', { tags: { subject: ['deposit'], case: ['bankrupt'] } });
    const { switches, calm } = build([deposit, testArticle('fund-a', 'support_fund', { tags: { case: ['accident'] } })]);
    const w = weighing({ chooser: calm }, { subject: ['deposit'], case: ['bankrupt'] });
    expect(switches.fitsByTagsAcross(w, 'support_fund', undefined)).toMatchObject({ topic: 'contract_liquidation', article: { id: 'contract-deposit' } });
    // Once: the hotline answers by its numbers, so one value the other topic fits is not enough.
    expect(switches.fitsByTagsAcross(weighing({ chooser: calm }, { case: ['bankrupt'] }), 'hotline', undefined)).toBeUndefined();
    expect(switches.fitsByTagsAcross(w, undefined, undefined)).toBeUndefined();
  });

  it('what happened that this topic has no article about goes to the topic that has one', () => {
    const early = testArticle('contract-early', 'contract_liquidation', { tags: { stage: ['not_departed'] } });
    const { switches, calm } = build([early, testArticle('fund-a', 'support_fund')]);
    const w = weighing({ chooser: calm }, { stage: ['not_departed'] });
    expect(switches.situationAcross(w, 'support_fund')).toMatchObject({ topic: 'contract_liquidation', article: { id: 'contract-early' } });
    expect(switches.situationAcross(w, 'hotline')).toBeUndefined();
    // The Fund deals with the stage (another value): it may answer, nothing moves.
    const both = build([early, testArticle('fund-a', 'support_fund', { tags: { stage: ['abroad'] } })]);
    expect(both.switches.situationAcross(weighing({ chooser: both.calm }, { stage: ['not_departed'] }), 'support_fund')).toBeUndefined();
  });

  it("with danger and a call asked for, the article the case's tags fit answers, of any topic but the hotline", () => {
    const { switches, selector } = build([testArticle('return-abuse', 'return_registration', { tags: { case: ['abuse'] } }), testArticle('fund-a', 'support_fund')]);
    expect(switches.dangerByTags(weighing({ chooser: selector, danger: true }, { case: ['abuse'] }))).toMatchObject({ topic: 'return_registration', article: { id: 'return-abuse' } });
    expect(switches.dangerByTags(weighing({ chooser: selector, danger: true }, { case: ['accident'] }))).toBeUndefined();
  });

  it("a need asked whom to call about is answered by the article with that country's lines", () => {
    const lines = { TW: { vi: 'gọi', en: 'call' } };
    const wages = testArticle('contract-wages', 'contract_liquidation', { tags: { case: ['unpaid_wages'], scheme: ['eps'] }, byCountry: lines } as Partial<Article>);
    const { switches } = build([wages]);
    expect(switches.needAnswer({ case: ['unpaid_wages'] }, 'TW')).toMatchObject({ id: 'contract-wages' });
    expect(switches.needAnswer({ case: ['unpaid_wages'] }, 'JP')).toBeUndefined();
    expect(switches.needAnswer({ case: ['unpaid_wages'], scheme: ['ips'] }, 'TW')).toBeUndefined();
  });

  it("a message the lexicon could not place that nearly is an article's question takes its topic", () => {
    const { switches, calm } = build([testArticle('return-a', 'return_registration')]);
    expect(switches.nearlyAQuestion(weighing({ chooser: calm, candidates: found(hit('return-a', 0.95)) }))).toMatchObject({ topic: 'return_registration' });
    expect(switches.nearlyAQuestion(weighing({ chooser: calm, candidates: found(hit('return-a', 0.8)) }))).toBeUndefined();
  });

  it("what happened that only one topic's articles are tagged for places the question there; two topics do not", () => {
    const a = testArticle('contract-early', 'contract_liquidation', { tags: { stage: ['not_departed'] } });
    const one = build([a, testArticle('fund-a', 'support_fund')]);
    expect(one.switches.onlyTopicByTags(weighing({ chooser: one.calm }, { stage: ['not_departed'] }))).toMatchObject({ topic: 'contract_liquidation' });
    const two = build([a, testArticle('fund-early', 'support_fund', { tags: { stage: ['not_departed'] } })]);
    expect(two.switches.onlyTopicByTags(weighing({ chooser: two.calm }, { stage: ['not_departed'] }))).toBeUndefined();
  });

  it('a supposition after an earlier question is read in the earlier topic when an article there fits its case', () => {
    const { switches, calm } = build([
      testArticle('contract-bankrupt', 'contract_liquidation', { tags: { case: ['bankrupt'] } }),
      testArticle('contract-accident', 'contract_liquidation', { tags: { case: ['accident'] } }),
    ]);
    const t = 'thế nếu chủ phá sản thì sao';
    const w = weighing({ chooser: calm, scores: scores(t) }, { case: ['bankrupt'] });
    const earlier = { topic: 'contract_liquidation', slots: { case: ['accident'] } };
    expect(switches.whatIfEarlier(w, tokens(t), 'support_fund', earlier)).toMatchObject({ topic: 'contract_liquidation', article: { id: 'contract-bankrupt' } });
    expect(switches.whatIfEarlier(w, tokens('chủ phá sản rồi'), 'support_fund', earlier)).toBeUndefined();
    expect(switches.whatIfEarlier({ ...w, slots: { case: ['fire'] } }, tokens(t), 'support_fund', earlier)).toBeUndefined();
    expect(switches.whatIfEarlier(w, tokens(t), 'support_fund', undefined)).toBeUndefined();
  });

  it("a follow-up adds to the earlier question's case, when it says something of its own", () => {
    const { switches, calm } = build([
      testArticle('contract-deposit', 'contract_liquidation', { tags: { subject: ['deposit'] } }),
      testArticle('contract-deposit-eps', 'contract_liquidation', { tags: { subject: ['deposit'], scheme: ['eps'] } }),
    ]);
    const earlier = { topic: 'contract_liquidation', slots: { subject: ['deposit'] } };
    expect(switches.followUp(weighing({ chooser: calm }, { scheme: ['eps'] }), earlier)).toEqual({ id: 'contract-deposit-eps', topic: 'contract_liquidation' });
    // "cảm ơn ạ": nothing of its own, not the question again.
    expect(switches.followUp(weighing({ chooser: calm }), earlier)).toBeUndefined();
  });
});
