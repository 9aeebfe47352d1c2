// GET /v1/actors and /v1/actors/{id}: the people, organisations, countries, groups and places in the articles; every
// match as CSV or NDJSON at paths of their own.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Actor, type ActorFilters, ActorList, ActorQuery } from '../../contract/actor.js';
import * as examples from '../../contract/examples.js';
import { exportQuery, IdParam } from '../../contract/params.js';
import type { ReadStore } from '../../contract/store.js';
import { articleParam, exportOperations, type ListSource, sendList } from '../lists.js';
import { notFound } from '../problem.js';
import { ok, problems } from '../responses.js';

function actors(
  store: ReadStore,
  { article, type, q }: Pick<ActorFilters, 'article' | 'type' | 'q'>,
): ListSource<unknown> {
  const sel = { articleId: articleParam(store, article), type, q };
  return {
    name: 'actors',
    item: Actor,
    page: (after, limit) => store.listActors(sel, after, limit),
    all: () => store.iterateActors(sel),
  };
}

export const actorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get(
    '/v1/actors',
    {
      schema: {
        operationId: 'listActors',
        tags: ['actors'],
        summary: 'List actors',
        description:
          'Actors with their aliases, role, affiliation and counts. Their statements and claims are at ' +
          '`/v1/statements?speaker={id}` and `/v1/claims?claimant={id}`. Every match as CSV or NDJSON: ' +
          '`/v1/actors.csv`, `/v1/actors.ndjson`.',
        querystring: ActorQuery,
        response: { 200: ok(ActorList, 'A page of actors.', examples.actorList), ...problems(400) },
      },
    },
    async (request, reply) => sendList(request, reply, request.query, actors(store, request.query)),
  );

  exportOperations(app, {
    path: '/v1/actors',
    tag: 'actors',
    what: 'actors',
    operation: 'Actors',
    item: Actor,
    examples: [examples.actor],
    query: exportQuery(ActorQuery),
    source: (query: ActorFilters) => actors(store, query),
  });

  app.get(
    '/v1/actors/:id',
    {
      schema: {
        operationId: 'getActor',
        tags: ['actors'],
        summary: 'Get an actor',
        description:
          'One actor by id. Its statements are at `/v1/statements?speaker={id}`, everything it appears in at ' +
          '`/v1/statements?actor={id}`.',
        params: IdParam('actor', 'mark-rutte'),
        response: { 200: ok(Actor, 'The actor.', examples.actor), ...problems(404) },
      },
    },
    async (request) => {
      const actor = store.actor(request.params.id);
      if (!actor) {
        throw notFound(`no actor has id "${request.params.id.slice(0, 80)}"; find ids with GET /v1/actors?q=NAME`);
      }
      return actor;
    },
  );
};
