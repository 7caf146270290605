// Conversations through the real engine (content, NLU, flows, memory store): a question that says
// what it asks gets its answer in the first reply, not the tree's first question; a follow-up is
// read with the case of the question before it; danger with a question gets the numbers and then
// that question's answer. Each phrasing here is new (none is in an answers file).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/index.ts';
import { createNlu } from '../../src/core/nlu/index.ts';
import { MemoryStore } from '../../src/store/memory.ts';
import { testEngine, text, type TestEngine } from '../helpers/engine.ts';

let engine: TestEngine;
let users = 0;

beforeAll(async () => {
  engine = await testEngine(new MemoryStore());
});
afterAll(async () => {
  await engine.close();
});

/** A new user, past onboarding, saying each message in turn; returns every reply's text per message. */
async function talk(country: string | undefined, ...messages: string[]): Promise<string[]> {
  const user = `answer-${++users}`;
  await engine.conversations.preset({ channel: 'test', account: 'a', user }, { locale: 'vi', ...(country ? { country } : {}) });
  const out: string[] = [];
  for (const m of messages) out.push((await engine.say(user, text(m))).map((r) => r.text).join('\n'));
  return out;
}

describe('the question that says what it asks is answered first', () => {
  it('whether it is still in time, home for weeks: the liquidation deadline, not "how did it end?"', async () => {
    const [reply] = await talk(undefined, 'mới về quê được 5 tuần, chưa làm thanh lý với công ty, bây giờ có kịp không');
    expect(reply).toContain('180 ngày');
    expect(reply).not.toContain('Hợp đồng của bạn kết thúc thế nào?');
  });

  it('not paid into the Fund: its rules, not "did you pay into the Fund?"', async () => {
    const [reply] = await talk(undefined, 'hồi đi em chưa nộp tiền quỹ, giờ về có được hỗ trợ gì không');
    expect(reply).toContain('đóng đủ');
    expect(reply).not.toContain('bạn đã đóng tiền vào Quỹ');
  });

  it('sent online from abroad: how to apply', async () => {
    const [reply] = await talk('JP', 'hồ sơ đề nghị quỹ em gửi online từ bên này được không');
    expect(reply).toContain('trực tuyến');
  });

  it('registered twice: the answer comes before the ways on', async () => {
    const [reply] = await talk('MY', 'lỡ đăng ký về nước 2 lần thì có bị sao không ạ');
    expect(reply).toContain('một lần');
  });
});

describe('a follow-up is read with the question before it', () => {
  it('a passport dropped in a city abroad, then how long: the emergency passport’s days', async () => {
    const [first, second] = await talk(undefined, 'hôm qua em đánh rơi hộ chiếu ở Fukuoka', 'làm lại thì bao lâu mới có ạ');
    expect(first).not.toContain('Bạn đang ở đâu?');
    expect(second).toContain('2 ngày làm việc');
  });

  it('the deposit, then the scheme: the EPS deposit, from the Centre', async () => {
    const [, second] = await talk(undefined, 'muốn lấy lại tiền ký quỹ thì làm thế nào', 'em đi Hàn diện EPS');
    expect(second).toContain('Trung tâm Lao động ngoài nước');
  });

  it('a thanks after an answer is not the answer again', async () => {
    const [first, second] = await talk(undefined, 'muốn lấy lại tiền ký quỹ thì làm thế nào', 'dạ em cảm ơn ạ');
    expect(first).toContain('ký quỹ');
    expect(second).not.toContain('hoàn tiền ký quỹ');
  });
});

describe('danger with a question: the numbers, then its answer', () => {
  it('beaten and shut in, may I end the contract: the right to end it', async () => {
    const [reply] = await talk('KR', 'tổ trưởng đấm em rồi khoá cửa phòng không cho ra, vậy em có quyền bỏ hợp đồng không');
    expect(reply).toContain('112');
    expect(reply).toContain('đơn phương');
  });

  it('sexual abuse at night, may I go home: the answer written for it', async () => {
    const [reply] = await talk('SA', 'tối nào chủ cũng lẻn vào phòng em, em có được về không');
    expect(reply).toContain('911');
    expect(reply).toContain('quấy rối tình dục');
  });
});

describe('the understanding behind it', () => {
  const content = loadContent();
  const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

  it('danger done to the worker is the abuse case, unless the question names a subject of its own', () => {
    expect(nlu.understand('quản lý đánh em chảy máu mũi, em có được chấm dứt hợp đồng không').slots?.case).toEqual(['abuse']);
    expect(nlu.understand('em có được chấm dứt hợp đồng không').slots?.case).toBeUndefined();
  });

  it('an article written for another kind of danger is not the answer', () => {
    const out = nlu.understand('chủ đấm em sưng mặt, em có quyền nghỉ hợp đồng không');
    expect(out.emergency).toContain('violence');
    expect(out.article?.id).not.toBe('safety-sexual-harassment');
  });

  it('a follow-up adds to the earlier case only when it says something of its own', () => {
    const earlier = { topic: 'contract_liquidation', slots: { subject: ['deposit'] } };
    expect(nlu.understand('em đi theo EPS', earlier).followUp?.id).toBe('eps-deposit');
    expect(nlu.understand('ok cảm ơn', earlier).followUp).toBeUndefined();
    // Words of another matter do not bring the earlier answer back by its case alone.
    expect(nlu.understand('em bị mất ví', earlier).followUp).toBeUndefined();
    const lost = { topic: 'return_registration', slots: { passport: ['lost'], stage: ['abroad'] } };
    expect(nlu.understand('cần mang những giấy gì', lost).followUp?.id).toBe('emergency-passport');
    // Alone, the same words are no follow-up of a deposit question.
    expect(nlu.understand('em đi theo EPS').followUp?.id).not.toBe('eps-deposit');
  });
});
