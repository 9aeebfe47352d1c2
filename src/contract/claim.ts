// A claim: a check-worthy factual assertion and who makes it; its list and filters.

import { z } from 'zod';
import { distinctParam, facetParam, facetSizeParam, filterParams, pageParams, text } from './params.js';
import { ActorRef, Attribution, datedFields, facetedListOf, Span, TopicRef } from './shared.js';

export const Claim = z
  .object({
    id: z.number().int().describe('Claim id.'),
    articleId: z.string().describe('Id of the article it comes from.'),
    claimant: ActorRef.nullable().describe('Whose claim it is; null when the article asserts it in its own voice.'),
    text: z.string().describe('The check-worthy assertion, verbatim.'),
    statementId: z.number().int().nullable().describe('The statement that carries this claim, if any.'),
    ...datedFields,
    topics: z.array(TopicRef).describe('IPTC Media Topics assigned to it (at least one).'),
    mentions: z.array(ActorRef).describe('Actors mentioned in the claim.'),
    span: Span,
    attribution: Attribution,
  })
  .describe('A check-worthy factual assertion and who makes it.')
  .meta({ id: 'Claim' });

export const CLAIM_FACETS = {
  claimant: 'claimant (actor id)',
  actor: 'actor involved: the claimant or an actor mentioned (actor id)',
  topic: 'topic, sub-topics counted under their parents too (topic id)',
  date: 'day (YYYY-MM-DD): the claim date, else the publication date',
} as const;

export const ClaimList = facetedListOf(Claim, 'claims', CLAIM_FACETS);

export const ClaimQuery = z.strictObject({
  ...filterParams,
  claimant: text(200, 'claimant')
    .optional()
    .describe('Only claims made by this actor: an actor id or any of its names or aliases, case-insensitive.'),
  distinct: distinctParam,
  facet: facetParam(Object.keys(CLAIM_FACETS)),
  facetSize: facetSizeParam,
  ...pageParams,
});

export type ClaimT = z.output<typeof Claim>;
export type ClaimFilters = z.output<typeof ClaimQuery>;
