// buildApp(options): the whole server as a Fastify instance that does not listen (server.ts does): the HTTP API under
// /v1 (src/http) and the pages for people at / (src/web), over one store. Every setting is an explicit option; only
// server.ts reads them from the environment.

import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  DEFAULT_FACET_ROWS,
  DEFAULT_RESPONSE_CACHE_MB,
  type HttpOptions,
  type RateLimitOptions,
  type TimeoutOptions,
} from './config.js';
import { httpPlugins, requestId, storePlugin } from './http/plugins.js';
import { badParameter, errorHandler } from './http/problem.js';
import { responseCache } from './http/response-cache.js';
import { actorRoutes } from './http/routes/actors.js';
import { articleRoutes } from './http/routes/articles.js';
import { claimRoutes } from './http/routes/claims.js';
import { healthRoutes } from './http/routes/health.js';
import type { IngestRouteOptions } from './http/routes/ingest.js';
import { quoteRoutes } from './http/routes/quotes.js';
import { statementRoutes } from './http/routes/statements.js';
import { topicRoutes } from './http/routes/topics.js';
import { notFoundHandler, securityPlugin, serverOptions } from './http/security.js';
import { openApiOptions, swaggerUiOptions } from './http/spec.js';
import { type DB, databaseFault } from './store/db.js';
import { Store } from './store/reader.js';
import { webPages } from './web/plugin.js';

export interface AppOptions {
  db: DB;
  logger?: FastifyServerOptions['logger'];
  /** Per-client rate limit; off unless given. */
  rateLimit?: RateLimitOptions | false;
  timeouts?: TimeoutOptions;
  /** CORS, caching and the response cache (16 MB unless given). */
  http?: HttpOptions;
  /** Facets count at most this many matches, the most recent (default 10,000). */
  facetRows?: number;
  /** Enables POST /v1/articles with this token and read-write connection; without it the API is read-only. */
  ingest?: IngestRouteOptions;
  /** The clock, in milliseconds, the response cache times its look at the database by (tests pass their own). */
  clock?: () => number;
}

export async function buildApp(options: AppOptions) {
  const { db, logger = false, rateLimit = false, timeouts, facetRows = DEFAULT_FACET_ROWS, ingest, clock } = options;
  const http = { responseCacheMb: DEFAULT_RESPONSE_CACHE_MB, ...options.http };
  const app = Fastify({
    ...serverOptions(timeouts),
    logger,
    genReqId: requestId,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  await app.register(securityPlugin, { rateLimit });
  const store = new Store(db, facetRows);
  await app.register(httpPlugins, http);
  // after httpPlugins, before the routes: it keeps answers as their hooks leave them (see response-cache.ts)
  await app.register(responseCache, {
    megabytes: http.responseCacheMb,
    version: () => store.dataVersion(),
    now: clock,
  });

  await app.register(swagger, openApiOptions);
  await app.register(swaggerUi, swaggerUiOptions);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(storePlugin, { store });
  // A repeated parameter (?kind=a&kind=b) is ambiguous: say so rather than let a schema complain about an array.
  app.addHook('preValidation', async (request) => {
    for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(value)) throw badParameter(name, `${name.slice(0, 60)} was given more than once; give it once`);
    }
  });
  const accepted = acceptedParams(app);
  app.setErrorHandler(errorHandler((request) => accepted(request.routeOptions.url)));
  app.setNotFoundHandler(notFoundHandler(app));

  await app.register(statementRoutes);
  await app.register(quoteRoutes);
  await app.register(claimRoutes);
  await app.register(actorRoutes);
  await app.register(topicRoutes);
  await app.register(articleRoutes);
  await app.register(healthRoutes);
  // imported only when enabled: it loads the extractor, which a read-only server never needs
  if (ingest) {
    const { ingestRoutes } = await import('./http/routes/ingest.js');
    const fault = (err: unknown) => databaseFault(ingest.db, err);
    await app.register(ingestRoutes, { ...ingest, store: new Store(ingest.db), fault });
  }
  // the pages for people, at / beside the API: the same store, their own headers and HTML errors (src/web)
  await app.register(webPages, { db, store });
  return app;
}

/** The query parameters a route accepts, for "unknown parameter" messages; read from the spec once per route. */
function acceptedParams(app: { swagger: () => unknown }): (url: string | undefined) => string[] {
  const known = new Map<string, string[]>();
  return (url) => {
    const path = (url ?? '').replace(/:(\w+)/g, '{$1}');
    let names = known.get(path);
    if (!names) {
      type Doc = { paths?: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
      const doc = app.swagger() as Doc;
      names = (doc.paths?.[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
      known.set(path, names);
    }
    return names;
  };
}
