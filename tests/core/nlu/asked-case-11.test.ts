// Several cases told, one asked after "thì" (src/core/nlu/asked-case.ts), on sentences of its own.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../../src/core/content/index.ts';
import { caseAsked } from '../../../src/core/nlu/asked-case.ts';
import { createNlu } from '../../../src/core/nlu/index.ts';
import { analyze } from '../../../src/core/nlu/normalize.ts';
import { createSlotReader } from '../../../src/core/nlu/slots.ts';

const content = loadContent();
const reader = createSlotReader(content.slots);
const asked = (text: string) => {
  const analysis = analyze(text);
  return caseAsked(analysis, reader.read(analysis), reader).slots.case;
};

describe('caseAsked', () => {
  it('keeps the case named after the last "thì" when the story told others', () => {
    expect(asked('bị tai nạn phải về sớm, giờ muốn học nghề lái xe thì quỹ có trả học phí không')).toEqual(['retraining']);
  });

  it('keeps every case when nothing after "thì" names one, or there is no "thì"', () => {
    expect(asked('chủ phá sản, em lại bị ốm thì quỹ hỗ trợ bao nhiêu')).toEqual(['closed', 'illness']);
    expect(asked('chủ phá sản nên em về, muốn học nghề, quỹ có trả học phí không')).toEqual(['closed', 'retraining']);
  });

  it('keeps a single case as it is', () => {
    expect(asked('muốn học nghề thì quỹ có trả học phí không')).toEqual(['retraining']);
  });
});

describe('the answer chosen by the case asked', () => {
  const nlu = createNlu({ articles: content.articles, countries: content.countries, slots: content.slots });

  it('is the course\u2019s support, not the closure\u2019s, when the course is asked', () => {
    expect(nlu.understand('xưởng đóng cửa nên em về nước sớm, giờ muốn học nghề may thì quỹ có hỗ trợ tiền học không').article?.id).toBe('fund-retraining');
  });
});
