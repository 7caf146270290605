// Understanding through the real engine (content, NLU, flows, locales): a question typed the way
// workers type it — no diacritics, abbreviations, the first message of the chat — reaches the right
// answer; danger reaches the emergency numbers and a person. Expectations come from content/.
import { afterEach, describe, expect, it } from 'vitest';
import { hotlineNumber, hotlinesFor, sourceText, urgentLines } from '../../../src/core/content/index.ts';
import { MemoryStore } from '../../../src/store/memory.ts';
import { testEngine, text, type TestEngine } from '../../helpers/engine.ts';

let engine: TestEngine | undefined;
afterEach(async () => {
  await engine?.close();
  engine = undefined;
});

const said = async (e: TestEngine, user: string, message: string) => (await e.say(user, text(message))).map((m) => m.text).join('\n');
/** A line of an article's answer that only that article has (headings like "Việc cần làm:" are shared). */
const ownLine = (e: TestEngine, id: string, locale: 'vi' | 'en') => {
  const others = e.content.articles.filter((a) => a.id !== id).map((a) => a.answer[locale]);
  return e.content.articleById
    .get(id)!
    .answer[locale].split('\n')
    .find((l) => l.length > 30 && !l.includes('{{') && others.every((o) => !o.includes(l)));
};
const opening = (e: TestEngine, id: string, locale: 'vi' | 'en') => {
  const line = ownLine(e, id, locale);
  expect(line, `a line of its own in ${id}`).toBeDefined();
  return line!;
};

describe('typed questions reach the right answer', () => {
  it('"cho e hoi thu tuc thanh ly hd" answers how to liquidate the contract, with its source', async () => {
    engine = await testEngine(new MemoryStore());
    const reply = await said(engine, 'u1', 'cho e hoi thu tuc thanh ly hd');
    const article = engine.content.articleById.get('liquidation-steps')!;
    expect(article.topic).toBe('contract_liquidation');
    expect(reply).toContain(opening(engine, 'liquidation-steps', 'vi'));
    expect(reply).toContain(sourceText(article.source, 'vi'));
  });

  it('"so dien thoai dai su quan o han" gives the numbers for Korea without asking the country', async () => {
    engine = await testEngine(new MemoryStore());
    const reply = await said(engine, 'u2', 'so dien thoai dai su quan o han');
    const book = hotlinesFor(engine.content, 'KR');
    expect(book.mission.length + book.emergency.length).toBeGreaterThan(0);
    for (const h of [...book.emergency, ...book.mission]) expect(reply).toContain(h.label.vi);
  });

  it('"bi chu danh" is an emergency: the 24/7 line and a priority hand-off, at once', async () => {
    engine = await testEngine(new MemoryStore());
    const reply = await said(engine, 'u3', 'bi chu danh');
    for (const h of urgentLines(engine.content)) expect(reply).toContain(h.label.vi);
    const [h] = await engine.handoff.list();
    expect(h).toMatchObject({ priority: 'emergency', reason: 'emergency' });
  });

  it('a question in the middle of another topic is answered; danger mid-question still comes first', async () => {
    engine = await testEngine(new MemoryStore());
    await engine.conversations.preset({ channel: 'test', account: 'a', user: 'u4' }, { locale: 'vi', country: 'TW' });
    await said(engine, 'u4', 'quy ho tro');
    const reply = await said(engine, 'u4', 'mat ho chieu roi thi lam sao');
    expect(reply).toContain(opening(engine, 'passport-lost', 'vi'));
    const danger = await said(engine, 'u4', 'cuu em, chu nha nhot em trong phong');
    for (const h of urgentLines(engine.content, 'TW', undefined, ['confinement'])) expect(danger).toContain(h.label.vi);
    expect((await engine.handoff.list())[0]).toMatchObject({ priority: 'emergency', country: 'TW' });
  });

  it('English is answered in English', async () => {
    engine = await testEngine(new MemoryStore());
    const reply = await said(engine, 'u5', 'how do I get my deposit back from the company');
    expect(reply).toContain(opening(engine, 'deposit-refund', 'en'));
  });

  it('something the bot does not know is not answered with an article', async () => {
    engine = await testEngine(new MemoryStore());
    await engine.conversations.preset({ channel: 'test', account: 'a', user: 'u6' }, { locale: 'vi', country: 'JP' });
    await said(engine, 'u6', 'menu');
    const reply = await said(engine, 'u6', 'gia vang hom nay');
    for (const a of engine.content.articles) {
      const line = ownLine(engine, a.id, 'vi');
      if (line) expect(reply).not.toContain(line);
    }
    expect(reply).toContain(engine.translate('vi', 'fallback.notUnderstood'));
  });
});

// Never ask what the message already said: a first message that names the place (a country or a
// city) and asks one of these things gets its answer in the first reply, with no question before it.
describe('a first message naming the place and the question is answered at once', () => {
  const cases: [string, string, string][] = [
    ['ở Đài Loan bị công ty đòi tiền môi giới như vậy có hợp pháp không', 'brokerage-fee-banned', 'vi'],
    ['em ở Osaka, về sớm muốn xin quỹ hỗ trợ thì cần chuẩn bị giấy tờ gì', 'fund-papers', 'vi'],
    ['di Han EPS dien uu tien thi vay tien ky quy o dau', 'eps-deposit', 'vi'],
    ['em ở Nhật, làm hộ chiếu rút gọn mất mấy ngày', 'emergency-passport', 'vi'],
    ['I work in Taiwan, is it legal for my agency to charge a broker fee', 'brokerage-fee-banned', 'en'],
  ];
  it.each(cases)('"%s" → %s', async (message, id, locale) => {
    engine = await testEngine(new MemoryStore());
    const [first] = await engine.say('first', text(message));
    expect(first?.text).toContain(opening(engine, id, locale as 'vi' | 'en'));
    expect(first?.text).not.toContain(engine.translate(locale as 'vi' | 'en', 'country.prompt'));
  });

  it('"em ở Dubai, số whatsapp đại sứ quán là gì" gives the UAE mission lines, the city read as the country', async () => {
    engine = await testEngine(new MemoryStore());
    const [first] = await engine.say('dubai', text('em ở Dubai, số whatsapp đại sứ quán là gì'));
    const mission = hotlinesFor(engine.content, 'AE').mission;
    expect(mission.length).toBeGreaterThan(1);
    for (const h of mission) expect(first?.text).toContain(hotlineNumber(h));
  });
});
