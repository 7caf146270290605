export { loadContent, defaultContentDir, ContentError, HOTLINE_REF, type Content } from './load.ts';
export { articlesFor, hotlinesFor, missionFor, type HotlineBook } from './query.ts';
export * from './schema.ts';
