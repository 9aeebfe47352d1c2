// HTTP behaviour around every route: ETag/304, Cache-Control, gzip/brotli, CORS and the X-Request-Id header.

import { constants as zlib } from 'node:zlib';
import compress from '@fastify/compress';
import cors from '@fastify/cors';
import etag from '@fastify/etag';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { HttpOptions } from '../config.js';
import type { ReadStore } from '../contract/store.js';
import { errorHandler } from './problem.js';

const SAFE_REQUEST_ID = /^[\w.:@/+=-]{1,128}$/;

/** The caller's X-Request-Id when it is a sane token (so it can be echoed and logged safely), else a new UUID. */
export function requestId(request: { headers: Record<string, string | string[] | undefined> }): string {
  const given = request.headers['x-request-id'];
  return typeof given === 'string' && SAFE_REQUEST_ID.test(given) ? given : crypto.randomUUID();
}

function corsOrigin(setting: string | undefined): boolean | string | string[] {
  const value = (setting ?? '*').trim();
  if (value === '' || value === 'off' || value === 'false') return false;
  if (value === '*') return '*';
  return value
    .split(',')
    .map((o) => o.trim())
    .filter(Boolean);
}

/** Registered before any route so every route, Swagger UI's assets and the 404 handler get these hooks. */
export const httpPlugins = fp<HttpOptions>(async (app: FastifyInstance, opts) => {
  const maxAge = opts.cacheMaxAge ?? 60;

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // Data changes only when articles are ingested, so a short max-age plus ETag revalidation is both fresh and cheap.
  app.addHook('onSend', async (request: FastifyRequest, reply, payload) => {
    if ((request.method === 'GET' || request.method === 'HEAD') && !reply.hasHeader('cache-control')) {
      const ok = reply.statusCode < 300 || reply.statusCode === 304;
      reply.header(
        'cache-control',
        ok ? `public, max-age=${maxAge}, stale-while-revalidate=${maxAge * 10}` : 'no-cache',
      );
    }
    return payload;
  });

  const corsOptions = {
    origin: corsOrigin(opts.corsOrigins),
    methods: ['GET', 'HEAD'],
    exposedHeaders: ['ETag', 'Link', 'X-Request-Id', 'Content-Disposition'],
    maxAge: 86400,
  };
  // @fastify/cors adds an OPTIONS * route before app.ts sets the app's error handler: give it the problem handler.
  app.addHook('onRoute', (route) => {
    if (route.method === 'OPTIONS' && route.url === '*') route.errorHandler = errorHandler(() => []);
  });
  // Only a real preflight (Origin plus Access-Control-Request-Method) is answered by CORS; a plain OPTIONS falls
  // through to the not-found handler, which answers it with the path's Allow header.
  const [preflight, plain] = [
    { ...corsOptions, preflight: true },
    { ...corsOptions, preflight: false },
  ];
  await app.register(cors, {
    delegator: (request, done) =>
      done(null, request.headers.origin && request.headers['access-control-request-method'] ? preflight : plain),
  });
  // Registered before compress so the ETag hashes the uncompressed body; weak, because the bytes differ per encoding.
  await app.register(etag, { weak: true });
  await app.register(compress, {
    global: true,
    encodings: ['br', 'gzip', 'deflate'],
    // Quality 11 (the default) costs far more CPU than it saves on JSON; 5 is close in size at a fraction of the time.
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 5 } },
    customTypes:
      /^(?:text\/|application\/(?:[\w.+-]*\+)?json|application\/x-ndjson|application\/javascript|image\/svg)/,
  });
});

/** The store every route reads through, as `app.store` (src/app.ts hands it over). */
export const storePlugin = fp<{ store: ReadStore }>(async (app, { store }) => {
  app.decorate('store', store);
});

declare module 'fastify' {
  interface FastifyInstance {
    store: ReadStore;
  }
}
