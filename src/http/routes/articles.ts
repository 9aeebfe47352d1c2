// GET /v1/articles and /v1/articles/{id}: the ingested articles and their text.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../problem.js';
import { pageStart, sendPage } from '../lists.js';
import { problems } from '../responses.js';
import { Article, ArticleDetail, ArticleQuery, IdParam, listOf } from '../schemas.js';

export const articleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/articles', {
    schema: {
      operationId: 'listArticles',
      tags: ['articles'],
      summary: 'List articles',
      description: 'Ingested articles in the order they were first ingested, with what was extracted from each.',
      querystring: ArticleQuery,
      response: { 200: listOf(Article, 'articles'), ...problems(400) },
    },
  }, async (request, reply) => {
    const { from, to, cursor, limit } = request.query;
    return sendPage(request, reply, store.listArticles({ from, to }, pageStart(request, cursor), limit ?? 50));
  });

  app.get('/v1/articles/:id', {
    schema: {
      operationId: 'getArticle',
      tags: ['articles'],
      summary: 'Get an article',
      description: 'One article with its body text, the text every `span` points into.',
      params: IdParam('article'),
      response: { 200: ArticleDetail, ...problems(404) },
    },
  }, async (request) => {
    const article = store.article(request.params.id);
    if (!article) throw notFound(`no article has id "${request.params.id.slice(0, 80)}"`);
    return article;
  });
};
