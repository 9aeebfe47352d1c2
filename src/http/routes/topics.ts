// GET /v1/topics and /v1/topics/{id}: the IPTC Media Topics statements and claims are filed under; the taxonomy as
// CSV or NDJSON at paths of their own.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../../contract/examples.js';
import { exportQuery, IdParam } from '../../contract/params.js';
import type { ReadStore } from '../../contract/store.js';
import { Topic, TopicList, TopicQuery } from '../../contract/topic.js';
import { exportOperations, type ListSource, sendList } from '../lists.js';
import { notFound } from '../problem.js';
import { ok, problems } from '../responses.js';

const topics = (store: ReadStore): ListSource<unknown> => ({
  name: 'topics',
  item: Topic,
  page: (after, limit) => store.listTopics(after, limit),
  all: () => store.iterateTopics(),
});

export const topicRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get(
    '/v1/topics',
    {
      schema: {
        operationId: 'listTopics',
        tags: ['topics'],
        summary: 'List topics',
        description:
          'Every topic of the taxonomy in IPTC code order, with counts that include sub-topics (the whole taxonomy ' +
          'fits on one page of 500). As CSV or NDJSON: `/v1/topics.csv`, `/v1/topics.ndjson`.',
        querystring: TopicQuery,
        response: { 200: ok(TopicList, 'A page of topics.', examples.topicList), ...problems(400) },
      },
    },
    async (request, reply) => sendList(request, reply, request.query, topics(store), 500),
  );

  exportOperations(app, {
    path: '/v1/topics',
    tag: 'topics',
    what: 'topics',
    operation: 'Topics',
    item: Topic,
    examples: [examples.topic],
    query: exportQuery(TopicQuery),
    source: () => topics(store),
  });

  app.get(
    '/v1/topics/:id',
    {
      schema: {
        operationId: 'getTopic',
        tags: ['topics'],
        summary: 'Get a topic',
        description:
          'One topic by id (an IPTC code or label also works). Its statements are at `/v1/statements?topic={id}`.',
        params: IdParam('topic', 'conflict-war-and-peace'),
        response: { 200: ok(Topic, 'The topic.', examples.topic), ...problems(404) },
      },
    },
    async (request) => {
      const id = store.topicId(request.params.id);
      const topic = id === null ? null : store.topic(id);
      if (!topic) throw notFound(`no topic has id "${request.params.id.slice(0, 80)}"; see GET /v1/topics`);
      return topic;
    },
  );
};
