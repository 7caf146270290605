import { describe, expect, it } from 'vitest';
import { createFlowRunner } from '../../flows/index.ts';
import type { Effect, FlowEvent, FlowState } from '../../src/core/effects.ts';
import { fixtureDeps, understood } from './fixtures.ts';

const runner = createFlowRunner(fixtureDeps);

/** Runs events through fresh actors, one per turn, persisting in between like the engine does. */
function conversation(initial: FlowState = {}) {
  let persisted: unknown;
  let last: Effect[] = [];
  let state: FlowState = initial;
  return {
    send(event: FlowEvent) {
      const r = runner.step(persisted, initial, event);
      // The snapshot must survive a JSON round trip: that is how it is stored.
      persisted = JSON.parse(JSON.stringify(r.persisted));
      last = r.effects;
      state = r.state;
      return r.effects;
    },
    get effects() {
      return last;
    },
    get state() {
      return state;
    },
    get value() {
      return (persisted as { value: unknown }).value;
    },
  };
}

const asks = (effects: Effect[]) => effects.filter((e) => e.type === 'ask');
const choiceIds = (effects: Effect[]) => asks(effects).flatMap((e) => (e.type === 'ask' ? e.choices.map((c) => c.id) : []));
const keysSaid = (effects: Effect[]) => effects.flatMap((e) => (e.type === 'say' ? [e.key] : e.type === 'ask' && e.key ? [e.key] : []));

describe('welcome → country → menu', () => {
  it('asks the language, then welcomes, then asks the country, then shows the menu', () => {
    const c = conversation();
    expect(keysSaid(c.send({ type: 'user.start' }))).toEqual(['language.prompt']);
    expect(keysSaid(c.send({ type: 'user.choice', id: 'lang_en' }))).toEqual(['welcome.text', 'country.prompt']);
    expect(c.state.locale).toBe('en');
    expect(choiceIds(c.effects)).toEqual(['country_JP', 'country_TW', 'country_other']);
    expect(keysSaid(c.send({ type: 'user.choice', id: 'country_TW' }))).toEqual(['menu.prompt']);
    expect(c.state.country).toBe('TW');
    expect(c.value).toBe('menu');
  });

  it('skips the questions it already has answers to', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    expect(keysSaid(c.send({ type: 'user.start' }))).toEqual(['welcome.text', 'menu.prompt']);
  });

  it('takes a country typed as text', () => {
    const c = conversation({ locale: 'vi' });
    c.send({ type: 'user.start' });
    expect(c.value).toBe('country');
    c.send({ type: 'user.text', text: 'o nhat', nlu: understood({ country: 'JP' }) });
    expect(c.state.country).toBe('JP');
    expect(c.value).toBe('menu');
  });

  it('answers a first message that is a question, without onboarding', () => {
    const c = conversation();
    const out = c.send({
      type: 'user.text',
      text: 'thu tuc thanh ly hd',
      nlu: understood({ intent: 'contract_liquidation', confidence: 0.9 }),
    });
    expect(c.value).toBe('topic');
    expect(c.state.locale).toBe('vi');
    expect(asks(out)[0]).toMatchObject({ text: { vi: 'Hợp đồng kết thúc thế nào?' } });
  });

  it('gives the lines that work from anywhere before asking the country for the local ones, then answers', () => {
    const c = conversation({ locale: 'vi' });
    const first = c.send({ type: 'user.text', text: 'so dien thoai dai su quan', nlu: understood({ intent: 'hotline', confidence: 0.9 }) });
    expect(first[0]).toEqual({ type: 'hotlines', scope: 'all' });
    expect(keysSaid(first)).toEqual(['country.promptForLocal']);
    expect(c.value).toBe('countryForAnswer');
    const out = c.send({ type: 'user.choice', id: 'country_JP' });
    expect(out).toContainEqual({ type: 'hotlines', scope: 'all', country: 'JP' });
  });

  it('takes the country named in the question instead of asking it', () => {
    const c = conversation({ locale: 'vi' });
    const out = c.send({
      type: 'user.text',
      text: 'hotline o dai loan',
      nlu: understood({ intent: 'hotline', confidence: 0.9, country: 'TW' }),
    });
    expect(out).toContainEqual({ type: 'hotlines', scope: 'all', country: 'TW' });
  });
});

describe('topic dialogue', () => {
  it('walks the tree to an answer and back', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.start' });
    c.send({ type: 'user.choice', id: 'topic_contract_liquidation' });
    expect(choiceIds(c.effects)).toEqual(['o_term', 'o_early']);
    c.send({ type: 'user.choice', id: 'o_early' });
    expect(choiceIds(c.effects)).toEqual(['o_closed', 'o_abuse']);
    c.send({ type: 'user.command', command: 'back' });
    expect(choiceIds(c.effects)).toEqual(['o_term', 'o_early']);
    c.send({ type: 'user.choice', id: 'o_early' });
    const out = c.send({ type: 'user.choice', id: 'o_closed' });
    expect(out).toContainEqual({ type: 'articles', ids: ['liq-closed'], country: 'JP' });
    expect(choiceIds(out)).toEqual(['more', 'menu', 'staff']);
  });

  it('puts a person first where the tree says so', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.choice', id: 'topic_contract_liquidation' });
    c.send({ type: 'user.choice', id: 'o_early' });
    const out = c.send({ type: 'user.choice', id: 'o_abuse' });
    expect(keysSaid(out)).toContain('topic.staffAdvised');
    expect(choiceIds(out)[0]).toBe('staff');
  });

  it('answers with the matched article when the NLU found one', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    const out = c.send({
      type: 'user.text',
      text: 'lam sao nhan lai tien ky quy',
      nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, article: { id: 'deposit-refund', score: 9 } }),
    });
    expect(out).toContainEqual({ type: 'articles', ids: ['deposit-refund'], country: 'JP' });
    c.send({ type: 'user.choice', id: 'more' });
    expect(c.value).toBe('topic');
  });

  it('answers a second question of the same message right after the first, and forgets it with the next question', () => {
    const c = conversation({ locale: 'vi', country: 'TW' });
    const out = c.send({
      type: 'user.text',
      text: 'thanh ly trong bao lau va quy ho tro bao nhieu',
      nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, article: { id: 'liq-deadline', score: 9 }, also: [{ id: 'fund-amount' }] }),
    });
    expect(out).toContainEqual({ type: 'articles', ids: ['liq-deadline', 'fund-amount'], country: 'TW' });
    const next = c.send({ type: 'user.text', text: 'tien ky quy', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, article: { id: 'deposit-refund', score: 9 } }) });
    expect(next).toContainEqual({ type: 'articles', ids: ['deposit-refund'], country: 'TW' });
  });

  it('answers the last question again for a country named alone right after it, and only then', () => {
    const c = conversation({ locale: 'vi' });
    c.send({ type: 'user.text', text: 'o dai loan bi no luong goi dau', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, country: 'TW', article: { id: 'deposit-refund', score: 9 } }) });
    const again = c.send({ type: 'user.text', text: 'thế còn ở Hàn thì sao?', nlu: understood({ country: 'KR' }) });
    expect(again).toContainEqual({ type: 'articles', ids: ['deposit-refund'], country: 'KR' });
    expect(c.state.country).toBe('KR');
    // The same country again says nothing new; from the menu there is no last question to repeat.
    expect(keysSaid(c.send({ type: 'user.text', text: 'o han', nlu: understood({ country: 'KR' }) }))).toEqual(['fallback.notUnderstood']);
    c.send({ type: 'user.command', command: 'menu' });
    const fromMenu = c.send({ type: 'user.text', text: 'con o nhat', nlu: understood({ country: 'JP' }) });
    expect(fromMenu.some((e) => e.type === 'articles')).toBe(false);
  });

  it('passes the need the question named to the list of lines, so its lines come first', () => {
    const c = conversation({ locale: 'vi', country: 'KR' });
    const out = c.send({ type: 'user.text', text: 'bi no luong goi so nao', nlu: understood({ intent: 'hotline', confidence: 0.9, slots: { case: ['wages'] } }) });
    expect(out).toContainEqual({ type: 'hotlines', scope: 'all', country: 'KR', needs: ['wages'] });
    const plain = c.send({ type: 'user.text', text: 'so dien thoai', nlu: understood({ intent: 'hotline', confidence: 0.9 }) });
    expect(plain).toContainEqual({ type: 'hotlines', scope: 'all', country: 'KR' });
  });

  it('gives the lines again for a country named alone after the list', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.text', text: 'so duong day nong', nlu: understood({ intent: 'hotline', confidence: 0.9 }) });
    const again = c.send({ type: 'user.text', text: 'con o dai loan thi sao', nlu: understood({ country: 'TW' }) });
    expect(again).toContainEqual({ type: 'hotlines', scope: 'all', country: 'TW' });
  });

  it('never answers a guess: low confidence gets "not understood", twice offers a person', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.start' });
    const first = c.send({ type: 'user.text', text: 'gia vang', nlu: understood({ intent: 'contract_liquidation', confidence: 0.2 }) });
    expect(keysSaid(first)).toEqual(['fallback.notUnderstood']);
    expect(first).toContainEqual({ type: 'reprompt' });
    const second = c.send({ type: 'user.text', text: 'bong da', nlu: understood() });
    expect(keysSaid(second)).toEqual(['fallback.notUnderstood', 'fallback.offerStaff']);
    expect(choiceIds(second)).toEqual(['staff', 'menu']);
  });
});

describe('commands work from any state', () => {
  const deep = () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.choice', id: 'topic_contract_liquidation' });
    c.send({ type: 'user.choice', id: 'o_early' });
    return c;
  };

  it('menu', () => {
    const c = deep();
    expect(keysSaid(c.send({ type: 'user.command', command: 'menu' }))).toEqual(['menu.prompt']);
    expect(c.value).toBe('menu');
  });
  it('back (one step in a tree, to the menu from its root)', () => {
    const c = deep();
    c.send({ type: 'user.command', command: 'back' });
    expect(c.value).toBe('topic');
    c.send({ type: 'user.command', command: 'back' });
    expect(c.value).toBe('menu');
  });
  it('help keeps the place and asks the question again', () => {
    const c = deep();
    const out = c.send({ type: 'user.command', command: 'help' });
    expect(out).toEqual([{ type: 'say', key: 'help.text' }, { type: 'reprompt' }]);
    expect(c.value).toBe('topic');
  });
  it('staff requests a hand-off with the topic', () => {
    const c = deep();
    const out = c.send({ type: 'user.command', command: 'staff' });
    expect(out).toContainEqual({ type: 'handoff', reason: 'asked', priority: 'normal', topic: 'contract_liquidation' });
  });
  it('language asks again and keeps the country', () => {
    const c = deep();
    c.send({ type: 'user.command', command: 'language' });
    const out = c.send({ type: 'user.choice', id: 'lang_en' });
    expect(c.state).toMatchObject({ locale: 'en', country: 'JP' });
    expect(keysSaid(out)).toEqual(['welcome.text', 'menu.prompt']);
  });
  it('delete asks first, then erases and forgets', () => {
    const c = deep();
    c.send({ type: 'user.command', command: 'delete' });
    const out = c.send({ type: 'user.choice', id: 'erase_yes' });
    expect(out[0]).toEqual({ type: 'erase' });
    expect(c.state).toEqual({});
    expect(c.value).toBe('fresh');
  });
});

describe('emergency', () => {
  it('is answered in any state, raises a priority hand-off, and the question can be resumed', () => {
    const c = conversation({ locale: 'vi', country: 'TW' });
    c.send({ type: 'user.choice', id: 'topic_contract_liquidation' });
    c.send({ type: 'user.choice', id: 'o_early' });
    const out = c.send({ type: 'user.emergency', kinds: ['violence'], nlu: understood() });
    expect(out[0]).toEqual({ type: 'hotlines', scope: 'emergency', country: 'TW', kinds: ['violence'] });
    expect(out).toContainEqual({ type: 'handoff', reason: 'emergency', priority: 'emergency', topic: 'contract_liquidation' });
    expect(asks(out)[0]).toMatchObject({ transient: true });
    expect(c.value).toBe('topic');
    expect(c.send({ type: 'user.choice', id: 'continue' })).toEqual([{ type: 'reprompt' }]);
    c.send({ type: 'user.choice', id: 'o_closed' });
    expect(c.effects).toContainEqual({ type: 'articles', ids: ['liq-closed'], country: 'TW' });
  });

  it('offers the topic of a question asked together with the emergency', () => {
    const c = conversation({ locale: 'vi' });
    const out = c.send({ type: 'user.emergency', kinds: ['violence'], nlu: understood({ topicIntent: 'contract_liquidation' }) });
    expect(choiceIds(out)).toEqual(['topic_hotline', 'continue', 'topic_contract_liquidation', 'menu']);
  });

  it('passes the kind of danger on, and keeps "more numbers" one tap away', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    const out = c.send({ type: 'user.emergency', kinds: ['self_harm'], nlu: understood({ topicIntent: 'hotline' }) });
    expect(out[0]).toEqual({ type: 'hotlines', scope: 'emergency', country: 'JP', kinds: ['self_harm'] });
    // A question about hotlines asked with the emergency is the same tap, offered once.
    expect(choiceIds(out)).toEqual(['topic_hotline', 'continue', 'menu']);
    c.send({ type: 'user.choice', id: 'topic_hotline' });
    expect(c.effects).toContainEqual({ type: 'hotlines', scope: 'all', country: 'JP' });
  });
});

describe('a concern: "are you safe right now?"', () => {
  it('shows the help lines, raises the chat for staff and asks, leaving the user where they were', () => {
    const c = conversation({ locale: 'vi', country: 'KR' });
    c.send({ type: 'user.choice', id: 'topic_contract_liquidation' });
    const out = c.send({ type: 'user.concern', nlu: understood({ intent: 'concern' }) });
    expect(out[0]).toEqual({ type: 'hotlines', scope: 'emergency', country: 'KR' });
    expect(out).toContainEqual({ type: 'handoff', reason: 'emergency', priority: 'emergency', topic: 'contract_liquidation' });
    expect(keysSaid(out)).toContain('safety.prompt');
    expect(choiceIds(out)).toEqual(['safety_safe', 'safety_unsafe', 'staff']);
    expect(asks(out)[0]).toMatchObject({ transient: true });
    expect(c.value).toBe('topic');
  });

  it('"safe" is answered kindly and the question before comes back', () => {
    const c = conversation({ locale: 'vi', country: 'KR' });
    c.send({ type: 'user.concern', nlu: understood({ intent: 'concern' }) });
    expect(c.send({ type: 'user.choice', id: 'safety_safe' })).toEqual([{ type: 'say', key: 'safety.glad' }, { type: 'reprompt' }]);
  });

  it('"not safe" is an emergency; "a person" hands the chat over', () => {
    const c = conversation({ locale: 'vi', country: 'KR' });
    c.send({ type: 'user.concern', nlu: understood({ intent: 'concern' }) });
    const unsafe = c.send({ type: 'user.choice', id: 'safety_unsafe' });
    expect(unsafe[0]).toEqual({ type: 'hotlines', scope: 'emergency', country: 'KR' });
    expect(unsafe).toContainEqual({ type: 'handoff', reason: 'emergency', priority: 'emergency' });
    c.send({ type: 'user.concern', nlu: understood({ intent: 'concern' }) });
    c.send({ type: 'user.choice', id: 'staff' });
    expect(c.value).toBe('staff');
  });
});

describe('answer first, then narrow', () => {
  it('a tree never asks what the question already said: its slots pre-fill it', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    const atTerm = c.send({ type: 'user.text', text: 'het han hop dong roi', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, slots: { ended: ['term'] } }) });
    expect(atTerm).toContainEqual({ type: 'articles', ids: ['liq-at-term'], country: 'JP' });
    const closed = c.send({ type: 'user.text', text: 'chu pha san', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, slots: { case: ['closed'] } }) });
    expect(closed).toContainEqual({ type: 'articles', ids: ['liq-closed'], country: 'JP' });
    // Early, but why is not said: only that is asked.
    const early = c.send({ type: 'user.text', text: 've truoc han', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, slots: { ended: ['early'] } }) });
    expect(asks(early)[0]).toMatchObject({ text: { vi: 'Vì sao?' } });
    // The question skipped is one step back.
    expect(asks(c.send({ type: 'user.command', command: 'back' }))[0]).toMatchObject({ text: { vi: 'Hợp đồng kết thúc thế nào?' } });
  });

  it('browsing by buttons still starts at the top, and "more" after a pre-filled answer too', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.text', text: 'het han hd', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, slots: { ended: ['term'] } }) });
    expect(asks(c.send({ type: 'user.choice', id: 'more' }))[0]).toMatchObject({ text: { vi: 'Hợp đồng kết thúc thế nào?' } });
    expect(asks(c.send({ type: 'user.choice', id: 'topic_contract_liquidation' }))[0]).toMatchObject({ text: { vi: 'Hợp đồng kết thúc thế nào?' } });
  });

  it('says plainly when the content does not know, and offers a person first', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    const out = c.send({
      type: 'user.text',
      text: 'thoi han nop ho so',
      nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, article: { id: 'liq-deadline', score: 9, unknown: true } }),
    });
    expect(keysSaid(out)[0]).toBe('topic.unknown');
    expect(out).toContainEqual({ type: 'articles', ids: ['liq-deadline'], country: 'JP' });
    expect(choiceIds(out)[0]).toBe('staff');
  });

  it('answers the question asked with an emergency right after the numbers, and "continue" goes on from it', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    const out = c.send({
      type: 'user.emergency',
      kinds: ['sexual_abuse'],
      nlu: understood({ topicIntent: 'contract_liquidation', article: { id: 'liq-abuse', score: 9 } }),
    });
    expect(out.map((e) => e.type)).toEqual(['hotlines', 'handoff', 'articles', 'ask']);
    expect(out[0]).toEqual({ type: 'hotlines', scope: 'emergency', country: 'JP', kinds: ['sexual_abuse'] });
    expect(out[2]).toEqual({ type: 'articles', ids: ['liq-abuse'], country: 'JP' });
    // The other numbers one tap away; no topic button, the answer was given.
    expect(choiceIds(out)).toEqual(['topic_hotline', 'continue', 'menu']);
    const next = c.send({ type: 'user.choice', id: 'continue' });
    expect(c.value).toBe('answered');
    expect(keysSaid(next)).toEqual(['next.prompt']);
    expect(keysSaid(next)).not.toContain('menu.prompt');
  });

  it('"continue" after an emergency that came with a topic but no answer opens that topic', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.emergency', kinds: ['violence'], nlu: understood({ topicIntent: 'contract_liquidation', slots: { case: ['abuse'] } }) });
    const next = c.send({ type: 'user.choice', id: 'continue' });
    expect(next).toContainEqual({ type: 'articles', ids: ['liq-abuse'], country: 'JP' });
  });
});

describe('unsupported input', () => {
  it('gets a polite reply for its kind and the question again', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.start' });
    expect(c.send({ type: 'user.unsupported', kind: 'sticker' })).toEqual([
      { type: 'say', key: 'unsupported.sticker' },
      { type: 'reprompt' },
    ]);
  });
});

describe('media a person can see or hear', () => {
  it('is offered to an officer in one tap, or the chat carries on', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.start' });
    for (const kind of ['image', 'audio', 'video', 'file', 'location'] as const) {
      const offer = c.send({ type: 'user.unsupported', kind });
      expect(offer).toEqual([{ type: 'ask', key: `media.offer.${kind}`, choices: [{ id: 'staff', key: 'media.showOfficer' }, { id: 'continue', key: 'choices.continue' }], transient: true }]);
    }
    expect(c.send({ type: 'user.choice', id: 'staff' }).some((e) => e.type === 'handoff' && e.reason === 'asked')).toBe(true);
    // A sticker is not something to show: the polite line, and the question again.
    expect(keysSaid(c.send({ type: 'user.unsupported', kind: 'sticker' }))).toEqual(['unsupported.sticker']);
  });
});

describe('events from the hand-off desk', () => {
  it('offers to leave a message or go back when nobody took the chat, in any state', () => {
    const c = conversation({ locale: 'vi', country: 'JP' });
    c.send({ type: 'user.start' });
    c.send({ type: 'user.choice', id: 'topic_contract_liquidation' });
    expect(c.value).toBe('topic');
    const offer = c.send({ type: 'handoff.timeout' });
    expect(keysSaid(offer)).toEqual(['handoff.timeout']);
    expect(choiceIds(offer)).toEqual(['handoff_wait', 'handoff_cancel']);
    expect(c.value).toBe('topic');
    expect(keysSaid(c.send({ type: 'user.choice', id: 'handoff_wait' }))).toEqual(['handoff.leaveMessage']);
    const back = c.send({ type: 'user.choice', id: 'handoff_cancel' });
    expect(back.some((e) => e.type === 'handoff.cancel')).toBe(true);
    expect(keysSaid(back)).toEqual(['handoff.cancelled', 'menu.prompt']);
    expect(c.value).toBe('menu');
  });

  it('returns the user to the menu when staff close the chat', () => {
    const c = conversation({ locale: 'en', country: 'TW' });
    c.send({ type: 'user.start' });
    c.send({ type: 'user.command', command: 'staff' });
    expect(keysSaid(c.send({ type: 'handoff.closed' }))).toEqual(['handoff.closed', 'menu.prompt']);
    expect(c.value).toBe('menu');
  });
});

describe('the language of a user who did not choose one', () => {
  it('follows what they clearly write in, but not a one-word guess, and never overrides a choice', () => {
    const c = conversation();
    c.send({ type: 'user.text', text: 'hi', nlu: understood({ intent: 'greeting', confidence: 1, locale: 'vi' }) });
    expect(c.state.locale).toBe('vi');
    c.send({ type: 'user.text', text: 'ok', nlu: understood({ locale: 'en' }) });
    expect(c.state.locale).toBe('vi');
    c.send({ type: 'user.text', text: 'how do I get my deposit back', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, locale: 'en', localeSure: true }) });
    expect(c.state.locale).toBe('en');

    const chosen = conversation();
    chosen.send({ type: 'user.start' });
    chosen.send({ type: 'user.choice', id: 'lang_vi' });
    chosen.send({ type: 'user.text', text: 'how do I get my deposit back', nlu: understood({ intent: 'contract_liquidation', confidence: 0.9, locale: 'en', localeSure: true }) });
    expect(chosen.state.locale).toBe('vi');
  });
});
