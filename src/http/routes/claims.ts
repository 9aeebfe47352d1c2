// GET /v1/claims and /v1/claims/{id}: check-worthy assertions and whose they are.

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../examples.js';
import { notFound } from '../problem.js';
import { claimSelection, sendJsonText, sendList } from '../lists.js';
import { claimLd, sendLinkedData, wantsLinkedData } from '../linked-data.js';
import { okLinked, okList, problems } from '../responses.js';
import { Claim, ClaimLd, ClaimList, ClaimQuery, NumericIdParam } from '../schemas.js';

export const claimRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/claims', {
    schema: {
      operationId: 'listClaims',
      tags: ['claims'],
      summary: 'List claims',
      description: 'Check-worthy factual assertions with their claimant, oldest first. Filters combine with AND. `facet=claimant,topic,date` adds counts per value over every match; `format=csv` or `format=ndjson` exports every match.',
      querystring: ClaimQuery,
      response: { 200: okList(ClaimList, 'A page of claims, with `facets` when asked for.', examples.claimList), ...problems(400) },
    },
  }, async (request, reply) => {
    const sel = claimSelection(store, request.query);
    return sendList(request, reply, request.query, {
      name: 'claims',
      item: Claim,
      pageJson: (after, limit) => store.listClaimsJson(sel, after, limit),
      all: () => store.iterateClaims(sel),
      facets: (names, size) => store.claimFacets(sel, names, size),
    });
  });

  app.get('/v1/claims/:id', {
    schema: {
      operationId: 'getClaim',
      tags: ['claims'],
      summary: 'Get a claim',
      description: 'One claim by id, with its claimant and the statement that carries it; as a schema.org Claim with `Accept: application/ld+json`.',
      params: NumericIdParam('claim', 1),
      response: { 200: okLinked(Claim, ClaimLd, 'The claim.', examples.claim, examples.claimLd), ...problems(400, 404) },
    },
  }, async (request, reply) => {
    if (!wantsLinkedData(request, reply)) {
      const json = store.claimJson(request.params.id);
      if (json === null) throw notFound(`no claim has id ${request.params.id}`);
      return sendJsonText(reply as unknown as FastifyReply, json);
    }
    const claim = store.claim(request.params.id);
    if (!claim) throw notFound(`no claim has id ${request.params.id}`);
    return sendLinkedData(reply, claimLd(request, store, claim));
  });
};
