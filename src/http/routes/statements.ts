// GET /v1/statements and /v1/statements/{id}: who said what, filterable by article, speaker, actor, topic, date, kind and text.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { notFound } from '../problem.js';
import { pageStart, sendPage, statementSelection } from '../lists.js';
import { problems } from '../responses.js';
import { NumericIdParam, Statement, StatementQuery, listOf } from '../schemas.js';

export const statementRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;

  app.get('/v1/statements', {
    schema: {
      operationId: 'listStatements',
      tags: ['statements'],
      summary: 'List statements',
      description: 'Direct quotations and reported speech, oldest first. Filters combine with AND; an unknown speaker, actor or article gives an empty list.',
      querystring: StatementQuery,
      response: { 200: listOf(Statement, 'statements'), ...problems(400) },
    },
  }, async (request, reply) => {
    const after = pageStart(request, request.query.cursor);
    const page = store.listStatements(statementSelection(store, request.query), after, request.query.limit ?? 50);
    return sendPage(request, reply, page);
  });

  app.get('/v1/statements/:id', {
    schema: {
      operationId: 'getStatement',
      tags: ['statements'],
      summary: 'Get a statement',
      description: 'One statement by id, with its speaker, date, topics and mentions.',
      params: NumericIdParam('statement'),
      response: { 200: Statement, ...problems(400, 404) },
    },
  }, async (request) => {
    const statement = store.statement(request.params.id);
    if (!statement) throw notFound(`no statement has id ${request.params.id}`);
    return statement;
  });
};
