// What the message already said is never asked back: a place abroad answers "where are you now?",
// a slot the tree asks about is taken from the message, a follow-up goes on with the case of the
// question before it, and the runner tells the engine what the conversation was asking about.
import { describe, expect, it } from 'vitest';
import { createFlowRunner, type FlowDeps } from '../../flows/index.ts';
import { prefilledPosition, withPlace } from '../../flows/prefill.ts';
import type { DialogueTree } from '../../flows/dialogue.ts';
import type { Effect, FlowEvent, FlowState } from '../../src/core/effects.ts';
import { understood } from './fixtures.ts';

const going: DialogueTree = {
  id: 'return_registration',
  start: 'where',
  nodes: {
    where: {
      ask: { vi: 'Bạn đang ở đâu?', en: 'Where are you?' },
      options: [
        { id: 'abroad', label: { vi: 'Nước ngoài', en: 'Abroad' }, next: 'passport', when: ['stage=abroad'] },
        { id: 'home', label: { vi: 'Đã về', en: 'Home' }, next: 'home', when: ['stage=returned'] },
      ],
    },
    passport: {
      ask: { vi: 'Hộ chiếu ở đâu?', en: 'Your passport?' },
      options: [
        { id: 'have', label: { vi: 'Còn giữ', en: 'I have it' }, next: 'have' },
        { id: 'lost', label: { vi: 'Bị mất', en: 'Lost' }, next: 'lost', when: ['passport=lost'] },
      ],
    },
    have: { answer: ['reg-have'] },
    lost: { answer: ['reg-lost'] },
    home: { answer: ['reg-home'] },
  },
};

const fund: DialogueTree = {
  id: 'support_fund',
  start: 'paid',
  nodes: {
    paid: {
      ask: { vi: 'Bạn đã đóng Quỹ chưa?', en: 'Did you pay into the Fund?' },
      options: [
        { id: 'paid', label: { vi: 'Đã đóng', en: 'Yes' }, next: 'case', when: ['paid=yes'] },
        { id: 'unpaid', label: { vi: 'Chưa đóng', en: 'No' }, next: 'not-paid', when: ['paid=no'] },
      ],
    },
    case: {
      ask: { vi: 'Lý do nào?', en: 'Which reason?' },
      options: [{ id: 'accident', label: { vi: 'Tai nạn', en: 'Accident' }, next: 'accident', when: ['case=accident'] }],
    },
    'not-paid': { answer: ['fund-unpaid'] },
    accident: { answer: ['fund-accident'] },
  },
};

const deps: FlowDeps = {
  dialogues: new Map([
    ['return_registration', going],
    ['support_fund', fund],
  ]),
  countryChoices: [{ code: 'JP', label: { vi: 'Nhật Bản', en: 'Japan' } }],
};
const runner = createFlowRunner(deps);

function conversation(initial: FlowState = {}) {
  let persisted: unknown;
  return {
    send(event: FlowEvent): Effect[] {
      const r = runner.step(persisted, initial, event);
      persisted = JSON.parse(JSON.stringify(r.persisted));
      return r.effects;
    },
    get persisted() {
      return persisted;
    },
  };
}

const asked = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'ask' && e.text ? [e.text.vi] : []));
const articles = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'articles' ? e.ids : []));

describe('a place in the message answers "where are you now?"', () => {
  it('abroad for a foreign country, home for Viet Nam, and never over what the words said', () => {
    expect(withPlace(undefined, 'JP')).toEqual({ stage: ['abroad'] });
    expect(withPlace({ passport: ['lost'] }, 'TW')).toEqual({ passport: ['lost'], stage: ['abroad'] });
    expect(withPlace({}, 'VN')).toEqual({ stage: ['returned'] });
    expect(withPlace({ stage: ['returned'] }, 'KR')).toEqual({ stage: ['returned'] });
    expect(withPlace({ case: ['abuse'] }, undefined)).toEqual({ case: ['abuse'] });
    expect(withPlace(undefined, undefined)).toBeUndefined();
  });

  it('a question naming a city abroad goes on from there, and a passport said lost is not asked about', () => {
    const c = conversation({ locale: 'vi' });
    const out = c.send({
      type: 'user.text',
      text: 'lam roi ho chieu o Kobe roi',
      nlu: understood({ intent: 'return_registration', confidence: 0.8, country: 'JP', city: 'kobe', slots: { passport: ['lost'] } }),
    });
    expect(asked(out)).not.toContain('Bạn đang ở đâu?');
    expect(articles(out)).toEqual(['reg-lost']);
  });

  it('without a place the tree still asks where the user is', () => {
    const c = conversation({ locale: 'vi' });
    const out = c.send({ type: 'user.text', text: 'muon ve nuoc', nlu: understood({ intent: 'return_registration', confidence: 0.8 }) });
    expect(asked(out)).toEqual(['Bạn đang ở đâu?']);
  });

  it('by itself a place in the tree only narrows: what is not said is still asked', () => {
    const c = conversation({ locale: 'vi' });
    const out = c.send({ type: 'user.text', text: 'em o Osaka muon ve', nlu: understood({ intent: 'return_registration', confidence: 0.8, country: 'JP' }) });
    expect(asked(out)).toEqual(['Hộ chiếu ở đâu?']);
  });
});

describe('a slot the tree asks about is taken from the message', () => {
  it('"not paid into the Fund" goes straight to its answer; "paid" goes on to the reason', () => {
    expect(prefilledPosition(fund, { paid: ['no'] })).toEqual({ node: 'not-paid', trail: ['paid'] });
    expect(prefilledPosition(fund, { paid: ['yes'], case: ['accident'] })).toEqual({ node: 'accident', trail: ['paid', 'case'] });
    // Said nothing about paying: the question is asked, whatever the case.
    expect(prefilledPosition(fund, { case: ['accident'] })).toEqual({ node: 'paid', trail: [] });
  });

  it('the first reply is the answer, not the question', () => {
    const c = conversation({ locale: 'vi' });
    const out = c.send({ type: 'user.text', text: 'chua dong du tien quy', nlu: understood({ intent: 'support_fund', confidence: 0.9, slots: { paid: ['no'] } }) });
    expect(articles(out)).toEqual(['fund-unpaid']);
    expect(asked(out)).toEqual([]);
  });
});

describe('a follow-up goes on with the question before it', () => {
  it('adds what it says to that question’s case, so "more" is pre-filled with both', () => {
    const c = conversation({ locale: 'vi' });
    c.send({
      type: 'user.text',
      text: 'em bi mat ho chieu',
      nlu: understood({ intent: 'return_registration', confidence: 0.8, article: { id: 'reg-lost-first', score: 5 }, slots: { passport: ['lost'] } }),
    });
    const out = c.send({
      type: 'user.text',
      text: 'em dang o Nhat, lam lai mat may ngay',
      nlu: understood({ country: 'JP', slots: { asks: ['deadline'] }, followUp: { id: 'reg-lost-time', topic: 'return_registration' } }),
    });
    expect(articles(out)).toEqual(['reg-lost-time']);
    expect(runner.asked?.(c.persisted)).toEqual({ topic: 'return_registration', slots: { passport: ['lost'], stage: ['abroad'], asks: ['deadline'] } });
    // "More on this topic" walks the tree with both: abroad (the place), the passport lost.
    const more = c.send({ type: 'user.choice', id: 'more' });
    expect(asked(more)).toEqual([]);
    expect(articles(more)).toEqual(['reg-lost']);
  });

  it('what the question before said of where the user is stands over a place the follow-up names', () => {
    const c = conversation({ locale: 'vi' });
    c.send({ type: 'user.text', text: 've nuoc roi', nlu: understood({ intent: 'return_registration', confidence: 0.8, article: { id: 'reg-home', score: 5 }, slots: { stage: ['returned'] } }) });
    c.send({ type: 'user.text', text: 'hoi o Nhat thi sao', nlu: understood({ country: 'JP', followUp: { id: 'reg-home-2', topic: 'return_registration' } }) });
    expect(runner.asked?.(c.persisted)?.slots).toEqual({ stage: ['returned'] });
  });
});

describe('what the conversation was asking about', () => {
  it('is its topic and slots, and nothing before a question', () => {
    const c = conversation({ locale: 'vi' });
    c.send({ type: 'user.start' });
    expect(runner.asked?.(c.persisted)).toBeUndefined();
    c.send({ type: 'user.text', text: 'tien ky quy', nlu: understood({ intent: 'support_fund', confidence: 0.9, slots: { paid: ['yes'] } }) });
    expect(runner.asked?.(c.persisted)).toEqual({ topic: 'support_fund', slots: { paid: ['yes'] } });
  });

  it('throws for what is not a stored snapshot (the engine then reads the message alone)', () => {
    expect(() => runner.asked?.({})).toThrow();
  });
});
