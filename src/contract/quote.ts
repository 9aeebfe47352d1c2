// A quote: one thing said, wherever it appeared (every statement with the same or nearly the same words by compatible
// speakers); its occurrences, list and filters.

import { z } from 'zod';
import { facetParam, facetSizeParam, filterParams, pageParams, text } from './params.js';
import { ActorRef, facetedListOf } from './shared.js';
import { STATEMENT_FACETS } from './statement.js';

export const QuoteOccurrence = z
  .object({
    id: z.number().int().describe('The statement id (`/v1/statements/{id}`).'),
    articleId: z.string().describe('The article it appeared in.'),
    outlet: z.string().nullable().describe("The article's outlet (its source line)."),
    publishedAt: z.string().nullable().describe('When the article was published (YYYY-MM-DD); null when unknown.'),
    copyOf: z
      .string()
      .nullable()
      .describe('When the article is a wire copy, the id of the first article of its story; else null.'),
    speaker: ActorRef.nullable().describe('Who this occurrence says said it.'),
    text: z.string().describe('The words as this article gives them.'),
  })
  .describe('One place a quote appeared: a statement, with its article.')
  .meta({ id: 'QuoteOccurrence' });

/** Occurrences a quote lists in a page of quotes (a quote's own answer lists every one). */
export const LISTED_OCCURRENCES = 10;

export const Quote = z
  .object({
    id: z.number().int().describe('Quote id: stable when articles are ingested again or replaced.'),
    text: z.string().describe('The longest version of the words.'),
    speaker: ActorRef.nullable().describe(
      'The most specific speaker any occurrence names: a named person beats an organisation, which beats an ' +
        'unnamed source ("a spokesman"); null when no occurrence names one.',
    ),
    occurrences: z.number().int().describe('How many statements, in all articles, are this quote.'),
    firstSeen: z
      .string()
      .nullable()
      .describe('The earliest publication date (YYYY-MM-DD) of an article it appeared in; null when none is known.'),
    outlets: z
      .array(z.string())
      .describe('Every outlet it appeared in, in the order they first carried it (the first outlet first).'),
    statements: z
      .array(QuoteOccurrence)
      .describe(
        `Its occurrences, earliest publication first: all of them from \`/v1/quotes/{id}\`, the first ${LISTED_OCCURRENCES} in lists and exports.`,
      ),
  })
  .describe('One thing said, merged from every statement that repeats it: wire copies, reprints, other reports.')
  .meta({ id: 'Quote' });

export const QuoteList = facetedListOf(Quote, 'quotes', STATEMENT_FACETS);

export const QuoteQuery = z.strictObject({
  ...filterParams,
  speaker: text(200, 'speaker')
    .optional()
    .describe("Only quotes by this actor (the quote's speaker): an actor id or any of its names or aliases."),
  kind: z
    .enum(['direct', 'indirect'], { message: 'kind must be "direct" or "indirect"' })
    .optional()
    .describe('Only direct quotations or only reported speech.'),
  facet: facetParam(Object.keys(STATEMENT_FACETS)),
  facetSize: facetSizeParam,
  ...pageParams,
});

export type QuoteT = z.output<typeof Quote>;
export type QuoteFilters = z.output<typeof QuoteQuery>;
