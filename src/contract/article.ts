// An article: an ingested news article, listed without its body and fetched by id with it.

import { z } from 'zod';
import { distinctParam, isoDateParam, pageParams } from './params.js';
import { listOf, TopicRef } from './shared.js';

const articleFields = {
  id: z.string().describe('Article id: its file name without `.txt`.'),
  title: z.string().describe('Headline.'),
  source: z.string().nullable().describe('The outlet that published it.'),
  publishedAt: z
    .string()
    .nullable()
    .describe('Publication date (YYYY-MM-DD), the anchor for relative dates; null when unknown.'),
  url: z.string().nullable().describe('Where it was published.'),
  language: z.string().nullable().describe('Language code, e.g. "en".'),
  copyOf: z
    .string()
    .nullable()
    .describe(
      'When this article is a wire copy (nearly the same text as an article published before it: the same story ' +
        'reprinted, trimmed or lightly edited), the id of the first article of that story; else null.',
    ),
  counts: z
    .object({
      statements: z.number().int().describe('Statements extracted.'),
      claims: z.number().int().describe('Claims extracted.'),
      actors: z.number().int().describe('Distinct actors involved.'),
      mentions: z.number().int().describe('Actor mentions.'),
    })
    .describe('What was extracted from it.'),
};

export const Article = z
  .object(articleFields)
  .describe('A news article (without its body; fetch it by id for the text).')
  .meta({ id: 'Article' });

export const ArticleDetail = z
  .object({
    ...articleFields,
    body: z.string().describe('The article text: paragraphs separated by a blank line. Every span points into it.'),
    topics: z.array(TopicRef).describe('Topics of the article as a whole.'),
  })
  .describe('A news article with its text.')
  .meta({ id: 'ArticleDetail' });

export const ArticleList = listOf(Article, 'articles');

export const ArticleQuery = z.strictObject({
  from: isoDateParam('from', false).optional().describe('Only articles published on or after this day.'),
  to: isoDateParam('to', true).optional().describe('Only articles published on or before this day (inclusive).'),
  distinct: distinctParam,
  ...pageParams,
});

export type ArticleT = z.output<typeof Article>;
export type ArticleDetailT = z.output<typeof ArticleDetail>;
export type ArticleFilters = z.output<typeof ArticleQuery>;
