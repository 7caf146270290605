// The understanding layer: normalise → danger check → intent → slots → best article.
export { foldDiacritics } from './fold.ts';
export { detectLanguage } from './language.ts';
export { analyze, normalize, type Analysis } from './normalize.ts';
export { createNlu, type Nlu, type NluDeps } from './understand.ts';
export { perMessage } from './per-message.ts';
export { detectDanger } from './danger.ts';
export { DANGER_KINDS, type DangerKind } from './danger-rules.ts';
