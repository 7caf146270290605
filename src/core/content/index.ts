export { loadContent, defaultContentDir, ContentError, HOTLINE_REF, MISSION_REF, PROTECTION_LINE, hotlineNumber, type Content } from './load.ts';
export { articlesFor, hotlinesFor, missionFor, urgentLines, shortNumbers, sourceText, type HotlineBook } from './query.ts';
export * from './schema.ts';
