// GET /v1/claims and /v1/claims/{id}: check-worthy assertions and whose they are.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../problem.js';
import { claimSelection, pageStart, sendPage } from '../lists.js';
import { problems } from '../responses.js';
import { Claim, ClaimQuery, NumericIdParam, listOf } from '../schemas.js';

export const claimRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/claims', {
    schema: {
      operationId: 'listClaims',
      tags: ['claims'],
      summary: 'List claims',
      description: 'Check-worthy factual assertions with their claimant, oldest first. Filters combine with AND.',
      querystring: ClaimQuery,
      response: { 200: listOf(Claim, 'claims'), ...problems(400) },
    },
  }, async (request, reply) => {
    const after = pageStart(request, request.query.cursor);
    const page = store.listClaims(claimSelection(store, request.query), after, request.query.limit ?? 50);
    return sendPage(request, reply, page);
  });

  app.get('/v1/claims/:id', {
    schema: {
      operationId: 'getClaim',
      tags: ['claims'],
      summary: 'Get a claim',
      description: 'One claim by id, with its claimant and the statement that carries it.',
      params: NumericIdParam('claim'),
      response: { 200: Claim, ...problems(400, 404) },
    },
  }, async (request) => {
    const claim = store.claim(request.params.id);
    if (!claim) throw notFound(`no claim has id ${request.params.id}`);
    return claim;
  });
};
