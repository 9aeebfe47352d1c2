// buildApp({ db, logger }): the whole HTTP API as a Fastify instance that does not listen (server.ts does).

import Fastify, { type FastifyServerOptions } from 'fastify';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { DB } from '../store/db.js';
import { Store } from '../store/reader.js';
import { badParameter, errorHandler } from './problem.js';
import { actorRoutes } from './routes/actors.js';
import { articleRoutes } from './routes/articles.js';
import { claimRoutes } from './routes/claims.js';
import { healthRoutes } from './routes/health.js';
import { statementRoutes } from './routes/statements.js';
import { topicRoutes } from './routes/topics.js';
import { EXTRACTOR_VERSION } from '../version.js';
import type { IngestRouteOptions } from './routes/ingest.js';
import { notFoundHandler, securityPlugin, serverOptions, type RateLimitOptions, type TimeoutOptions } from './security.js';
import { facetRowsFromEnv } from '../config.js';
import { responseCache } from './response-cache.js';
import { httpOptionsFromEnv, httpPlugins, requestId, type HttpOptions } from './plugins.js';
import { swaggerTransform, swaggerTransformObject, swaggerUiOptions } from './spec.js';
import { webPages } from '../web/plugin.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: Store;
  }
}

export interface AppOptions {
  db: DB;
  logger?: FastifyServerOptions['logger'];
  /** Per-client rate limit; off unless given (server.ts reads it from the environment). */
  rateLimit?: RateLimitOptions | false;
  timeouts?: TimeoutOptions;
  /** CORS and caching; defaults come from the environment (see plugins.ts). */
  http?: HttpOptions;
  /** Facets count at most this many matches, the most recent; default WHOSAID_FACET_ROWS or 10,000. */
  facetRows?: number;
  /** Enables POST /v1/articles with this token and read-write connection; without it the API is read-only. */
  ingest?: IngestRouteOptions;
}

const storePlugin = fp<{ store: Store }>(async (app, { store }) => {
  app.decorate('store', store);
});

export const API_DESCRIPTION = `Who said what, when, about whom and about what: statements, claims, actors and topics extracted from news articles.

Lists share one envelope, \`{"data": [...], "next": cursor|null}\`, with the next page also in a \`Link\` header. Errors are RFC 9457 \`application/problem+json\`.`;

export async function buildApp({ db, logger = false, rateLimit = false, timeouts, http = httpOptionsFromEnv(), facetRows = facetRowsFromEnv(), ingest }: AppOptions) {
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
  await app.register(responseCache, { megabytes: http.responseCacheMb ?? 0, version: () => store.dataVersion() });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'whosaid API', version: EXTRACTOR_VERSION, description: API_DESCRIPTION, license: { name: 'MIT', identifier: 'MIT' } },
      servers: [{ url: 'http://127.0.0.1:3000', description: 'Local server (npm start)' }],
      // Public, read-only data: no operation needs credentials (stated explicitly so linters and clients know).
      security: [],
      // ...except the optional write, POST /v1/articles
      components: { securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', description: 'The token the server was started with (WHOSAID_INGEST_TOKEN).' } } },
      tags: [
        { name: 'statements', description: 'Direct quotations and reported speech.' },
        { name: 'claims', description: 'Check-worthy assertions and their claimants.' },
        { name: 'actors', description: 'People, organisations, countries, groups and places.' },
        { name: 'topics', description: 'IPTC Media Topics.' },
        { name: 'articles', description: 'The ingested news articles.' },
        { name: 'meta', description: 'Service health.' },
      ],
    },
    transform: swaggerTransform,
    transformObject: swaggerTransformObject,
  });
  await app.register(swaggerUi, swaggerUiOptions);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(storePlugin, { store });
  // A repeated parameter (?kind=a&kind=b) is ambiguous: say so rather than let a schema complain about an array.
  app.addHook('preValidation', async (request) => {
    for (const [name, value] of Object.entries((request.query ?? {}) as Record<string, unknown>)) {
      if (Array.isArray(value)) throw badParameter(name, `${name.slice(0, 60)} was given more than once; give it once`);
    }
  });
  app.setErrorHandler(errorHandler((request) => acceptedParams(app, request.routeOptions.url)));
  app.setNotFoundHandler(notFoundHandler(app));

  await app.register(statementRoutes);
  await app.register(claimRoutes);
  await app.register(actorRoutes);
  await app.register(topicRoutes);
  await app.register(articleRoutes);
  await app.register(healthRoutes);
  // imported only when enabled: it loads the extractor, which a read-only server never needs
  if (ingest) await app.register((await import('./routes/ingest.js')).ingestRoutes, ingest);
  // the pages for people, at / beside the API: the same store, their own headers and HTML errors (src/web)
  await app.register(webPages, { db, store });
  return app;
}

/** The query parameters a route accepts, for "unknown parameter" messages; read from the spec once per route. */
function acceptedParams(app: { swagger: () => unknown }, url: string | undefined): string[] {
  const path = (url ?? '').replace(/:(\w+)/g, '{$1}');
  let names = acceptedParamsCache.get(path);
  if (!names) {
    const doc = app.swagger() as { paths?: Record<string, { get?: { parameters?: { name: string; in: string }[] } }> };
    names = (doc.paths?.[path]?.get?.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name);
    acceptedParamsCache.set(path, names);
  }
  return names;
}
const acceptedParamsCache = new Map<string, string[]>();
