// How the danger tests read a sentence: the rules' kinds, and the concern level, on one analysis.
import { analyze, detectDanger } from '../../../src/core/nlu/index.ts';
import { detectConcern } from '../../../src/core/nlu/danger.ts';

export const kindsOf = (text: string) => {
  const a = analyze(text);
  return detectDanger(a.tokens, a.lang);
};
export const concernOf = (text: string) => {
  const a = analyze(text);
  return detectConcern(a.tokens, a.lang);
};
