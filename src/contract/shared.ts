// The pieces every resource of the contract shares: spans, short references, attribution, dates, list envelopes, facets.

import { z } from 'zod';
import { ALL_RULES } from '../extract/rules.js';

export const ACTOR_TYPES = ['person', 'organization', 'country', 'group', 'place', 'other'] as const;
export const ActorType = z.enum(ACTOR_TYPES);

export const Span = z
  .object({
    start: z
      .number()
      .int()
      .describe(
        'Offset of the first character in the article body (UTF-16 code units, as JavaScript indexes strings).',
      ),
    end: z.number().int().describe('Offset just past the last character (exclusive).'),
  })
  .describe('Where the text sits in the article body: `body.slice(start, end)` is the text.')
  .meta({ id: 'Span' });

export const ActorRef = z
  .object({
    id: z
      .string()
      .describe(
        'Actor id (a readable slug), usable as `/v1/actors/{id}` and in the speaker, actor and claimant filters.',
      ),
    name: z.string().describe('Canonical name: the fullest form the articles use.'),
    type: ActorType.describe('What kind of actor this is.'),
  })
  .describe('A short reference to an actor.')
  .meta({ id: 'ActorRef' });

export const TopicRef = z
  .object({
    id: z.string().describe('Topic id (a readable slug), usable in the topic filter and as `/v1/topics/{id}`.'),
    label: z.string().describe('IPTC Media Topic label.'),
  })
  .describe('A short reference to a topic.')
  .meta({ id: 'TopicRef' });

export const Attribution = z
  .object({
    rule: z
      .enum(ALL_RULES)
      .describe(
        'The attribution pattern that proposed this item (`quote-then-cue`: “…,” X said; `cue-then-clause`: X said ' +
          'that …; `according-to`; `loose-quote`: a quotation attributed to the speaker the text is following; ' +
          '`interview-turn`; `claim-of-statement`: the factual content of a statement; …).',
      ),
    confidence: z
      .number()
      .min(0)
      .max(1)
      .describe(
        "The extraction models' probability that this item and its speaker are right, from 0 to 1; filter weak " +
          'extractions with `minConfidence`.',
      ),
  })
  .describe('Why the extractor attributed this item the way it did.')
  .meta({ id: 'Attribution' });

export const DATE_PRECISIONS = ['day', 'week', 'month', 'year'] as const;

/** When a statement or claim was made, as statements and claims both give it. */
export const datedFields = {
  date: z
    .string()
    .nullable()
    .describe(
      'When it was said (YYYY-MM-DD), resolved from the text against the publication date; a week is given by its ' +
        'Monday, a month by its first day. null when the text does not say.',
    ),
  datePrecision: z
    .enum(DATE_PRECISIONS)
    .nullable()
    .describe('How precise `date` is: day, week, month or year; null when there is no date.'),
  dateText: z.string().nullable().describe('The words in the article that date it, e.g. "on Thursday", "last week".'),
};

const nextField = z
  .string()
  .nullable()
  .describe(
    'Opaque cursor for the next page (pass it as `cursor`); null on the last page. Also sent as a ' +
      '`Link: <...>; rel="next"` header.',
  );

const capitalised = (name: string) => `${name[0].toUpperCase()}${name.slice(1)}`;

/** The list envelope every collection uses. */
export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({ data: z.array(item).describe('This page of results, in a stable order.'), next: nextField })
    .describe(`A page of ${name}.`)
    .meta({ id: `${capitalised(name)}List` });
}

export const FacetValue = z
  .object({
    value: z
      .string()
      .nullable()
      .describe(
        'The value: pass it back as the matching filter (`speaker`, `actor`, `topic`, `from`/`to`, `kind`, ' +
          '`claimant`) to narrow to these items. null counts items that have none (no speaker, no date).',
      ),
    label: z
      .string()
      .nullable()
      .describe(
        'Human-readable form of the value: the actor name or topic label; the value itself for dates and kinds; ' +
          'null with a null value.',
      ),
    count: z.number().int().describe('How many items of the whole filtered set (not just this page) have this value.'),
  })
  .describe('One value of a facet and how many items have it.')
  .meta({ id: 'FacetValue' });

export const FacetScope = z
  .object({
    counted: z.number().int().describe('How many matching items the counts cover.'),
    complete: z
      .boolean()
      .describe(
        'true: every match is counted. false: more items match than the server counts per request ' +
          '(WHOSAID_FACET_ROWS, 10,000 by default), and the counts cover the most recent `counted` of them; narrow ' +
          'the filters (a date range, a topic) for exact counts.',
      ),
  })
  .describe('What the facet counts cover; present with `facets`.')
  .meta({ id: 'FacetScope' });

const facetList = (what: string) =>
  z.array(FacetValue).optional().describe(`Counts per ${what}, most frequent first (up to \`facetSize\` values).`);

/** A list envelope that can also carry facet counts, like Datasette's `_facet`. */
export function facetedListOf<T extends z.ZodType>(item: T, name: string, facets: Record<string, string>) {
  return z
    .object({
      data: z.array(item).describe('This page of results, in a stable order.'),
      next: nextField,
      facets: z
        .object(Object.fromEntries(Object.entries(facets).map(([k, what]) => [k, facetList(what)])))
        .optional()
        .describe(
          'Present when `facet` is given: for each requested facet, counts over the items that match the filters ' +
            '(all of them, or the most recent ones: see `facetScope`).',
        ),
      facetScope: FacetScope.optional(),
    })
    .describe(`A page of ${name}, with facet counts when asked for.`)
    .meta({ id: `${capitalised(name)}List` });
}

export type ActorRefT = z.output<typeof ActorRef>;
export type TopicRefT = z.output<typeof TopicRef>;
export type FacetValueT = z.output<typeof FacetValue>;
