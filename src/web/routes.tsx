// The page routes: each validates its URL, asks PageData for what the page shows and renders it as HTML.

import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { VNode } from 'preact';
import { notFound } from '../http/problem.js';
import type { PageData } from './data.js';
import { CursorQuery, PeriodQuery, SearchQuery, SlugParam, StatementIdParam, StatementsPageQuery } from './query.js';
import { filtersOf, topicUrl } from './urls.js';
import { ActorPage } from './views/actor.js';
import { ArticlePage } from './views/article.js';
import { HomePage } from './views/home.js';
import { ArticlesPage, ErrorPage, SearchPage, TopicsPage } from './views/lists.js';
import { type AssetUrls, renderDocument } from './views/site.js';
import { StatementPage } from './views/statement.js';
import { StatementsPage } from './views/statements.js';
import { TopicPage } from './views/topic.js';

const sendHtml = (reply: FastifyReply, assets: AssetUrls, page: VNode, status = 200) =>
  reply.code(status).type('text/html; charset=utf-8').send(renderDocument(assets, page));

export const errorPage = (
  reply: FastifyReply,
  assets: AssetUrls,
  e: { status: number; title: string; detail: string },
) => sendHtml(reply, assets, <ErrorPage {...e} />, e.status);

/** The query as typed (the validated one has dates widened and numbers parsed): what the form shows and links keep. */
const typed = (request: FastifyRequest) => Object.fromEntries(new URLSearchParams(request.url.split('?')[1] ?? ''));

const hidden = { hide: true } as const;

/** Pages are made from the database alone, like the API's answers: kept in the response cache the same way. */
const config = { responseCache: true };

export const pageRoutes: FastifyPluginAsyncZod<{ pages: PageData; assets: AssetUrls }> = async (
  app,
  { pages, assets },
) => {
  const html = (reply: FastifyReply, page: VNode) => sendHtml(reply, assets, page);

  app.get('/', { schema: hidden, config }, async (_request, reply) => html(reply, <HomePage data={pages.home()} />));

  app.get('/statements', { schema: { ...hidden, querystring: StatementsPageQuery }, config }, async (request, reply) =>
    html(reply, <StatementsPage data={pages.statements(request.query, filtersOf(typed(request)))} />),
  );

  app.get('/statements/:id', { schema: { ...hidden, params: StatementIdParam }, config }, async (request, reply) => {
    const data = pages.statement(request.params.id);
    if (!data) throw notFound(`There is no statement ${request.params.id}.`);
    return html(reply, <StatementPage data={data} />);
  });

  app.get('/articles', { schema: { ...hidden, querystring: CursorQuery }, config }, async (request, reply) =>
    html(reply, <ArticlesPage data={pages.articles(request.query.cursor)} />),
  );

  app.get('/articles/:id', { schema: { ...hidden, params: SlugParam }, config }, async (request, reply) => {
    const data = pages.article(request.params.id);
    if (!data) throw notFound(`There is no article “${request.params.id.slice(0, 80)}”.`);
    return html(reply, <ArticlePage data={data} />);
  });

  app.get(
    '/actors/:id',
    { schema: { ...hidden, params: SlugParam, querystring: PeriodQuery }, config },
    async (request, reply) => {
      const data = pages.actor(request.params.id, request.query.period);
      if (!data) throw notFound(`There is no actor “${request.params.id.slice(0, 80)}”; search for a name instead.`);
      return html(reply, <ActorPage data={data} />);
    },
  );

  app.get('/topics', { schema: hidden, config }, async (_request, reply) =>
    html(reply, <TopicsPage data={pages.topics()} />),
  );

  app.get(
    '/topics/:id',
    { schema: { ...hidden, params: SlugParam, querystring: PeriodQuery }, config },
    async (request, reply) => {
      const data = pages.topic(request.params.id, request.query.period);
      if (!data) throw notFound(`There is no topic “${request.params.id.slice(0, 80)}”; see the list of topics.`);
      // an IPTC code or label finds the topic too; the page has one address
      if (data.topic.id !== request.params.id)
        return reply.redirect(
          `${topicUrl(data.topic.id)}${request.url.includes('?') ? `?${request.url.split('?')[1]}` : ''}`,
          301,
        );
      return html(reply, <TopicPage data={data} />);
    },
  );

  app.get('/search', { schema: { ...hidden, querystring: SearchQuery }, config }, async (request, reply) => {
    const q = request.query.q?.trim();
    if (!q) return reply.redirect('/', 303);
    return html(reply, <SearchPage data={pages.search(q)} />);
  });
};
