// GET /v1/claims and /v1/claims/{id}: check-worthy assertions and whose they are; every match as CSV or NDJSON, and
// one claim as schema.org JSON-LD, each at a path of its own.

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Claim, type ClaimFilters, ClaimList, ClaimQuery } from '../../contract/claim.js';
import * as examples from '../../contract/examples.js';
import { ClaimLd } from '../../contract/linked-data.js';
import { exportQuery, NumericIdParam } from '../../contract/params.js';
import type { ReadStore } from '../../contract/store.js';
import { claimLd, sendLinkedData, wantsLinkedData } from '../linked-data.js';
import { claimSelection, exportOperations, type ListSource, sendJsonText, sendList } from '../lists.js';
import { notFound } from '../problem.js';
import { ok, okJsonLd, problems } from '../responses.js';

const ExportQuery = exportQuery(ClaimQuery);

function claims(store: ReadStore, filters: Parameters<typeof claimSelection>[1]): ListSource<unknown> {
  const sel = claimSelection(store, filters);
  return {
    name: 'claims',
    item: Claim,
    pageJson: (after, limit) => store.listClaimsJson(sel, after, limit),
    all: (shape) => store.iterateClaims(sel, shape),
    facets: (names, size) => store.claimFacets(sel, names, size),
  };
}

const missing = (id: number) => notFound(`no claim has id ${id}`);

export const claimRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get(
    '/v1/claims',
    {
      schema: {
        operationId: 'listClaims',
        tags: ['claims'],
        summary: 'List claims',
        description:
          'Check-worthy factual assertions with their claimant, oldest first. Filters combine with AND. ' +
          '`facet=claimant,topic,date` adds counts per value over every match. Every match as CSV or NDJSON: ' +
          '`/v1/claims.csv`, `/v1/claims.ndjson`.',
        querystring: ClaimQuery,
        response: {
          200: ok(ClaimList, 'A page of claims, with `facets` when asked for.', examples.claimList),
          ...problems(400),
        },
      },
    },
    async (request, reply) => sendList(request, reply, request.query, claims(store, request.query)),
  );

  exportOperations(app, {
    path: '/v1/claims',
    tag: 'claims',
    what: 'claims',
    operation: 'Claims',
    item: Claim,
    examples: [examples.claim],
    query: ExportQuery,
    source: (query: ClaimFilters) => claims(store, query),
  });

  app.get(
    '/v1/claims/:id',
    {
      schema: {
        operationId: 'getClaim',
        tags: ['claims'],
        summary: 'Get a claim',
        description:
          'One claim by id, with its claimant and the statement that carries it. As a schema.org Claim: ' +
          '`/v1/claims/{id}.jsonld`.',
        params: NumericIdParam('claim', 1),
        response: { 200: ok(Claim, 'The claim.', examples.claim), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      if (wantsLinkedData(request, reply)) return linkedClaim(store, request, reply);
      const json = store.claimJson(request.params.id);
      if (json === null) throw missing(request.params.id);
      return sendJsonText(reply as unknown as FastifyReply, json);
    },
  );

  app.get(
    '/v1/claims/:id.jsonld',
    {
      schema: {
        operationId: 'getClaimJsonLd',
        tags: ['claims'],
        summary: 'Get a claim as JSON-LD',
        description:
          'One claim as a schema.org Claim (`author`, `datePublished`, `appearance` in the article), for ' +
          'knowledge-graph tools.',
        params: NumericIdParam('claim', 1),
        response: { 200: okJsonLd(ClaimLd, 'The claim as JSON-LD.', examples.claimLd), ...problems(400, 404) },
      },
    },
    async (request, reply) => linkedClaim(store, request, reply),
  );
};

function linkedClaim(
  store: ReadStore,
  request: Parameters<typeof claimLd>[0] & { params: { id: number } },
  reply: FastifyReply,
) {
  const claim = store.claim(request.params.id);
  if (!claim) throw missing(request.params.id);
  return sendLinkedData(reply, claimLd(request, store, claim));
}
