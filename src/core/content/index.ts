export { loadContent, defaultContentDir, ContentError, HOTLINE_REF, hotlineNumber, type Content } from './load.ts';
export { articlesFor, hotlinesFor, missionFor, sourceText, type HotlineBook } from './query.ts';
export * from './schema.ts';
