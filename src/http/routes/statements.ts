// GET /v1/statements and /v1/statements/{id}: who said what, filterable by article, speaker, actor, topic, date, kind and text.

import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../examples.js';
import { notFound } from '../problem.js';
import { sendJsonText, sendList, statementSelection } from '../lists.js';
import { quotation, sendLinkedData, wantsLinkedData } from '../linked-data.js';
import { okLinked, okList, problems } from '../responses.js';
import { NumericIdParam, QuotationLd, Statement, StatementList, StatementQuery } from '../schemas.js';

export const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/statements', {
    schema: {
      operationId: 'listStatements',
      tags: ['statements'],
      summary: 'List statements',
      description: 'Direct quotations and reported speech, oldest first. Filters combine with AND; an unknown speaker, actor or article gives an empty list. `facet=speaker,topic` adds counts per value over every match ("who spoke most about North Korea this week" is `?actor=north-korea&from=2024-11-11&facet=speaker`); `format=csv` or `format=ndjson` exports every match.',
      querystring: StatementQuery,
      response: { 200: okList(StatementList, 'A page of statements, with `facets` when asked for.', examples.statementList, examples.statementsCsv, examples.statementsNdjson), ...problems(400) },
    },
  }, async (request, reply) => {
    const sel = statementSelection(store, request.query);
    return sendList(request, reply, request.query, {
      name: 'statements',
      item: Statement,
      pageJson: (after, limit) => store.listStatementsJson(sel, after, limit),
      all: () => store.iterateStatements(sel),
      facets: (names, size) => store.statementFacets(sel, names, size),
    });
  });

  app.get('/v1/statements/:id', {
    schema: {
      operationId: 'getStatement',
      tags: ['statements'],
      summary: 'Get a statement',
      description: 'One statement by id, with its speaker, date, topics and mentions; as a schema.org Quotation with `Accept: application/ld+json`.',
      params: NumericIdParam('statement', 7),
      response: { 200: okLinked(Statement, QuotationLd, 'The statement.', examples.statement, examples.quotationLd), ...problems(400, 404) },
    },
  }, async (request, reply) => {
    if (!wantsLinkedData(request, reply)) {
      const json = store.statementJson(request.params.id);
      if (json === null) throw notFound(`no statement has id ${request.params.id}`);
      return sendJsonText(reply as unknown as FastifyReply, json);
    }
    const statement = store.statement(request.params.id);
    if (!statement) throw notFound(`no statement has id ${request.params.id}`);
    return sendLinkedData(reply, quotation(request, store, statement));
  });
};
