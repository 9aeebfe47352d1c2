// GET /v1/actors and /v1/actors/{id}: the people, organisations, countries, groups and places in the articles.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../problem.js';
import { articleParam, pageStart, sendPage } from '../lists.js';
import { problems } from '../responses.js';
import { Actor, ActorQuery, IdParam, listOf } from '../schemas.js';

export const actorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/actors', {
    schema: {
      operationId: 'listActors',
      tags: ['actors'],
      summary: 'List actors',
      description: 'Actors with their aliases, role, affiliation and counts. Their statements and claims are at `/v1/statements?speaker={id}` and `/v1/claims?claimant={id}`.',
      querystring: ActorQuery,
      response: { 200: listOf(Actor, 'actors'), ...problems(400) },
    },
  }, async (request, reply) => {
    const { article, type, q, cursor, limit } = request.query;
    const page = store.listActors({ articleId: articleParam(store, article), type, q }, pageStart(request, cursor), limit ?? 50);
    return sendPage(request, reply, page);
  });

  app.get('/v1/actors/:id', {
    schema: {
      operationId: 'getActor',
      tags: ['actors'],
      summary: 'Get an actor',
      description: 'One actor by id. Its statements are at `/v1/statements?speaker={id}`, everything it appears in at `/v1/statements?actor={id}`.',
      params: IdParam('actor'),
      response: { 200: Actor, ...problems(404) },
    },
  }, async (request) => {
    const actor = store.actor(request.params.id);
    if (!actor) throw notFound(`no actor has id "${request.params.id.slice(0, 80)}"; find ids with GET /v1/actors?q=NAME`);
    return actor;
  });
};
