// GET /v1/actors and /v1/actors/{id}: the people, organisations, countries, groups and places in the articles.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../examples.js';
import { notFound } from '../problem.js';
import { articleParam, sendList } from '../lists.js';
import { ok, okList, problems } from '../responses.js';
import { Actor, ActorQuery, IdParam, listOf } from '../schemas.js';

export const actorRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/actors', {
    schema: {
      operationId: 'listActors',
      tags: ['actors'],
      summary: 'List actors',
      description: 'Actors with their aliases, role, affiliation and counts. Their statements and claims are at `/v1/statements?speaker={id}` and `/v1/claims?claimant={id}`. `format=csv` or `format=ndjson` exports every match.',
      querystring: ActorQuery,
      response: { 200: okList(listOf(Actor, 'actors'), 'A page of actors.', examples.actorList), ...problems(400) },
    },
  }, async (request, reply) => {
    const { article, type, q } = request.query;
    const sel = { articleId: articleParam(store, article), type, q };
    return sendList(request, reply, request.query, {
      name: 'actors',
      item: Actor,
      page: (after, limit) => store.listActors(sel, after, limit),
      all: () => store.iterateActors(sel),
    });
  });

  app.get('/v1/actors/:id', {
    schema: {
      operationId: 'getActor',
      tags: ['actors'],
      summary: 'Get an actor',
      description: 'One actor by id. Its statements are at `/v1/statements?speaker={id}`, everything it appears in at `/v1/statements?actor={id}`.',
      params: IdParam('actor', 'mark-rutte'),
      response: { 200: ok(Actor, 'The actor.', examples.actor), ...problems(404) },
    },
  }, async (request) => {
    const actor = store.actor(request.params.id);
    if (!actor) throw notFound(`no actor has id "${request.params.id.slice(0, 80)}"; find ids with GET /v1/actors?q=NAME`);
    return actor;
  });
};
