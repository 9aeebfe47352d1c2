// An in-process cache of GET answers, keyed by URL and Accept, dropped whenever the database changes.

import { PassThrough, pipeline, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { LRUCache } from 'lru-cache';

export interface ResponseCacheOptions {
  /** Megabytes of answer bodies to keep; 0 turns the cache off. */
  megabytes: number;
  /** The database's version: any change to it (an ingest, from this or another process) empties the cache. */
  version: () => string;
  /**
   * Milliseconds between two looks at `version` (default 100): reading SQLite's data_version takes a file lock, about
   * 15 µs, a tenth of a cached answer's cost. Writes by this process call `invalidate()` and show at once; an ingest
   * by another process shows within this time.
   */
  recheckMs?: number;
  /** The clock `recheckMs` is measured on, in milliseconds (default performance.now; tests pass their own). */
  now?: () => number;
}

interface Entry {
  /** The body as sent: compressed when the answer was. */
  body: Buffer;
  /** Every header the answer was sent with, except those of PER_REQUEST and those set before the route ran. */
  headers: [string, string][];
  etag?: string;
}

interface Pending {
  key: string;
  version: string;
  /** Headers already set before the route ran (request id, rate limit, CORS): per request, never stored. */
  before: Set<string>;
}

/** One answer larger than this share of the budget is not kept: it would push out many small ones. */
const LARGEST_SHARE = 1 / 16;

/**
 * The kept answers, least recently used dropped first once their bytes (body and key) pass the budget, and the
 * database version they were made from.
 */
export class AnswerCache {
  private readonly lru: LRUCache<string, Entry>;
  version = '';
  /** When `version` was last compared with the database's; null forces a look. */
  checkedAt: number | null = null;

  constructor(readonly budget: number) {
    this.lru = new LRUCache<string, Entry>({
      maxSize: budget,
      maxEntrySize: this.largest,
      sizeCalculation: (entry, key) => entry.body.length + key.length,
    });
  }

  /** The largest answer kept, in bytes. */
  get largest(): number {
    return this.budget * LARGEST_SHARE;
  }

  get(key: string): Entry | undefined {
    return this.lru.get(key);
  }

  set(key: string, entry: Entry): void {
    if (entry.body.length + key.length > this.largest) return;
    this.lru.set(key, entry);
  }

  clear(version: string): void {
    this.lru.clear();
    this.version = version;
  }

  /** Drops every answer now and makes the next request look at the database's version (after a write). */
  invalidate(): void {
    this.clear('');
    this.checkedAt = null;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.lru.size, bytes: this.lru.calculatedSize };
  }
}

const pending = new WeakMap<FastifyRequest, Pending>();

/** A GET route whose answers are kept: the API's, and the web pages' (which opt in with `config.responseCache`). */
const kept = (url: string, config: { responseCache?: boolean } | undefined) =>
  url.startsWith('/v1/') || config?.responseCache === true;

/** Only successful reads of those routes are kept: not exports (streams), errors, the docs or the health check. */
const cacheable = (request: FastifyRequest) =>
  request.method === 'GET' && kept(request.url, request.routeOptions.config);

/**
 * What makes a different answer to the same URL: Accept picks the representation, JSON-LD links are absolute
 * (protocol and host), and Accept-Encoding (with X-No-Compression) picks the compression, so each encoding's bytes
 * are kept as sent and a hit never compresses again.
 */
const keyOf = (request: FastifyRequest) => {
  const h = request.headers;
  return `${h.accept ?? ''}\n${h['accept-encoding'] ?? ''}\n${h['x-no-compression'] === undefined ? '' : 'x'}\n${request.protocol}://${request.host}${request.url}`;
};

/** Headers of the message rather than the answer: never kept (a hit gets its own length and X-Cache). */
const PER_REQUEST = new Set(['content-length', 'x-cache', 'connection', 'transfer-encoding']);

/**
 * The bytes in memory of their own. Node makes small buffers (under 4 KB) as slices of a shared 8 KB slab, and a
 * kept slice would hold its whole slab: up to 16 times the answer's size, unseen by the byte budget.
 */
export function owned(bytes: Buffer): Buffer {
  if (bytes.byteOffset === 0 && bytes.buffer.byteLength === bytes.length) return bytes;
  const copy = Buffer.allocUnsafeSlow(bytes.length);
  bytes.copy(copy);
  return copy;
}

/** @fastify/etag's test, so a hit answers 304 exactly when a fresh answer would. */
const etagMatches = (given: string | undefined, etag: string | undefined) =>
  given !== undefined && etag !== undefined && (given === etag || given === `W/${etag}` || `W/${given}` === etag);

/**
 * The answer is kept as it was sent: after ETag, Cache-Control and compression, so a hit writes stored bytes and
 * stored headers without running the route, its query, serialization, hashing or compression. The hooks that
 * depend on the request itself (security headers, rate limit, request id, CORS) are app-wide onRequest hooks, so
 * they run for a hit as for any request. The database behind the API changes only by ingest, and `version` sees
 * every change, so an answer never goes stale.
 *
 * Registered after every other plugin: its hooks are per route, added to each GET /v1 route once the plugins'
 * own route hooks are in place, so its onRequest runs after all others and its onSend sees the final answer.
 */
export const responseCache = fp<ResponseCacheOptions>(async (app: FastifyInstance, options) => {
  const { megabytes, version, recheckMs = 100, now: clock = () => performance.now() } = options;
  if (!(megabytes > 0)) return;
  const lru = new AnswerCache(megabytes * 1024 * 1024);
  app.decorate('responseCache', lru);
  /** The database's version, looked at again once `recheckMs` have passed since the last look. */
  const current = () => {
    const now = clock();
    if (lru.checkedAt === null || now - lru.checkedAt >= recheckMs) {
      lru.checkedAt = now;
      const v = version();
      if (v !== lru.version) lru.clear(v);
    }
    return lru.version;
  };

  function serveHit(request: FastifyRequest, reply: FastifyReply, done: () => void) {
    if (!cacheable(request)) return done();
    const now = current();
    const key = keyOf(request);
    const hit = app.closing ? undefined : lru.get(key);
    if (!hit) {
      pending.set(request, { key, version: now, before: new Set(Object.keys(reply.getHeaders())) });
      return done();
    }
    const res = reply.raw;
    for (const [name, value] of Object.entries(reply.getHeaders())) if (value !== undefined) res.setHeader(name, value);
    for (const [name, value] of hit.headers) res.setHeader(name, value);
    res.setHeader('x-cache', 'hit');
    reply.hijack();
    if (etagMatches(request.headers['if-none-match'], hit.etag)) {
      // as @fastify/etag's 304: an empty body, which compression leaves alone
      if (res.hasHeader('content-encoding')) {
        res.removeHeader('content-encoding');
        res.setHeader(
          'vary',
          String(res.getHeader('vary'))
            .split(/,\s*/)
            .filter((v) => v.toLowerCase() !== 'accept-encoding')
            .join(', '),
        );
      }
      res.writeHead(304);
      res.end();
      return;
    }
    res.setHeader('content-length', hit.body.length);
    res.writeHead(200);
    res.end(hit.body);
  }

  /** The headers to keep: the final ones, less those set per request. */
  function keptHeaders(reply: FastifyReply, before: Set<string>): [string, string][] {
    const headers: [string, string][] = [];
    for (const [name, value] of Object.entries(reply.getHeaders())) {
      // vary is begun by CORS and added to by the route and compression: the final value is the answer's
      if (value === undefined || PER_REQUEST.has(name) || (before.has(name) && name !== 'vary')) continue;
      headers.push([name, Array.isArray(value) ? value.join(', ') : String(value)]);
    }
    return headers;
  }

  // App-wide, so it runs before compression (a route hook): exports are streams from the start and never kept
  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    if (pending.has(request) && !(typeof payload === 'string' || Buffer.isBuffer(payload))) {
      pending.delete(request);
      reply.header('x-cache', 'miss');
    }
    return payload;
  });

  function keep(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (err: null, payload?: unknown) => void,
  ) {
    const miss = pending.get(request);
    if (!miss) return done(null, payload);
    pending.delete(request);
    reply.header('x-cache', 'miss');
    if (reply.statusCode !== 200 || current() !== miss.version) return done(null, payload);
    const headers = keptHeaders(reply, miss.before);
    const etag = reply.getHeader('etag') as string | undefined;
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      const body = owned(typeof payload === 'string' ? Buffer.from(payload) : payload);
      lru.set(miss.key, { body, headers, etag });
      return done(null, body);
    }
    // @fastify/compress's streams come from its own copy of the streams module: told by shape, not class
    if (typeof (payload as Readable | null)?.pipe !== 'function') return done(null, payload);
    // compressed as a stream (over @fastify/compress's sync threshold): the bytes are kept as they pass through
    const chunks: Buffer[] = [];
    let size = 0;
    (payload as Readable).on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= lru.largest) chunks.push(chunk);
    });
    const copy = new PassThrough();
    pipeline(payload as Readable, copy, (err) => {
      if (!err && size <= lru.largest && lru.version === miss.version)
        lru.set(miss.key, { body: owned(Buffer.concat(chunks)), headers, etag });
    });
    done(null, copy);
  }

  app.addHook('onRoute', (route) => {
    const methods = ([] as string[]).concat(route.method);
    if (!methods.includes('GET') || !kept(route.url, route.config)) return;
    route.onRequest = [...([] as unknown[]).concat(route.onRequest ?? []), serveHit] as typeof route.onRequest;
    route.onSend = [...([] as unknown[]).concat(route.onSend ?? []), keep] as typeof route.onSend;
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    responseCache?: AnswerCache;
  }
  interface FastifyContextConfig {
    /** Keep this route's answers in the response cache (every /v1 GET route is kept anyway). */
    responseCache?: boolean;
  }
}
