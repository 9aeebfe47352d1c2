// GET /v1/topics and /v1/topics/{id}: the IPTC Media Topics statements and claims are filed under.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../examples.js';
import { notFound } from '../problem.js';
import { ok, okList, problems } from '../responses.js';
import { sendList } from '../lists.js';
import { IdParam, Topic, TopicQuery, listOf } from '../schemas.js';

export const topicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/topics', {
    schema: {
      operationId: 'listTopics',
      tags: ['topics'],
      summary: 'List topics',
      description: 'Every topic of the taxonomy in IPTC code order, with counts that include sub-topics (the whole taxonomy fits on one page of 500). `format=csv` or `format=ndjson` exports it.',
      querystring: TopicQuery,
      response: { 200: okList(listOf(Topic, 'topics'), 'A page of topics.', examples.topicList), ...problems(400) },
    },
  }, async (request, reply) => {
    return sendList(request, reply, request.query, {
      name: 'topics',
      item: Topic,
      page: (after, limit) => store.listTopics(after, limit),
      all: () => store.iterateTopics(),
    }, 500);
  });

  app.get('/v1/topics/:id', {
    schema: {
      operationId: 'getTopic',
      tags: ['topics'],
      summary: 'Get a topic',
      description: 'One topic by id (an IPTC code or label also works). Its statements are at `/v1/statements?topic={id}`.',
      params: IdParam('topic', 'conflict-war-and-peace'),
      response: { 200: ok(Topic, 'The topic.', examples.topic), ...problems(404) },
    },
  }, async (request) => {
    const id = store.topicId(request.params.id);
    const topic = id === null ? null : store.topic(id);
    if (!topic) throw notFound(`no topic has id "${request.params.id.slice(0, 80)}"; see GET /v1/topics`);
    return topic;
  });
};
