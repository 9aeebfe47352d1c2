// GET /v1/quotes and /v1/quotes/{id}: each thing said once, with every article that carried it (its occurrences, first
// appearance and outlets); every match as CSV or NDJSON at paths of its own.

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../../contract/examples.js';
import { exportQuery, NumericIdParam } from '../../contract/params.js';
import { Quote, type QuoteFilters, QuoteList, QuoteQuery } from '../../contract/quote.js';
import type { ReadStore } from '../../contract/store.js';
import { exportOperations, type ListSource, quoteSelection, sendJsonText, sendList } from '../lists.js';
import { notFound } from '../problem.js';
import { ok, problems } from '../responses.js';

function* parsed(json: Iterable<string>): Generator<unknown> {
  for (const text of json) yield JSON.parse(text);
}

function quotes(store: ReadStore, filters: Parameters<typeof quoteSelection>[1]): ListSource<unknown> {
  const sel = quoteSelection(store, filters);
  return {
    name: 'quotes',
    item: Quote,
    pageJson: (after, limit) => store.listQuotesJson(sel, after, limit),
    all: (shape) => (shape === 'json' ? store.iterateQuotes(sel) : parsed(store.iterateQuotes(sel))),
    facets: (names, size) => store.quoteFacets(sel, names, size),
  };
}

export const quoteRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get(
    '/v1/quotes',
    {
      schema: {
        operationId: 'listQuotes',
        tags: ['quotes'],
        summary: 'List quotes',
        description:
          'Each thing said once: statements with the same words (after case, punctuation, quotation marks, ' +
          'whitespace and Unicode forms are normalised) or nearly the same words (a word changed, a clause cut), by ' +
          'compatible speakers, are one quote, wherever they appeared. The filters, facets and order are those of ' +
          "`GET /v1/statements`, applied to the occurrence that stands for each quote (its speaker's most specific " +
          'one, then the longest). Every match as CSV or NDJSON: `/v1/quotes.csv`, `/v1/quotes.ndjson`.',
        querystring: QuoteQuery,
        response: {
          200: ok(QuoteList, 'A page of quotes, with `facets` when asked for.', examples.quoteList),
          ...problems(400),
        },
      },
    },
    async (request, reply) => sendList(request, reply, request.query, quotes(store, request.query)),
  );

  exportOperations(app, {
    path: '/v1/quotes',
    tag: 'quotes',
    what: 'quotes',
    operation: 'Quotes',
    item: Quote,
    examples: [examples.quote],
    query: exportQuery(QuoteQuery),
    source: (query: QuoteFilters) => quotes(store, query),
  });

  app.get(
    '/v1/quotes/:id',
    {
      schema: {
        operationId: 'getQuote',
        tags: ['quotes'],
        summary: 'Get a quote',
        description:
          'One quote with every occurrence, earliest publication first: where it appeared first (`firstSeen`, the ' +
          'first of `outlets`) and every outlet that carried it. A statement gives its quote as `quoteId`.',
        params: NumericIdParam('quote', 4),
        response: { 200: ok(Quote, 'The quote with every occurrence.', examples.quote), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      const json = store.quoteJson(request.params.id);
      if (json === null) throw notFound(`no quote has id ${request.params.id}; a statement gives its quote as quoteId`);
      return sendJsonText(reply as unknown as FastifyReply, json);
    },
  );
};
