// GET /v1/topics and /v1/topics/{id}: the IPTC Media Topics statements and claims are filed under.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../problem.js';
import { problems } from '../responses.js';
import { pageStart, sendPage } from '../lists.js';
import { IdParam, Topic, TopicQuery, listOf } from '../schemas.js';

export const topicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/topics', {
    schema: {
      operationId: 'listTopics',
      tags: ['topics'],
      summary: 'List topics',
      description: 'Every topic of the taxonomy in IPTC code order, with counts that include sub-topics (the whole taxonomy fits on one page of 500).',
      querystring: TopicQuery,
      response: { 200: listOf(Topic, 'topics'), ...problems(400) },
    },
  }, async (request, reply) => {
    const { cursor, limit } = request.query;
    return sendPage(request, reply, store.listTopics(pageStart(request, cursor), limit ?? 500));
  });

  app.get('/v1/topics/:id', {
    schema: {
      operationId: 'getTopic',
      tags: ['topics'],
      summary: 'Get a topic',
      description: 'One topic by id (an IPTC code or label also works). Its statements are at `/v1/statements?topic={id}`.',
      params: IdParam('topic'),
      response: { 200: Topic, ...problems(404) },
    },
  }, async (request) => {
    const id = store.topicId(request.params.id);
    const topic = id === null ? null : store.topic(id);
    if (!topic) throw notFound(`no topic has id "${request.params.id.slice(0, 80)}"; see GET /v1/topics`);
    return topic;
  });
};
