// An article reduced to what answer selection reads, for tests that build their own small content.
import type { Article } from '../../src/core/content/index.ts';

export function testArticle(id: string, topic: Article['topic'], extra: Partial<Article> = {}): Article {
  return {
    id,
    topic,
    title: { vi: id, en: id },
    questions: { vi: [id], en: [id] },
    answer: { vi: id, en: id },
    source: 's',
    reviewed: '2026-01-01',
    sourceDate: '2026-01-01',
    verified: true,
    ...extra,
  };
}
