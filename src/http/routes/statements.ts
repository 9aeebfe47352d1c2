// GET /v1/statements and /v1/statements/{id}: who said what, filterable by article, speaker, actor, topic, date, kind
// and text; every match as CSV or NDJSON, and one statement as schema.org JSON-LD, each at a path of its own.

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../../contract/examples.js';
import { QuotationLd } from '../../contract/linked-data.js';
import { exportQuery, NumericIdParam } from '../../contract/params.js';
import { Statement, type StatementFilters, StatementList, StatementQuery } from '../../contract/statement.js';
import type { ReadStore } from '../../contract/store.js';
import { quotation, sendLinkedData, wantsLinkedData } from '../linked-data.js';
import { exportOperations, type ListSource, sendJsonText, sendList, statementSelection } from '../lists.js';
import { notFound } from '../problem.js';
import { ok, okJsonLd, problems } from '../responses.js';

const ExportQuery = exportQuery(StatementQuery);

function statements(store: ReadStore, filters: Parameters<typeof statementSelection>[1]): ListSource<unknown> {
  const sel = statementSelection(store, filters);
  return {
    name: 'statements',
    item: Statement,
    pageJson: (after, limit) => store.listStatementsJson(sel, after, limit),
    all: (shape) => store.iterateStatements(sel, shape),
    facets: (names, size) => store.statementFacets(sel, names, size),
  };
}

const missing = (id: number) => notFound(`no statement has id ${id}`);

export const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get(
    '/v1/statements',
    {
      schema: {
        operationId: 'listStatements',
        tags: ['statements'],
        summary: 'List statements',
        description:
          'Direct quotations and reported speech, oldest first. Filters combine with AND; an unknown speaker, actor ' +
          'or article gives an empty list. `facet=speaker,topic` adds counts per value over every match ("who spoke ' +
          'most about North Korea this week" is `?actor=north-korea&from=2024-11-11&facet=speaker`). Every match as ' +
          'CSV or NDJSON: `/v1/statements.csv`, `/v1/statements.ndjson`.',
        querystring: StatementQuery,
        response: {
          200: ok(StatementList, 'A page of statements, with `facets` when asked for.', examples.statementList),
          ...problems(400),
        },
      },
    },
    async (request, reply) => sendList(request, reply, request.query, statements(store, request.query)),
  );

  exportOperations(app, {
    path: '/v1/statements',
    tag: 'statements',
    what: 'statements',
    operation: 'Statements',
    item: Statement,
    examples: [examples.natoStatement, examples.statement],
    query: ExportQuery,
    source: (query: StatementFilters) => statements(store, query),
  });

  app.get(
    '/v1/statements/:id',
    {
      schema: {
        operationId: 'getStatement',
        tags: ['statements'],
        summary: 'Get a statement',
        description:
          'One statement by id, with its speaker, date, topics and mentions. As a schema.org Quotation: ' +
          '`/v1/statements/{id}.jsonld`.',
        params: NumericIdParam('statement', 7),
        response: { 200: ok(Statement, 'The statement.', examples.statement), ...problems(400, 404) },
      },
    },
    async (request, reply) => {
      if (wantsLinkedData(request, reply)) return linkedStatement(store, request, reply);
      const json = store.statementJson(request.params.id);
      if (json === null) throw missing(request.params.id);
      return sendJsonText(reply as unknown as FastifyReply, json);
    },
  );

  app.get(
    '/v1/statements/:id.jsonld',
    {
      schema: {
        operationId: 'getStatementJsonLd',
        tags: ['statements'],
        summary: 'Get a statement as JSON-LD',
        description:
          'One statement as a schema.org Quotation (`spokenByCharacter`, `dateCreated`, `isBasedOn` the article), ' +
          'for knowledge-graph tools.',
        params: NumericIdParam('statement', 7),
        response: {
          200: okJsonLd(QuotationLd, 'The statement as JSON-LD.', examples.quotationLd),
          ...problems(400, 404),
        },
      },
    },
    async (request, reply) => linkedStatement(store, request, reply),
  );
};

function linkedStatement(
  store: ReadStore,
  request: Parameters<typeof quotation>[0] & { params: { id: number } },
  reply: FastifyReply,
) {
  const statement = store.statement(request.params.id);
  if (!statement) throw missing(request.params.id);
  return sendLinkedData(reply, quotation(request, store, statement));
}
