// What staff read of a turn's options in the languages the worker did not read it in comes from
// choicesIn (labels only, no article or hotline text rendered): it must give exactly the options
// the full render gives each message, in order, in every language.
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/core/content/index.ts';
import { createContentView } from '../../src/core/content-view.ts';
import type { AskEffect, Effect } from '../../src/core/effects.ts';
import { LOCALES } from '../../src/core/messages.ts';
import { createResponder } from '../../src/core/respond.ts';
import { offeredChoices } from '../../src/core/transcript.ts';
import { createTranslate } from '../../src/i18n/index.ts';

const translate = await createTranslate();
const render = createResponder({ translate, content: createContentView(loadContent(), translate, { now: () => Date.parse('2026-12-01T12:00:00Z') }) });

const menu: AskEffect = {
  type: 'ask',
  key: 'menu.prompt',
  choices: [
    { id: 'topic:contract_liquidation', key: 'menu.contract_liquidation' },
    { id: 'topic:support_fund', key: 'menu.support_fund' },
  ],
};
const countries: AskEffect = { type: 'ask', text: { vi: 'Bạn đang ở đâu?', en: 'Where are you?' }, choices: [{ id: 'country_JP', label: { vi: 'Nhật Bản', en: 'Japan' } }, { id: 'country_KR', label: { vi: 'Hàn Quốc', en: 'Korea' } }] };
const noChoices: AskEffect = { type: 'ask', key: 'menu.prompt', choices: [] };

const turns: [string, Effect[], AskEffect | undefined][] = [
  ['one question', [menu], undefined],
  ['an answer, then a question', [{ type: 'articles', ids: ['liquidation-steps'] }, { type: 'say', key: 'menu.prompt' }, countries], undefined],
  ['hotlines, then the menu', [{ type: 'hotlines', scope: 'all', country: 'JP' }, menu], undefined],
  ['a question without options, then one with', [noChoices, countries], undefined],
  ['two questions, the second asked again', [menu, { ...countries, transient: true }, { type: 'reprompt' }], undefined],
  ['the last question asked again', [{ type: 'say', key: 'menu.prompt' }, { type: 'reprompt' }], countries],
  ['an emergency, then the question asked again', [{ type: 'hotlines', scope: 'emergency', country: 'TW', kinds: ['violence'] }, { type: 'reprompt' }], menu],
  ['no question', [{ type: 'articles', ids: ['liquidation-steps'] }], undefined],
];

describe('a turn’s options in every language, without rendering its texts', () => {
  it.each(turns)('%s', (_name, effects, lastAsk) => {
    for (const locale of LOCALES) {
      const full = render(effects, locale, lastAsk).messages.filter((m) => m.choices?.length).map((m) => m.choices);
      expect(render.choicesIn(effects, locale, lastAsk)).toEqual(full);
    }
    // And what the transcript keeps of them is what rendering the whole turn in each language gave.
    const replies = render(effects, 'vi', lastAsk).messages;
    const byLabels = offeredChoices(replies, 'vi', (l) => render.choicesIn(effects, l, lastAsk));
    const byRender = replies.map((r, i) =>
      r.choices?.map((c) => ({ id: c.id, label: Object.fromEntries(LOCALES.map((l) => [l, render(effects, l, lastAsk).messages[i]!.choices!.find((x) => x.id === c.id)!.label])) })),
    );
    expect(byLabels).toEqual(byRender);
  });
});
