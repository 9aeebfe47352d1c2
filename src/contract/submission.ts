// The one write, POST /v1/articles: an article to ingest (JSON, or text and web pages with query metadata) and
// what the server answers with.

import { z } from 'zod';
import { ArticleDetail } from './article.js';
import * as examples from './examples.js';
import { Statement } from './statement.js';

/** Ids are used in URLs and compared with file-derived ids, so they follow the same alphabet as file names do. */
const SUBMISSION_ID = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}$/;

const submissionId = z
  .string()
  .regex(SUBMISSION_ID, {
    message: 'id may hold letters, digits, "_", "-" and "." (up to 200), starting with a letter, digit or "_"',
  })
  .optional()
  .describe(
    'The article id. By default it is derived from `url` (or, without one, from the headline), so sending the ' +
      'same article again replaces it.',
  );

const metaStrings = {
  published: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/, {
      message: 'published must be a date as YYYY-MM-DD (or an ISO 8601 timestamp)',
    })
    .describe(
      'Publication date (YYYY-MM-DD, or an ISO 8601 timestamp of which the day is kept), the anchor for relative ' +
        'dates.',
    ),
  url: z.string().max(2000, { message: 'url is longer than 2000 characters' }).describe('Where it was published.'),
  source: z
    .string()
    .max(200, { message: 'source is longer than 200 characters' })
    .describe('The outlet that published it.'),
  language: z
    .string()
    .max(20, { message: 'language is longer than 20 characters' })
    .describe('Language code, e.g. "en".'),
};

type MetaFields = { [K in keyof typeof metaStrings]: z.ZodOptional<z.ZodNullable<(typeof metaStrings)[K]>> };

/** In JSON each may also be null; as query parameters (for a text/plain body) they are strings or absent. */
const metaFields = (nullable: boolean) =>
  Object.fromEntries(
    Object.entries(metaStrings).map(([k, v]) => [
      k,
      (nullable ? v.nullable().optional() : v.optional()).describe(v.description ?? ''),
    ]),
  ) as MetaFields;

export const ArticleSubmission = z
  .strictObject({
    id: submissionId,
    ...metaFields(true),
    text: z
      .string()
      .min(1, { message: 'text must not be empty' })
      .optional()
      .describe(
        'The whole article in the file format: source line, blank line, headline, blank line, paragraphs ' +
          'separated by blank lines. Give this, or `title` and `body`.',
      ),
    title: z
      .string()
      .min(1, { message: 'title must not be empty' })
      .max(1000, { message: 'title is longer than 1000 characters' })
      .optional()
      .describe('Headline (with `body`, instead of `text`).'),
    body: z
      .string()
      .min(1, { message: 'body must not be empty' })
      .optional()
      .describe('Article text, paragraphs separated by a blank line (with `title`, instead of `text`).'),
    html: z
      .string()
      .min(1, { message: 'html must not be empty' })
      .optional()
      .describe(
        "The article's web page, instead of `text` or `body`: the story is extracted from it, and the headline, " +
          'date, outlet, URL and language come from the page unless given here.',
      ),
  })
  .describe(
    'An article to ingest: its text in the file format, its title and body, or its web page, with optional metadata.',
  )
  .meta({ id: 'ArticleSubmission', examples: [examples.articleSubmission] });

/** With a text/plain or text/html body the metadata comes as query parameters. */
export const SubmissionQuery = z.strictObject({ id: submissionId, ...metaFields(false) });

export const IngestResult = z
  .object({
    outcome: z
      .enum(['added', 'replaced', 'unchanged'])
      .describe(
        '`added` for a new id, `replaced` when the id held other content (its rows are replaced, ids kept), ' +
          '`unchanged` when it held exactly this.',
      ),
    article: ArticleDetail,
    statements: z.array(Statement).describe('Every statement extracted from it.'),
  })
  .describe('The ingested article, as stored, with its statements.')
  .meta({ id: 'IngestResult' });
