// extractArticle: the whole pipeline from an article file's text to plain objects. (stub: parse only)

import { parseArticle } from './parse.js';
import { articleTopics } from './topics.js';
import type { ArticleMeta, Extraction } from './types.js';

export function extractArticle(raw: string, meta: ArticleMeta): Extraction {
  const article = parseArticle(raw);
  const warnings: string[] = [];
  if (!meta.published) warnings.push('no publication date: relative dates left unresolved');
  return { article, actors: [], mentions: [], statements: [], claims: [], topics: articleTopics(article.title, article.body), warnings };
}
