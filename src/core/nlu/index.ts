// The understanding layer: normalise → emergency check → intent → slots → best article.
export { normalize, foldDiacritics } from './normalize.ts';
export { createNlu, detectLanguage, type Nlu, type NluDeps } from './understand.ts';
