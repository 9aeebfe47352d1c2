// A statement: one direct quotation or piece of reported speech, with who said it and when; its list and filters.

import { z } from 'zod';
import { distinctParam, facetParam, facetSizeParam, filterParams, pageParams, text } from './params.js';
import { ActorRef, Attribution, datedFields, facetedListOf, Span, TopicRef } from './shared.js';

export const Statement = z
  .object({
    id: z.number().int().describe('Statement id.'),
    articleId: z.string().describe('Id of the article it comes from.'),
    quoteId: z
      .number()
      .int()
      .describe(
        'The quote this statement is an occurrence of (`/v1/quotes/{quoteId}`): statements with the same or nearly ' +
          'the same words by compatible speakers, in any article, share it.',
      ),
    speaker: ActorRef.nullable().describe('Who said it; null when the text does not say (scare quotes, slogans).'),
    kind: z
      .enum(['direct', 'indirect'])
      .describe('`direct` when any of it is in quotation marks, `indirect` for reported speech.'),
    text: z.string().describe('The words said: the quotation without its marks, or the reported clause.'),
    cue: z
      .string()
      .nullable()
      .describe('The verb or phrase that attributes it: said, warned, wrote, according to, ...'),
    ...datedFields,
    topics: z.array(TopicRef).describe('IPTC Media Topics assigned to it (at least one).'),
    mentions: z.array(ActorRef).describe('Actors mentioned in the text of the statement.'),
    span: Span,
    attribution: Attribution,
  })
  .describe('One direct quotation or piece of reported speech, with who said it and when.')
  .meta({ id: 'Statement' });

export const STATEMENT_FACETS = {
  speaker: 'speaker (actor id)',
  actor: 'actor involved: the speaker or an actor mentioned (actor id)',
  topic: 'topic, sub-topics counted under their parents too (topic id)',
  date: 'day (YYYY-MM-DD): the statement date, else the publication date',
  kind: 'kind (`direct` or `indirect`)',
} as const;

export const StatementList = facetedListOf(Statement, 'statements', STATEMENT_FACETS);

export const StatementQuery = z.strictObject({
  ...filterParams,
  speaker: text(200, 'speaker')
    .optional()
    .describe(
      'Only statements by this actor: an actor id or any of its names or aliases, case-insensitive (`rutte`, ' +
        '`mark-rutte`).',
    ),
  kind: z
    .enum(['direct', 'indirect'], { message: 'kind must be "direct" or "indirect"' })
    .optional()
    .describe('Only direct quotations or only reported speech.'),
  distinct: distinctParam,
  facet: facetParam(Object.keys(STATEMENT_FACETS)),
  facetSize: facetSizeParam,
  ...pageParams,
});

export type StatementT = z.output<typeof Statement>;
export type StatementFilters = z.output<typeof StatementQuery>;
