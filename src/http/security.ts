// Hardening of the HTTP API: errors below the router as problems, method rules, security headers, rate limits and timeouts.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import rateLimit from '@fastify/rate-limit';
import type {
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  FastifyServerOptions,
  HTTPMethods,
} from 'fastify';
import fp from 'fastify-plugin';
import helmet from 'helmet';
import { DEFAULT_TIMEOUTS, type RateLimitOptions, type TimeoutOptions } from '../config.js';
import { PROBLEM_MEDIA_TYPE } from '../contract/meta.js';
import { HttpProblem, problemTitle, sendProblem } from './problem.js';

export type { RateLimitOptions, TimeoutOptions } from '../config.js';

const rawProblem = (status: number, slug: string, detail: string) =>
  JSON.stringify({ type: `urn:whosaid:problem:${slug}`, title: problemTitle(status), status, detail });

/**
 * Errors Node's HTTP parser raises before Fastify sees a request (a URL or headers over 16 KB, malformed HTTP,
 * a client too slow to send its request): answered as problem+json on the raw socket, then the socket is closed.
 */
function clientErrorHandler(this: FastifyInstance, err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  let status = 400;
  let body = rawProblem(400, 'bad-request', 'the request is not valid HTTP/1.1');
  if (err.code === 'HPE_HEADER_OVERFLOW') {
    status = 431;
    body = rawProblem(
      431,
      'header-overflow',
      'the URL and headers together are over the 16 KB limit: shorten the URL or its parameter values',
    );
  } else if (err.code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    status = 408;
    body = rawProblem(408, 'request-timeout', 'the request did not arrive in time');
  }
  this.log.debug({ err }, 'client error');
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: ${PROBLEM_MEDIA_TYPE}\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/** Errors the router raises itself (a path that is not valid percent-encoding, an over-long path segment). */
function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const path = request.raw.url?.split('?')[0] ?? '';
  const parameter = /^\/v1\/[a-z]+\/./.test(path) ? 'id' : undefined;
  if (err.code === 'FST_ERR_BAD_URL')
    return sendProblem(request, reply, 400, 'bad-url', 'the path is not valid percent-encoded UTF-8', parameter);
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH')
    return sendProblem(
      request,
      reply,
      414,
      'uri-too-long',
      'a path segment is over 500 characters; ids are much shorter',
      parameter,
    );
  return sendProblem(request, reply, 400, 'bad-request', 'the request could not be routed');
}

/** Options for the Fastify constructor: the handlers above and the timeouts. */
export function serverOptions(timeouts: TimeoutOptions = DEFAULT_TIMEOUTS): Partial<FastifyServerOptions> {
  return {
    clientErrorHandler,
    frameworkErrors,
    connectionTimeout: timeouts.connectionTimeoutMs,
    // between requests Node applies the keep-alive timeout instead of the connection timeout
    ...(timeouts.connectionTimeoutMs > 0 && { keepAliveTimeout: timeouts.connectionTimeoutMs }),
    requestTimeout: timeouts.requestTimeoutMs,
    // Node enforces the request timeout only when it checks its connections (every 30 s by default) and wants the
    // headers timeout no longer than it: both follow the configured timeout so a slow client gets its 408 in time
    ...(timeouts.requestTimeoutMs > 0 && {
      http: {
        connectionsCheckingInterval: Math.max(100, Math.min(30_000, Math.floor(timeouts.requestTimeoutMs / 4))),
        headersTimeout: Math.min(60_000, timeouts.requestTimeoutMs),
      },
    }),
  } as Partial<FastifyServerOptions>;
}

const METHODS: HTTPMethods[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

/** The methods a path answers to, for the Allow header; empty when no route has the path. */
function allowedMethods(app: FastifyInstance, path: string): string[] {
  const found = METHODS.filter((method) => app.findRoute({ method, url: path }) !== null);
  if (!found.length) return [];
  return [...found.flatMap((m) => (m === 'GET' ? ['GET', 'HEAD'] : [m])), 'OPTIONS'];
}

/**
 * Requests no route takes: OPTIONS on a known path answers its Allow header, any other method on a known path is a
 * 405 problem with Allow (the API is read-only apart from POST /v1/articles), and everything else a 404 problem.
 */
export function notFoundHandler(app: FastifyInstance) {
  return (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    let allow: string[] = [];
    try {
      allow = allowedMethods(app, path);
    } catch {
      allow = []; // a path the router cannot even parse has no methods
    }
    if (allow.length && request.method === 'OPTIONS') return reply.code(204).header('allow', allow.join(', ')).send();
    if (allow.length) {
      reply.header('allow', allow.join(', '));
      const hint =
        request.method === 'POST' && /^\/v1\/articles\/?$/.test(path)
          ? '; ingesting over HTTP is enabled only when the server is started with WHOSAID_INGEST_TOKEN'
          : '';
      return sendProblem(
        request,
        reply,
        405,
        'method-not-allowed',
        `${request.method} is not allowed on ${path.slice(0, 200)}; it accepts ${allow.join(', ')}${hint}`,
      );
    }
    return sendProblem(
      request,
      reply,
      404,
      'not-found',
      `no route ${request.method} ${path.slice(0, 200)}; the API is under /v1 (see /docs)`,
    );
  };
}

export interface SecurityPluginOptions {
  rateLimit?: RateLimitOptions | false;
}

type HelmetOptions = Parameters<typeof helmet>[0];

/**
 * The headers a helmet configuration sets, worked out once: helmet's middleware is run against a stand-in response
 * at start-up, so a request costs a few setHeader calls rather than building the middleware again.
 */
export function helmetHeaders(options: HelmetOptions): [string, string][] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: unknown) => void headers.set(name, String(value)),
    removeHeader: (name: string) => void headers.delete(name),
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  return [...headers];
}

/** The public data is meant to be used from other sites (with CORS); helmet's same-origin would block that. */
const crossOrigin = { crossOriginResourcePolicy: { policy: 'cross-origin' as const } };

/**
 * Pages (Swagger UI): helmet's defaults. The CSP allows everything from 'self', which is all /docs loads (Swagger
 * UI is served locally with no inline script), minus upgrade-insecure-requests, which would send the browser to
 * https on a server that speaks plain http.
 */
export const PAGE_HEADERS = helmetHeaders({
  ...crossOrigin,
  contentSecurityPolicy: { directives: { 'upgrade-insecure-requests': null } },
});

/**
 * whosaid's own pages (src/web): nothing inline, everything from this server. Scripts and styles only from files
 * (no 'unsafe-inline'), no plugins, no framing, forms only to this server; article text is escaped when rendered,
 * and this policy stops any markup that slipped through from running or loading anything.
 */
export const WEB_PAGE_HEADERS = helmetHeaders({
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'none'"],
      'script-src': ["'self'"],
      'style-src': ["'self'"],
      'img-src': ["'self'"],
      'connect-src': ["'self'"],
      'form-action': ["'self'"],
      'base-uri': ["'none'"],
      'frame-ancestors': ["'none'"],
    },
  },
  frameguard: { action: 'deny' },
});

/**
 * API answers (JSON, problems, the OpenAPI document): what OWASP's REST Security Cheat Sheet and GitHub's API send.
 * Their CSP loads nothing and may not be framed; the headers that only mean something for an HTML page (opener
 * and agent cluster isolation, DNS prefetch, IE download and XSS filters, Flash policies) are left out.
 */
export const API_HEADERS = helmetHeaders({
  ...crossOrigin,
  contentSecurityPolicy: {
    useDefaults: false,
    directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] },
  },
  frameguard: { action: 'deny' },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
});

/** Security headers on every response and, when configured, a per-client rate limit. */
export const securityPlugin = fp<SecurityPluginOptions>(async (app, { rateLimit: limit = false }) => {
  // Once the server is closing, answers close their connection: a keep-alive connection whose request was in
  // flight when SIGTERM came would otherwise hold the shutdown open until the client's keep-alive ran out.
  app.decorate('closing', false);
  app.addHook('preClose', async () => {
    app.closing = true;
  });
  app.addHook('onSend', async (_request, reply, payload) => {
    if (app.closing) reply.header('connection', 'close');
    return payload;
  });
  app.addHook('onRequest', (request, reply, done) => {
    const headers = request.url.startsWith('/docs') ? PAGE_HEADERS : API_HEADERS;
    for (const [name, value] of headers) reply.raw.setHeader(name, value);
    done();
  });
  if (limit) {
    await app.register(rateLimit, {
      max: limit.max,
      timeWindow: limit.windowMs,
      errorResponseBuilder: (_request, context) =>
        new HttpProblem(
          429,
          'rate-limited',
          `the limit of ${context.max} requests per ${limit.windowMs / 1000} s from one address is reached; retry after ${context.after}`,
        ),
    });
  }
});

declare module 'fastify' {
  interface FastifyInstance {
    /** Set once the server is closing: answers then close their connection (see securityPlugin). */
    closing: boolean;
  }
}
