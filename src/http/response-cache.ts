// An in-process cache of GET answers, keyed by URL and Accept, dropped whenever the database changes.

import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { etagOf } from './plugins.js';

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
}

interface Entry {
  body: Buffer;
  headers: [string, string][];
}

interface Pending {
  key: string;
  version: string;
  /** Headers already set before the route ran (request id, security, CORS): per request, never stored. */
  before: Set<string>;
}

/** One answer larger than this share of the budget is not kept: it would push out many small ones. */
const LARGEST_SHARE = 1 / 16;

/**
 * Least-recently-used answers up to a byte budget. Map iteration order is insertion order, so a hit is moved to the
 * end by deleting and re-adding it, and eviction takes from the front.
 */
export class ByteLru {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  version = '';
  /** When `version` was last compared with the database's (performance.now()); 0 forces a look. */
  checkedAt = 0;

  constructor(readonly budget: number) {}

  get(key: string): Entry | undefined {
    const entry = this.entries.get(key);
    if (entry) {
      this.entries.delete(key);
      this.entries.set(key, entry);
    }
    return entry;
  }

  set(key: string, entry: Entry): void {
    const size = entry.body.length + key.length;
    if (size > this.budget * LARGEST_SHARE) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.budget) break;
      this.entries.delete(oldest);
      this.bytes -= old.body.length + oldest.length;
    }
  }

  clear(version: string): void {
    this.entries.clear();
    this.bytes = 0;
    this.version = version;
  }

  /** Drops every answer now and makes the next request look at the database's version (after a write). */
  invalidate(): void {
    this.clear('');
    this.checkedAt = 0;
  }

  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }

  private delete(key: string): void {
    const old = this.entries.get(key);
    if (!old) return;
    this.entries.delete(key);
    this.bytes -= old.body.length + key.length;
  }
}

const pending = new WeakMap<FastifyRequest, Pending>();

/** Only successful API reads are kept: not exports (streams), errors, the docs or the health check. */
const cacheable = (request: FastifyRequest) => request.method === 'GET' && request.url.startsWith('/v1/');

/** Accept picks the representation, and JSON-LD links are absolute (protocol and host). */
const keyOf = (request: FastifyRequest) => `${request.headers.accept ?? ''}\n${request.protocol}://${request.host}${request.url}`;

/**
 * The answer is kept as the route made it, before ETag, Cache-Control and compression (registered after this), so a
 * cached answer goes through the same hooks as a fresh one and only the query and serialization are skipped. The
 * database behind the API changes only by ingest, and `version` sees every change, so an answer never goes stale.
 * Registered before the plugins whose onSend hooks must see the stored body (httpPlugins).
 */
export const responseCache = fp<ResponseCacheOptions>(async (app: FastifyInstance, { megabytes, version, recheckMs = 100 }) => {
  if (!(megabytes > 0)) return;
  const lru = new ByteLru(megabytes * 1024 * 1024);
  app.decorate('responseCache', lru);
  /** The database's version, looked at again once `recheckMs` have passed since the last look. */
  const current = () => {
    const now = performance.now();
    if (lru.checkedAt === 0 || now - lru.checkedAt >= recheckMs) {
      lru.checkedAt = now;
      const v = version();
      if (v !== lru.version) lru.clear(v);
    }
    return lru.version;
  };

  // preParsing runs after every onRequest hook (request id, security headers, CORS), which a hit keeps
  app.addHook('preParsing', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!cacheable(request)) return;
    const now = current();
    const key = keyOf(request);
    const hit = lru.get(key);
    if (hit) {
      for (const [name, value] of hit.headers) reply.header(name, value);
      reply.header('x-cache', 'hit');
      return reply.code(200).send(hit.body);
    }
    pending.set(request, { key, version: now, before: new Set(Object.keys(reply.getHeaders())) });
  });

  app.addHook('onSend', async (request: FastifyRequest, reply: FastifyReply, payload: unknown) => {
    const miss = pending.get(request);
    if (!miss) return payload;
    pending.delete(request);
    reply.header('x-cache', 'miss');
    const body = typeof payload === 'string' ? Buffer.from(payload) : Buffer.isBuffer(payload) ? payload : null;
    if (reply.statusCode !== 200 || !body || current() !== miss.version) return payload;
    // tagged here so a hit need not hash its body again (@fastify/etag keeps a tag already set)
    if (!reply.hasHeader('etag')) reply.header('etag', etagOf(body));
    const headers = Object.entries(reply.getHeaders())
      .filter(([name, value]) => !miss.before.has(name) && name !== 'x-cache' && value !== undefined)
      .map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : String(value)] as [string, string]);
    lru.set(miss.key, { body, headers });
    return body;
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    responseCache?: ByteLru;
  }
}
