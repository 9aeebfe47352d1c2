// GET /health: liveness plus what the database holds.

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import * as examples from '../../contract/examples.js';
import { Health } from '../../contract/meta.js';
import { EXTRACTOR_VERSION } from '../../version.js';
import { ok, problems } from '../responses.js';

export const healthRoutes: FastifyPluginAsyncZod = async (app) => {
  const { store } = app;
  app.get(
    '/health',
    {
      schema: {
        operationId: 'getHealth',
        tags: ['meta'],
        summary: 'Health check',
        description:
          'Answers 200 while the server can read its database, with the number of articles and statements in it.',
        response: { 200: ok(Health, 'The server is up and can read its database.', examples.health), ...problems() },
      },
    },
    async () => ({ status: 'ok' as const, ...store.counts(), version: EXTRACTOR_VERSION }),
  );
};
