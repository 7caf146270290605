// The engine's reading of a message, kept per text: it answers what the NLU answers, analyses a
// text once however often it is asked, and no caller can change what another one is given.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { createNlu, detectLanguage, normalize, perMessage, type Nlu } from '../../../src/core/nlu/index.ts';

const content = loadContent();
const nlu = createNlu({ articles: content.articles, countries: content.countries });
const TEXTS = ['cho e hoi thu tuc thanh ly hd', 'chủ đánh em, cứu em', 'so dien thoai dai su quan o Nhat', 'menu', 'can I get my deposit back'];

describe('perMessage', () => {
  it('answers what the NLU answers, and the same the second time', () => {
    const engine = perMessage(nlu);
    for (const t of TEXTS) {
      expect(engine.understand(t)).toEqual(nlu.understand(t));
      expect(engine.understand(t)).toEqual(nlu.understand(t));
      expect(engine.normalize(t)).toBe(normalize(t));
      expect(engine.detectLanguage(t)).toBe(detectLanguage(t));
    }
  });

  it('understands a text once however many parts ask', () => {
    let calls = 0;
    const counting: Nlu = { understand: (t) => (calls++, nlu.understand(t)) };
    const engine = perMessage(counting);
    for (let i = 0; i < 3; i++) for (const t of TEXTS) engine.understand(t);
    expect(calls).toBe(TEXTS.length);
  });

  it('keeps a follow-up by its text and the earlier question both', () => {
    let calls = 0;
    const engine = perMessage({ understand: (t, e) => (calls++, nlu.understand(t, e)) });
    const deposit = { topic: 'contract_liquidation', slots: { subject: ['deposit'] } };
    const t = 'e đi Hàn theo EPS';
    expect(engine.understand(t, deposit)).toEqual(nlu.understand(t, deposit));
    engine.understand(t, { ...deposit, slots: { subject: ['deposit'] } });
    expect(calls).toBe(1);
    // Another earlier case, another topic, or none: each is its own reading.
    engine.understand(t, { topic: 'contract_liquidation', slots: { subject: ['ticket'] } });
    engine.understand(t, { topic: 'support_fund', slots: { subject: ['deposit'] } });
    engine.understand(t, { topic: 'contract_liquidation' });
    engine.understand(t);
    expect(calls).toBe(5);
    expect(engine.understand(t, { topic: 'contract_liquidation' })).toEqual(nlu.understand(t, { topic: 'contract_liquidation' }));
    expect(calls).toBe(5);
  });

  it('forgets the least recently used text past its bound', () => {
    let calls = 0;
    const engine = perMessage({ understand: (t) => (calls++, nlu.understand(t)) }, 2);
    engine.understand(TEXTS[0]!);
    engine.understand(TEXTS[1]!);
    engine.understand(TEXTS[2]!); // TEXTS[0] leaves
    engine.understand(TEXTS[2]!);
    engine.understand(TEXTS[0]!);
    expect(calls).toBe(4);
  });

  it('gives each caller its own copy', () => {
    const engine = perMessage(nlu);
    const first = engine.understand(TEXTS[1]!) as unknown as { emergency: string[] };
    const kinds = [...first.emergency];
    first.emergency.push('changed');
    expect(engine.understand(TEXTS[1]!).emergency).toEqual(kinds);
  });
});
