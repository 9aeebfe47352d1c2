// GET /v1/articles and /v1/articles/{id}: the ingested articles and their text.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../examples.js';
import { notFound } from '../problem.js';
import { sendList } from '../lists.js';
import { ok, okList, problems } from '../responses.js';
import { Article, ArticleDetail, ArticleQuery, IdParam, listOf } from '../schemas.js';

export const articleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/articles', {
    schema: {
      operationId: 'listArticles',
      tags: ['articles'],
      summary: 'List articles',
      description: 'Ingested articles in the order they were first ingested, with what was extracted from each. `format=csv` or `format=ndjson` exports every match.',
      querystring: ArticleQuery,
      response: { 200: okList(listOf(Article, 'articles'), 'A page of articles.', examples.articleList), ...problems(400) },
    },
  }, async (request, reply) => {
    const sel = { from: request.query.from, to: request.query.to };
    return sendList(request, reply, request.query, {
      name: 'articles',
      item: Article,
      page: (after, limit) => store.listArticles(sel, after, limit),
      all: () => store.iterateArticles(sel),
    });
  });

  app.get('/v1/articles/:id', {
    schema: {
      operationId: 'getArticle',
      tags: ['articles'],
      summary: 'Get an article',
      description: 'One article with its body text, the text every `span` points into.',
      params: IdParam('article', '000_945e9eab9f0c3dd6'),
      response: { 200: ok(ArticleDetail, 'The article with its text.', examples.articleDetail), ...problems(404) },
    },
  }, async (request) => {
    const article = store.article(request.params.id);
    if (!article) throw notFound(`no article has id "${request.params.id.slice(0, 80)}"`);
    return article;
  });
};
