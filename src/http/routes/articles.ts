// GET /v1/articles and /v1/articles/{id}: the ingested articles and their text; every match as CSV or NDJSON at paths
// of their own.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { Article, ArticleDetail, type ArticleFilters, ArticleList, ArticleQuery } from '../../contract/article.js';
import * as examples from '../../contract/examples.js';
import { exportQuery, IdParam } from '../../contract/params.js';
import type { ReadStore } from '../../contract/store.js';
import { exportOperations, type ListSource, sendList } from '../lists.js';
import { notFound } from '../problem.js';
import { ok, problems } from '../responses.js';

function articles(
  store: ReadStore,
  { from, to, distinct }: Pick<ArticleFilters, 'from' | 'to' | 'distinct'>,
): ListSource<unknown> {
  const sel = { from, to, distinct };
  return {
    name: 'articles',
    item: Article,
    page: (after, limit) => store.listArticles(sel, after, limit),
    all: () => store.iterateArticles(sel),
  };
}

export const articleRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get(
    '/v1/articles',
    {
      schema: {
        operationId: 'listArticles',
        tags: ['articles'],
        summary: 'List articles',
        description:
          'Ingested articles in the order they were first ingested, with what was extracted from each; `copyOf` marks ' +
          'a wire copy of an earlier article, and `distinct=true` leaves copies out. Every match as CSV or NDJSON: ' +
          '`/v1/articles.csv`, `/v1/articles.ndjson`.',
        querystring: ArticleQuery,
        response: { 200: ok(ArticleList, 'A page of articles.', examples.articleList), ...problems(400) },
      },
    },
    async (request, reply) => sendList(request, reply, request.query, articles(store, request.query)),
  );

  exportOperations(app, {
    path: '/v1/articles',
    tag: 'articles',
    what: 'articles',
    operation: 'Articles',
    item: Article,
    examples: [examples.article],
    query: exportQuery(ArticleQuery),
    source: (query: ArticleFilters) => articles(store, query),
  });

  app.get(
    '/v1/articles/:id',
    {
      schema: {
        operationId: 'getArticle',
        tags: ['articles'],
        summary: 'Get an article',
        description: 'One article with its body text, the text every `span` points into.',
        params: IdParam('article', '000_945e9eab9f0c3dd6'),
        response: { 200: ok(ArticleDetail, 'The article with its text.', examples.articleDetail), ...problems(404) },
      },
    },
    async (request) => {
      const article = store.article(request.params.id);
      if (!article) throw notFound(`no article has id "${request.params.id.slice(0, 80)}"`);
      return article;
    },
  );
};
